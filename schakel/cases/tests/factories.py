"""Test data for weighing and cases, made through the real services (fictional people only).

``open_case`` walks the process: a signal registered by the meldpunt of Aldermeer, weighed in a
session with the police and the OM, included — so the case has the directing municipality,
the ZVH, the process director and structural participations the services give it.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from schakel.accounts.models import Membership, User
from schakel.cases.meetings.services import (
    InvitationInput,
    MeetingInput,
    agenda_item_add,
    invitation_add,
    meeting_schedule,
)
from schakel.cases.models import (
    ActionPlanVersion,
    AgendaItem,
    Case,
    ConsultationMeeting,
    Intervention,
    Invitation,
)
from schakel.cases.plans.services import InterventionInput, PlanInput, intervention_add, plan_update
from schakel.cases.services import ParticipationInput, participation_add
from schakel.intake.models import Signal
from schakel.intake.tests.factories import membership_of, register
from schakel.network.models import Organisation
from schakel.weighing.choices import ArrangementScope, WeighingOutcome
from schakel.weighing.models import WeighingArrangement, WeighingItem, WeighingSession
from schakel.weighing.selectors import active_criteria
from schakel.weighing.services import (
    DecisionInput,
    SessionInput,
    item_add,
    item_decide,
    session_schedule,
)

JUSTIFICATION = (
    "Noodzakelijk: signalen van drie partners wijzen op een radicaliseringsproces; lichtere "
    "middelen (gesprek via school) zijn geprobeerd; gezamenlijke aanpak is proportioneel."
)
# The personas with no part in what ``open_case`` builds for Aldermeer (its weighing, its case,
# its meeting, its plan): another municipality, another region, another ZVH, a partner not at
# the table, and Aldermeer's own privacy officer and functional admin.
OUTSIDERS = [
    "lead_b",
    "outsider",
    "director_other",
    "school_member",
    "privacy_officer_a",
    "admin_a",
]


def arrangement_for(
    *municipalities: Organisation, facilitator: Organisation | None = None
) -> WeighingArrangement:
    arrangement, _ = WeighingArrangement.objects.get_or_create(
        name=f"Weegoverleg {' en '.join(m.name for m in municipalities)}",
        defaults={
            "scope": ArrangementScope.MUNICIPAL
            if len(municipalities) == 1
            else ArrangementScope.REGIONAL,
            "facilitator": facilitator or municipalities[0],
        },
    )
    arrangement.municipalities.set(municipalities)
    return arrangement


def weighing_session(
    personas: Any,
    *,
    by: User | None = None,
    arrangement: WeighingArrangement | None = None,
    participants: list[Organisation] | None = None,
    held_at: datetime | None = None,
) -> WeighingSession:
    by = by or personas.lead_a
    arrangement = arrangement or arrangement_for(personas.municipality_a)
    return session_schedule(
        membership=membership_of(by),
        data=SessionInput(
            arrangement=arrangement,
            held_at=held_at or timezone.now() + timedelta(days=2),
            chair=by,
            participants=participants or [personas.municipality_a, personas.police, personas.om],
        ),
    )


def decision(outcome: str = WeighingOutcome.INCLUDE, **overrides: Any) -> DecisionInput:
    values: dict[str, Any] = {
        "outcome": outcome,
        "justification": JUSTIFICATION,
        "criteria_notes": {c.pk: "Overwogen in het overleg." for c in active_criteria()[:2]},
    }
    values.update(overrides)
    return DecisionInput(**values)


@dataclass
class Weighed:
    signal: Signal
    session: WeighingSession
    item: WeighingItem


def weighed_signal(personas: Any, **signal_overrides: Any) -> Weighed:
    """A signal about a resident of Aldermeer on the agenda of an open weighing session."""
    registration = register(personas.lead_a, residence=personas.municipality_a, **signal_overrides)
    session = weighing_session(personas)
    item = item_add(
        membership=membership_of(personas.lead_a), session=session, signal=registration.signal
    )
    return Weighed(signal=registration.signal, session=session, item=item)


def open_case(personas: Any, **signal_overrides: Any) -> Case:
    weighed = weighed_signal(personas, **signal_overrides)
    item_decide(membership=membership_of(personas.lead_a), item=weighed.item, data=decision())
    return Case.objects.get(opened_from=weighed.item)


def meeting(
    personas: Any, *, starts_at: datetime | None = None, by: User | None = None
) -> ConsultationMeeting:
    by = by or personas.director
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    return meeting_schedule(
        membership=membership_of(by),
        data=MeetingInput(
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            place="Vergaderzaal 2, ZVH Noordkaap",
            chair=by,
        ),
    )


def on_agenda(
    personas: Any, case: Case, the_meeting: ConsultationMeeting | None = None
) -> AgendaItem:
    the_meeting = the_meeting or meeting(personas)
    return agenda_item_add(
        membership=membership_of(personas.director), meeting=the_meeting, case=case
    )


def invite(
    personas: Any,
    item: AgendaItem,
    organisation: Organisation,
    *,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> Invitation:
    today = timezone.localdate()
    return invitation_add(
        membership=membership_of(personas.director),
        item=item,
        data=InvitationInput(
            organisation=organisation,
            valid_from=valid_from or today,
            valid_until=valid_until or today + timedelta(days=14),
        ),
    )


def first_draft(
    membership: Membership, case: Case, *, goals: str, **analysis: str
) -> ActionPlanVersion:
    """The case's plan drafted for the first time (no version before it), through the service;
    ``analysis`` is the text per life domain."""
    return plan_update(
        membership=membership,
        case=case,
        data=PlanInput(
            analysis=analysis, goals=goals, based_on_version=None, based_on_revision=None
        ),
    )


def planned_intervention(
    membership: Membership,
    case: Case,
    *,
    kind: str,
    owner: Organisation,
    description: str,
    days: int = 30,
    **more: Any,
) -> Intervention:
    """An intervention added to the case's draft plan through the service, from today for
    ``days`` days."""
    today = timezone.localdate()
    return intervention_add(
        membership=membership,
        case=case,
        data=InterventionInput(
            kind=kind,
            owner=owner,
            description=description,
            starts_on=today,
            due_on=today + timedelta(days=days),
            **more,
        ),
    )


def participating(
    personas: Any,
    case: Case,
    organisation: Organisation,
    kind: str,
    *,
    starts_in: int = 0,
    ends_in: int | None = None,
) -> None:
    """The process director adds the organisation to the case's table through the service,
    starting ``starts_in`` days from today (negative: in the past), ending ``ends_in`` days from
    today (``None``: open-ended)."""
    today = timezone.localdate()
    participation_add(
        membership=membership_of(personas.director),
        case=case,
        data=ParticipationInput(
            organisation=organisation,
            kind=kind,
            starts_on=today + timedelta(days=starts_in),
            ends_on=None if ends_in is None else today + timedelta(days=ends_in),
        ),
    )
