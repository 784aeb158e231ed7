"""The collaboration demo: roles and a policy plan for the demo partnership and a provincial
collaboration hosting the demo's weighing arrangement, made once through the services and shown
to the demo coordinator."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import sign_in
from schakel.accounts import demo as accounts_demo
from schakel.accounts.models import User
from schakel.cases.demo import seed_cases_demo
from schakel.collaboration.choices import CollaborationRoleKind
from schakel.collaboration.demo import PARTNERSHIP, PROVINCIAL, seed_collaboration_demo
from schakel.collaboration.models import CollaborationRole, HostedWeighing, PolicyPlan
from schakel.intake import demo as intake_demo
from schakel.network.choices import CollaborationKind
from schakel.network.models import Collaboration

pytestmark = pytest.mark.django_db


def test_the_collaboration_demo_is_made_once(settings) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    accounts_demo.seed()
    intake_demo.seed()
    seed_cases_demo()
    assert seed_collaboration_demo() > 0
    assert seed_collaboration_demo() == 0
    partnership = Collaboration.objects.get(name=PARTNERSHIP)
    provincial = Collaboration.objects.get(name=PROVINCIAL)
    assert provincial.kind == CollaborationKind.PROVINCIAL
    assert set(
        CollaborationRole.objects.filter(collaboration=partnership).values_list(
            "membership__user__email", "kind"
        )
    ) == {
        ("coordinator@aldermeer.example", CollaborationRoleKind.COORDINATOR),
        ("regievoerder@brookdam.example", CollaborationRoleKind.CHAIR),
        ("wethouder@aldermeer.example", CollaborationRoleKind.PORTFOLIO_HOLDER),
    }
    plan = PolicyPlan.objects.get(collaboration=partnership)
    assert plan.period == "2025–2028"
    assert plan.themes.count() == 4
    assert all(theme.goals.get().progress_updates.exists() for theme in plan.themes.all())
    assert HostedWeighing.objects.get().collaboration == provincial

    coordinator = sign_in(Client(), User.objects.get(email="coordinator@aldermeer.example"))
    page = coordinator.get(reverse("collaboration:list")).content.decode()
    assert PARTNERSHIP in page
    assert PROVINCIAL in page
    detail = coordinator.get(reverse("collaboration:detail", kwargs={"pk": provincial.pk}))
    assert "Weegoverleg Aldermeer en Brookdam (fictief)" in detail.content.decode()
