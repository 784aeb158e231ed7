"""The role dashboard on the start page: my cases, overdue interventions, reviews,
reassessments and informing to reconsider within 30 days, meetings coming up — no person data."""

import html
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases import dashboard
from schakel.cases.choices import InformingStatus
from schakel.cases.lifecycle_services import (
    InformingInput,
    case_close,
    case_reassess,
    case_record_informing,
    case_schedule_review,
)
from schakel.cases.models import Case
from schakel.cases.plans.services import InterventionInput, intervention_add
from schakel.cases.tests.factories import meeting, on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")
SURNAME = "Hoogeveld"
DESCRIPTION = "Stopgesprek door de wijkagent."
NAMES = ["Anna", "Bram", "Cato", "Dirk", "Eva"]


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def section(content: str, anchor: str) -> str:
    """The HTML of one dashboard section (from its heading to the next section)."""
    start = content.index(f'id="{anchor}"')
    end = content.find("<section", start)
    return content[start : end if end != -1 else len(content)]


def overdue_intervention(personas: Any, case: Case) -> None:
    today = timezone.localdate()
    intervention_add(
        membership=membership_of(personas.director),
        case=case,
        data=InterventionInput(
            kind="care",
            owner=personas.police,
            description=DESCRIPTION,
            starts_on=today - timedelta(days=40),
            due_on=today - timedelta(days=1),
        ),
    )


def busy_case(personas: Any, **signal: Any) -> Case:
    """A case with something due in every dashboard section."""
    case = open_case(personas, **signal)
    director = membership_of(personas.director)
    today = timezone.localdate()
    case_schedule_review(membership=director, case=case, next_review_on=today + timedelta(days=5))
    case_reassess(membership=director, case=case, next_due_on=today + timedelta(days=20))
    case_record_informing(
        membership=director,
        case=case,
        data=InformingInput(
            status=InformingStatus.DEFERRED,
            note="Lopend onderzoek.",
            reconsider_on=today + timedelta(days=15),
        ),
    )
    overdue_intervention(personas, case)
    return case


def test_the_director_sees_everything_due_without_person_data(personas, signed_in) -> None:
    case = busy_case(personas)
    planned = meeting(personas, starts_at=timezone.now() + timedelta(days=7))
    on_agenda(personas, case, planned)

    content = text(signed_in(personas.director).get(DASHBOARD))

    for anchor in ("mijn-casussen", "interventies-over-tijd", "binnenkort"):
        assert case.reference in section(content, anchor), anchor
    soon = section(content, "binnenkort")
    assert soon.count(case.reference) == 3  # review, reassessment, informing
    overdue = section(content, "interventies-over-tijd")
    assert "Politie-eenheid Noordkaap" in overdue
    meetings = section(content, "overleggen")
    assert "Vergaderzaal 2, ZVH Noordkaap" in meetings
    assert reverse("cases:meeting_detail", kwargs={"pk": planned.pk}) in meetings
    assert SURNAME not in content
    assert "Daan" not in content
    assert DESCRIPTION not in content
    assert "Lopend onderzoek." not in content


def test_a_partner_sees_its_cases_and_its_overdue_interventions(personas, signed_in) -> None:
    case = busy_case(personas)
    content = text(signed_in(personas.police_member).get(DASHBOARD))
    assert case.reference in section(content, "mijn-casussen")
    assert case.reference in section(content, "interventies-over-tijd")
    # Reviews and reassessments are for who steers the case.
    assert case.reference not in section(content, "binnenkort")
    assert SURNAME not in content


def test_another_municipality_sees_none_of_it(personas, signed_in) -> None:
    case = busy_case(personas)
    for persona in ("lead_b", "director_other", "school_member"):
        content = text(signed_in(getattr(personas, persona)).get(DASHBOARD))
        assert "Mijn casussen" in content
        assert case.reference not in content, persona


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_roles_without_cases_keep_the_plain_dashboard(personas, signed_in, persona) -> None:
    busy_case(personas)
    content = text(signed_in(getattr(personas, persona)).get(DASHBOARD))
    assert "Mijn casussen" not in content
    assert "Waar wilt u naartoe?" in content


def test_a_closed_case_leaves_the_dashboard(personas, signed_in) -> None:
    case = busy_case(personas)
    case_close(membership=membership_of(personas.lead_a), case=case, reason="moved")
    content = text(signed_in(personas.lead_a).get(DASHBOARD))
    assert case.reference not in content
    assert "U hebt geen open casussen." in content


def test_a_long_section_says_there_are_more(personas, signed_in, monkeypatch) -> None:
    monkeypatch.setattr(dashboard, "DASHBOARD_ROWS", 1)
    busy_case(personas)
    busy_case(personas, given_names="Anna")
    content = text(signed_in(personas.director).get(DASHBOARD))
    assert "U ziet de eerste 1." in section(content, "mijn-casussen")


def test_the_dashboard_query_count_does_not_grow_with_the_cases(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.director)
    busy_case(personas)
    client.get(DASHBOARD)
    # 20 for the dashboard, 14 more for Mijn werk above it (a fixed number per kind of work,
    # the network's workspace included).
    with django_assert_max_num_queries(34) as few:
        client.get(DASHBOARD)
    for name in NAMES[:3]:
        busy_case(personas, given_names=name)
    # (+1 on PostgreSQL: the overdue interventions' read record of one person and the chain head
    # go in one statement, the records of several persons in a batch and the head in a second.)
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        response = client.get(DASHBOARD)
    assert text(response).count("CAS-") >= 4 * 5
