"""A busy region for Mijn werk, made through the real services (fictional people only).

Aldermeer (the meldpunt of ``lead_a``, served by the ZVH Noordkaap) has: two new signals that
make an open match suggestion, a case with a meeting next week where the GGZ is invited to the
item as an incidental partner, an intervention of the police due in five days, a review,
reassessment and informing to reconsider, a data-subject request that asks the others for input,
and a signal that the sweep will delete soon. Brookdam and Zuiderhaven have work of their own
that must never show up in Aldermeer's lists (planted), not even as a count.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from schakel.cases.choices import InformingStatus, InterventionKind
from schakel.cases.lifecycle_services import (
    InformingInput,
    case_reassess,
    case_record_informing,
    case_schedule_review,
)
from schakel.cases.models import AgendaItem, Case, Intervention
from schakel.cases.tests.factories import invite, on_agenda, open_case, planned_intervention
from schakel.intake.models import MatchSuggestion, Signal
from schakel.intake.tests.factories import membership_of, register
from schakel.privacy.models import SubjectRequest
from schakel.privacy.tests.request_factories import acting, register_request


@dataclass
class World:
    case: Case
    item: AgendaItem
    intervention: Intervention
    suggestion: MatchSuggestion
    request: SubjectRequest
    expiring: Signal
    planted: list[str]  # references of other municipalities' work


def busy_region(personas: Any) -> World:
    today = timezone.localdate()
    with acting(personas.lead_a):
        case = open_case(personas)
    director = membership_of(personas.director)
    with acting(personas.director):
        case_schedule_review(
            membership=director, case=case, next_review_on=today + timedelta(days=3)
        )
        case_reassess(membership=director, case=case, next_due_on=today + timedelta(days=20))
        case_record_informing(
            membership=director,
            case=case,
            data=InformingInput(
                status=InformingStatus.DEFERRED,
                note="Lopend onderzoek.",
                reconsider_on=today + timedelta(days=15),
            ),
        )
        item = on_agenda(personas, case)
        invite(personas, item, personas.ggz)
        intervention = planned_intervention(
            director,
            case,
            kind=InterventionKind.CARE,
            owner=personas.police,
            description="Gesprek met de wijkagent.",
            days=5,
        )
    # Two partners register the same resident: a new signal each and an open suggestion.
    pair = {"given_names": "Sem", "date_of_birth": date(2001, 1, 9)}
    register(personas.police_member, residence=personas.municipality_a, surname="Veldkamp", **pair)
    second = register(
        personas.school_member, residence=personas.municipality_a, surname="Veltkamp", **pair
    )
    [suggestion] = second.suggestions
    request = register_request(personas, case)
    expiring = Signal.objects.filter(pk=second.signal.pk)
    expiring.update(expires_at=timezone.now() + timedelta(days=10))
    # Brookdam and Zuiderhaven: their own signals and suggestions.
    planted = []
    for lead, municipality, name, born in (
        (personas.lead_b, personas.municipality_b, "Brakelman", date(1987, 5, 5)),
        (personas.outsider, personas.municipality_other_region, "Zwijsen", date(1979, 11, 2)),
    ):
        person = {"given_names": "Mirjam", "date_of_birth": born}
        register(lead, residence=municipality, surname=name + "s", **person)
        other = register(lead, residence=municipality, surname=name, **person)
        planted.append(other.signal.reference)
        planted += [str(s.pk).split("-")[0].upper() for s in other.suggestions]
    return World(
        case=case,
        item=item,
        intervention=intervention,
        suggestion=suggestion,
        request=request,
        expiring=second.signal,
        planted=planted,
    )
