"""Functional administration of users, per persona: scope, escalation, logging."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.tests.factories import MembershipFactory, TOTPDeviceFactory, UserFactory
from schakel.audit.models import LogRecord

STRONG_PASSWORD = "Zonnebloem-Kade-Wimpel-81"


def url(name: str, obj=None) -> str:
    return reverse(f"admin_accounts:{name}", kwargs={"pk": obj.pk} if obj is not None else None)


def logged(name: str) -> int:
    return LogRecord.objects.filter(name=name).count()


def new_user_form(organisation, **overrides) -> dict[str, str]:
    data = {
        "email": "nieuw@aldermeer.example",
        "full_name": "Fictieve Nieuwkomer",
        "function_title": "Adviseur radicalisering",
        "organisation": str(organisation.pk),
        "role": Role.MUNICIPAL_LEAD,
        "valid_from": "2025-01-01",
        "valid_until": "",
        "password": STRONG_PASSWORD,
        "password_confirm": STRONG_PASSWORD,
    }
    data.update(overrides)
    return data


def lock_out(user: User) -> None:
    AccessAttempt.objects.create(
        username=user.email,
        ip_address="127.0.0.1",
        user_agent="test",
        http_accept="*/*",
        path_info="/inloggen/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )


def test_functional_admin_lists_users_of_own_organisation_only(personas, signed_in) -> None:
    page = signed_in(personas.admin_a).get(url("users")).content.decode()

    assert personas.lead_a.full_name in page
    assert personas.colleague_a.full_name in page
    assert personas.lead_b.full_name not in page
    assert personas.police_member.full_name not in page
    assert personas.superuser.full_name not in page


def test_user_list_shows_role_period_last_sign_in_and_lock(personas, signed_in) -> None:
    personas.lead_a.last_login = timezone.make_aware(dt.datetime(2025, 3, 4, 9, 30))
    personas.lead_a.save()
    lock_out(personas.colleague_a)

    page = signed_in(personas.admin_a).get(url("users")).content.decode()

    assert "Regievoerder gemeente – Gemeente Aldermeer" in page
    assert "vanaf 1-1-2020" in page
    assert "4-3-2025 09:30" in page
    assert "Geblokkeerd" in page


def test_functional_admin_of_a_gets_404_for_every_screen_of_a_user_of_b(
    personas, signed_in
) -> None:
    client = signed_in(personas.admin_a)
    target = personas.lead_b
    TOTPDeviceFactory(user=target)
    lock_out(target)
    before = LogRecord.objects.count()

    for name in ("user", "user_update", "user_reset_mfa", "user_unlock", "membership_create"):
        assert client.get(url(name, target)).status_code == 404, name
    posts = {
        "user_update": {"full_name": "Overgenomen", "function_title": "x", "is_active": ""},
        "user_reset_mfa": {},
        "user_unlock": {},
        "membership_create": {
            "organisation": str(personas.municipality_a.pk),
            "role": Role.FUNCTIONAL_ADMIN,
            "valid_from": "2025-01-01",
        },
    }
    for name, data in posts.items():
        assert client.post(url(name, target), data).status_code == 404, name

    target.refresh_from_db()
    assert target.full_name != "Overgenomen"
    assert target.is_active
    assert TOTPDevice.objects.filter(user=target).exists()
    assert AccessAttempt.objects.filter(username=target.email).exists()
    assert not Membership.objects.filter(user=target, organisation=personas.municipality_a).exists()
    assert LogRecord.objects.count() == before


def test_functional_admin_a_creates_user_with_membership_in_a(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    response = client.post(url("user_create"), new_user_form(personas.municipality_a))

    created = User.objects.get(email="nieuw@aldermeer.example")
    assert response.status_code == 302
    assert response["Location"] == url("user", created)
    membership = created.memberships.get()
    assert membership.organisation == personas.municipality_a
    assert membership.role == Role.MUNICIPAL_LEAD
    assert membership.valid_from == dt.date(2025, 1, 1)
    assert created.check_password(STRONG_PASSWORD)
    assert not created.is_superuser
    assert logged("account.user.create") == 1
    assert logged("account.membership.create") == 1


def test_functional_admin_a_cannot_create_user_in_b(personas, signed_in) -> None:
    response = signed_in(personas.admin_a).post(
        url("user_create"), new_user_form(personas.municipality_b)
    )

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.filter(email="nieuw@aldermeer.example").exists()
    assert logged("account.user.create") == 0


def test_organisation_choices_are_only_managed_organisations(personas, signed_in) -> None:
    page = signed_in(personas.admin_a).get(url("user_create")).content.decode()

    assert personas.municipality_a.name in page
    assert personas.municipality_b.name not in page


def test_weak_initial_password_is_refused(personas, signed_in) -> None:
    data = new_user_form(personas.municipality_a, password="kort", password_confirm="kort")

    response = signed_in(personas.admin_a).post(url("user_create"), data)

    assert response.status_code == 200
    assert not User.objects.filter(email="nieuw@aldermeer.example").exists()


def test_password_similar_to_name_is_refused(personas, signed_in) -> None:
    similar = "FictieveNieuwkomer1"
    data = new_user_form(personas.municipality_a, password=similar, password_confirm=similar)

    response = signed_in(personas.admin_a).post(url("user_create"), data)

    assert response.status_code == 200
    assert not User.objects.filter(email="nieuw@aldermeer.example").exists()


def test_existing_email_is_refused_without_creating_a_second_account(personas, signed_in) -> None:
    data = new_user_form(personas.municipality_a, email=personas.lead_b.email.upper())

    response = signed_in(personas.admin_a).post(url("user_create"), data)

    assert response.status_code == 200
    assert "bestaat al een account" in response.content.decode()
    assert User.objects.filter(email__iexact=personas.lead_b.email).count() == 1


def test_creating_a_user_needs_a_fresh_step_up(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    session = client.session
    session["step_up_at"] = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    session.save()

    response = client.post(url("user_create"), new_user_form(personas.municipality_a))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not User.objects.filter(email="nieuw@aldermeer.example").exists()


def test_functional_admin_edits_user_of_own_organisation(personas, signed_in) -> None:
    target = personas.lead_a

    response = signed_in(personas.admin_a).post(
        url("user_update", target),
        {"full_name": "Fictieve Regievoerder", "function_title": "Senior regievoerder"},
    )

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.function_title == "Senior regievoerder"
    assert target.is_active is False  # the unticked box switches the account off
    assert logged("account.user.update") == 1


def test_functional_admin_cannot_escalate_anyone_to_superuser(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    data = {
        "full_name": personas.admin_a.full_name,
        "function_title": "Beheerder",
        "is_active": "on",
        "is_superuser": "on",
        "is_staff": "on",
    }

    client.post(url("user_update", personas.admin_a), data)
    client.post(url("user_update", personas.lead_a), data)

    for user in (personas.admin_a, personas.lead_a):
        user.refresh_from_db()
        assert not user.is_superuser
        assert not user.is_staff


def test_functional_admin_cannot_switch_off_own_account(personas, signed_in) -> None:
    signed_in(personas.admin_a).post(
        url("user_update", personas.admin_a),
        {"full_name": personas.admin_a.full_name, "function_title": "Beheerder"},
    )

    personas.admin_a.refresh_from_db()
    assert personas.admin_a.is_active


def test_superuser_with_membership_in_a_is_out_of_reach_of_admin_a(personas, signed_in) -> None:
    membership = MembershipFactory(user=personas.superuser, organisation=personas.municipality_a)
    client = signed_in(personas.admin_a)

    assert personas.superuser.full_name not in client.get(url("users")).content.decode()
    assert client.get(url("user", personas.superuser)).status_code == 404
    assert client.post(url("user_reset_mfa", personas.superuser)).status_code == 404
    assert client.post(url("membership_end", membership)).status_code == 404


def test_account_shared_with_b_can_be_assisted_but_not_edited_by_admin_a(
    personas, signed_in
) -> None:
    shared = MembershipFactory(organisation=personas.municipality_a).user
    MembershipFactory(user=shared, organisation=personas.municipality_b)
    client = signed_in(personas.admin_a)

    detail = client.get(url("user", shared))
    assert detail.status_code == 200
    assert "werkt ook voor een organisatie die u niet beheert" in detail.content.decode()
    assert personas.municipality_b.name not in detail.content.decode()
    response = client.post(
        url("user_update", shared), {"full_name": "Anders", "function_title": "x"}
    )
    assert response.status_code == 404
    shared.refresh_from_db()
    assert shared.is_active
    assert signed_in(personas.superuser).get(url("user_update", shared)).status_code == 200


def test_ended_membership_elsewhere_does_not_block_editing(personas, signed_in) -> None:
    moved = MembershipFactory(organisation=personas.municipality_a).user
    MembershipFactory(user=moved, organisation=personas.municipality_b, ended_at=timezone.now())

    response = signed_in(personas.admin_a).get(url("user_update", moved))

    assert response.status_code == 200


def test_reset_mfa_removes_the_second_factor_and_is_logged(personas, signed_in) -> None:
    TOTPDeviceFactory(user=personas.lead_a)
    client = signed_in(personas.admin_a)

    confirm = client.get(url("user_reset_mfa", personas.lead_a))
    assert confirm.status_code == 200
    assert TOTPDevice.objects.filter(user=personas.lead_a).exists()
    response = client.post(url("user_reset_mfa", personas.lead_a))

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=personas.lead_a).exists()
    assert logged("account.mfa_reset") == 1


def test_unlock_lifts_the_lockout_and_is_logged(personas, signed_in) -> None:
    lock_out(personas.lead_a)
    client = signed_in(personas.admin_a)
    assert (
        "Geblokkeerd na mislukte inlogpogingen"
        in client.get(url("user", personas.lead_a)).content.decode()
    )

    response = client.post(url("user_unlock", personas.lead_a))

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=personas.lead_a.email).exists()
    assert logged("account.unlock") == 1


def test_old_failures_do_not_count_as_locked(personas, signed_in) -> None:
    lock_out(personas.lead_a)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(days=1))

    page = signed_in(personas.admin_a).get(url("users")).content.decode()

    assert "Geblokkeerd" not in page


@pytest.mark.parametrize(
    "persona", ["lead_a", "colleague_a", "privacy_officer_a", "police_member", "outsider"]
)
def test_non_admin_gets_404_on_every_user_screen(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))
    target = personas.colleague_a if persona != "colleague_a" else personas.lead_a
    membership = target.memberships.get()
    urls = [
        url("users"),
        url("user_create"),
        url("user", target),
        url("user_update", target),
        url("user_reset_mfa", target),
        url("user_unlock", target),
        url("membership_create", target),
        url("membership_update", membership),
        url("membership_end", membership),
    ]

    for target_url in urls:
        assert client.get(target_url).status_code == 404, target_url
        assert client.post(target_url, {"full_name": "x"}).status_code == 404, target_url
    membership.refresh_from_db()
    assert membership.ended_at is None
    assert not LogRecord.objects.filter(name__startswith="account.user").exists()


def test_superuser_sees_and_creates_users_anywhere(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    page = client.get(url("users")).content.decode()
    assert personas.lead_b.full_name in page
    assert personas.outsider.full_name in page

    response = client.post(url("user_create"), new_user_form(personas.municipality_b))

    assert response.status_code == 302
    assert User.objects.get(email="nieuw@aldermeer.example").memberships.get().organisation == (
        personas.municipality_b
    )


def test_user_list_can_be_narrowed_to_a_managed_organisation(personas, signed_in) -> None:
    client = signed_in(personas.superuser)

    page = client.get(url("users"), {"organisatie": str(personas.municipality_b.pk)})

    assert personas.lead_b.full_name in page.content.decode()
    assert personas.lead_a.full_name not in page.content.decode()
    admin = signed_in(personas.admin_a)
    assert (
        admin.get(url("users"), {"organisatie": str(personas.municipality_b.pk)}).status_code == 404
    )
    assert admin.get(url("users"), {"organisatie": "geen-uuid"}).status_code == 404


def test_user_list_query_count_does_not_grow_with_users(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for _ in range(25):
        user = MembershipFactory(organisation=personas.municipality_a).user
        MembershipFactory(user=user, organisation=personas.municipality_a, role=Role.ADMINISTRATOR)
    client = signed_in(personas.admin_a)

    with django_assert_max_num_queries(12):
        response = client.get(url("users"))

    assert response.status_code == 200


def test_user_detail_shows_only_memberships_in_managed_organisations(personas, signed_in) -> None:
    user = UserFactory()
    MembershipFactory(user=user, organisation=personas.municipality_a, role=Role.ADMINISTRATOR)
    MembershipFactory(user=user, organisation=personas.police, role=Role.PARTNER_MEMBER)

    page = signed_in(personas.admin_a).get(url("user", user)).content.decode()

    assert "Bestuurder" in page
    assert personas.police.name not in page
