"""The case screens per persona: the list (metadata only), the case page (logged read), and
every case page not found without access, all without JS."""

from datetime import timedelta

import pytest
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.choices import CasePhase, ParticipationKind
from schakel.cases.lifecycle_services import case_schedule_review, case_to_monitoring
from schakel.cases.tests.case_view_helpers import LIST, management_pages, text, url
from schakel.cases.tests.factories import OUTSIDERS, invite, on_agenda, open_case, participating
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

SURNAME = "Hoogeveld"
NAMES = ["Anna", "Bram", "Cato", "Dirk", "Eva", "Floor"]


# The list ------------------------------------------------------------------------------------


def test_the_list_shows_references_and_dates_but_no_person_data(personas, signed_in) -> None:
    case = open_case(personas)
    for user in (personas.lead_a, personas.director, personas.police_member):
        response = signed_in(user).get(LIST)
        content = text(response)
        assert response.status_code == 200
        assert case.reference in content
        assert "Gemeente Aldermeer" in content
        assert "ZVH Noordkaap" in content
        assert SURNAME not in content
        assert "Daan" not in content


def test_the_list_is_empty_for_a_lead_of_another_municipality(personas, signed_in) -> None:
    case = open_case(personas)
    response = signed_in(personas.lead_b).get(LIST)
    assert response.status_code == 200
    assert case.reference not in text(response)
    assert "Er zijn geen casussen die u mag zien." in text(response)


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_the_list_is_not_found_for_roles_without_cases(personas, signed_in, persona) -> None:
    open_case(personas)
    assert signed_in(getattr(personas, persona)).get(LIST).status_code == 404


def test_the_list_filters_by_phase_and_by_dates_due_soon(personas, signed_in) -> None:
    first = open_case(personas)
    second = open_case(personas, given_names="Sanne")
    lead = membership_of(personas.lead_a)

    case_to_monitoring(membership=lead, case=second)
    case_schedule_review(
        membership=lead, case=first, next_review_on=timezone.localdate() + timedelta(days=10)
    )
    client = signed_in(personas.lead_a)

    monitoring = text(client.get(LIST, {"fase": CasePhase.MONITORING}))
    assert second.reference in monitoring
    assert first.reference not in monitoring
    due = text(client.get(LIST, {"binnenkort": "on"}))
    assert first.reference in due
    assert second.reference not in due
    unknown = client.get(LIST, {"fase": "bestaat-niet"})
    assert unknown.status_code == 200
    assert "Onbekende waarde: dit filter is niet gebruikt." in text(unknown)


def test_the_list_query_count_does_not_grow_with_the_cases(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.director)
    open_case(personas)
    client.get(LIST)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for number in range(4):
        open_case(personas, given_names=NAMES[number])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert text(response).count("CAS-") >= 5


# The case page -------------------------------------------------------------------------------


def test_the_case_page_shows_the_person_and_logs_the_read(personas, signed_in) -> None:
    case = open_case(personas)
    before = LogRecord.objects.filter(name="case_read").count()

    response = signed_in(personas.director).get(url("case_detail", case))

    content = text(response)
    assert response.status_code == 200
    assert "Daan Pieter van Hoogeveld" in content
    assert "Gemeente Aldermeer" in content
    assert "Politie-eenheid Noordkaap" in content
    assert "Structureel" in content
    assert "Nog niet besloten" in content
    assert LogRecord.objects.filter(name="case_read").count() > before


def test_the_process_director_is_shown_by_function_and_mailbox_not_by_name(
    personas, signed_in
) -> None:
    case = open_case(personas)
    director = personas.director
    content = text(signed_in(personas.police_member).get(url("case_detail", case)))
    assert f"{director.function_title} – ZVH Noordkaap ({personas.zvh.mailbox})" in content
    assert director.full_name not in content


def test_a_partner_sees_the_case_without_the_management_links(personas, signed_in) -> None:
    case = open_case(personas)
    content = text(signed_in(personas.police_member).get(url("case_detail", case)))
    assert "Casus beheren" not in content
    assert url("case_close", case) not in content
    lead = text(signed_in(personas.lead_a).get(url("case_detail", case)))
    assert url("case_close", case) in lead


def test_the_case_page_lists_its_agenda_items_with_the_meeting_date(personas, signed_in) -> None:
    case = open_case(personas)
    item = on_agenda(personas, case)
    content = text(signed_in(personas.director).get(url("case_detail", case)))
    assert "Vergaderzaal 2, ZVH Noordkaap" in content
    assert (
        item.meeting.starts_at.astimezone(timezone.get_current_timezone()).strftime("%H:%M")
        in content
    )


# Access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_case_page_is_not_found_without_access(personas, signed_in, persona) -> None:
    case = open_case(personas)
    client = signed_in(getattr(personas, persona))
    assert client.get(url("case_detail", case)).status_code == 404
    for page_url, data in management_pages(case):
        assert client.get(page_url).status_code == 404, page_url
        assert client.post(page_url, data).status_code == 404, page_url
    case.refresh_from_db()
    assert case.phase == CasePhase.CONSULTATION


def test_a_partner_cannot_manage_the_case_it_takes_part_in(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.police_member)
    assert client.get(url("case_detail", case)).status_code == 200
    for page_url, data in management_pages(case):
        assert client.get(page_url).status_code == 404, page_url
        assert client.post(page_url, data).status_code == 404, page_url


def test_an_incidental_partner_sees_none_of_the_case_pages(personas, signed_in) -> None:
    case = open_case(personas)
    invite(personas, on_agenda(personas, case), personas.ggz)
    client = signed_in(personas.ggz_member)
    assert client.get(url("case_detail", case)).status_code == 404
    assert case.reference not in text(client.get(LIST))
    for page_url, data in management_pages(case):
        assert client.get(page_url).status_code == 404, page_url
        assert client.post(page_url, data).status_code == 404, page_url


def test_an_ended_participation_ends_access(personas, signed_in) -> None:
    case = open_case(personas)
    participating(
        personas, case, personas.school, ParticipationKind.STRUCTURAL, starts_in=-10, ends_in=-1
    )
    assert signed_in(personas.school_member).get(url("case_detail", case)).status_code == 404
