"""Helpers of the notification tests."""

from datetime import datetime
from typing import Any

from django.core import mail
from django.utils import timezone

from schakel.accounts.models import User
from schakel.notifications.choices import Frequency
from schakel.notifications.models import NotificationPreference
from schakel.notifications.runs import RunResult, run


def prefer(user: User, frequency: str = Frequency.DIRECT, hour: int = 8) -> None:
    NotificationPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency, "digest_hour": hour}
    )


def run_at(clock: Any, when: datetime) -> RunResult:
    clock.move_to(when)
    return run(timezone.now())


def mails_to(user: User) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if message.to == [user.email]]


def body(message: mail.EmailMessage) -> str:
    html = "".join(
        str(content)
        for content, _kind in getattr(message, "alternatives", [])  # type: ignore[misc]
    )
    return f"{message.subject}\n{message.body}\n{html}"
