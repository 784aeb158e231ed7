"""Follow-ups due in Mijn werk of the owner organisation (in a fixed number of queries), events
waiting for their record, the learning points' CSV (safe for spreadsheets) and the demo data."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schakel.accounts import demo as accounts_demo
from schakel.core.work import work_items_for
from schakel.network.models import Collaboration
from schakel.network_events import export, services
from schakel.network_events.choices import EventKind, EventStatus
from schakel.network_events.models import FollowUp, LearningPoint, NetworkEvent
from schakel.network_events.tests.helpers import event_input, membership, world
from schakel.network_events.work import FOLLOW_UP, TO_RECORD, follow_ups

pytestmark = pytest.mark.django_db


def _kinds(user) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.kind for item in work_items_for(membership(user))]


def test_follow_ups_wait_for_the_owner_organisation(personas, network) -> None:
    w = world(personas, network)
    assert FOLLOW_UP in _kinds(personas.police_member)
    assert FOLLOW_UP not in _kinds(personas.om_member)
    assert FOLLOW_UP not in _kinds(personas.outsider)
    item = next(
        i for i in work_items_for(membership(personas.police_member)) if i.kind == FOLLOW_UP
    )
    assert item.due_on == w.follow_up.due_on
    assert item.url.endswith(f"/netwerkbijeenkomsten/{w.held.pk}/#vervolgacties")
    services.follow_up_complete(
        membership=membership(personas.police_member), follow_up=w.follow_up
    )
    assert FOLLOW_UP not in _kinds(personas.police_member)


def test_events_wait_for_their_record(personas, network) -> None:
    world(personas, network)
    assert TO_RECORD in _kinds(network.coordinator)
    assert TO_RECORD in _kinds(personas.lead_a)  # the organiser's staff
    assert TO_RECORD not in _kinds(personas.police_member)


def test_follow_ups_take_a_fixed_number_of_queries(personas, network) -> None:
    w = world(personas, network)
    police = membership(personas.police_member)
    with CaptureQueriesContext(connection) as one:
        assert len(follow_ups(police)) == 1
    for days in range(5):
        FollowUp.objects.create(
            event=w.held,
            text="x",
            owner=personas.police,
            due_on=timezone.localdate() + timedelta(days),
        )
    with CaptureQueriesContext(connection) as six:
        assert len(follow_ups(police)) == 6
    assert len(six.captured_queries) == len(one.captured_queries)


def test_csv_is_bom_semicolon_and_formula_safe(personas, network, signed_in) -> None:
    w = world(personas, network)
    LearningPoint.objects.create(event=w.held, text='=HYPERLINK("x")', theme="+thema")
    LearningPoint.objects.create(event=w.held, text="@SUM(A1)", theme="-min")
    path = reverse(
        "network_events:learning_points_csv", kwargs={"collaboration": network.partnership.pk}
    )
    response = signed_in(personas.om_member).get(path)
    assert response["Content-Type"] == export.CONTENT_TYPE
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Datum;Soort;Bijeenkomst;Thema;Leerpunt;Voor organisaties"
    assert '\'+thema;"\'=HYPERLINK(""x"")"' in text
    assert "'-min;'@SUM(A1)" in text
    assert "Verzonnen casus" not in text  # no case material in the export


def test_csv_filters_like_the_page(personas, network, signed_in) -> None:
    world(personas, network)
    path = reverse(
        "network_events:learning_points_csv", kwargs={"collaboration": network.partnership.pk}
    )
    client = signed_in(network.coordinator)
    assert "Vraag naar de grondslag." in client.get(
        path + "?thema=Wettelijke kaders"
    ).content.decode("utf-8-sig")
    assert "Vraag naar de grondslag." not in client.get(
        path + f"?organisatie={personas.om.pk}"
    ).content.decode("utf-8-sig")


def test_cell_defuses_formulas() -> None:
    assert [export.cell(v) for v in ("=1+1", "+1", "-1", "@x", "\tx", "gewoon", None)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        "gewoon",
        "",
    ]


def test_demo_data_is_added_once(settings) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    accounts_demo.seed()
    call_command("seed_demo")
    call_command("seed_demo")
    collaboration = Collaboration.objects.get(name="Veiligheidsverband Noordkaap (fictief)")
    events = NetworkEvent.objects.filter(collaboration=collaboration)
    assert set(events.values_list("kind", "status")) == {
        (EventKind.PEER_REVIEW, EventStatus.HELD),
        (EventKind.CASE_SIMULATION, EventStatus.PLANNED),
    }
    held = events.get(kind=EventKind.PEER_REVIEW)
    assert held.learning_points.count() == 2
    assert held.follow_ups.count() == 1


def test_planning_with_staff_of_a_non_participating_organisation_is_refused(
    personas, network
) -> None:

    with pytest.raises(ValidationError) as refused:
        services.event_plan(
            membership=membership(network.coordinator),
            collaboration=network.partnership,
            data=event_input(personas, participants=[membership(personas.director)]),
        )
    assert "participants" in refused.value.message_dict
