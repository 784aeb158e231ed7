"""Functional administration of memberships: add, change the period, end; never across scope."""

import datetime as dt

from django.urls import reverse

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import LogRecord


def url(name: str, obj) -> str:
    return reverse(f"admin_accounts:{name}", kwargs={"pk": obj.pk})


def logged(name: str) -> int:
    return LogRecord.objects.filter(name=name).count()


def test_admin_a_adds_membership_in_a(personas, signed_in) -> None:
    response = signed_in(personas.admin_a).post(
        url("membership_create", personas.lead_a),
        {
            "organisation": str(personas.municipality_a.pk),
            "role": Role.PRIVACY_OFFICER,
            "valid_from": "2025-02-01",
            "valid_until": "2025-12-31",
        },
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=personas.lead_a, role=Role.PRIVACY_OFFICER)
    assert membership.organisation == personas.municipality_a
    assert membership.valid_until == dt.date(2025, 12, 31)
    assert logged("account.membership.create") == 1


def test_admin_a_cannot_grant_membership_in_b(personas, signed_in) -> None:
    response = signed_in(personas.admin_a).post(
        url("membership_create", personas.lead_a),
        {
            "organisation": str(personas.municipality_b.pk),
            "role": Role.FUNCTIONAL_ADMIN,
            "valid_from": "2025-02-01",
        },
    )

    assert response.status_code == 200
    assert not Membership.objects.filter(
        user=personas.lead_a, organisation=personas.municipality_b
    ).exists()
    assert logged("account.membership.create") == 0


def test_period_that_ends_before_it_starts_is_refused(personas, signed_in) -> None:
    membership = personas.lead_a.memberships.get()

    response = signed_in(personas.admin_a).post(
        url("membership_update", membership),
        {"valid_from": "2025-06-01", "valid_until": "2025-01-01"},
    )

    assert response.status_code == 200
    assert "vóór de begindatum" in response.content.decode()
    assert logged("account.membership.update") == 0


def test_admin_a_changes_the_period_of_a_membership_in_a(personas, signed_in) -> None:
    membership = personas.lead_a.memberships.get()

    response = signed_in(personas.admin_a).post(
        url("membership_update", membership),
        {"valid_from": "2020-01-01", "valid_until": "2030-06-30"},
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.valid_until == dt.date(2030, 6, 30)
    assert logged("account.membership.update") == 1


def test_admin_a_ends_membership_after_confirmation(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    membership = personas.lead_a.memberships.get()

    confirm = client.get(url("membership_end", membership))
    assert confirm.status_code == 200
    assert "beëindigen" in confirm.content.decode()
    assert Membership.objects.get(pk=membership.pk).ended_at is None

    response = client.post(url("membership_end", membership))

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_at is not None
    assert logged("account.membership.end") == 1
    # An ended membership is history: it cannot be changed or ended again.
    assert client.get(url("membership_update", membership)).status_code == 404
    assert client.post(url("membership_end", membership)).status_code == 404


def test_admin_a_gets_404_for_memberships_of_b(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    membership = personas.lead_b.memberships.get()

    assert client.get(url("membership_update", membership)).status_code == 404
    assert client.get(url("membership_end", membership)).status_code == 404
    assert (
        client.post(
            url("membership_update", membership),
            {"valid_from": "2020-01-01", "valid_until": "2020-01-02"},
        ).status_code
        == 404
    )
    assert client.post(url("membership_end", membership)).status_code == 404

    membership.refresh_from_db()
    assert membership.ended_at is None
    assert membership.valid_until is None
    assert logged("account.membership.update") == logged("account.membership.end") == 0


def test_admin_a_gets_404_for_membership_in_b_of_a_shared_user(personas, signed_in) -> None:
    shared = MembershipFactory(organisation=personas.municipality_a).user
    in_b = MembershipFactory(user=shared, organisation=personas.municipality_b)

    response = signed_in(personas.admin_a).post(url("membership_end", in_b))

    assert response.status_code == 404
    in_b.refresh_from_db()
    assert in_b.ended_at is None


def test_admin_b_cannot_touch_admin_a(personas, signed_in) -> None:
    client = signed_in(personas.admin_b)
    membership = personas.admin_a.memberships.get()

    assert client.get(url("user", personas.admin_a)).status_code == 404
    assert client.post(url("membership_end", membership)).status_code == 404
    membership.refresh_from_db()
    assert membership.ended_at is None
