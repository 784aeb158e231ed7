"""Reads of cases, meetings, agenda items, disclosures and plans; each takes the acting
membership and starts from ``cases.access``.

Lists hold no person data (references, phases, dates, organisations). Opening a case or an
agenda item reads the person's identity and writes the processing-log record (one per person
and related person) before anything is returned. Missing and forbidden give the same 404.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.access import (
    agenda_items_visible_to,
    cases_visible_to,
    interventions_visible_to,
    meetings_visible_to,
)
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import (
    ParticipationKind,
)
from schakel.cases.models import (
    ActionPlanVersion,
    AgendaItem,
    Case,
    ConsultationMeeting,
    Disclosure,
    Intervention,
    ItemDecision,
    MeetingAttendance,
    Participation,
)
from schakel.cases.services import subject_of
from schakel.cases.timeline import Year, case_timeline
from schakel.intake.identity import SubjectIdentity, identity_of
from schakel.network.models import Organisation

Shown = dict[str, audit.AttributeValue] | None  # what a read record says the page showed

# How far ahead dashboards look for reviews, reassessments and meetings.
DUE_SOON = timedelta(days=30)

CASE_LIST_FIELDS = (
    "id", "reference", "phase", "opened_at", "next_review_on", "reassessment_due_on", "closed_at",
    "directing_municipality_id", "directing_municipality__name", "zvh_id", "zvh__name",
    "process_director_id", "subject_id", "reconsider_informing_on",
)  # fmt: skip


def case_list_for(*, membership: Membership | None) -> QuerySet[Case]:
    """Visible cases for a list: metadata only (no identity, no free text)."""
    return (
        cases_visible_to(membership=membership)
        .select_related("directing_municipality", "zvh")
        .only(*CASE_LIST_FIELDS)
        .order_by("-opened_at")
    )


def _log_read(
    membership: Membership, case: Case, identity: SubjectIdentity, name: str, shown: Shown = None
) -> None:
    audit.log_processing(
        activity=CaseActivity.CASE_CONSULTATION,
        name=name,
        by=membership.user,
        subjects=[subject_of(case), *identity.log_subjects],
        attributes=shown,
    )


@dataclass
class CaseView:
    case: Case
    identity: SubjectIdentity
    participations: list[Participation]
    agenda_items: list[AgendaItem]
    versions: list[ActionPlanVersion]
    interventions: list[Intervention]
    may_manage: bool = False
    may_edit_plan: bool = False
    timeline: list[Year] = field(default_factory=list)


def case_get_for(
    *, membership: Membership | None, pk: uuid.UUID, with_timeline: bool = False
) -> CaseView:
    """The read record counts the interventions and (``with_timeline``) the timeline entries."""
    case = (
        cases_visible_to(membership=membership)
        .select_related("directing_municipality", "zvh", "process_director", "informed_by")
        .filter(pk=pk)
        .first()
    )
    if case is None or membership is None:
        raise Http404
    view = CaseView(
        case=case,
        identity=identity_of(case.subject).for_organisation(membership.organisation),
        participations=list(case.participations.select_related("organisation")),
        agenda_items=list(
            case.agenda_items.select_related("meeting").order_by("-meeting__starts_at")
        ),
        versions=list(case.action_plan.versions.order_by("-number")),
        interventions=list(
            case.action_plan.interventions.filter(removed_in__isnull=True).select_related("owner")
        ),
        may_manage=permissions.may_manage_case(membership, case),
        may_edit_plan=permissions.may_edit_plan(membership, case),
    )
    shown: dict[str, audit.AttributeValue] = {"interventions": len(view.interventions)}
    if with_timeline:
        view.timeline = case_timeline(membership=membership, view=view)
        shown["timeline_entries"] = sum(len(year.entries) for year in view.timeline)
    _log_read(membership, case, view.identity, "case_read", shown)
    return view


def case_for_action(*, membership: Membership | None, pk: uuid.UUID) -> Case:
    """A visible case for a write (the service checks what may be done); no person data read."""
    case = cases_visible_to(membership=membership).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def organisations_at_item(item: AgendaItem) -> list[Organisation]:
    """Who is at the table for this item today: the directing municipality, the ZVH, the
    running structural participants and the incidental partners invited for today."""
    day = timezone.localdate()
    running = Participation.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day),
        case_id=item.case_id,
        kind=ParticipationKind.STRUCTURAL,
        starts_on__lte=day,
    ).values("organisation_id")
    invited = item.invitations.filter(
        kind=ParticipationKind.INCIDENTAL, valid_from__lte=day, valid_until__gte=day
    ).values("organisation_id")
    return list(
        Organisation.objects.filter(
            Q(pk__in=[item.case.directing_municipality_id, item.case.zvh_id])
            | Q(pk__in=running)
            | Q(pk__in=invited)
        ).order_by("name")
    )


def disclosures_visible_for(
    *, membership: Membership, item: AgendaItem, full_access: bool
) -> QuerySet[Disclosure]:
    """The directing lead and the ZVH see every disclosure on their cases; other partners
    the ones their organisation made or received."""
    disclosures = Disclosure.objects.filter(agenda_item=item)
    if not permissions.steers_case(membership, item.case):
        org = membership.organisation_id
        disclosures = disclosures.filter(Q(from_organisation_id=org) | Q(recipients=org)).distinct()
    return disclosures.select_related(
        "from_organisation", "legal_basis", "disclosed_by", "corrects"
    ).prefetch_related("recipients")


@dataclass
class AgendaItemView:
    item: AgendaItem
    identity: SubjectIdentity
    full_access: bool
    disclosures: list[Disclosure]
    decisions: list[ItemDecision]
    at_table: list[Organisation]
    draft: ActionPlanVersion | None = None
    extra: dict[str, object] = field(default_factory=dict)


def agenda_item_for_action(*, membership: Membership | None, pk: uuid.UUID) -> AgendaItem:
    item = (
        agenda_items_visible_to(membership=membership)
        .select_related("meeting", "case")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def agenda_item_get_for(*, membership: Membership | None, pk: uuid.UUID) -> AgendaItemView:
    item = (
        agenda_items_visible_to(membership=membership)
        .select_related("meeting__zvh", "case__directing_municipality", "case__zvh")
        .filter(pk=pk)
        .first()
    )
    if item is None or membership is None:
        raise Http404
    full_access = cases_visible_to(membership=membership).filter(pk=item.case_id).exists()
    identity = identity_of(item.case.subject).for_organisation(membership.organisation)
    _log_read(membership, item.case, identity, "agenda_item_read")
    draft = None
    if full_access:
        draft = item.case.action_plan.versions.filter(status="draft").first()
    return AgendaItemView(
        item=item,
        identity=identity,
        full_access=full_access,
        disclosures=list(
            disclosures_visible_for(membership=membership, item=item, full_access=full_access)
        ),
        decisions=list(item.decisions.select_related("recorded_by")),
        at_table=organisations_at_item(item),
        draft=draft,
    )


def meeting_list_for(*, membership: Membership | None) -> QuerySet[ConsultationMeeting]:
    return (
        meetings_visible_to(membership=membership)
        .select_related("zvh", "chair")
        .order_by("-starts_at")
    )


def meeting_get_for(*, membership: Membership | None, pk: uuid.UUID) -> ConsultationMeeting:
    """A visible meeting (no person data: date, place, chair's function)."""
    meeting = (
        meetings_visible_to(membership=membership)
        .select_related("zvh", "chair", "minute_taker")
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def meeting_attendances_for(
    *, membership: Membership | None, meeting: ConsultationMeeting
) -> QuerySet[MeetingAttendance]:
    """Who attended: all of them for whoever runs the meeting; for a partner only the people
    of the organisations at the table for the items it sees (which others came says something
    about the other cases)."""
    attendances = meeting.attendances.select_related("user", "organisation").order_by(
        "organisation__name", "acknowledged_at"
    )
    if permissions.runs_meeting(membership, meeting):
        return attendances
    items = meeting_items_for(membership=membership, meeting=meeting).only(
        "id",
        "meeting_id",
        "case_id",
        "case__directing_municipality_id",
        "case__zvh_id",
        "case__reference",
    )
    at_table = {meeting.zvh_id} | {org.pk for item in items for org in organisations_at_item(item)}
    return attendances.filter(organisation_id__in=at_table)


def meeting_items_for(
    *, membership: Membership | None, meeting: ConsultationMeeting
) -> QuerySet[AgendaItem]:
    """The agenda items of a meeting this membership may see (case references only)."""
    return (
        agenda_items_visible_to(membership=membership)
        .filter(meeting=meeting)
        .select_related("case")
        .only(
            "id", "position", "meeting_id", "case_id", "case__phase", "case__id", "case__reference"
        )
        .order_by("position", "created_at")
    )


def plan_version_get_for(
    *, membership: Membership | None, case_pk: uuid.UUID, number: int
) -> tuple[Case, ActionPlanVersion, SubjectIdentity]:
    """One version of a visible case's plan; reading it is logged."""
    case = cases_visible_to(membership=membership).filter(pk=case_pk).first()
    if case is None or membership is None:
        raise Http404
    version = case.action_plan.versions.filter(number=number).first()
    if version is None:
        raise Http404
    identity = identity_of(case.subject).for_organisation(membership.organisation)
    audit.log_processing(
        activity=CaseActivity.ACTION_PLAN,
        name="plan_read",
        by=membership.user,
        subjects=[subject_of(case), *identity.log_subjects],
    )
    return case, version, identity


def interventions_in_version(version: ActionPlanVersion) -> list[dict[str, object]]:
    """The interventions as the version holds them: the frozen snapshot for an adopted version,
    the current ones for the draft."""
    if version.is_adopted:
        return list(version.interventions_snapshot or [])
    return [
        {
            "id": str(i.pk),
            "kind": i.kind,
            "owner": str(i.owner_id),
            "owner_name": i.owner.name,
            "life_domain": i.life_domain,
            "description": i.description,
            "starts_on": i.starts_on.isoformat(),
            "due_on": i.due_on.isoformat(),
        }
        for i in version.plan.interventions.filter(removed_in__isnull=True).select_related("owner")
    ]


INTERVENTION_LIST_FIELDS = (
    "id", "kind", "status", "starts_on", "due_on", "owner_id", "owner__name", "plan_id",
    "plan__case_id", "plan__case__id", "plan__case__reference", "revision", "removed_in_id",
    "life_domain", "plan__case__subject_id",
)  # fmt: skip


def intervention_list_for(*, membership: Membership | None) -> QuerySet[Intervention]:
    """Visible current interventions for a list: no description or outcome (a page that shows
    them logs the persons: ``list_reads``)."""
    return (
        interventions_visible_to(membership=membership)
        .filter(removed_in__isnull=True)
        .select_related("owner", "plan__case")
        .only(*INTERVENTION_LIST_FIELDS)
        .order_by("due_on")
    )


def intervention_get_for(*, membership: Membership | None, pk: uuid.UUID) -> Intervention:
    intervention = (
        interventions_visible_to(membership=membership)
        .select_related("owner", "plan__case")
        .filter(pk=pk)
        .first()
    )
    if intervention is None or membership is None:
        raise Http404
    audit.log_processing(
        activity=CaseActivity.ACTION_PLAN,
        name="intervention_read",
        by=membership.user,
        subjects=[subject_of(intervention.plan.case)],
    )
    return intervention
