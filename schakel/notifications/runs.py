"""One run of notifications: look at every active membership's work list, bundle what is new
into deliveries as each person prefers, and send what is due (including retries).

Only active users in active memberships of active organisations are looked at; a person who
wants no mail is still looked at, so that switching mail on later does not bring old work.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.core.work import work_items_for
from schakel.notifications import delivery
from schakel.notifications.detection import look
from schakel.notifications.models import Notification, SeenWorkItem, WatchedMembership

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    memberships: int
    notifications: int
    deliveries: int
    attempted: int
    failed: int = 0


def _memberships() -> list[Membership]:
    return list(
        Membership.objects.active().select_related("organisation", "user").order_by("user_id", "pk")
    )


def _forget_inactive(memberships: list[Membership]) -> None:
    """What was seen for memberships no longer active goes: if one becomes active again, its
    next look is a first look."""
    active = [membership.pk for membership in memberships]
    SeenWorkItem.objects.exclude(membership_id__in=active).delete()
    WatchedMembership.objects.exclude(membership_id__in=active).delete()


def run(now: datetime | None = None) -> RunResult:
    now = now or timezone.now()
    today = timezone.localdate(now)
    memberships = _memberships()
    made = 0
    failed = 0
    for membership in memberships:
        try:
            with transaction.atomic():
                notifications = look(membership, work_items_for(membership), today)
                Notification.objects.bulk_create(notifications)
        except Exception as error:  # one membership's failure must not stop everyone's mail
            failed += 1
            logger.error(
                "notification look at membership %s failed (%s)",
                membership.pk, type(error).__name__,
            )  # fmt: skip
            continue
        made += len(notifications)
    _forget_inactive(memberships)
    planned = delivery.plan(now)
    attempted = delivery.send_due(now)
    delivery.forget_old(now)
    result = RunResult(len(memberships), made, planned, attempted, failed)
    logger.info(
        "notification run: %d memberships (%d failed), %d notifications, %d deliveries, "
        "%d attempted",
        result.memberships, result.failed, result.notifications, result.deliveries,
        result.attempted,
    )  # fmt: skip
    return result
