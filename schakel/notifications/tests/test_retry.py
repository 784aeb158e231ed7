"""Sending fails: the delivery is tried again with growing pauses, then given up; the
application log names ids, counts and error classes, never an address or a reference."""

import logging
import smtplib
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from schakel.notifications.choices import DeliveryStatus, Frequency
from schakel.notifications.delivery import MAX_ATTEMPTS
from schakel.notifications.models import Delivery
from schakel.notifications.tests.conftest import START
from schakel.notifications.tests.helpers import mails_to, prefer, run_at
from schakel.work.tests.world import busy_region

pytestmark = pytest.mark.django_db


class Failing:
    """Stands in for the SMTP server: refuses the next ``times`` messages."""

    def __init__(self, times: int) -> None:
        self.times = times
        self.tries = 0

    def __call__(self, backend: EmailBackend, messages: list[mail.EmailMessage]) -> int:
        self.tries += 1
        if self.tries <= self.times:
            raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"no such user")})
        return ORIGINAL(backend, messages)

    def method(self) -> Callable[[EmailBackend, list[mail.EmailMessage]], int]:
        def send_messages(backend: EmailBackend, messages: list[mail.EmailMessage]) -> int:
            return self(backend, messages)

        return send_messages


ORIGINAL = EmailBackend.send_messages


@pytest.fixture
def ggz_invited(personas, clock):  # type: ignore[no-untyped-def]
    run_at(clock, START)
    world = busy_region(personas)
    prefer(personas.ggz_member, Frequency.DIRECT)
    return world


def test_a_failed_send_is_retried_with_backoff_and_then_sent(
    personas, clock, ggz_invited, monkeypatch, caplog
) -> None:
    failing = Failing(times=2)
    monkeypatch.setattr(EmailBackend, "send_messages", failing.method())
    caplog.set_level(logging.INFO, logger="schakel.notifications")
    run_at(clock, START + timedelta(minutes=5))
    delivery = Delivery.objects.get(user=personas.ggz_member)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.next_attempt_at == START + timedelta(minutes=10)
    assert delivery.last_error == "SMTPRecipientsRefused"
    run_at(clock, START + timedelta(minutes=9))  # not yet due: no attempt
    delivery.refresh_from_db()
    assert delivery.attempts == 1
    run_at(clock, START + timedelta(minutes=10))  # second attempt fails: wait twice as long
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at == START + timedelta(minutes=20)
    run_at(clock, START + timedelta(minutes=20))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 3)
    assert len(mails_to(personas.ggz_member)) == 1
    assert str(delivery.pk) in caplog.text
    for secret in (personas.ggz_member.email, ggz_invited.item.meeting.reference, "no such"):
        assert secret not in caplog.text


def test_a_delivery_is_given_up_after_the_last_attempt(
    personas, clock, ggz_invited, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(EmailBackend, "send_messages", Failing(times=99).method())
    caplog.set_level(logging.INFO, logger="schakel.notifications")
    when = START + timedelta(minutes=5)
    run_at(clock, when)
    delivery = Delivery.objects.get(user=personas.ggz_member)
    pauses = []
    while delivery.status == DeliveryStatus.PENDING:
        assert delivery.next_attempt_at is not None
        pauses.append(delivery.next_attempt_at - when)
        when = delivery.next_attempt_at
        run_at(clock, when)
        delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.GIVEN_UP
    assert delivery.attempts == MAX_ATTEMPTS
    assert pauses == [timedelta(minutes=5 * 2**n) for n in range(MAX_ATTEMPTS - 1)]
    run_at(clock, when + timedelta(days=1))
    delivery.refresh_from_db()
    assert delivery.attempts == MAX_ATTEMPTS  # no attempt after giving up
    assert mail.outbox == []
    assert delivery.last_error == "SMTPRecipientsRefused"
    assert f"notification delivery {delivery.pk} given up after {MAX_ATTEMPTS}" in caplog.text
    assert personas.ggz_member.email not in caplog.text


def test_a_message_that_cannot_be_composed_does_not_stop_the_others(
    personas, clock, ggz_invited, monkeypatch, caplog
) -> None:
    from schakel.notifications import delivery as delivery_module

    prefer(personas.lead_a, Frequency.DIRECT)
    prefer(personas.police_member, Frequency.DIRECT)
    original = delivery_module.compose

    def compose(notifications, *, digest):  # type: ignore[no-untyped-def]
        if notifications[0].user_id == personas.ggz_member.pk:
            raise ValueError("kapotte sjabloon")
        return original(notifications, digest=digest)

    monkeypatch.setattr(delivery_module, "compose", compose)
    caplog.set_level(logging.INFO, logger="schakel.notifications")
    run_at(clock, START + timedelta(minutes=5))

    broken = Delivery.objects.get(user=personas.ggz_member)
    assert (broken.status, broken.attempts, broken.last_error) == (
        DeliveryStatus.PENDING, 1, "ValueError"
    )  # fmt: skip
    assert mails_to(personas.ggz_member) == []
    # The others in the same run are sent.
    assert mails_to(personas.lead_a)
    assert mails_to(personas.police_member)
    assert "kapotte sjabloon" not in caplog.text
