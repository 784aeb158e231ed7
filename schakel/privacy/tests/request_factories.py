"""Test data for data-subject requests, made through the real services (fictional people only).

``full_story`` walks a person through the whole chain so that every kind of organisation took
part: a signal of the meldpunt of Aldermeer (with a person in the direct environment), a
weighing with the police and the OM, a case with the ZVH and a structural GGZ participation, an
agenda item with the school invited, a disclosure by the police, an action plan with an
intervention owned by the GGZ, a decision of the meeting and an online research entry.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils import timezone

from schakel.accounts.models import User
from schakel.cases.choices import InterventionKind, ParticipationKind
from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.meetings.services import decision_record, meeting_acknowledge
from schakel.cases.models import AgendaItem, Case, Disclosure
from schakel.cases.services import ParticipationInput, participation_add
from schakel.cases.tests.factories import (
    first_draft,
    invite,
    on_agenda,
    open_case,
    planned_intervention,
)
from schakel.core import context
from schakel.intake.choices import DataCategory, Relation, ReportedBy
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.services import RelatedPersonInput
from schakel.intake.tests.factories import membership_of, register
from schakel.legal.models import LegalBasis
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests.decisions import (
    ContributionInput,
    DecisionInput,
    contribution_answer,
    request_decide,
)
from schakel.privacy.requests.origins import origin_for
from schakel.privacy.requests.services import RegistrationInput, request_register

# Planted values: the person's own data, and what must never reach the export.
PERSON_SURNAME = "Hoogeveld"
OBSERVATION = "Deelt op school teksten die geweld tegen een groep goedpraten."
RELATIVE_NAME = "Fenna Brouwersma-Oudkerk"
REPORTER_CONTACT = "buurvrouw Gerda Zwartendijk, 06-11122233"
ANALYSIS_IDEOLOGY = "Zoekt steun bij een online groep met extremistische denkbeelden."
DISCLOSURE_CONTENT = "Betrokkene is bekend bij de politie wegens bedreiging via sociale media."
INTERVENTION_TEXT = "Traject bij de GGZ-poli voor jongeren, twee gesprekken per maand."
DECISION_TEXT = "Het casusoverleg besluit tot een gesprek met de ouders."
RESEARCH_PURPOSE = "Nagaan of openbare berichten de signalen bevestigen."
OTHER_SURNAME = "Lindeboomsma"
IDENTITY_NOTE = "Legitimatiebewijs getoond aan de balie van het stadhuis."


@contextmanager
def acting(user: User) -> Iterator[None]:
    """Act as the user's membership, as the middleware does for a request: the log records
    then carry the organisation and role."""
    membership = membership_of(user)
    base = context.system_context()
    with context.activated(
        replace(
            base,
            origin="test",
            membership_id=str(membership.pk),
            organisation_id=str(membership.organisation_id),
            role=membership.role,
        )
    ):
        yield


@dataclass
class Story:
    case: Case
    signal: Signal
    item: AgendaItem
    disclosure: Disclosure
    research: OnlineResearchEntry
    other_signal: Signal


def full_story(personas: Any) -> Story:
    with acting(personas.lead_a):
        case = _open_case(personas)
    signal = Signal.objects.get(subject=case.subject)
    lead = membership_of(personas.lead_a)
    today = timezone.localdate()
    with acting(personas.lead_a):
        participation_add(
            membership=lead,
            case=case,
            data=ParticipationInput(
                organisation=personas.ggz, kind=ParticipationKind.STRUCTURAL, starts_on=today
            ),
        )
    with acting(personas.director):
        item = on_agenda(personas, case)
        invite(personas, item, personas.school)
    with acting(personas.police_member):
        disclosure = _disclose(personas, item)
    with acting(personas.lead_a):
        _plan(personas, case)
    director = membership_of(personas.director)
    with acting(personas.director):
        meeting_acknowledge(membership=director, meeting=item.meeting)
        decision_record(
            membership=director, item=item, text=DECISION_TEXT, category=DataCategory.ORDINARY
        )
    with acting(personas.lead_a):
        research = _research(personas, signal)
    # Someone else, unrelated, at the same meldpunt.
    other = register(
        personas.lead_a,
        residence=personas.municipality_a,
        given_names="Sanne",
        surname_prefix="",
        surname=OTHER_SURNAME,
        date_of_birth=date(1999, 8, 2),
        observation="Een ander signaal over iemand anders.",
    )
    return Story(
        case=case,
        signal=signal,
        item=item,
        disclosure=disclosure,
        research=research,
        other_signal=other.signal,
    )


def _open_case(personas: Any) -> Case:
    return open_case(
        personas,
        related_persons=(RelatedPersonInput(relation=Relation.PARENT, name=RELATIVE_NAME),),
        reported_by=ReportedBy.CITIZEN,
        reporter_contact=REPORTER_CONTACT,
    )


def _disclose(personas: Any, item: AgendaItem) -> Disclosure:
    return disclosure_record(
        membership=membership_of(personas.police_member),
        item=item,
        data=DisclosureInput(
            content=DISCLOSURE_CONTENT,
            categories=[DataCategory.CRIMINAL],
            legal_basis=LegalBasis.objects.get(code="wet-pga"),
            purpose="Gezamenlijke weging van het risico in het casusoverleg.",
            necessity_note="Nodig voor het plan; alleen de feiten die voor de aanpak tellen.",
            recipients=[personas.municipality_a, personas.zvh],
        ),
    )


def _plan(personas: Any, case: Case) -> None:
    lead = membership_of(personas.lead_a)
    first_draft(
        lead, case, goals="Afstand tot de groep; school afmaken.", ideology=ANALYSIS_IDEOLOGY
    )
    planned_intervention(
        lead,
        case,
        kind=InterventionKind.CARE,
        owner=personas.ggz,
        description=INTERVENTION_TEXT,
        days=60,
    )


def _research(personas: Any, signal: Signal) -> OnlineResearchEntry:
    return online_research_start(
        membership=membership_of(personas.lead_a),
        plan=ResearchPlan(
            purpose=RESEARCH_PURPOSE,
            occasion="Signaal van de school.",
            legal_basis="public_order",
            public_order_interest="Dreiging van geweld tegen een groep.",
            subsidiarity="Alleen openbare bronnen; geen lichtere weg.",
            confirms_no_fictitious_profile=True,
            confirms_no_closed_groups=True,
            confirms_no_systematic_following=True,
            signal=signal,
        ),
    )


def registration(**overrides: Any) -> RegistrationInput:
    values: dict[str, Any] = {
        "kind": "access",
        "received_on": timezone.localdate(),
        "description": "De persoon wil weten welke gegevens over hem zijn vastgelegd.",
        "identity_verified_on": timezone.localdate(),
        "identity_verification_note": IDENTITY_NOTE,
    }
    values.update(overrides)
    return RegistrationInput(**values)


def register_request(
    personas: Any, case: Case, *, by: User | None = None, **overrides: Any
) -> SubjectRequest:
    membership = membership_of(by or personas.lead_a)
    with acting(by or personas.lead_a):
        return request_register(
            membership=membership,
            origin=origin_for(membership=membership, case_pk=case.pk),
            data=registration(**overrides),
        )


def answer_all(request: SubjectRequest, personas: Any, *, objecting: Any = None) -> None:
    """Every organisation answers (through a member); ``objecting`` objects to disclosure."""
    members = {
        personas.municipality_a.pk: personas.lead_a,
        personas.police.pk: personas.police_member,
        personas.om.pk: personas.om_member,
        personas.ggz.pk: personas.ggz_member,
        personas.school.pk: personas.school_member,
        personas.zvh.pk: personas.director,
    }
    for contribution in request.contributions.all():
        objects = objecting is not None and contribution.organisation_id == objecting.pk
        contribution_answer(
            membership=membership_of(members[contribution.organisation_id]),
            contribution=contribution,
            data=ContributionInput(
                holds_data=True,
                input="Wij verwerken signalen en verslagen." if not objects else (
                    "Lopend strafrechtelijk onderzoek; verstrekking schaadt het onderzoek."
                ),
                objects_to_disclosure=objects,
            ),
        )  # fmt: skip


def decide(
    personas: Any, request: SubjectRequest, decision: str = "granted", **overrides: Any
) -> SubjectRequest:
    values: dict[str, Any] = {
        "decision": decision,
        "restriction": "",
        "grounds": "",
        "decided_on": timezone.localdate(),
        "without_all_input": False,
    }
    values.update(overrides)
    return request_decide(
        membership=membership_of(personas.lead_a), request=request, data=DecisionInput(**values)
    )
