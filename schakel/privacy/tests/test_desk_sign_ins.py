"""Failed-sign-in spikes and changes to privileged memberships on the privacy officer's desk."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.services import membership_create, membership_end
from schakel.intake.tests.factories import membership_of
from schakel.privacy.desk.access_signals import failed_sign_ins, spike_flags

pytestmark = pytest.mark.django_db

SIGN_INS = reverse("privacy:desk_sign_ins")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([], []),
        ([0] * 13 + [6], [False] * 13 + [True]),  # median 0: any day with 5 or more
        ([0, 0, 4], [False, False, False]),  # below the minimum of 5
        ([2, 2, 2, 2, 6], [False, False, False, False, True]),  # 6 ≥ 3 × 2
        ([2, 2, 2, 2, 5], [False] * 5),  # 5 < 3 × 2
        ([5, 5, 5, 5, 5], [False] * 5),  # a steady level is no spike
        ([0, 9, 0, 12, 0], [False, True, False, True, False]),
    ],
)
def test_a_spike_is_at_least_five_failures_and_three_times_the_median(counts, expected) -> None:
    assert spike_flags(counts) == expected


def fail(email: str, *, days_ago: int = 0, times: int = 1) -> None:
    at = timezone.now() - timedelta(days=days_ago)
    for _ in range(times):
        row = AccessFailureLog.objects.create(
            username=email, user_agent="test", http_accept="*/*", path_info="/aanmelden/"
        )
        AccessFailureLog.objects.filter(pk=row.pk).update(attempt_time=at)


def test_failures_per_day_count_only_the_organisations_staff(personas) -> None:
    fail(personas.lead_a.email, times=6)
    fail(personas.colleague_a.email, days_ago=3, times=2)
    fail(personas.lead_b.email, times=9)  # another municipality
    fail("onbekend@example.org", times=9)  # no account: no organisation
    fail(personas.lead_a.email, days_ago=20, times=4)  # outside fourteen days

    report = failed_sign_ins(membership=membership_of(personas.privacy_officer_a), days=14)

    assert len(report.series) == 14
    assert report.series[-1].day == timezone.localdate()
    assert report.series[-1].failures == 6
    assert report.series[-4].failures == 2
    assert report.total == 8
    assert [day.day for day in report.spikes] == [timezone.localdate()]
    thirty = failed_sign_ins(membership=membership_of(personas.privacy_officer_a), days=30)
    assert thirty.total == 12


@override_settings(AXES_ENABLE_ACCESS_FAILURE_LOG=True)
def test_the_page_shows_spikes_lockouts_and_the_rule(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    fail(personas.lead_a.email, times=7)
    AccessAttempt.objects.create(
        username=personas.colleague_a.email,
        user_agent="test",
        http_accept="*/*",
        path_info="/aanmelden/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    client = signed_in(personas.privacy_officer_a)
    client.get(SIGN_INS)

    with django_assert_max_num_queries(20):
        page = client.get(f"{SIGN_INS}?dagen=30").content.decode()

    assert "Laatste 30 dagen" in page
    assert "minstens 5 mislukte pogingen" in page
    assert "<strong>Piek</strong>" in page
    assert "staat uit" not in page
    assert personas.lead_a.email not in page  # counts only, no addresses
    desk = client.get(reverse("privacy:desk")).content.decode()
    assert "1 dag met een piek" in desk


def test_without_the_failure_log_the_page_says_so(personas, signed_in, settings) -> None:
    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = False
    page = signed_in(personas.privacy_officer_a).get(SIGN_INS).content.decode()

    assert "staat uit" in page


def test_changes_to_privileged_memberships_of_the_own_organisation(personas, signed_in) -> None:
    granted = membership_create(
        by=personas.admin_a,
        user=personas.colleague_a,
        organisation=personas.municipality_a,
        role=Role.FUNCTIONAL_ADMIN,
        valid_from=timezone.localdate(),
        valid_until=None,
    )
    membership_end(by=personas.admin_a, membership=granted)
    membership_create(  # not privileged
        by=personas.admin_a,
        user=personas.lead_a,
        organisation=personas.municipality_a,
        role=Role.PARTNER_MEMBER,
        valid_from=timezone.localdate(),
        valid_until=None,
    )
    membership_create(  # another organisation
        by=personas.admin_b,
        user=personas.lead_b,
        organisation=personas.municipality_b,
        role=Role.PRIVACY_OFFICER,
        valid_from=timezone.localdate(),
        valid_until=None,
    )

    page = signed_in(personas.privacy_officer_a).get(SIGN_INS).content.decode()

    assert page.count("Functioneel beheerder") == 2
    assert "Toegekend" in page
    assert "Beëindigd" in page
    assert personas.colleague_a.full_name in page
    assert personas.lead_b.full_name not in page
    assert "Professional ketenpartner" not in page
    desk = signed_in(personas.privacy_officer_a).get(reverse("privacy:desk")).content.decode()
    assert "Wijzigingen in bevoorrechte lidmaatschappen (90 dagen)" in desk
