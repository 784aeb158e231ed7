"""What waits in the meetings (Mijn werk, ``WORK_ITEMS``): open action points owned by the
acting membership's organisation, due within ``DUE_WITHIN`` days or overdue, in the
collaborations it takes part in. One query; titles and dates only."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.regional_meetings.choices import ActionStatus
from schakel.regional_meetings.selectors import actions_for

ACTION_POINT = "meeting_action_point"
DUE_WITHIN = timedelta(days=14)


def action_points(membership: Membership) -> list[WorkItem]:
    due_by = timezone.localdate() + DUE_WITHIN
    rows = (
        actions_for(membership)
        .filter(owner_id=membership.organisation_id, status=ActionStatus.OPEN, due_on__lte=due_by)
        .order_by("due_on", "created_at", "pk")
        .values_list("meeting_id", "meeting__title", "due_on")[:ROWS_PER_KIND]
    )
    return [
        WorkItem(
            kind=ACTION_POINT,
            label=_("Actiepunt uit %(meeting)s") % {"meeting": title},
            due_on=due_on,
            url=reverse("regional_meetings:meeting_detail", kwargs={"pk": meeting_id}),
            menu="regional_meetings:index",
            reference=str(meeting_id),
        )
        for meeting_id, title, due_on in rows
    ]


WORK = [action_points]
