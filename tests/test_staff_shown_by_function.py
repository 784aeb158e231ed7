"""Employee safety (product.md §E, issue 14): everything that leaves an organisation — documents,
exports, e-mails, API responses about another organisation's things — shows staff as
"function – organisation (generic mailbox)", never by name or personal e-mail address.

Staff with distinctive names and personal addresses are planted as the actors and owners of a
consultation with minutes, an adopted action plan, disclosures and notifications. Each entry of
``OUTGOING`` fetches one thing that leaves an organisation, as the recipient gets it, and says
whose function – organisation – mailbox it must show. None of the planted names or addresses may
appear in any of them.

To add a document, export, e-mail or endpoint: write a fetcher ``(World) -> str`` and add one
line to ``OUTGOING``.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import Personas, sign_in
from schakel.accounts.display import staff_display
from schakel.accounts.models import User
from schakel.cases.tests.conftest import scene  # noqa: F401 (fixture)
from schakel.cases.tests.document_helpers import Scene, pdf_text, plan_url
from schakel.cases.tests.factories import invite
from schakel.notifications.choices import Frequency
from schakel.notifications.runs import run
from schakel.notifications.tests.helpers import body, prefer

pytestmark = pytest.mark.django_db

# The planted staff: a distinctive name and a personal address each (fictional).
PLANTED = {
    "director": ("Hendrikje Zwartewaal-Pronk", "hendrikje.pronk1978@privemail.example"),
    "minute_taker": ("Ruud Kieftenbeld", "ruudje.kieftenbeld@thuis.example"),
    "police_member": ("Anouk Vlieland-Steenbergen", "anouk.steenbergen82@privemail.example"),
    "ggz_member": ("Teun Ooievaarsnest", "teun.ooievaar@gezin.example"),
    "lead_a": ("Wilhelmina Korstanje", "w.korstanje.prive@privemail.example"),
    "om_member": ("Benno Hazelhoff", "benno.hazelhoff1969@thuis.example"),
}


@dataclass
class World:
    personas: Personas
    scene: Scene
    staff: dict[str, User]

    def client(self, user: User) -> Client:
        return sign_in(Client(), user)

    def shown(self, key: str) -> str:
        """How ``key`` must appear: function – organisation (mailbox)."""
        user = self.staff[key]
        organisation = user.memberships.select_related("organisation").get().organisation
        return staff_display(user, organisation)


def _pdf(world: World, user: User, path: str) -> str:
    response = world.client(user).get(path)
    assert response.status_code == 200, (path, response.status_code)
    return pdf_text(response.content)


def _api(world: World, user: User, name: str, *args: Any) -> str:
    response = world.client(user).get(reverse(f"v1:{name}", args=args))
    assert response.status_code == 200, (name, response.status_code)
    return json.dumps(response.json(), ensure_ascii=False)


def minutes_for_director(world: World) -> str:
    meeting = world.scene.meeting
    path = reverse("cases:meeting_minutes_pdf", kwargs={"pk": meeting.pk})
    return _pdf(world, world.personas.director, path)


def minutes_for_ggz(world: World) -> str:
    meeting = world.scene.meeting
    path = reverse("cases:meeting_minutes_pdf", kwargs={"pk": meeting.pk})
    return _pdf(world, world.personas.ggz_member, path)


def plan_for_director(world: World) -> str:
    return _pdf(world, world.personas.director, plan_url(world.scene.case_one, 1))


def meeting_api_for_police(world: World) -> str:
    return _api(world, world.personas.police_member, "meeting-detail", world.scene.meeting.pk)


def disclosures_api_for_director(world: World) -> str:
    item = world.scene.item_one
    return _api(world, world.personas.director, "agenda-item-disclosures", item.pk)


def case_api_for_municipality(world: World) -> str:
    return _api(world, world.personas.lead_a, "case-detail", world.scene.case_one.pk)


def notification_mails(world: World) -> str:
    """Every e-mail a run sends to everyone (the body; the recipient's own address is in the To
    header by nature, and is not the subject of this check)."""
    for user in User.objects.filter(is_active=True):
        prefer(user, Frequency.DIRECT)
    mail.outbox.clear()
    run(timezone.now())
    invite(world.personas, world.scene.item_one, world.personas.ggz)
    run(timezone.now() + timedelta(minutes=5))
    assert mail.outbox, "no e-mail was sent: the check would prove nothing"
    return "\n".join(body(message) for message in mail.outbox)


def logboek_export(world: World) -> str:
    """The processing log in the Logboek Dataverwerkingen shape (it may go to a supervisor)."""
    today = timezone.localdate()
    path = reverse("audit:log_export")
    query = {"van": (today - timedelta(days=1)).isoformat(), "tot": today.isoformat()}
    response = world.client(world.personas.privacy_officer_a).get(path, query)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Outgoing:
    name: str
    fetch: Callable[[World], str]
    shows: tuple[str, ...] = ()  # the planted staff it must show by function – org – mailbox


OUTGOING = [
    Outgoing("notulen-pdf procesregisseur", minutes_for_director, ("director", "minute_taker")),
    Outgoing("notulen-pdf ggz", minutes_for_ggz, ("director",)),
    Outgoing("plan-van-aanpak-pdf", plan_for_director, ("director",)),
    Outgoing("api meeting voor politie", meeting_api_for_police, ("director",)),
    Outgoing("api inbreng voor zvh", disclosures_api_for_director, ("police_member",)),
    Outgoing("api casus voor gemeente", case_api_for_municipality, ("director",)),
    Outgoing("e-mailberichten", notification_mails),
    Outgoing("logboek-export", logboek_export),
]


@pytest.fixture
def world(personas, scene) -> World:  # noqa: F811 (the fixture imported above)
    staff = {key: getattr(personas, key, None) for key in PLANTED}
    staff["minute_taker"] = scene.minute_taker
    for key, (name, email) in PLANTED.items():
        user = staff[key]
        assert user is not None
        User.objects.filter(pk=user.pk).update(full_name=name, email=email)
        user.refresh_from_db()
    return World(personas, scene, {k: v for k, v in staff.items() if v is not None})


@pytest.mark.parametrize("outgoing", OUTGOING, ids=[o.name for o in OUTGOING])
def test_staff_appear_only_by_function_organisation_and_mailbox(world, outgoing) -> None:
    text = outgoing.fetch(world)
    for name, email in PLANTED.values():
        assert name not in text, f"{outgoing.name} names {name}"
        assert name.split()[-1] not in text, f"{outgoing.name} holds the surname of {name}"
        assert email not in text, f"{outgoing.name} holds the address {email}"
        assert email.split("@")[0] not in text
    for key in outgoing.shows:
        assert world.shown(key) in text, f"{outgoing.name} does not show {world.shown(key)}"
