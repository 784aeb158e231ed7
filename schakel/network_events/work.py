"""What waits in the network events (Mijn werk, ``WORK_ITEMS``): open follow-ups of the
membership's organisation (for its staff in a planning role) and planned events that have begun
and wait for their record (for those who record them). Kinds and dates only, no free text;
one query each."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.network_events import permissions, selectors
from schakel.network_events.choices import EventKind

FOLLOW_UP = "network_follow_up"
TO_RECORD = "network_event_record"


def _kind(value: str) -> str:
    return str(EventKind(value).label).lower()


def follow_ups(membership: Membership) -> list[WorkItem]:
    if not permissions.plans_for_organisation(membership):
        return []
    rows = selectors.open_follow_ups_owned_by(membership).values_list(
        "pk", "due_on", "event_id", "event__kind", "event__starts_at"
    )[:ROWS_PER_KIND]
    return [
        WorkItem(
            kind=FOLLOW_UP,
            label=_("Vervolgactie na %(kind)s van %(date)s")
            % {"kind": _kind(kind), "date": formats.date_format(timezone.localtime(starts_at))},
            due_on=due_on,
            url=reverse("network_events:event_detail", kwargs={"pk": event_id}) + "#vervolgacties",
            reference=str(pk),
        )
        for pk, due_on, event_id, kind, starts_at in rows
    ]


def events_to_record(membership: Membership) -> list[WorkItem]:
    rows = selectors.events_to_record_by(membership).values_list("pk", "kind", "starts_at")[
        :ROWS_PER_KIND
    ]
    return [
        WorkItem(
            kind=TO_RECORD,
            label=_("Verslag vastleggen van %(kind)s van %(date)s")
            % {"kind": _kind(kind), "date": formats.date_format(timezone.localtime(starts_at))},
            due_on=timezone.localdate(starts_at),
            url=reverse("network_events:event_record", kwargs={"pk": pk}),
            reference=str(pk),
        )
        for pk, kind, starts_at in rows
    ]


WORK = [follow_ups, events_to_record]
