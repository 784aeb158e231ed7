"""Second review: a role counts only while the holder's organisation is a member. An
organisation that leaves a collaboration takes its staff's roles, and with them the right to
see and to manage, along: pages and API then answer 404."""

import pytest
from django.urls import reverse

from conftest import sign_in
from schakel.accounts.models import Membership
from schakel.api.tests.helpers import url
from schakel.collaboration import selectors
from schakel.collaboration.tests.conftest import make_plan

pytestmark = pytest.mark.django_db


def _leave(network) -> Membership:
    """The coordinator's organisation (municipality A) leaves the partnership."""
    membership = network.coordinator.memberships.get()
    network.partnership.members.remove(membership.organisation)
    return membership


def test_a_role_of_an_organisation_that_left_no_longer_counts(network) -> None:
    membership = _leave(network)
    assert not selectors.collaborations_of(membership).filter(pk=network.partnership.pk).exists()
    assert selectors.roles_in(membership, network.partnership) == frozenset()
    assert not selectors.managed_by(membership).exists()
    assert all(
        row.role.membership_id != membership.pk for row in selectors.role_rows(network.partnership)
    )


def test_the_pages_and_the_api_answer_404_once_the_organisation_left(
    client, network, api_client
) -> None:
    plan = make_plan(network.partnership)
    _leave(network)
    sign_in(client, network.coordinator)
    pk = network.partnership.pk
    for name in ("detail", "plan", "plan_edit", "roles", "plan_csv"):
        assert client.get(reverse(f"collaboration:{name}", kwargs={"pk": pk})).status_code == 404
    api = api_client(network.coordinator)
    for name in (
        "collaboration-detail",
        "collaboration-role-list",
        "collaboration-policy-plan-detail",
    ):
        assert api.get(url(name, pk)).status_code == 404
    theme = plan.themes.first()
    assert theme is not None
    goal = {"theme": str(theme.pk), "title": "Meldpunt", "intendedResult": ""}
    assert (
        api.post(
            url("collaboration-policy-goal-create", pk), goal, content_type="application/json"
        ).status_code
        == 404
    )
