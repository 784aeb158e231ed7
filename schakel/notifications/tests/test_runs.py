"""Notifications with a frozen clock: direct mail once, the digest at its hour, the deadline
warning three days ahead once, a moved meeting as "changed", and only active people."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.cases.models import ConsultationMeeting
from schakel.notifications import runs
from schakel.notifications.choices import Event, Frequency
from schakel.notifications.models import Delivery, Notification, SeenWorkItem, WatchedMembership
from schakel.notifications.tests.conftest import START
from schakel.notifications.tests.helpers import body, mails_to, prefer, run_at
from schakel.work.tests.world import busy_region

pytestmark = pytest.mark.django_db


def move(meeting: ConsultationMeeting, by: timedelta) -> None:
    ConsultationMeeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at + by, ends_at=meeting.ends_at + by
    )


@pytest.fixture
def world(personas, clock):  # type: ignore[no-untyped-def]
    """The busy region, made after a first look at every (then empty) work list."""
    run_at(clock, START)
    assert mail.outbox == []
    return busy_region(personas)


def test_direct_mail_comes_once_and_not_again_on_the_next_run(personas, clock, world) -> None:
    prefer(personas.ggz_member, Frequency.DIRECT)
    run_at(clock, START + timedelta(minutes=5))
    [message] = mails_to(personas.ggz_member)
    reference = world.item.meeting.reference
    assert "Uitnodiging voor een agendapunt" in message.body
    assert reference in message.body
    path = reverse("cases:item_detail", kwargs={"pk": world.item.pk})
    assert f"https://schakel.test{path}" in body(message)
    run_at(clock, START + timedelta(minutes=10))
    run_at(clock, START + timedelta(days=1))
    assert len(mails_to(personas.ggz_member)) == 1


def test_the_digest_collects_the_day_into_one_message_at_the_set_hour(
    personas, clock, world
) -> None:
    prefer(personas.lead_a, Frequency.DIGEST, hour=9)
    run_at(clock, START + timedelta(minutes=5))
    run_at(clock, START.replace(hour=8, minute=55))
    assert mails_to(personas.lead_a) == []  # before its hour: nothing yet
    run_at(clock, START.replace(hour=9, minute=0))
    [digest] = mails_to(personas.lead_a)
    assert digest.subject == "Schakel: uw dagoverzicht"
    # The match suggestion, the meeting and the review due in three days, in one message.
    assert "Match-suggestie" in digest.body
    assert "Gepland: Casusoverleg" in digest.body
    assert "Termijn nadert: Evaluatie van een casus" in digest.body
    run_at(clock, START.replace(hour=9, minute=5))
    run_at(clock, START.replace(hour=15))
    assert len(mails_to(personas.lead_a)) == 1  # one a day
    # What comes in after the digest waits for the next day's.
    move(world.item.meeting, timedelta(days=1))
    run_at(clock, START.replace(hour=15, minute=5))
    assert len(mails_to(personas.lead_a)) == 1
    run_at(clock, START.replace(hour=9) + timedelta(days=1))
    assert len(mails_to(personas.lead_a)) == 2
    assert "Gewijzigd: Casusoverleg" in mails_to(personas.lead_a)[1].body


def test_the_digest_is_sent_late_when_the_worker_missed_its_hour(personas, clock, world) -> None:
    prefer(personas.lead_a, Frequency.DIGEST, hour=8)
    run_at(clock, START.replace(hour=13))
    assert len(mails_to(personas.lead_a)) == 1


def test_work_that_arrives_after_the_digest_hour_waits_for_the_next_day(personas, clock) -> None:
    prefer(personas.lead_a, Frequency.DIGEST, hour=8)
    for hour, minute in ((7, 0), (8, 0), (8, 5), (12, 0), (14, 55)):  # the worker runs; nothing
        run_at(clock, START.replace(hour=hour, minute=minute))  # waits
    busy_region(personas)  # work comes in after 14:55
    run_at(clock, START.replace(hour=15, minute=5))
    run_at(clock, START.replace(hour=15, minute=10))
    assert mails_to(personas.lead_a) == []  # not at 15:05: the hour has passed
    run_at(clock, START.replace(hour=8) + timedelta(days=1))
    [digest] = mails_to(personas.lead_a)
    assert "Match-suggestie" in digest.body


def test_a_deadline_is_warned_three_days_ahead_once(personas, clock, world) -> None:
    prefer(personas.police_member, Frequency.DIRECT)
    run_at(clock, START + timedelta(minutes=5))  # the intervention is due in five days
    assert not any("Termijn nadert" in m.body for m in mails_to(personas.police_member))
    run_at(clock, START + timedelta(days=1))  # four days
    assert not any("Termijn nadert" in m.body for m in mails_to(personas.police_member))
    run_at(clock, START + timedelta(days=2))  # three days: the warning
    warnings = [m for m in mails_to(personas.police_member) if "Termijn nadert" in m.body]
    assert len(warnings) == 1
    assert "Termijn nadert: Interventie" in warnings[0].body
    assert "7 maart 2026" in warnings[0].body
    for later in (timedelta(days=2, minutes=5), timedelta(days=3), timedelta(days=4)):
        run_at(clock, START + later)
    warnings = [m.body for m in mails_to(personas.police_member) if "Termijn nadert" in m.body]
    assert sum(body.count("Termijn nadert: Interventie") for body in warnings) == 1
    # The meeting of 9 March is three days ahead on the 6th: its own reminder, once.
    reminders = [m.body for m in mails_to(personas.police_member) if "Binnenkort" in m.body]
    assert sum(body.count("Binnenkort: Casusoverleg") for body in reminders) == 1


def test_a_moved_meeting_gives_a_changed_notification(personas, clock, world) -> None:
    prefer(personas.lead_a, Frequency.DIRECT)
    prefer(personas.ggz_member, Frequency.DIRECT)
    run_at(clock, START + timedelta(minutes=5))
    mail.outbox.clear()
    meeting = world.item.meeting
    move(meeting, timedelta(days=2))
    run_at(clock, START + timedelta(minutes=10))
    [lead_mail] = mails_to(personas.lead_a)
    assert f"Gewijzigd: Casusoverleg {meeting.reference}, nu op 11 maart 2026" in lead_mail.body
    [ggz_mail] = mails_to(personas.ggz_member)
    assert "Gewijzigd: Uitnodiging voor een agendapunt" in ggz_mail.body
    run_at(clock, START + timedelta(minutes=15))
    assert len(mail.outbox) == 2  # changed once, not again


def test_nothing_for_existing_work_when_notifications_start(personas, clock) -> None:
    busy_region(personas)
    prefer(personas.lead_a, Frequency.DIRECT)
    prefer(personas.ggz_member, Frequency.DIRECT)
    run_at(clock, START)
    # The first look records the list; only the review due in three days is warned.
    assert mails_to(personas.ggz_member) == []
    [message] = mails_to(personas.lead_a)
    assert "Termijn nadert: Evaluatie van een casus" in message.body
    assert "Match-suggestie" not in message.body


def test_no_mail_for_those_who_want_none_nor_for_deactivated_people(personas, clock, world) -> None:
    prefer(personas.lead_a, Frequency.NONE)
    prefer(personas.ggz_member, Frequency.DIRECT)
    ggz_membership = personas.ggz_member.memberships.get()
    ggz_membership.ended_at = START
    ggz_membership.save()
    prefer(personas.police_member, Frequency.DIRECT)
    personas.police_member.is_active = False
    personas.police_member.save()
    run_at(clock, START + timedelta(minutes=5))
    run_at(clock, START.replace(hour=9))
    for user in (personas.lead_a, personas.ggz_member, personas.police_member):
        assert mails_to(user) == []
    assert not Notification.objects.filter(user=personas.lead_a).exists()


def test_a_delivery_for_someone_deactivated_before_sending_is_cancelled(
    personas, clock, world
) -> None:
    prefer(personas.lead_a, Frequency.DIGEST, hour=9)
    run_at(clock, START + timedelta(minutes=5))
    assert Notification.objects.filter(user=personas.lead_a, event=Event.NEW).exists()
    personas.lead_a.is_active = False
    personas.lead_a.save()
    run_at(clock, START.replace(hour=9))
    assert mails_to(personas.lead_a) == []
    assert Delivery.objects.get(user=personas.lead_a).status == "cancelled"


def test_a_person_in_two_roles_reads_which_role_each_line_is_for(personas, clock) -> None:
    user = personas.ggz_member
    MembershipFactory(user=user, organisation=personas.municipality_a, role=Role.MUNICIPAL_LEAD)
    run_at(clock, START)
    busy_region(personas)
    prefer(user, Frequency.DIRECT)
    run_at(clock, START + timedelta(minutes=5))
    [message] = mails_to(user)
    under: dict[str, str] = {}
    heading = ""
    for line in message.body.splitlines():
        if line.startswith("Als "):
            heading = line
        elif line.startswith("- "):
            under[line] = heading
    headings = {
        next(h for line, h in under.items() if kind in line)
        for kind in ("Match-suggestie", "Uitnodiging voor een agendapunt")
    }
    assert headings == {
        "Als Regievoerder gemeente bij Gemeente Aldermeer:",
        "Als Professional ketenpartner bij GGZ Noordkaap:",
    }
    assert "kies in Schakel zo nodig eerst de rol" in message.body


def test_what_was_seen_for_an_ended_membership_is_forgotten(personas, clock, world) -> None:
    run_at(clock, START + timedelta(minutes=5))
    membership = personas.ggz_member.memberships.get()
    assert SeenWorkItem.objects.filter(membership=membership).exists()
    membership.ended_at = START
    membership.save()
    run_at(clock, START + timedelta(minutes=10))
    assert not SeenWorkItem.objects.filter(membership=membership).exists()
    assert not WatchedMembership.objects.filter(membership=membership).exists()


def test_a_failing_work_list_does_not_stop_the_others(personas, clock, world, caplog) -> None:
    prefer(personas.ggz_member, Frequency.DIRECT)
    lead = personas.lead_a.memberships.get()
    real = runs.work_items_for

    def failing_for_the_lead(membership):  # type: ignore[no-untyped-def]
        if membership.pk == lead.pk:
            raise RuntimeError("Veldkamp")  # an error's text may hold anything: never logged
        return real(membership)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runs, "work_items_for", failing_for_the_lead)
        result = run_at(clock, START + timedelta(minutes=5))
    assert result.failed == 1
    assert len(mails_to(personas.ggz_member)) == 1
    assert f"notification look at membership {lead.pk} failed (RuntimeError)" in caplog.text
    assert "Veldkamp" not in caplog.text
