"""What waits in the weighing (Mijn werk, ``WORK_ITEMS``): undecided items of open sessions
and decided items that come back on a date (more information, re-weigh). References and dates
only, from the weighing's own selectors."""

import uuid

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.intake.permissions import is_meldpunt
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingItem
from schakel.weighing.selectors import follow_ups_for, items_visible_to

ITEM_TO_DECIDE = "weighing_item"
FOLLOW_UP = "weighing_follow_up"


def _reference(item_id: uuid.UUID) -> str:
    return str(WeighingItem(pk=item_id)).removeprefix("Wegingspunt ")


def items_to_decide(membership: Membership) -> list[WorkItem]:
    """Undecided items of open sessions this membership sees (one query); due: the session."""
    rows = (
        items_visible_to(membership=membership)
        .filter(outcome="", session__status=SessionStatus.OPEN)
        .order_by("session__held_at", "created_at", "pk")
        .values_list("pk", "session__held_at")[:ROWS_PER_KIND]
    )
    return [
        WorkItem(
            kind=ITEM_TO_DECIDE,
            label=_("Wegingspunt %(reference)s wegen") % {"reference": _reference(pk)},
            due_on=timezone.localdate(held_at),
            url=reverse("weighing:item_detail", kwargs={"pk": pk}),
            menu="weighing:session_list",
            reference=_reference(pk),
        )
        for pk, held_at in rows
    ]


def follow_ups(membership: Membership) -> list[WorkItem]:
    """For the directing meldpunt: decided items that come back on a date (one query)."""
    if not is_meldpunt(membership):
        return []
    rows = (
        follow_ups_for(membership=membership)
        .filter(directing_municipality_id=membership.organisation_id)
        .values_list("pk", "outcome", "follow_up_on")[:ROWS_PER_KIND]
    )
    items = []
    for pk, outcome, follow_up_on in rows:
        label = (
            _("Wegingspunt %(reference)s: meer informatie verwacht")
            if outcome == WeighingOutcome.MORE_INFORMATION
            else _("Wegingspunt %(reference)s opnieuw wegen")
        )
        items.append(
            WorkItem(
                kind=FOLLOW_UP,
                label=label % {"reference": _reference(pk)},
                due_on=follow_up_on,
                url=reverse("weighing:item_detail", kwargs={"pk": pk}),
                menu="weighing:session_list",
                reference=_reference(pk),
            )
        )
    return items


WORK = [items_to_decide, follow_ups]
