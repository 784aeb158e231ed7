"""The services of roles, hosted weighing and the policy plan: what they accept, what they refuse
with a Dutch message, and that role changes are logged."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import arrangement_for
from schakel.collaboration import plan_services, services
from schakel.collaboration.choices import CollaborationRoleKind, ProgressStatus
from schakel.collaboration.models import CollaborationRole, PlanTheme
from schakel.collaboration.permissions import may_administer
from schakel.collaboration.selectors import role_rows
from schakel.collaboration.tests.conftest import THEMES, make_goal, make_plan
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db
# A BSN-like number (passes the eleven test) and a date of birth next to a name.
BSN_TEXT = "Zie dossier 999900018 voor de details."
BIRTH_TEXT = "Jan de Vries, geboren 12-03-1990, woont in de wijk."


def test_a_role_goes_to_an_active_membership_of_a_member_and_is_logged(personas, network):
    membership = membership_of(personas.police_member)
    role = services.role_assign(
        by=network.coordinator,
        collaboration=network.partnership,
        membership=membership,
        kind=CollaborationRoleKind.SECRETARY,
    )
    assert LogRecord.objects.filter(name="collaboration.role_assigned").count() == 1
    services.role_end(by=network.coordinator, role=role)
    assert not CollaborationRole.objects.filter(pk=role.pk).exists()
    assert LogRecord.objects.filter(name="collaboration.role_ended").count() == 1


def test_a_role_is_refused_outside_the_members_and_twice(personas, network):
    with pytest.raises(ValidationError) as refused:
        services.role_assign(
            by=None,
            collaboration=network.partnership,
            membership=membership_of(personas.outsider),
            kind=CollaborationRoleKind.CHAIR,
        )
    assert "deelnemende organisatie" in refused.value.message_dict["membership"][0]
    with pytest.raises(ValidationError, match="al"):
        services.role_assign(
            by=None,
            collaboration=network.partnership,
            membership=membership_of(network.chair),
            kind=CollaborationRoleKind.CHAIR,
        )
    assert not LogRecord.objects.filter(name="collaboration.role_assigned").exists()


def test_roles_show_function_organisation_and_mailbox_only(personas, network):
    rows = role_rows(network.partnership)
    assert {row.kind for row in rows} == {"Voorzitter", "Regionaal coördinator of adviseur"}
    for row in rows:
        assert personas.municipality_a.mailbox in row.holder or (
            personas.municipality_b.mailbox in row.holder
        )
        assert network.chair.full_name not in row.holder
        assert network.coordinator.full_name not in row.holder


def test_who_administers(personas, network):
    members = {o.pk for o in network.partnership.members.all()}
    admin_a = membership_of(personas.admin_a)
    outsider_admin = MembershipFactory(
        organisation=personas.municipality_other_region, role=Role.FUNCTIONAL_ADMIN
    )
    assert may_administer(admin_a, [], is_superuser=False, member_ids=members)
    assert not may_administer(outsider_admin, [], is_superuser=False, member_ids=members)
    assert may_administer(None, [], is_superuser=True, member_ids=members)
    assert may_administer(None, ["coordinator"], is_superuser=False, member_ids=members)
    assert not may_administer(None, ["secretary"], is_superuser=False, member_ids=members)
    assert not may_administer(
        membership_of(personas.lead_a), [], is_superuser=False, member_ids=members
    )


def test_only_an_arrangement_of_member_municipalities_is_hosted(personas, network):
    inside = arrangement_for(personas.municipality_a, personas.municipality_b)
    outside = arrangement_for(personas.municipality_a, personas.municipality_other_region)
    services.hosting_add(collaboration=network.partnership, arrangement=inside)
    with pytest.raises(ValidationError, match="al"):
        services.hosting_add(collaboration=network.partnership, arrangement=inside)
    with pytest.raises(ValidationError, match="lid zijn"):
        services.hosting_add(collaboration=network.partnership, arrangement=outside)


def test_the_plan_keeps_its_themes_in_order_and_the_goals_when_renamed(network):
    plan = make_plan(network.partnership)
    goal = make_goal(plan)
    renamed = ["Signalering", *THEMES[1:3]]
    plan = plan_services.plan_save(
        collaboration=network.partnership,
        data=plan_services.PlanInput(start_year=2025, end_year=2029, summary="", themes=renamed),
    )
    assert list(plan.themes.order_by("position").values_list("name", flat=True)) == renamed
    goal.refresh_from_db()
    assert goal.theme.name == "Signalering"
    assert plan.period == "2025–2029"


def test_a_theme_with_goals_cannot_be_taken_off(network):
    plan = make_plan(network.partnership, themes=["Een", "Twee"])
    plan_services.goal_add(
        plan=plan,
        data=plan_services.GoalInput(
            theme=PlanTheme.objects.get(plan=plan, position=2), title="Doel", intended_result=""
        ),
    )
    with pytest.raises(ValidationError, match="heeft doelen"):
        make_plan(network.partnership, themes=["Een"])
    assert plan.themes.count() == 2


@pytest.mark.parametrize(
    ("start", "end", "key"),
    [(1999, 2002, "start_year"), (2025, 2024, "end_year"), (2025, 2040, "end_year")],
)
def test_the_period_must_make_sense(network, start, end, key):
    with pytest.raises(ValidationError) as refused:
        plan_services.plan_save(
            collaboration=network.partnership,
            data=plan_services.PlanInput(start_year=start, end_year=end, summary="", themes=["A"]),
        )
    assert key in refused.value.message_dict


@pytest.mark.parametrize("text", [BSN_TEXT, BIRTH_TEXT])
def test_person_data_is_refused_in_every_free_text(network, text):
    with pytest.raises(ValidationError) as refused:
        plan_services.plan_save(
            collaboration=network.partnership,
            data=plan_services.PlanInput(
                start_year=2025, end_year=2028, summary=text, themes=[text]
            ),
        )
    assert set(refused.value.message_dict) == {"summary", "themes"}
    plan = make_plan(network.partnership)
    with pytest.raises(ValidationError) as refused:
        plan_services.goal_add(
            plan=plan,
            data=plan_services.GoalInput(
                theme=plan.themes.first(),
                title=text,
                intended_result=text,
                indicator=plan_services.IndicatorInput(
                    name=text, baseline=Decimal(1), target=Decimal(2), unit="x"
                ),
            ),
        )
    assert {"title", "intended_result", "indicator_name"} <= set(refused.value.message_dict)
    goal = make_goal(plan)
    with pytest.raises(ValidationError) as refused:
        plan_services.progress_add(
            goal=goal,
            data=plan_services.ProgressInput(
                period_label="2026-K1", status=ProgressStatus.BEHIND, explanation=text
            ),
        )
    assert "explanation" in refused.value.message_dict


@pytest.mark.parametrize(
    ("label", "accepted"),
    [
        ("2026-K1", True),
        ("2027-H2", True),
        ("2028", True),
        ("2026-01-01/2026-03-31", True),
        ("2026-13-45/2026-14-01", False),  # no such dates
        ("2026-06-30/2026-01-01", False),  # the end before the start
        ("2030-K1", False),
        ("Q1 2026", False),
        ("", False),
    ],
)
def test_the_period_label_of_progress(network, label, accepted):
    goal = make_goal(make_plan(network.partnership))
    data = plan_services.ProgressInput(
        period_label=label, status=ProgressStatus.ON_TRACK, explanation=""
    )
    if accepted:
        assert plan_services.progress_add(goal=goal, data=data).period_label == label
    else:
        with pytest.raises(ValidationError) as refused:
            plan_services.progress_add(goal=goal, data=data)
        assert "period_label" in refused.value.message_dict


def test_an_indicator_needs_all_four_values(network):
    goal = make_goal(make_plan(network.partnership))
    with pytest.raises(ValidationError) as refused:
        plan_services.indicator_add(
            goal=goal,
            data=plan_services.IndicatorInput(name="", baseline=None, target=Decimal(3), unit=""),
        )
    assert set(refused.value.message_dict) == {"name", "baseline", "unit"}
