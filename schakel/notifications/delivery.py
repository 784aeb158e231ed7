"""From notifications to e-mail: who gets a delivery when, sending it, and trying again.

A person who wants mail directly gets one e-mail per run with everything new in that run; one
who wants the digest gets one e-mail a day, at the first run from their hour on, with what came
since the last; one who wants none gets nothing, and their notifications are dropped. A failed
send is tried again after ``RETRY_BASE`` × 2^(attempt − 1), until ``MAX_ATTEMPTS``; then the
delivery is given up. The application log gets ids, counts and error classes only: never an
address, a subject or a line of the message.
"""

import logging
import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.notifications.choices import DeliveryStatus, Frequency
from schakel.notifications.messages import compose
from schakel.notifications.models import (
    DEFAULT_DIGEST_HOUR,
    Delivery,
    Notification,
    NotificationPreference,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_BASE = timedelta(minutes=5)
# Sent and given-up deliveries (and their notifications) are kept this long, then deleted.
KEEP_DELIVERIES = timedelta(days=30)


def _digest_moment(now: datetime, hour: int) -> datetime:
    local = timezone.localtime(now)
    return timezone.make_aware(datetime.combine(local.date(), time(hour=hour)))


def _digest_due(user_id: uuid.UUID, hour: int, now: datetime) -> bool:
    moment = _digest_moment(now, hour)
    if now < moment:
        return False
    return not Delivery.objects.filter(
        user_id=user_id, digest=True, created_at__gte=moment
    ).exists()


def plan(now: datetime) -> int:
    """Bundle the waiting notifications into deliveries as each person prefers; how many made."""
    waiting = Notification.objects.filter(delivery__isnull=True)
    users = set(waiting.values_list("user_id", flat=True).distinct())
    preferences = {p.user_id: p for p in NotificationPreference.objects.filter(user_id__in=users)}
    made = 0
    for user_id in sorted(users, key=str):
        preference = preferences.get(user_id)
        frequency = preference.frequency if preference else Frequency.DIGEST
        hour = preference.digest_hour if preference else DEFAULT_DIGEST_HOUR
        mine = waiting.filter(user_id=user_id)
        if frequency == Frequency.NONE:
            mine.delete()
            continue
        digest = frequency == Frequency.DIGEST
        if digest and not _digest_due(user_id, hour, now):
            continue
        before_hour = Q(arrived_after__isnull=True) | Q(arrived_after__lt=_digest_moment(now, hour))
        if digest and not mine.filter(before_hour).exists():
            # Nothing can have waited at the hour (all of it arrived after a look from the hour
            # on): it goes in tomorrow's digest. A worker that missed the hour still sends, late,
            # what it finds after a look from before the hour.
            continue
        with transaction.atomic():
            delivery = Delivery.objects.create(user_id=user_id, digest=digest, next_attempt_at=now)
            mine.update(delivery=delivery)
        made += 1
    return made


def _lines_for(delivery: Delivery) -> list[Notification]:
    """The delivery's notifications whose membership is still active (ended work is not mailed)."""
    active = Membership.objects.active().values("pk")
    return list(delivery.notifications.filter(membership_id__in=active))


def _attempt(delivery: Delivery, now: datetime) -> None:
    user = delivery.user
    notifications = _lines_for(delivery) if user.is_active else []
    if not notifications:
        delivery.status = DeliveryStatus.CANCELLED
        delivery.save(update_fields=["status"])
        logger.info("notification delivery %s cancelled: nothing left to send", delivery.pk)
        return
    delivery.attempts += 1
    try:
        # Composing fails like sending does: counted as an attempt, so one bad delivery cannot
        # stop the run (the deliveries after it are still sent).
        message = compose(notifications, digest=delivery.digest)
        mail = EmailMultiAlternatives(
            subject=message.subject,
            body=message.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        mail.attach_alternative(message.html, "text/html")
        mailers.default.send_messages([mail])
    except Exception as error:  # any failure is retried; only its class is logged
        delivery.last_error = type(error).__name__[:100]
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.GIVEN_UP
            delivery.next_attempt_at = None
            logger.error(
                "notification delivery %s given up after %d attempts (%s)",
                delivery.pk, delivery.attempts, delivery.last_error,
            )  # fmt: skip
        else:
            delivery.next_attempt_at = now + RETRY_BASE * 2 ** (delivery.attempts - 1)
            logger.warning(
                "notification delivery %s failed (attempt %d, %s); next attempt %s",
                delivery.pk, delivery.attempts, delivery.last_error,
                delivery.next_attempt_at.isoformat(),
            )  # fmt: skip
    else:
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = now
        delivery.next_attempt_at = None
        logger.info(
            "notification delivery %s sent (attempt %d, %d notifications)",
            delivery.pk, delivery.attempts, len(notifications),
        )  # fmt: skip
    delivery.save()


def send_due(now: datetime) -> int:
    """Send every delivery whose (next) attempt is due; how many were attempted."""
    due = list(
        Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .select_related("user")
        .order_by("next_attempt_at", "pk")
    )
    if not due:
        return 0
    for delivery in due:
        with transaction.atomic():
            # Lock and read again in one step: a run that overlaps (the task and the command)
            # may have just sent or rescheduled it; then this one leaves it alone.
            locked = (
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(pk=delivery.pk, status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
                .select_related("user")
                .first()
            )
            if locked is not None:
                _attempt(locked, now)
    return len(due)


def forget_old(now: datetime) -> None:
    """Delete finished deliveries (and their notifications) after ``KEEP_DELIVERIES``."""
    finished = [DeliveryStatus.SENT, DeliveryStatus.GIVEN_UP, DeliveryStatus.CANCELLED]
    Delivery.objects.filter(status__in=finished, created_at__lt=now - KEEP_DELIVERIES).delete()
