"""What is new on a membership's work list since the last look (``schakel.core.work``).

Each look compares the work items with what was seen before (``SeenWorkItem``): an item is
known by its kind and a digest of its link and reference; its due date is kept beside it, so a
meeting moved to another day is *changed*, not new. Notifications are made for

- new work of the kinds in ``ANNOUNCED`` (a match suggestion, an invitation, a meeting, an input
  request), and a changed date of the kinds in ``RESCHEDULED`` (a meeting or invitation moved);
- any single item whose due date comes within ``DEADLINE_DAYS`` days, once per due date
  (``DEADLINE``), unless a new or changed notification already said so.

At the first look at a membership everything on its list is recorded without a notification,
so switching notifications on does not mail all existing work; deadlines are still warned.
Work items carry a kind, a reference, a date and a link only; so do the notifications.
"""

import hashlib
from datetime import date, datetime, timedelta

from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.cases.work import INVITATION, MEETING
from schakel.core.work import WorkItem
from schakel.intake.work import SUGGESTION
from schakel.notifications.choices import Event
from schakel.notifications.models import Notification, SeenWorkItem, WatchedMembership
from schakel.privacy.work import INPUT_REQUEST

ANNOUNCED = frozenset({SUGGESTION, INVITATION, MEETING, INPUT_REQUEST})
RESCHEDULED = frozenset({INVITATION, MEETING})
DEADLINE_DAYS = 3
# A seen item that has not been on the list for this long is forgotten.
FORGET_AFTER = timedelta(days=60)


def identity_of(item: WorkItem) -> str:
    return hashlib.sha256(f"{item.url}\x1f{item.reference}".encode()).hexdigest()


def _deadline_near(item: WorkItem, today: date) -> bool:
    if item.due_on is None or item.count != 1:
        return False
    return today <= item.due_on <= today + timedelta(days=DEADLINE_DAYS)


def _notification(
    membership: Membership, item: WorkItem, event: str, arrived_after: datetime | None
) -> Notification:
    return Notification(
        arrived_after=arrived_after,
        user_id=membership.user_id,
        membership=membership,
        event=event,
        kind=item.kind,
        reference=item.reference[:64],
        path=item.url[:300],
        due_on=item.due_on,
    )


def _event_for(item: WorkItem, seen: SeenWorkItem | None, first_look: bool) -> str | None:
    if seen is None:
        return Event.NEW if item.kind in ANNOUNCED and not first_look else None
    if seen.due_on != item.due_on and item.kind in RESCHEDULED:
        return Event.CHANGED
    return None


def look(membership: Membership, items: list[WorkItem], today: date) -> list[Notification]:
    """Compare the membership's items with what was seen, record them as seen, and return the
    notifications to make (unsaved). A fixed number of queries plus one write per change."""
    now = timezone.now()
    watch = WatchedMembership.objects.filter(membership=membership).first()
    first_look = watch is None
    if watch is None:
        watch = WatchedMembership.objects.create(membership=membership, looked_at=now)
        previous_look = now
    else:
        previous_look = watch.looked_at or watch.started_at
        WatchedMembership.objects.filter(pk=watch.pk).update(looked_at=now)
    seen = {
        (row.kind, row.identity): row for row in SeenWorkItem.objects.filter(membership=membership)
    }
    made: list[Notification] = []
    fresh: list[SeenWorkItem] = []
    still_there: list[int] = []
    handled: set[tuple[str, str]] = set()
    for item in items:
        key = (item.kind, identity_of(item))
        if key in handled:  # two items with one link and reference: one notification
            continue
        handled.add(key)
        row = seen.get(key)
        event = _event_for(item, row, first_look)
        unwarned = row is None or row.warned_on != item.due_on
        if event is None and _deadline_near(item, today) and unwarned:
            event = Event.DEADLINE
        if event is not None:
            made.append(_notification(membership, item, event, previous_look))
        warned_on = item.due_on if event is not None and _deadline_near(item, today) else None
        if row is None:
            fresh.append(
                SeenWorkItem(
                    membership=membership,
                    kind=item.kind,
                    identity=key[1],
                    due_on=item.due_on,
                    warned_on=warned_on,
                    last_seen_on=today,
                )
            )
        elif event is not None or row.due_on != item.due_on:
            if warned_on is not None or row.due_on != item.due_on:
                row.warned_on = warned_on  # a new due date is not warned for yet
            row.due_on = item.due_on
            row.last_seen_on = today
            row.save(update_fields=["due_on", "warned_on", "last_seen_on"])
        elif row.last_seen_on != today:
            still_there.append(row.pk)
    SeenWorkItem.objects.bulk_create(fresh)
    SeenWorkItem.objects.filter(pk__in=still_there).update(last_seen_on=today)
    SeenWorkItem.objects.filter(
        membership=membership, last_seen_on__lt=today - FORGET_AFTER
    ).delete()
    return made
