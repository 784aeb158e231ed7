"""The fixed part of the cases benchmark's data (``cases_data``): organisations, users, meetings.

Every chunk of cases refers to it: the regions with their ZVH, municipalities and partners, the
personas' users and memberships, and each ZVH's weekly consultation meetings.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TextIO

from django.db import connection
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.audit.models import ChainHead
from schakel.audit.register import install as install_register
from schakel.cases.choices import MeetingStatus
from schakel.cases.models import ConsultationMeeting
from schakel.core import references
from schakel.intake.models import Phenomenon
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation, Region, ZvhServiceArea

SMALL_CASES = 10
BATCH = 1_000  # rows per INSERT
SPAN_DAYS = 3 * 365  # cases were opened over the last three years
STRUCTURAL_PER_CASE = 4
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
    references.assign(meetings)
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
