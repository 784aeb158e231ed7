"""The cases benchmark's data: a fictional network with cases, signals and action plans.

Runs inside Django (``config.settings.test`` with ``DATABASE_URL`` set to the throw-away
database). Every row goes through ``bulk_create`` of its model, in batches, so encrypted fields
are encrypted by the model fields themselves, as a registration would store them. All people
are fictional: random combinations of the name lists of ``convergence_people``, dates of birth
1950–2010, BSNs from 9999xxxxx (the test range; none passes the eleven test).

The shape (defaults in brackets; every count scales with the sizes given):

- organisations [200]: one region per 20, each with a ZVH; a quarter are municipalities, each
  served by its region's ZVH; the rest are partners (police, OM, care, …) of one region.
- cases [100,000]: a municipality chosen at random (so one directs ~1/50 and a ZVH runs ~1/10),
  phase consultation 30 %, monitoring 30 %, aftercare 15 %, closed 25 %; four structural
  participations of partners of the region (ended at closure, 10 % ended earlier) and for 30 %
  an incidental one with an invitation; 1–3 agenda items in the ZVH's weekly meetings; an action
  plan whose version 1 is adopted in the first meeting and, for 40 %, a draft version 2.
- interventions [300,000]: spread at random over the cases, owned by a participant or the
  municipality, 10 % of those in a draft removed in it.
- signals [1,000,000]: 1–6 about each case's subject (the identity a case shows), 15 % with a
  related person; the rest about persons without a case (half linked to a subject) or expired.

The first ``SMALL_CASES`` cases are made so that each persona sees some of them, so the query
counts can be measured on a database with only those cases and again with all of them.
"""

import bisect
import random
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TextIO

from convergence_people import ORIGIN_CUMULATIVE, ORIGINS
from django.db import connection, models, transaction
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.audit.models import ChainHead
from schakel.audit.register import install as install_register
from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
    InterventionKind,
    InterventionStatus,
    LifeDomain,
    MeetingStatus,
    ParticipationKind,
    PlanVersionStatus,
)
from schakel.cases.models import (
    ActionPlan,
    ActionPlanVersion,
    AgendaItem,
    Case,
    ConsultationMeeting,
    Intervention,
    Invitation,
    Participation,
)
from schakel.intake.choices import (
    DataCategory,
    Relation,
    SignalStatus,
    SourceDomain,
    Urgency,
)
from schakel.intake.models import Phenomenon, RelatedPerson, Signal, Subject
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation, Region, ZvhServiceArea

SMALL_CASES = 10
CHUNK = 2_000  # cases per transaction
BATCH = 1_000  # rows per INSERT
SPAN_DAYS = 3 * 365  # cases were opened over the last three years
PHASES = (CasePhase.CONSULTATION, CasePhase.MONITORING, CasePhase.AFTERCARE, CasePhase.CLOSED)
PHASE_WEIGHTS = (0.30, 0.30, 0.15, 0.25)
STRUCTURAL_PER_CASE = 4
INCIDENTAL_SHARE = 0.30
ENDED_EARLY_SHARE = 0.10
DRAFT_SHARE = 0.40
CASE_SIGNALS = (1, 2, 3, 4, 5, 6)
CASE_SIGNAL_WEIGHTS = (0.30, 0.30, 0.20, 0.10, 0.06, 0.04)
RELATED_SHARE = 0.15
PARTNER_KINDS = (
    OrganisationKind.POLICE,
    OrganisationKind.PUBLIC_PROSECUTION,
    OrganisationKind.PROBATION,
    OrganisationKind.MENTAL_HEALTH,
    OrganisationKind.YOUTH_CARE,
    OrganisationKind.CHILD_PROTECTION,
    OrganisationKind.VEILIG_THUIS,
    OrganisationKind.EDUCATION,
    OrganisationKind.HOUSING,
    OrganisationKind.HALT,
    OrganisationKind.DJI,
    OrganisationKind.OTHER,
)
STREETS = (
    "Lindelaan", "Molenweg", "Kerkstraat", "Dorpsstraat", "Beukenlaan", "Stationsweg",
    "Schoolstraat", "Julianastraat", "Parallelweg", "Kastanjelaan", "Havenkade", "Wilgenhof",
)  # fmt: skip
OBSERVATIONS = (
    "Uit zich in de klas herhaaldelijk positief over geweld tegen andersdenkenden.",
    "Deelt in een openbare groep beelden van aanslagen met goedkeurende tekst.",
    "Heeft zich teruggetrokken uit het gezin en zoekt contact met een extremistische groep.",
    "Meldt zich bij het wijkteam met zorgen over de eigen omgeving; sterke polarisatie.",
    "Zoekt online naar informatie over het maken van explosieven (melding platform).",
    "Dreigende uitlatingen richting een gebedshuis tijdens een buurtbijeenkomst.",
    "Ouders maken zich zorgen over een plotselinge verandering in gedrag en contacten.",
    "Na detentie terug in de gemeente; contact met eerder veroordeelde personen.",
)
PLAN_TEXTS = (
    "Stabiel, maar kwetsbaar; afspraken over begeleiding lopen.",
    "Risico op terugval; regelmatig contact met de casushouder nodig.",
    "Beschermende factoren aanwezig in de familie; inzetten op het netwerk.",
    "Geen bijzonderheden bekend; blijven volgen in het overleg.",
    "Zorgen over het online netwerk; gesprek met een sleutelfiguur gepland.",
    "Schulden en dreigend woningverlies; schuldhulp en woonbegeleiding ingezet.",
)
INTERVENTION_TEXTS = (
    "Gesprekken met een mentor, eens per twee weken.",
    "Aanmelding bij de schuldhulpverlening en begeleiding naar werk.",
    "Behandeling bij de GGZ, intake en traject.",
    "Gebiedsverbod rond de moskee (burgemeestersbevoegdheid).",
    "Toezicht door de reclassering met meldplicht.",
    "Contact met de school over verzuim en begeleiding.",
    "Huisbezoek door de wijkagent samen met de casushouder.",
    "Gezinsbegeleiding via de jeugdzorg.",
)
OUTCOMES = (
    "Doel bereikt; afgesloten in overleg.",
    "Gedeeltelijk bereikt; vervolg via het wijkteam.",
    "Gestopt: geen medewerking van betrokkene.",
)

# --- the fixed part: organisations, users, meetings -----------------------------------------


@dataclass
class World:
    """Organisations, users and meetings that every chunk of cases refers to."""

    seed: int
    today: date
    now: datetime
    zvhs: list[Organisation]  # one per region
    municipalities: list[Organisation]  # all; ``municipality_region`` gives each one's region
    municipality_region: list[int]
    partners: list[list[Organisation]]  # per region
    directors: list[User]  # per region: the process director of its ZVH
    registrar: User
    phenomena: list[Phenomenon]
    meeting_ids: list[list[uuid.UUID]]  # per region, in order of time
    meeting_starts: list[list[datetime]]
    lead: User
    director: User
    partner: User
    lead_municipality: int = 0
    second_municipality: int = 0  # another municipality of region 0
    partner_org: Organisation | None = None
    municipalities_by_region: list[list[int]] = field(default_factory=list)
    small_case_ids: list[uuid.UUID] = field(default_factory=list)  # the first SMALL_CASES


def make_world(*, seed: int, organisations: int, log: TextIO) -> World:
    """Regions, organisations, service areas, the personas and the ZVHs' weekly meetings."""
    if not ChainHead.objects.filter(pk=1).exists():
        install_register()
    if not ChainHead.objects.filter(pk=1).exists():
        raise RuntimeError("The processing log has no chain head after migrating.")
    regions_count = max(1, organisations // 20)
    municipality_count = max(regions_count, organisations // 4)
    partner_count = organisations - regions_count - municipality_count
    if partner_count < (STRUCTURAL_PER_CASE + 1) * regions_count:
        raise ValueError("Too few organisations: use at least 20.")
    now = timezone.now()
    today = timezone.localdate()
    regions = [Region(name=f"Benchmarkregio {r + 1:02d}") for r in range(regions_count)]
    Region.objects.bulk_create(regions)
    zvhs = [
        Organisation(
            name=f"ZVH Benchmarkregio {r + 1:02d}",
            kind=OrganisationKind.ZVH,
            region=regions[r],
            mailbox=f"casusoverleg@zvh-{r + 1:02d}.benchmark.invalid",
        )
        for r in range(regions_count)
    ]
    municipalities = [
        Organisation(
            name=f"Gemeente Benchmark {m + 1:03d}",
            kind=OrganisationKind.MUNICIPALITY,
            region=regions[m % regions_count],
            mailbox=f"veiligheid@gemeente-{m + 1:03d}.benchmark.invalid",
            may_process_bsn=True,
        )
        for m in range(municipality_count)
    ]
    municipality_region = [m % regions_count for m in range(municipality_count)]
    partners: list[list[Organisation]] = [[] for _ in range(regions_count)]
    for p in range(partner_count):
        r = p % regions_count
        kind = PARTNER_KINDS[len(partners[r]) % len(PARTNER_KINDS)]
        partners[r].append(
            Organisation(
                name=f"{OrganisationKind(kind).label} Benchmark {p + 1:03d}",
                kind=kind,
                region=regions[r],
                mailbox=f"pga@partner-{p + 1:03d}.benchmark.invalid",
                may_process_bsn=kind
                in {OrganisationKind.POLICE, OrganisationKind.PUBLIC_PROSECUTION},
            )
        )
    Organisation.objects.bulk_create([*zvhs, *municipalities, *(o for g in partners for o in g)])
    ZvhServiceArea.objects.bulk_create(
        ZvhServiceArea(zvh=zvhs[municipality_region[m]], municipality=municipalities[m])
        for m in range(municipality_count)
    )

    def user(email: str, name: str, title: str) -> User:
        return User.objects.create_user(
            email=f"{email}@benchmark.invalid", password=None, full_name=name, function_title=title
        )

    since = today - timedelta(days=SPAN_DAYS + 30)
    directors = []
    for r, zvh in enumerate(zvhs):
        director = user(
            f"procesregisseur-{r + 1:02d}", f"Procesregisseur {r + 1:02d}", "Procesregisseur"
        )
        Membership.objects.create(
            user=director, organisation=zvh, role=Role.PROCESS_DIRECTOR, valid_from=since
        )
        directors.append(director)
    lead = user("regievoerder", "Regievoerder Benchmark", "Regievoerder PGA")
    Membership.objects.create(
        user=lead, organisation=municipalities[0], role=Role.MUNICIPAL_LEAD, valid_from=since
    )
    partner = user("ketenpartner", "Ketenpartner Benchmark", "Medewerker PGA")
    Membership.objects.create(
        user=partner, organisation=partners[0][0], role=Role.PARTNER_MEMBER, valid_from=since
    )
    registrar = user("meldpunt", "Meldpunt Benchmark", "Medewerker meldpunt")
    Membership.objects.create(
        user=registrar, organisation=municipalities[0], role=Role.MUNICIPAL_LEAD, valid_from=since
    )
    phenomena = list(Phenomenon.objects.filter(is_active=True)) or [
        Phenomenon.objects.create(name="Benchmarkfenomeen")
    ]

    # Weekly meetings per ZVH, from before the oldest case until four weeks ahead.
    first = now - timedelta(days=SPAN_DAYS + 7)
    first = first.replace(hour=10, minute=0, second=0, microsecond=0)
    meetings: list[ConsultationMeeting] = []
    meeting_ids: list[list[uuid.UUID]] = [[] for _ in range(regions_count)]
    meeting_starts: list[list[datetime]] = [[] for _ in range(regions_count)]
    for r, zvh in enumerate(zvhs):
        starts = first + timedelta(days=r % 5)
        while starts < now + timedelta(days=28):
            meeting = ConsultationMeeting(
                zvh=zvh,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place=f"Vergaderzaal {r % 4 + 1}, {zvh.name}",
                chair=directors[r],
                status=MeetingStatus.HELD if starts < now else MeetingStatus.PLANNED,
            )
            meetings.append(meeting)
            meeting_ids[r].append(meeting.pk)
            meeting_starts[r].append(starts)
            starts += timedelta(days=7)
    ConsultationMeeting.objects.bulk_create(meetings, batch_size=BATCH)
    by_region: list[list[int]] = [[] for _ in range(regions_count)]
    for m, r in enumerate(municipality_region):
        by_region[r].append(m)
    print(
        f"  {connection.vendor}: {organisations} organisations ({regions_count} ZVHs, "
        f"{municipality_count} municipalities, {partner_count} partners), "
        f"{len(meetings):,} meetings",
        file=log,
    )
    return World(
        seed=seed,
        today=today,
        now=now,
        zvhs=zvhs,
        municipalities=municipalities,
        municipality_region=municipality_region,
        partners=partners,
        directors=directors,
        registrar=registrar,
        phenomena=phenomena,
        meeting_ids=meeting_ids,
        meeting_starts=meeting_starts,
        lead=lead,
        director=directors[0],
        partner=partner,
        lead_municipality=0,
        second_municipality=by_region[0][1] if len(by_region[0]) > 1 else 0,
        partner_org=partners[0][0],
        municipalities_by_region=by_region,
    )


# --- fictional people ----------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date
    sex: str
    bsn: str
    address: str


def make_person(rng: random.Random, town: str) -> Person:
    origin = ORIGINS[
        min(
            bisect.bisect(ORIGIN_CUMULATIVE, rng.random() * ORIGIN_CUMULATIVE[-1]),
            len(ORIGINS) - 1,
        )
    ]
    sex = rng.choice(("male", "female"))
    names = origin.male if sex == "male" else origin.female
    given = " ".join(rng.sample(list(names), k=rng.choice((1, 1, 2, 2, 3))))
    entry = rng.choice(list(origin.surnames))
    prefix, _bar, surname = entry.rpartition("|")
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(60 * 365))
    bsn = f"9999{rng.randrange(100_000):05d}" if rng.random() < 0.35 else ""
    address = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}, {town}"
    return Person(given, prefix, surname, born, sex, bsn, address)


# --- one chunk of cases ----------------------------------------------------------------------


def share(total: int, start: int, stop: int, whole: int) -> int:
    """The part of ``total`` that belongs to items ``start``..``stop`` of ``whole``."""
    return total * stop // whole - total * start // whole


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


def _interventions(
    world: World, rng: random.Random, shapes: list[CaseShape], count: int, rows: Rows
) -> None:
    """``count`` interventions spread at random over the chunk's cases; adopted versions get
    the snapshot of what they hold."""
    per_case = [0] * len(shapes)
    for _ in range(count):
        per_case[rng.randrange(len(shapes))] += 1
    for shape, number in zip(shapes, per_case, strict=True):
        case = shape.case
        owners = [*shape.structural, world.municipalities[shape.municipality]]
        adopted, draft = shape.versions[0], shape.versions[-1]
        closed = case.phase == CasePhase.CLOSED
        snapshot: list[dict[str, object]] = []
        for _ in range(number):
            starts_on = timezone.localdate(case.opened_at) + timedelta(days=rng.randrange(0, 60))
            due_on = starts_on + timedelta(days=rng.randrange(30, 365))
            if closed:
                status = rng.choice((InterventionStatus.COMPLETED, InterventionStatus.STOPPED))
            else:
                status = rng.choices(
                    (
                        InterventionStatus.PLANNED,
                        InterventionStatus.IN_PROGRESS,
                        InterventionStatus.COMPLETED,
                    ),
                    (0.3, 0.5, 0.2),
                )[0]
            owner = rng.choice(owners)
            in_draft = draft is not adopted and rng.random() < 0.2
            intervention = Intervention(
                plan=shape.plan,
                kind=rng.choice(InterventionKind.values),
                owner=owner,
                life_domain=rng.choice([*LifeDomain.values, ""]),
                description=rng.choice(INTERVENTION_TEXTS),
                starts_on=starts_on,
                due_on=due_on,
                status=status,
                outcome=rng.choice(OUTCOMES) if status == InterventionStatus.COMPLETED else None,
                status_changed_at=world.now - timedelta(days=rng.uniform(0, 60)),
                revision=rng.randrange(1, 4),
                added_in=draft if in_draft else adopted,
                removed_in=draft
                if draft is not adopted and not in_draft and rng.random() < 0.1
                else None,
            )
            rows.interventions.append(intervention)
            if adopted.is_adopted and not in_draft:
                snapshot.append(
                    {
                        "id": str(intervention.pk),
                        "kind": intervention.kind,
                        "owner": str(owner.pk),
                        "owner_name": owner.name,
                        "life_domain": intervention.life_domain,
                        "description": intervention.description,
                        "starts_on": starts_on.isoformat(),
                        "due_on": due_on.isoformat(),
                    }
                )
        if adopted.is_adopted:
            adopted.interventions_snapshot = snapshot


def _signal(
    world: World,
    rng: random.Random,
    *,
    person: Person | None,
    municipality: int,
    subject: Subject | None,
    status: str,
    days_ago: float,
) -> Signal:
    region = world.municipality_region[municipality]
    by_partner = rng.random() < 0.6
    registering = (
        rng.choice(world.partners[region]) if by_partner else world.municipalities[municipality]
    )
    registered_at = world.now - timedelta(days=days_ago)
    expired = status == SignalStatus.EXPIRED
    values: dict[str, Any] = {
        "registering_organisation": registering,
        "registered_by": world.registrar,
        "registered_in_role": Role.PARTNER_MEMBER if by_partner else Role.MUNICIPAL_LEAD,
        "directing_municipality": world.municipalities[municipality],
        "status": status,
        "status_changed_at": registered_at + timedelta(days=rng.uniform(0, 14)),
        "subject": subject,
        "source_domain": rng.choice(SourceDomain.values),
        "phenomenon": rng.choice(world.phenomena),
        "urgency": Urgency.HIGH if rng.random() < 0.1 else Urgency.NORMAL,
        "observed_on": timezone.localdate(registered_at) - timedelta(days=rng.randrange(0, 20)),
        "expires_at": registered_at + timedelta(days=365 if expired else 365 * 5),
        "observation_category": rng.choice(DataCategory.values),
    }
    if expired or person is None:
        values["person_data_deleted_at"] = registered_at + timedelta(days=365)
    else:
        values.update(
            given_names=person.given_names,
            surname_prefix=person.surname_prefix or None,
            surname=person.surname,
            date_of_birth=person.date_of_birth.isoformat(),
            sex=person.sex if rng.random() < 0.6 else None,
            bsn=person.bsn or None,
            address=person.address if rng.random() < 0.5 else None,
            observation=rng.choice(OBSERVATIONS),
            reporter_contact="Via de functionele mailbox van de melder."
            if rng.random() < 0.2
            else None,
        )
    return Signal(**values)


def _signals(
    world: World, rng: random.Random, shapes: list[CaseShape], count: int, rows: Rows
) -> None:
    """``count`` signals: first 1–6 about each case's subject, the rest about others."""
    budget = count - len(shapes)
    for shape in shapes:
        extra = min(budget, rng.choices(CASE_SIGNALS, CASE_SIGNAL_WEIGHTS)[0] - 1)
        budget -= extra
        town = world.municipalities[shape.municipality].name
        case_person = make_person(rng, town)
        age = (world.now - shape.case.opened_at).total_seconds() / 86_400
        for number in range(1 + extra):
            signal = _signal(
                world,
                rng,
                person=case_person,
                municipality=shape.municipality,
                subject=shape.case.subject,
                status=SignalStatus.LINKED_TO_WEIGHING,
                days_ago=age + 7 + 30 * number,
            )
            rows.signals.append(signal)
            if rng.random() < RELATED_SHARE:
                relative = make_person(rng, town)
                rows.related.append(
                    RelatedPerson(
                        signal=signal,
                        relation=rng.choice(Relation.values),
                        name=f"{relative.given_names} {relative.surname}",
                        date_of_birth=relative.date_of_birth.isoformat(),
                    )
                )
    subject: Subject | None = None
    person: Person | None = None
    left = 0
    for _ in range(budget):
        municipality = rng.randrange(len(world.municipalities))
        town = world.municipalities[municipality].name
        if left == 0:
            subject, person = None, None
            if rng.random() < 0.5:  # about a known subject (weighed, no case)
                subject, left = Subject(), rng.choice((1, 1, 2, 3))
                rows.subjects.append(subject)
                person = make_person(rng, town)
        if subject is not None:
            left -= 1
            status = rng.choice((SignalStatus.LINKED_TO_WEIGHING, SignalStatus.UNDER_REVIEW))
            signal_person = person
        else:
            status = rng.choices(
                (
                    SignalStatus.NEW,
                    SignalStatus.UNDER_REVIEW,
                    SignalStatus.CLOSED_WITHOUT_ACTION,
                    SignalStatus.EXPIRED,
                ),
                (0.1, 0.2, 0.4, 0.3),
            )[0]
            signal_person = make_person(rng, town)
        rows.signals.append(
            _signal(
                world,
                rng,
                person=signal_person,
                municipality=municipality,
                subject=subject,
                status=status,
                days_ago=rng.uniform(0, SPAN_DAYS + 365),
            )
        )


def _insert(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    if objects:
        model._default_manager.bulk_create(objects, batch_size=BATCH)


@dataclass
class Totals:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, counts: dict[str, int], seconds: float) -> None:
        for name, count in counts.items():
            self.rows[name] = self.rows.get(name, 0) + count
        self.seconds += seconds


def load_cases(
    world: World,
    *,
    start: int,
    stop: int,
    cases: int,
    signals: int,
    interventions: int,
    totals: Totals,
    log: TextIO,
) -> None:
    """Cases ``start``..``stop`` of ``cases``, with their share of signals and interventions."""
    next_report = time.perf_counter() + 30
    for chunk_start in range(start, stop, CHUNK):
        chunk_stop = min(stop, chunk_start + CHUNK)
        started = time.perf_counter()
        rng = random.Random(f"schakel-cases:{world.seed}:{chunk_start}")
        rows = Rows()
        shapes = [_case(world, rng, index, rows) for index in range(chunk_start, chunk_stop)]
        _interventions(
            world, rng, shapes, share(interventions, chunk_start, chunk_stop, cases), rows
        )
        _signals(world, rng, shapes, share(signals, chunk_start, chunk_stop, cases), rows)
        with transaction.atomic():
            for model, objects in _in_order(rows):
                _insert(model, objects)
        totals.add(rows.counts(), time.perf_counter() - started)
        if time.perf_counter() >= next_report or chunk_stop == stop:
            print(
                f"  {connection.vendor}: {chunk_stop:,} of {cases:,} cases loaded "
                f"({totals.seconds:.0f} s)",
                file=log,
            )
            next_report = time.perf_counter() + 30


def _in_order(rows: Rows) -> Iterable[tuple[type[models.Model], Sequence[models.Model]]]:
    yield Subject, rows.subjects
    yield Case, rows.cases
    yield ActionPlan, rows.plans
    yield Participation, rows.participations
    yield AgendaItem, rows.items
    yield Invitation, rows.invitations
    yield ActionPlanVersion, rows.versions
    yield Intervention, rows.interventions
    yield Signal, rows.signals
    yield RelatedPerson, rows.related


def analyse() -> None:
    """Planner statistics, as autovacuum (PostgreSQL) or ``PRAGMA optimize`` would keep them."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
