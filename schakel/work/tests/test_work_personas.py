"""Mijn werk per persona: what each one sees, and what it must never see — not another
municipality's or organisation's work, not as an item and not as a count; no person data."""

import html
from typing import Any

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.core.work import WorkItem, work_items_for
from schakel.intake.choices import SignalStatus
from schakel.intake.models import Signal
from schakel.intake.tests.factories import membership_of
from schakel.work.tests.world import World

pytestmark = pytest.mark.django_db

START = reverse("core:dashboard")
# Names and texts planted in the world: never on a work list. The date of birth (9 January
# 2001) in the forms a page could print it; a bare "2001" would also match a random UUID.
PERSON_DATA = (
    "Veldkamp",
    "Veltkamp",
    "Hoogeveld",
    "Brakelman",
    "Zwijsen",
    "Sem",
    "Daan",
    "9 januari 2001",
    "09-01-2001",
    "2001-01-09",
)


def work(user: Any) -> list[WorkItem]:
    return work_items_for(membership_of(user))


def kinds(user: Any) -> set[str]:
    return {item.kind for item in work(user)}


def shown(items: list[WorkItem]) -> str:
    return " ".join(f"{item.label} {item.reference} {item.url}" for item in items)


def assert_nothing_of_others(items: list[WorkItem], world: World) -> None:
    text = shown(items)
    for reference in world.planted:
        assert reference not in text
    for value in PERSON_DATA:
        assert value not in text


def test_the_municipal_lead_sees_the_meldpunt_and_the_cases_it_directs(personas, world) -> None:
    items = work(personas.lead_a)
    assert {
        "match_suggestion", "signal_new", "meeting", "intervention", "case_review",
        "case_reassessment", "case_informing", "subject_request",
    } <= {item.kind for item in items}  # fmt: skip
    assert "invitation" not in {item.kind for item in items}
    assert "retention_outlook" not in {item.kind for item in items}
    assert_nothing_of_others(items, world)
    # Not even as a count: exactly the municipality's own new signals.
    own_new = Signal.objects.filter(
        directing_municipality=personas.municipality_a, status=SignalStatus.NEW
    ).count()
    assert sum(1 for item in items if item.kind == "signal_new") == own_new
    assert [i.kind for i in items if i.kind == "match_suggestion"] == ["match_suggestion"]
    assert str(world.suggestion.pk) in shown(items)


def test_work_is_sorted_overdue_first_then_by_due_date(personas, world) -> None:
    Signal.objects.filter(pk=world.expiring.pk).update(status=SignalStatus.NEW)
    items = work(personas.lead_a)
    overdue = [i.overdue for i in items]
    assert overdue == sorted(overdue, reverse=True)
    dated = [i.due_on for i in items if i.due_on and not i.overdue]
    assert dated == sorted(dated)


def test_overdue_work_comes_first(personas, world) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from schakel.cases.models import Case

    Case.objects.filter(pk=world.case.pk).update(
        next_review_on=timezone.localdate() - timedelta(days=2)
    )
    items = work(personas.director)
    assert items[0].kind == "case_review"
    assert items[0].overdue


def test_another_municipality_sees_only_its_own(personas, world) -> None:
    items = work(personas.lead_b)
    assert {item.kind for item in items} == {"signal_new", "match_suggestion"}
    text = shown(items)
    assert world.expiring.reference not in text
    assert str(world.suggestion.pk) not in text
    assert world.case.reference not in text


def test_the_outsider_sees_nothing_of_the_region(personas, world) -> None:
    items = work(personas.outsider)
    text = shown(items)
    assert world.case.reference not in text
    assert world.planted[0] not in text  # Brookdam's signal
    assert world.planted[2] in text  # its own signal (the control)
    assert {item.kind for item in items} == {"signal_new", "match_suggestion"}


def test_the_process_director_sees_the_zvh_work_but_not_the_meldpunt(personas, world) -> None:
    found = kinds(personas.director)
    assert {"meeting", "intervention", "case_review", "case_reassessment"} <= found
    assert "case_informing" in found
    assert not found & {"match_suggestion", "signal_new", "subject_request", "invitation"}
    assert_nothing_of_others(work(personas.director), world)
    assert kinds(personas.director_other) == set()


def test_the_police_member_sees_its_intervention_and_meeting_but_not_the_steering(
    personas, world
) -> None:
    found = kinds(personas.police_member)
    assert {"intervention", "meeting", "input_request"} <= found
    assert not found & {
        "case_review", "case_reassessment", "case_informing", "match_suggestion", "signal_new",
        "subject_request", "invitation", "retention_outlook",
    }  # fmt: skip
    assert_nothing_of_others(work(personas.police_member), world)


def test_the_ggz_invitee_sees_the_invitation_and_nothing_else_of_the_case(
    personas, world, signed_in
) -> None:
    items = work(personas.ggz_member)
    invitations = [item for item in items if item.kind == "invitation"]
    assert len(invitations) == 1
    assert invitations[0].url == reverse("cases:item_detail", kwargs={"pk": world.item.pk})
    assert world.case.reference in str(invitations[0].label)
    assert not {item.kind for item in items} & {
        "meeting", "intervention", "case_review", "case_reassessment", "case_informing",
    }  # fmt: skip
    page = html.unescape(signed_in(personas.ggz_member).get(START).content.decode())
    assert "Uitnodiging: agendapunt over casus " + world.case.reference in page
    assert "Er wacht nu niets op u." not in page


def test_the_ggz_invitation_goes_when_its_period_ends(personas, world) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from schakel.cases.models import Invitation

    ended = timezone.localdate() - timedelta(days=1)
    Invitation.objects.filter(organisation=personas.ggz).update(
        valid_from=ended - timedelta(days=7), valid_until=ended
    )
    assert "invitation" not in kinds(personas.ggz_member)


def test_the_privacy_officer_sees_requests_and_the_retention_outlook(personas, world) -> None:
    items = work(personas.privacy_officer_a)
    found = {item.kind for item in items}
    assert {"retention_outlook", "subject_request"} <= found
    assert not found & {"match_suggestion", "signal_new", "meeting", "intervention"}
    [outlook] = [item for item in items if item.kind == "retention_outlook"]
    assert outlook.count >= 1
    assert outlook.url == reverse("privacy:retention_upcoming")
    assert_nothing_of_others(items, world)
    # Another organisation's officer sees no outlook of Aldermeer.
    assert "retention_outlook" not in kinds(personas.police_privacy_officer)


def test_the_functional_admin_has_nothing_waiting(personas, world, signed_in) -> None:
    assert work(personas.admin_a) == []
    page = html.unescape(signed_in(personas.admin_a).get(START).content.decode())
    assert "Er wacht nu niets op u." in page
    assert "wachtend" not in page


def test_the_page_and_the_menu_show_the_lead_s_work(personas, world, signed_in) -> None:
    client = signed_in(personas.lead_a)
    before = LogRecord.objects.count()
    response = client.get(START)
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">Mijn werk</h1>' in page
    assert reverse("intake:suggestion_detail", kwargs={"pk": world.suggestion.pk}) in page
    total = len(work(personas.lead_a))
    assert f"{total} wachtend" in page
    assert 'class="utrecht-badge-counter schakel-nav-count" aria-hidden="true">' in page
    for value in PERSON_DATA:
        assert value not in page
    for reference in world.planted:
        assert reference not in page
    # Counts and references only: nothing read about a person, nothing logged.
    assert LogRecord.objects.count() == before
    # The dashboard's panels stay below Mijn werk.
    assert page.index("wat-wacht") < page.index("mijn-casussen")


def test_the_menu_counts_of_mijn_werk_show_on_other_pages_for_a_while(
    personas, world, signed_in
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    client = signed_in(personas.police_member)
    cases = reverse("cases:case_list")
    # Not yet counted (no Mijn werk in this session): no counts, and no queries for them.
    assert "wachtend" not in html.unescape(client.get(cases).content.decode())
    client.get(START)
    page = html.unescape(client.get(cases).content.decode())
    interventions = sum(1 for i in work(personas.police_member) if i.kind == "intervention")
    assert "Interventies <span" in page
    assert f"{interventions} wachtend" in page
    assert f"{len(work(personas.police_member))} wachtend" in page
    # Older than five minutes: not shown any more.
    session = client.session
    kept = session["work_counts"]
    kept["at"] = (timezone.now() - timedelta(minutes=6)).isoformat()
    session["work_counts"] = kept
    session.save()
    assert "wachtend" not in html.unescape(client.get(cases).content.decode())


def test_menu_counts_are_not_carried_to_another_membership(personas, world, signed_in) -> None:
    client = signed_in(personas.lead_a)
    client.get(START)
    session = client.session
    kept = session["work_counts"]
    kept["membership"] = "00000000-0000-0000-0000-000000000000"
    session["work_counts"] = kept
    session.save()
    assert "wachtend" not in html.unescape(client.get(reverse("cases:case_list")).content.decode())


def test_the_start_page_s_queries_do_not_grow_with_the_work(
    personas, world, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.lead_a)
    with django_assert_max_num_queries(45) as few:
        client.get(START)
    from schakel.intake.tests.factories import register

    for name in ("Aaltink", "Bosman", "Claassen", "Dijkhuis"):
        register(personas.lead_a, residence=personas.municipality_a, surname=name)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(START)


def test_collecting_the_work_takes_a_fixed_number_of_queries(
    personas, world, django_assert_max_num_queries
) -> None:
    membership = membership_of(personas.lead_a)
    # A fixed number per contributing kind of work; the network's workspace (issue 14) added
    # action points, trainings, network follow-ups, knowledge reviews and staff incidents.
    with django_assert_max_num_queries(22):
        work_items_for(membership)
