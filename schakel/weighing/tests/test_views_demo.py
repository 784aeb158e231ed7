"""The demo of weighing, case, meetings and plan: made through the services, idempotent, and
what it makes shows on the weighing screens of the demo accounts."""

import html

import pytest
from django.core.management import call_command
from django.urls import reverse

from schakel.accounts import demo as accounts_demo
from schakel.accounts.models import User
from schakel.cases.choices import MeetingStatus, ParticipationKind, PlanVersionStatus
from schakel.cases.demo import seed_cases_demo
from schakel.cases.models import ActionPlanVersion, Case, ConsultationMeeting, Invitation
from schakel.cases.plans.services import latest_version
from schakel.intake import demo as intake_demo
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingItem, WeighingSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_region(settings: object) -> None:
    settings.SCHAKEL_DEMO_MODE = True  # type: ignore[attr-defined]
    accounts_demo.seed()
    intake_demo.seed()


def counts() -> tuple[int, ...]:
    return (
        WeighingSession.objects.count(),
        WeighingItem.objects.count(),
        Case.objects.count(),
        ConsultationMeeting.objects.count(),
        Invitation.objects.count(),
        ActionPlanVersion.objects.count(),
    )


def test_the_demo_weighs_opens_a_case_and_plans_it_once(demo_region: None) -> None:
    assert seed_cases_demo() == 1
    first = counts()
    assert seed_cases_demo() == 0
    assert counts() == first

    session = WeighingSession.objects.get()
    assert session.status == SessionStatus.OPEN
    outcomes = set(session.items.values_list("outcome", flat=True))
    assert outcomes == {WeighingOutcome.INCLUDE, WeighingOutcome.MORE_INFORMATION}
    case = Case.objects.get()
    assert case.directing_municipality.name == "Gemeente Aldermeer"
    assert case.zvh.name == "Zorg- en Veiligheidshuis Noordkaap"
    assert case.process_director is not None
    assert case.process_director.email == "procesregisseur@zvh-noordkaap.example"
    upcoming = ConsultationMeeting.objects.get(status=MeetingStatus.PLANNED)
    assert upcoming.agenda_items.filter(case=case).exists()
    incidental = Invitation.objects.get(kind=ParticipationKind.INCIDENTAL)
    assert incidental.organisation.name == "GGZ Noordkaap"
    assert incidental.agenda_item.meeting == upcoming
    statuses = list(
        ActionPlanVersion.objects.filter(plan__case=case)
        .order_by("number")
        .values_list("status", flat=True)
    )
    assert statuses == [PlanVersionStatus.ADOPTED, PlanVersionStatus.DRAFT]
    draft = latest_version(case.action_plan)
    assert draft is not None
    assert draft.status == PlanVersionStatus.DRAFT
    assert case.action_plan.interventions.filter(removed_in__isnull=True).count() == 2


def test_seed_demo_twice_does_not_fail_or_duplicate(settings) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    call_command("seed_demo")
    seed_cases_demo()
    first = counts()
    call_command("seed_demo")
    seed_cases_demo()
    assert counts() == first


def test_the_demo_meldpunt_sees_the_weighing_on_its_screens(demo_region, signed_in) -> None:
    seed_cases_demo()
    lead = User.objects.get(email="regievoerder@aldermeer.example")
    client = signed_in(lead)

    listing = html.unescape(client.get(reverse("weighing:session_list")).content.decode())
    session = WeighingSession.objects.get()
    assert session.reference in listing
    assert "Vlinderhaven" not in listing

    item = WeighingItem.objects.get(outcome=WeighingOutcome.INCLUDE)
    page = html.unescape(
        client.get(reverse("weighing:item_detail", kwargs={"pk": item.pk})).content.decode()
    )
    assert "Vlinderhaven" in page
    assert Case.objects.get().reference in page
