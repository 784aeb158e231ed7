"""No message ever holds person data: distinctive names, a BSN, a date of birth and free text
are planted in signals, a case, an intervention and a data-subject request; every person in
the region gets every mail the runs make (new, changed, deadline; direct and digest), and
every kind of work is rendered with every event. None of it appears in any message."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail

from schakel.accounts.models import User
from schakel.cases.choices import InterventionKind
from schakel.cases.models import ConsultationMeeting
from schakel.cases.tests.factories import invite, on_agenda, open_case, planned_intervention
from schakel.core.extensions import WORK_KINDS, contributions
from schakel.intake.tests.factories import VALID_BSN, membership_of, register
from schakel.notifications.choices import Event, Frequency
from schakel.notifications.messages import compose
from schakel.notifications.models import Notification
from schakel.notifications.tests.conftest import START
from schakel.notifications.tests.helpers import body, prefer, run_at
from schakel.privacy.tests.request_factories import acting, register_request

pytestmark = pytest.mark.django_db

GIVEN, SURNAME, BORN = "Quirijn", "Zonnebloemveld", date(1999, 12, 31)
PAIR_GIVEN, PAIR_SURNAME, PAIR_BORN = "Ysbrand", "Klaverkamp", date(1996, 2, 29)
PLANTED = (
    GIVEN, SURNAME, PAIR_GIVEN, PAIR_SURNAME, VALID_BSN,
    "1999-12-31", "31-12-1999", "31 december 1999", "1996-02-29", "29-02-1996", "29 februari 1996",
    "Kwetsbaar-vrije-tekst-signaal", "Kwetsbaar-vrije-tekst-interventie",
    "Kwetsbaar-vrije-tekst-verzoek",
)  # fmt: skip
# A line of a message: an event, a kind of work, a reference, perhaps a date; then a link.
LINE = re.compile(
    r"^- (Nieuw|Gepland|Gewijzigd|Termijn nadert|Binnenkort): [A-Za-z\- ]+ [A-Z0-9\-]+"
    r"(( op|, nu op|, uiterlijk) \d{1,2} [a-z]+ \d{4})?$"
)


def _plant(personas) -> ConsultationMeeting:  # type: ignore[no-untyped-def]
    with acting(personas.lead_a):
        case = open_case(
            personas,
            given_names=GIVEN,
            surname=SURNAME,
            date_of_birth=BORN,
            bsn=VALID_BSN,
            observation="Kwetsbaar-vrije-tekst-signaal over de persoon.",
        )
    with acting(personas.director):
        item = on_agenda(personas, case)
        invite(personas, item, personas.ggz)
        planned_intervention(
            membership_of(personas.director),
            case,
            kind=InterventionKind.CARE,
            owner=personas.police,
            description="Kwetsbaar-vrije-tekst-interventie.",
            days=4,
        )
    pair = {"given_names": PAIR_GIVEN, "surname": PAIR_SURNAME, "date_of_birth": PAIR_BORN}
    register(personas.police_member, residence=personas.municipality_a, **pair)
    register(personas.school_member, residence=personas.municipality_a, **pair)
    register_request(personas, case, description="Kwetsbaar-vrije-tekst-verzoek van de persoon.")
    return item.meeting


def _assert_clean(text: str) -> None:
    for value in PLANTED:
        assert value not in text
    for user in User.objects.all():
        assert user.full_name not in text


def test_no_mail_of_any_kind_holds_person_data(personas, clock) -> None:
    users = list(User.objects.filter(is_active=True))
    for number, user in enumerate(users):
        prefer(user, Frequency.DIRECT if number % 2 else Frequency.DIGEST, hour=9)
    run_at(clock, START)
    meeting = _plant(personas)
    run_at(clock, START + timedelta(minutes=5))
    ConsultationMeeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - timedelta(days=2), ends_at=meeting.ends_at - timedelta(days=2)
    )
    for later in (timedelta(minutes=10), timedelta(hours=2), timedelta(days=1), timedelta(days=2)):
        run_at(clock, START + later)
    made = set(Notification.objects.values_list("event", "kind"))
    assert {
        (Event.NEW, "match_suggestion"), (Event.NEW, "invitation"), (Event.NEW, "meeting"),
        (Event.NEW, "input_request"), (Event.CHANGED, "meeting"), (Event.CHANGED, "invitation"),
        (Event.DEADLINE, "intervention"),
    } <= made  # fmt: skip
    assert len(mail.outbox) >= 6
    for message in mail.outbox:
        _assert_clean(body(message) + str(message.message()))
        lines = [line for line in message.body.splitlines() if line.startswith("- ")]
        assert lines
        for line in lines:
            assert LINE.match(line), line


def test_every_kind_and_event_renders_without_person_data(personas, clock) -> None:
    meeting = _plant(personas)
    membership = membership_of(personas.lead_a)
    notifications = [
        Notification(
            user=personas.lead_a,
            membership=membership,
            event=event,
            kind=kind,
            reference=meeting.reference,
            path=f"/casusoverleg/{meeting.pk}/",
            due_on=due_on,
        )
        for kind in [*(described.kind for described in contributions(WORK_KINDS)), "unknown_kind"]
        for event in Event.values
        for due_on in (None, BORN)
        if not (due_on is None and event != Event.NEW)
    ]
    for digest in (False, True):
        message = compose(notifications, digest=digest)
        text = f"{message.subject}\n{message.text}\n{message.html}"
        for value in (GIVEN, SURNAME, VALID_BSN, "Kwetsbaar-vrije-tekst"):
            assert value not in text
        lines = [line for line in message.text.splitlines() if line.startswith("- ")]
        assert len(lines) == len(notifications)
        for line in lines:
            assert LINE.match(line), line
        assert "https://schakel.test/e-mailberichten/" in message.text
