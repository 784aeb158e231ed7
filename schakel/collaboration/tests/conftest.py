"""Fixtures of the collaboration tests: the network of ``conftest.network`` with a policy plan,
a goal with an indicator and progress, and a hosted weighing arrangement."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from schakel.api.tests.conftest import api_client, api_schema, token_for  # noqa: F401 (fixtures)
from schakel.cases.tests.factories import arrangement_for
from schakel.collaboration import plan_services, services
from schakel.collaboration.choices import ProgressStatus
from schakel.collaboration.models import CollaborationRole, HostedWeighing, PlanGoal, PolicyPlan

THEMES = ["Vroegsignalering", "Deskundigheid", "Persoonsgerichte aanpak", "Weerbaarheid"]


@dataclass
class World:
    plan: PolicyPlan
    goal: PlanGoal
    hosted: HostedWeighing
    role: CollaborationRole  # the chair's role in the partnership


def make_plan(collaboration, themes=THEMES) -> PolicyPlan:  # type: ignore[no-untyped-def]
    return plan_services.plan_save(
        collaboration=collaboration,
        data=plan_services.PlanInput(
            start_year=2025, end_year=2028, summary="Samen voorkomen.", themes=list(themes)
        ),
    )


def make_goal(plan: PolicyPlan, title: str = "Meldpunt in elke gemeente") -> PlanGoal:
    return plan_services.goal_add(
        plan=plan,
        data=plan_services.GoalInput(
            theme=plan.themes.order_by("position").first(),
            title=title,
            intended_result="Signalen komen op één plek binnen.",
            indicator=plan_services.IndicatorInput(
                name="Gemeenten met een meldpunt",
                baseline=Decimal(2),
                target=Decimal(6),
                unit="gemeenten",
            ),
        ),
    )


@pytest.fixture
def world(personas, network) -> World:  # type: ignore[no-untyped-def]
    plan = make_plan(network.partnership)
    goal = make_goal(plan)
    plan_services.progress_add(
        goal=goal,
        data=plan_services.ProgressInput(
            period_label="2026-K1", status=ProgressStatus.ON_TRACK, explanation="Op schema."
        ),
    )
    arrangement = arrangement_for(personas.municipality_a, personas.municipality_b)
    hosted = services.hosting_add(collaboration=network.partnership, arrangement=arrangement)
    role = CollaborationRole.objects.get(
        collaboration=network.partnership, membership__user=network.chair
    )
    return World(plan=plan, goal=goal, hosted=hosted, role=role)
