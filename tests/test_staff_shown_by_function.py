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

from conftest import Network, Personas, sign_in
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.cases.tests.conftest import scene  # noqa: F401 (fixture)
from schakel.cases.tests.document_helpers import Scene, pdf_text, plan_url
from schakel.cases.tests.factories import invite
from schakel.collaboration.tests.conftest import make_goal, make_plan
from schakel.knowledge.tests.conftest import add_item
from schakel.network_events.tests.helpers import world as events_world
from schakel.notifications.choices import Frequency
from schakel.notifications.runs import run
from schakel.notifications.tests.helpers import body, prefer
from schakel.regional_meetings import services as meetings
from schakel.regional_meetings.tests.conftest import series_input
from schakel.training.tests.world import register, training_world

pytestmark = pytest.mark.django_db

# The planted staff: a distinctive name and a personal address each (fictional).
PLANTED = {
    "director": ("Hendrikje Zwartewaal-Pronk", "hendrikje.pronk1978@privemail.example"),
    "minute_taker": ("Ruud Kieftenbeld", "ruudje.kieftenbeld@thuis.example"),
    "police_member": ("Anouk Vlieland-Steenbergen", "anouk.steenbergen82@privemail.example"),
    "ggz_member": ("Teun Ooievaarsnest", "teun.ooievaar@gezin.example"),
    "lead_a": ("Wilhelmina Korstanje", "w.korstanje.prive@privemail.example"),
    "om_member": ("Benno Hazelhoff", "benno.hazelhoff1969@thuis.example"),
    # The network of issue 14: the partnership's coordinator and chair.
    "coordinator": ("Gijsbertha Wolthuis-Ommeren", "gijsbertha.ommeren@privemail.example"),
    "lead_b": ("Fokke Haringvliet", "fokke.haringvliet77@thuis.example"),
}


@dataclass
class World:
    personas: Personas
    scene: Scene
    staff: dict[str, User]
    network: Network

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


def _text(world: World, user: User, path: str) -> str:
    response = world.client(user).get(path)
    assert response.status_code == 200, (path, response.status_code)
    content = getattr(response, "streaming_content", None)
    raw = b"".join(content) if content is not None else response.content
    return raw.decode()


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


# The network of issue 14 (schakel/collaboration, regional_meetings, network_events, knowledge,
# training): each thing is viewed by a member of ANOTHER organisation than the planted staff's.


def _membership(user: User) -> Membership:
    return Membership.objects.active().select_related("organisation", "user").get(user=user)


def _plan(world: World) -> str:
    plan = make_plan(world.network.partnership)
    make_goal(plan)
    return str(world.network.partnership.pk)


def plan_pdf_for_police(world: World) -> str:
    path = reverse("collaboration:plan_pdf", kwargs={"pk": _plan(world)})
    return _pdf(world, world.personas.police_member, path)


def plan_csv_for_police(world: World) -> str:
    path = reverse("collaboration:plan_csv", kwargs={"pk": _plan(world)})
    return _text(world, world.personas.police_member, path)


def collaboration_api_for_police(world: World) -> str:
    pk = world.network.partnership.pk
    return "\n".join(
        _api(world, world.personas.police_member, name, pk)
        for name in ("collaboration-detail", "collaboration-role-list")
    )


def _meetings(world: World) -> tuple[Any, Any]:
    """A series planned by the coordinator, an action point owned by the police member and a
    working group with the police member in it."""
    coordinator = _membership(world.network.coordinator)
    partnership = world.network.partnership
    series = meetings.series_save(
        membership=coordinator, collaboration=partnership, data=series_input()
    )
    meeting = series.meetings.order_by("starts_at").first()
    meetings.action_add(
        membership=coordinator,
        meeting=meeting,
        description="Factsheet delen met de partners.",
        owner=world.personas.police,
        owner_membership=_membership(world.personas.police_member),
        due_on=timezone.localdate() + timedelta(days=14),
    )
    group = meetings.group_save(
        membership=coordinator,
        collaboration=partnership,
        name="Werkgroep online",
        theme="Online",
        purpose="Kennis delen.",
        members=[_membership(world.personas.police_member)],
    )
    return meeting, group


def meetings_api_for_om(world: World) -> str:
    meeting, group = _meetings(world)
    om = world.personas.om_member
    return "\n".join(
        [
            _api(world, om, "network-meeting-list"),
            _api(world, om, "network-meeting-detail", meeting.pk),
            _api(world, om, "network-meeting-action-points", meeting.pk),
            _api(world, om, "working-group-list"),
            _api(world, om, "working-group-detail", group.pk),
        ]
    )


def meeting_ics_for_om(world: World) -> str:
    meeting, _group = _meetings(world)
    om = world.personas.om_member
    return "\n".join(
        [
            _text(world, om, reverse("regional_meetings:meeting_ics", kwargs={"pk": meeting.pk})),
            _text(
                world, om, reverse("regional_meetings:series_ics", kwargs={"pk": meeting.series_id})
            ),
        ]
    )


def network_events_api_for_om(world: World) -> str:
    held = events_world(world.personas, world.network).held
    om = world.personas.om_member
    return "\n".join(
        [
            _api(world, om, "network-event-list"),
            _api(world, om, "network-event-detail", held.pk),
            _api(world, om, "network-learning-point-list"),
            _api(world, om, "network-follow-up-list"),
        ]
    )


def learning_points_csv_for_chair(world: World) -> str:
    events_world(world.personas, world.network)
    pk = world.network.partnership.pk
    path = reverse("network_events:learning_points_csv", kwargs={"collaboration": pk})
    return _text(world, world.network.chair, path)


def knowledge_api_for_police(world: World) -> str:
    item = add_item(
        world.network.coordinator, world.network.partnership, "Handboek", owner_is_me=True
    )
    police = world.personas.police_member
    return "\n".join(
        [
            _api(world, police, "knowledge-item-list"),
            _api(world, police, "knowledge-item", item.pk),
            _api(world, police, "knowledge-version-list", item.pk),
        ]
    )


def _training(world: World, viewer: User) -> str:
    """Aldermeer's municipal lead takes part; someone of another organisation looks. The
    certificate is left out: it is made for the participant alone (their own name on their own
    certificate), is fetched only by them and their organisation, and is not a document about
    staff that leaves an organisation."""
    session = training_world(world.personas, world.network).session
    register(world.personas.lead_a, session, world.personas.lead_a)
    return "\n".join(
        [
            _api(world, viewer, "training-list"),
            _api(world, viewer, "training-session-list"),
            _api(world, viewer, "training-session-detail", session.pk),
            _api(world, viewer, "training-session-registrations", session.pk),
        ]
    )


def training_api_for_police(world: World) -> str:
    return _training(world, world.personas.police_member)


def training_api_for_brookdam_chair(world: World) -> str:
    """The chair of the partnership, of Brookdam, manages the session."""
    return _training(world, world.network.chair)


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
    Outgoing("beleidsplan-pdf voor politie", plan_pdf_for_police),
    Outgoing("beleidsplan-csv voor politie", plan_csv_for_police),
    Outgoing(
        "api samenwerkingsverband voor politie",
        collaboration_api_for_police,
        ("coordinator", "lead_b"),
    ),
    Outgoing("api overleggen voor om", meetings_api_for_om, ("police_member",)),
    Outgoing("ics overleg voor om", meeting_ics_for_om),
    Outgoing("api netwerkbijeenkomsten voor om", network_events_api_for_om, ("police_member",)),
    Outgoing("leerpunten-csv voor voorzitter", learning_points_csv_for_chair),
    Outgoing("api kennisbank voor politie", knowledge_api_for_police, ("coordinator",)),
    Outgoing("api trainingen voor politie", training_api_for_police),
    Outgoing(
        "api trainingen voor voorzitter brookdam", training_api_for_brookdam_chair, ("lead_a",)
    ),
]


@pytest.fixture
def world(personas, scene, network) -> World:  # noqa: F811 (the fixture imported above)
    staff = {key: getattr(personas, key, None) for key in PLANTED}
    staff["coordinator"] = network.coordinator
    staff["minute_taker"] = scene.minute_taker
    for key, (name, email) in PLANTED.items():
        user = staff[key]
        assert user is not None
        User.objects.filter(pk=user.pk).update(full_name=name, email=email)
        user.refresh_from_db()
    return World(personas, scene, {k: v for k, v in staff.items() if v is not None}, network)


@pytest.mark.parametrize(
    "outgoing", OUTGOING, ids=[o.name if isinstance(o, Outgoing) else None for o in OUTGOING]
)
def test_staff_appear_only_by_function_organisation_and_mailbox(world, outgoing) -> None:
    text = outgoing.fetch(world)
    for name, email in PLANTED.values():
        assert name not in text, f"{outgoing.name} names {name}"
        assert name.split()[-1] not in text, f"{outgoing.name} holds the surname of {name}"
        assert email not in text, f"{outgoing.name} holds the address {email}"
        assert email.split("@")[0] not in text
    for key in outgoing.shows:
        assert world.shown(key) in text, f"{outgoing.name} does not show {world.shown(key)}"
