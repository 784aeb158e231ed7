"""What waits in cases and consultations (Mijn werk, ``WORK_ITEMS``): invitations to an agenda
item, meetings to prepare (and to acknowledge confidentiality for), interventions due or
overdue, and the reviews, reassessments and informing decisions of the cases one steers.

Each starts from the cases' own access conditions (``cases.access`` through the selectors), so
it shows what the lists show to that membership; one query each; references and dates only.
"""

from datetime import date, datetime, time

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.cases.access import agenda_items_visible_to
from schakel.cases.choices import (
    OPEN_INTERVENTION_STATUSES,
    OPEN_PHASES,
    MeetingStatus,
    ParticipationKind,
)
from schakel.cases.models import Invitation, MeetingAttendance
from schakel.cases.selectors import DUE_SOON, case_list_for, intervention_list_for, meeting_list_for
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.network.choices import OrganisationKind

INVITATION = "invitation"
MEETING = "meeting"
INTERVENTION = "intervention"
REVIEW = "case_review"
REASSESSMENT = "case_reassessment"
INFORMING = "case_informing"


def _today_start() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def invitations(membership: Membership) -> list[WorkItem]:
    """Agenda items of coming meetings the organisation is invited to as an incidental
    partner, while the invitation runs (one query)."""
    invited = Invitation.objects.filter(
        agenda_item_id=OuterRef("pk"),
        organisation_id=membership.organisation_id,
        kind=ParticipationKind.INCIDENTAL,
    )
    rows = (
        agenda_items_visible_to(membership=membership)
        .filter(Exists(invited), meeting__starts_at__gte=_today_start())
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .order_by("meeting__starts_at", "pk")
        .values_list("pk", "case__reference", "meeting__reference", "meeting__starts_at")[
            :ROWS_PER_KIND
        ]
    )
    return [
        WorkItem(
            kind=INVITATION,
            label=_("Uitnodiging: agendapunt over casus %(case)s in casusoverleg %(meeting)s")
            % {"case": case_reference, "meeting": meeting_reference},
            due_on=timezone.localdate(starts_at),
            url=reverse("cases:item_detail", kwargs={"pk": pk}),
            menu="cases:meeting_list",
            reference=meeting_reference,
        )
        for pk, case_reference, meeting_reference, starts_at in rows
    ]


def meetings_to_prepare(membership: Membership) -> list[WorkItem]:
    """Meetings in the coming 30 days this membership sees, not cancelled (one query); the
    label says whether the user still has to confirm confidentiality."""
    now = timezone.now()
    acknowledged = MeetingAttendance.objects.filter(
        meeting_id=OuterRef("pk"), user_id=membership.user_id
    )
    incidental = Invitation.objects.filter(
        agenda_item__meeting_id=OuterRef("pk"),
        organisation_id=membership.organisation_id,
        kind=ParticipationKind.INCIDENTAL,
    )
    rows = (
        meeting_list_for(membership=membership)
        .filter(starts_at__gte=_today_start(), starts_at__lte=now + DUE_SOON)
        .exclude(status=MeetingStatus.CANCELLED)
        # An incidental partner has the invitation on the list already.
        .exclude(Exists(incidental))
        .annotate(acknowledged=Exists(acknowledged))
        .order_by("starts_at", "pk")
        .values_list("pk", "reference", "starts_at", "acknowledged")[:ROWS_PER_KIND]
    )
    items = []
    for pk, reference, starts_at, done in rows:
        label = (
            _("Casusoverleg %(meeting)s voorbereiden")
            if done
            else _("Casusoverleg %(meeting)s voorbereiden en geheimhouding bevestigen")
        )
        items.append(
            WorkItem(
                kind=MEETING,
                label=label % {"meeting": reference},
                due_on=timezone.localdate(starts_at),
                url=reverse("cases:meeting_detail", kwargs={"pk": pk}),
                menu="cases:meeting_list",
                reference=reference,
            )
        )
    return items


def _steered(membership: Membership) -> Q | None:
    """The cases this membership steers: the directing lead's and the ZVH's process director's."""
    org = membership.organisation
    if membership.role == Role.MUNICIPAL_LEAD and org.kind == OrganisationKind.MUNICIPALITY:
        return Q(directing_municipality_id=org.pk)
    if membership.role == Role.PROCESS_DIRECTOR:
        return Q(zvh_id=org.pk)
    return None


def interventions_due(membership: Membership) -> list[WorkItem]:
    """Running interventions due within 30 days or overdue, that the organisation owns or that
    are in a case it steers (one query)."""
    soon = timezone.localdate() + DUE_SOON
    mine = Q(owner_id=membership.organisation_id)
    steered = _steered(membership)
    if steered is not None:
        mine |= Q(
            plan__case_id__in=case_list_for(membership=membership).filter(steered).values("pk")
        )
    rows = (
        intervention_list_for(membership=membership)
        .filter(
            mine,
            status__in=OPEN_INTERVENTION_STATUSES,
            due_on__lte=soon,
            plan__case__phase__in=OPEN_PHASES,
        )
        .order_by("due_on", "pk")
        .values_list("pk", "plan__case__reference", "due_on")[:ROWS_PER_KIND]
    )
    items = []
    for pk, reference, due_on in rows:
        overdue = due_on < timezone.localdate()
        label = (
            _("Interventie in casus %(case)s is over tijd")
            if overdue
            else _("Interventie in casus %(case)s afronden")
        )
        items.append(
            WorkItem(
                kind=INTERVENTION,
                label=label % {"case": reference},
                due_on=due_on,
                url=reverse("cases:intervention_detail", kwargs={"pk": pk}),
                menu="cases:intervention_list",
                reference=reference,
            )
        )
    return items


def _case_dates(membership: Membership, field: str) -> list[tuple[object, str, date]]:
    steered = _steered(membership)
    if steered is None:
        return []
    soon = timezone.localdate() + DUE_SOON
    return list(
        case_list_for(membership=membership)
        .filter(steered, phase__in=OPEN_PHASES, **{f"{field}__lte": soon})
        .order_by(field, "pk")
        .values_list("pk", "reference", field)[:ROWS_PER_KIND]
    )


def case_dates(membership: Membership) -> list[WorkItem]:
    """Reviews, reassessments and deferred informing to reconsider within 30 days or overdue,
    in the cases this membership steers (three queries)."""
    kinds = (
        (REVIEW, "next_review_on", _("Casus %(case)s evalueren")),
        (REASSESSMENT, "reassessment_due_on", _("Casus %(case)s herbeoordelen")),
        (
            INFORMING,
            "reconsider_informing_on",
            _("Casus %(case)s: uitstel van informeren heroverwegen"),
        ),
    )
    items = []
    for kind, field, label in kinds:
        for pk, reference, due_on in _case_dates(membership, field):
            items.append(
                WorkItem(
                    kind=kind,
                    label=label % {"case": reference},
                    due_on=due_on,
                    url=reverse("cases:case_detail", kwargs={"pk": pk}),
                    menu="cases:case_list",
                    reference=reference,
                )
            )
    return items


WORK = [invitations, meetings_to_prepare, interventions_due, case_dates]
