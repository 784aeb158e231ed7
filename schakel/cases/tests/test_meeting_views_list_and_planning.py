"""The consultation meeting through its screens: the list (only the items the viewer sees, in
a bounded number of queries) and planning a meeting."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schakel.cases.models import ConsultationMeeting
from schakel.cases.tests.factories import invite, meeting, on_agenda, open_case
from schakel.cases.tests.meeting_view_helpers import LIST, SURNAME, text, url

pytestmark = pytest.mark.django_db

CREATE = reverse("cases:meeting_create")


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_the_meetings_with_the_items_the_viewer_sees(
    personas, world, signed_in
) -> None:
    item, _ = world
    director = text(signed_in(personas.director).get(LIST))
    police = text(signed_in(personas.police_member).get(LIST))

    assert "Vergaderzaal 2, ZVH Noordkaap" in director
    assert url("meeting_detail", item.meeting) in director
    assert "Overleg plannen" in director
    assert "Overleg plannen" not in police
    assert url("meeting_detail", item.meeting) in police
    for content in (director, police):
        assert SURNAME not in content
        assert "Brandsma" not in content


def test_the_list_counts_only_the_items_the_viewer_sees(personas, world, signed_in) -> None:
    item, _ = world
    invite(personas, item, personas.ggz)
    director = signed_in(personas.director).get(LIST)
    ggz = signed_in(personas.ggz_member).get(LIST)

    assert [row.item_count for row in director.context["rows"]] == [2]
    assert [row.item_count for row in ggz.context["rows"]] == [1]


def test_a_lead_of_another_municipality_sees_an_empty_list(personas, world, signed_in) -> None:
    item, _ = world
    response = signed_in(personas.lead_b).get(LIST)

    assert response.status_code == 200
    assert url("meeting_detail", item.meeting) not in text(response)


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_the_list_is_not_found_for_roles_that_never_sit_at_the_table(
    personas, signed_in, persona
) -> None:
    assert signed_in(getattr(personas, persona)).get(LIST).status_code == 404


def test_the_list_query_count_does_not_grow_with_the_meetings(personas, signed_in) -> None:
    case = open_case(personas)
    on_agenda(personas, case)
    client = signed_in(personas.director)
    client.get(LIST)  # warm up (session, caches)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    for days in range(2, 7):
        on_agenda(
            personas, case, meeting(personas, starts_at=timezone.now() + timedelta(days=days))
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)

    assert len(response.context["rows"]) == 6
    assert len(many.captured_queries) == len(one.captured_queries)


def test_the_list_stays_within_a_fixed_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    case = open_case(personas)
    for days in range(1, 8):
        on_agenda(
            personas, case, meeting(personas, starts_at=timezone.now() + timedelta(days=days))
        )
    client = signed_in(personas.police_member)
    client.get(LIST)

    with django_assert_max_num_queries(12):
        assert client.get(LIST).status_code == 200


# Planning ---------------------------------------------------------------------------------


def meeting_form(personas: Any, **overrides: Any) -> dict[str, Any]:
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    data = {
        "day": day,
        "start_time": "09:30",
        "end_time": "11:00",
        "place": "Vergaderzaal 3, ZVH Noordkaap",
        "chair": str(personas.director.pk),
        "minute_taker": "",
    }
    data.update(overrides)
    return data


def test_a_process_director_plans_a_meeting(personas, signed_in) -> None:
    client = signed_in(personas.director)
    page = text(client.get(CREATE))
    assert "geen namen of andere persoonsgegevens" in page
    assert 'type="date"' in page
    assert personas.director.full_name in page
    assert personas.police_member.full_name not in page

    response = client.post(CREATE, meeting_form(personas))

    created = ConsultationMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("meeting_detail", created)
    assert created.zvh == personas.zvh
    assert created.chair == personas.director
    assert timezone.localtime(created.starts_at).strftime("%H:%M") == "09:30"
    assert timezone.localtime(created.ends_at).strftime("%H:%M") == "11:00"


def test_a_meeting_that_ends_before_it_starts_is_refused_with_the_input_kept(
    personas, signed_in
) -> None:
    response = signed_in(personas.director).post(
        CREATE, meeting_form(personas, end_time="08:00", place="Zaal 4")
    )

    assert response.status_code == 200
    content = text(response)
    assert "De eindtijd ligt vóór de begintijd." in content
    assert 'href="#id_end_time"' in content
    assert 'value="Zaal 4"' in content
    assert not ConsultationMeeting.objects.exists()


def test_the_chair_must_work_for_the_zvh(personas, signed_in) -> None:
    response = signed_in(personas.director).post(
        CREATE, meeting_form(personas, chair=str(personas.police_member.pk))
    )

    assert response.status_code == 200
    assert not ConsultationMeeting.objects.exists()


@pytest.mark.parametrize("persona", ["police_member", "lead_a", "admin_a", "privacy_officer_a"])
def test_only_a_process_director_plans_meetings(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, meeting_form(personas)).status_code == 404
    assert not ConsultationMeeting.objects.exists()


def test_a_director_plans_only_with_colleagues_of_its_own_zvh(personas, signed_in) -> None:
    client = signed_in(personas.director_other)
    assert personas.director.full_name not in text(client.get(CREATE))

    response = client.post(CREATE, meeting_form(personas))

    assert response.status_code == 200
    assert not ConsultationMeeting.objects.exists()
