"""One case of the cases benchmark's data (``cases_data``) with the rows that belong to it.

The case itself, its action plan, the structural (and perhaps an incidental) participations,
its agenda items in the ZVH's meetings and the plan versions; ``Rows`` holds the rows of one
chunk, ``CaseShape`` what the interventions and signals need to know about a case.
"""

import bisect
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from cases_world import SMALL_CASES, SPAN_DAYS, STRUCTURAL_PER_CASE, World
from django.utils import timezone

from schakel.accounts.models import User
from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
    LifeDomain,
    ParticipationKind,
    PlanVersionStatus,
)
from schakel.cases.models import (
    ActionPlan,
    ActionPlanVersion,
    AgendaItem,
    Case,
    Intervention,
    Invitation,
    Participation,
)
from schakel.intake.models import RelatedPerson, Signal, Subject
from schakel.network.models import Organisation

PHASES = (CasePhase.CONSULTATION, CasePhase.MONITORING, CasePhase.AFTERCARE, CasePhase.CLOSED)
PHASE_WEIGHTS = (0.30, 0.30, 0.15, 0.25)
INCIDENTAL_SHARE = 0.30
ENDED_EARLY_SHARE = 0.10
DRAFT_SHARE = 0.40
PLAN_TEXTS = (
    "Stabiel, maar kwetsbaar; afspraken over begeleiding lopen.",
    "Risico op terugval; regelmatig contact met de casushouder nodig.",
    "Beschermende factoren aanwezig in de familie; inzetten op het netwerk.",
    "Geen bijzonderheden bekend; blijven volgen in het overleg.",
    "Zorgen over het online netwerk; gesprek met een sleutelfiguur gepland.",
    "Schulden en dreigend woningverlies; schuldhulp en woonbegeleiding ingezet.",
)


@dataclass
class Rows:
    """The rows of one chunk, in insertion order."""

    subjects: list[Subject] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    plans: list[ActionPlan] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    versions: list[ActionPlanVersion] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    related: list[RelatedPerson] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in vars(self).items()}


@dataclass
class CaseShape:
    """What the rest of a case's rows need to know about it."""

    case: Case
    region: int
    municipality: int
    plan: ActionPlan
    structural: list[Organisation]
    versions: list[ActionPlanVersion]
    first_item_at: datetime | None


def _pick_phase(rng: random.Random, index: int) -> str:
    if index < SMALL_CASES:
        return CasePhase.CLOSED if index == SMALL_CASES - 1 else PHASES[index % 3]
    return rng.choices(PHASES, PHASE_WEIGHTS)[0]


def _case(world: World, rng: random.Random, index: int, rows: Rows) -> CaseShape:
    if index < SMALL_CASES:
        municipality = world.lead_municipality if index % 2 == 0 else world.second_municipality
    else:
        municipality = rng.randrange(len(world.municipalities))
    region = world.municipality_region[municipality]
    phase = _pick_phase(rng, index)
    closed = phase == CasePhase.CLOSED
    age = rng.uniform(31 if closed else 1, SPAN_DAYS)
    opened_at = world.now - timedelta(days=age, minutes=rng.randrange(600))
    opened_on = timezone.localdate(opened_at)
    subject = Subject()
    rows.subjects.append(subject)
    informing = rng.choices(
        (InformingStatus.INFORMED, InformingStatus.DEFERRED, InformingStatus.UNDECIDED),
        (0.5, 0.2, 0.3),
    )[0]
    values: dict[str, Any] = {
        "subject": subject,
        "directing_municipality": world.municipalities[municipality],
        "zvh": world.zvhs[region],
        "process_director": world.directors[region] if rng.random() < 0.9 else None,
        "phase": phase,
        "opened_at": opened_at,
        "informing_status": informing,
    }
    reassessed = opened_on
    while reassessed + timedelta(days=365) < world.today and not closed:
        reassessed += timedelta(days=365)
    values["last_reassessed_on"] = reassessed if reassessed != opened_on else None
    values["reassessment_due_on"] = reassessed + timedelta(days=365)
    if informing == InformingStatus.INFORMED:
        values["informed_on"] = min(world.today, opened_on + timedelta(days=rng.randrange(1, 30)))
        values["informed_by"] = world.municipalities[municipality]
    elif informing == InformingStatus.DEFERRED:
        values["informing_note"] = "Informeren zou een lopend onderzoek schaden; heroverwegen."
        values["reconsider_informing_on"] = world.today + timedelta(days=rng.randrange(-10, 120))
    if closed:
        closed_at = opened_at + timedelta(days=rng.uniform(30, age - 0.5))
        values.update(
            closed_at=closed_at,
            closure_reason=rng.choice(ClosureReason.values),
            closure_note="Afgesloten na evaluatie in het casusoverleg.",
            retention_starts_on=timezone.localdate(closed_at),
        )
    else:
        values["next_review_on"] = world.today + timedelta(days=rng.randrange(-20, 90))
    if phase == CasePhase.AFTERCARE:
        deescalated = world.now - timedelta(days=rng.uniform(0, min(age, 180)))
        values.update(
            deescalated_at=deescalated,
            deescalation_destination=rng.choice(DeescalationDestination.values),
            aftercare_until=timezone.localdate(deescalated) + timedelta(days=180),
        )
    case = Case(**values)
    rows.cases.append(case)
    if index < SMALL_CASES:
        world.small_case_ids.append(case.pk)
    plan = ActionPlan(case=case)
    rows.plans.append(plan)
    director = world.directors[region]

    # Participations: four structural partners of the region, perhaps one incidental.
    candidates = world.partners[region]
    chosen = rng.sample(candidates, STRUCTURAL_PER_CASE + 1)
    structural, incidental = chosen[:STRUCTURAL_PER_CASE], chosen[STRUCTURAL_PER_CASE]
    if index < SMALL_CASES and world.partner_org is not None:
        others = [o for o in structural if o.pk != world.partner_org.pk]
        if index % 3 != 2:
            structural = [world.partner_org, *others[: STRUCTURAL_PER_CASE - 1]]
            if incidental in structural:
                incidental = next(o for o in candidates if o not in structural)
        else:
            structural = others[:STRUCTURAL_PER_CASE]
            if len(structural) < STRUCTURAL_PER_CASE:
                structural.append(incidental)
            incidental = next(o for o in candidates if o not in structural)
    end_of_case = values["retention_starts_on"] if closed else None
    for org in structural:
        ends_on = end_of_case
        if ends_on is None and index >= SMALL_CASES and rng.random() < ENDED_EARLY_SHARE:
            ends_on = opened_on + timedelta(days=rng.uniform(0, age - 1))
        rows.participations.append(
            Participation(
                case=case,
                organisation=org,
                kind=ParticipationKind.STRUCTURAL,
                starts_on=opened_on,
                ends_on=ends_on,
                added_by=director,
            )
        )

    # Agenda items in the ZVH's meetings after the case was opened (before it was closed).
    starts = world.meeting_starts[region]
    position = bisect.bisect_left(starts, opened_at)
    limit = bisect.bisect_left(starts, values["closed_at"]) if closed else len(starts)
    items: list[AgendaItem] = []
    item_times: list[datetime] = []
    for _ in range(rng.choices((1, 2, 3), (0.5, 0.3, 0.2))[0]):
        if position >= limit:
            break
        items.append(
            AgendaItem(
                meeting_id=world.meeting_ids[region][position],
                case=case,
                position=10 * rng.randrange(1, 20),
            )
        )
        item_times.append(starts[position])
        position += rng.randrange(2, 9)
    rows.items.extend(items)
    if items and (index < SMALL_CASES or rng.random() < INCIDENTAL_SHARE):
        last = items[-1]
        day = timezone.localdate(item_times[-1])
        rows.participations.append(
            Participation(
                case=case,
                organisation=incidental,
                kind=ParticipationKind.INCIDENTAL,
                starts_on=max(day - timedelta(days=7), opened_on),
                ends_on=day + timedelta(days=14),
                added_by=director,
            )
        )
        rows.invitations.append(
            Invitation(
                agenda_item=last,
                organisation=incidental,
                kind=ParticipationKind.INCIDENTAL,
                valid_from=max(day - timedelta(days=7), opened_on),
                valid_until=day + timedelta(days=14),
                invited_by=director,
            )
        )

    # Plan versions: 1 adopted in the first (held) meeting; a draft 2 for some open cases.
    versions: list[ActionPlanVersion] = []
    adopted = bool(items) and item_times[0] < world.now
    versions.append(
        _version(
            rng,
            plan,
            1,
            director,
            adopted_in=items[0] if adopted else None,
            adopted_at=item_times[0] + timedelta(hours=2) if adopted else None,
        )
    )
    if adopted and not closed and rng.random() < DRAFT_SHARE:
        versions.append(_version(rng, plan, 2, director, adopted_in=None, adopted_at=None))
    rows.versions.extend(versions)
    return CaseShape(
        case=case,
        region=region,
        municipality=municipality,
        plan=plan,
        structural=structural,
        versions=versions,
        first_item_at=item_times[0] if items else None,
    )


def _version(
    rng: random.Random,
    plan: ActionPlan,
    number: int,
    by: User,
    *,
    adopted_in: AgendaItem | None,
    adopted_at: datetime | None,
) -> ActionPlanVersion:
    analysis = {
        f"analysis_{domain}": rng.choice(PLAN_TEXTS)
        for domain in rng.sample(list(LifeDomain.values), rng.randrange(3, 9))
    }
    return ActionPlanVersion(
        plan=plan,
        number=number,
        status=PlanVersionStatus.ADOPTED if adopted_in is not None else PlanVersionStatus.DRAFT,
        revision=rng.randrange(1, 4),
        goals="Terugval voorkomen; stabiel wonen en werk; contact met het netwerk herstellen.",
        created_by=by,
        updated_by=by,
        adopted_at=adopted_at,
        adopted_in=adopted_in,
        **analysis,
    )
