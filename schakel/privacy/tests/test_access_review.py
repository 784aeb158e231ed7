"""The annual access-rights review: every membership of the organisation in the year, signed
off once per year by the organisation's functional admin or administrator."""

import csv
import io
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.activities import AccountActivity
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.accounts.services import access_token_create, membership_end
from schakel.accounts.tests.factories import MembershipFactory, TOTPDeviceFactory
from schakel.audit.models import LogRecord
from schakel.intake.tests.factories import membership_of
from schakel.privacy.desk.access_review import review_rows, sign_off
from schakel.privacy.models import AccessReviewSignOff

pytestmark = pytest.mark.django_db

REVIEW = reverse("privacy:desk_access_review")
YEAR = timezone.localdate().year


def sign_off_url(year: int = YEAR) -> str:
    return reverse("privacy:desk_access_review_sign_off", kwargs={"year": year})


def csv_url(year: int = YEAR) -> str:
    return reverse("privacy:desk_access_review_csv", kwargs={"year": year})


def aldermeer_members(personas) -> list[Any]:  # type: ignore[no-untyped-def]
    return [personas.lead_a, personas.colleague_a, personas.admin_a, personas.privacy_officer_a]


def test_the_review_lists_every_membership_of_the_organisation_in_the_year(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    ended = Membership.objects.get(user=personas.colleague_a)
    membership_end(by=personas.admin_a, membership=ended)
    gone_last_year = MembershipFactory(
        organisation=personas.municipality_a,
        role=Role.MUNICIPAL_LEAD,
        valid_from=date(YEAR - 2, 1, 1),
        valid_until=date(YEAR - 1, 6, 30),
    ).user
    TOTPDeviceFactory(user=personas.lead_a)
    access_token_create(user=personas.lead_a, name="Koppeling", days=30)
    client = signed_in(personas.privacy_officer_a)
    client.get(REVIEW)

    with django_assert_max_num_queries(20):
        page = client.get(REVIEW).content.decode()

    for user in aldermeer_members(personas):
        assert user.full_name in page
        assert user.email in page
    assert personas.lead_b.full_name not in page
    assert gone_last_year.full_name not in page
    assert "beëindigd op" in page
    assert f"De review van {YEAR} is nog niet afgetekend." in page
    rows = {row.email: row for row in review_rows(personas.municipality_a, YEAR)}
    assert set(rows) == {u.email for u in aldermeer_members(personas)}
    assert rows[personas.lead_a.email].mfa_enrolled
    assert rows[personas.lead_a.email].active_tokens == 1
    assert not rows[personas.colleague_a.email].active_now
    assert rows[personas.colleague_a.email].ended_at is not None
    last_year = {r.email for r in review_rows(personas.municipality_a, YEAR - 1)}
    assert gone_last_year.email in last_year
    read = LogRecord.objects.filter(name="access_review_read").last()
    assert read is not None
    assert read.activity_id == AccountActivity.ACCOUNT_ADMINISTRATION
    assert read.attributes["memberships"] == 4


def test_the_functional_admin_signs_off_once_per_year(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    assert client.get(REVIEW).status_code == 200
    form = client.get(sign_off_url())

    response = client.post(sign_off_url(), {"note": "Twee oude accounts laten beëindigen."})

    assert form.status_code == 200
    assert response.status_code == 302
    signed = AccessReviewSignOff.objects.get()
    assert signed.organisation == personas.municipality_a
    assert signed.year == YEAR
    assert signed.signed_off_by == personas.admin_a
    assert signed.memberships_reviewed == 4
    record = LogRecord.objects.get(name="access_review_signed_off")
    assert record.attributes == {
        "organisation": str(personas.municipality_a.pk),
        "year": YEAR,
        "memberships": 4,
    }
    again = client.post(sign_off_url(), {"note": ""})
    assert again.status_code == 200
    assert f"De toegangsreview van {YEAR} is al afgetekend." in again.content.decode()
    assert AccessReviewSignOff.objects.count() == 1
    officer_page = signed_in(personas.privacy_officer_a).get(REVIEW).content.decode()
    assert "Afgetekend op" in officer_page
    assert personas.admin_a.full_name in officer_page


def test_the_service_refuses_a_second_sign_off_and_an_old_year_in_dutch(personas) -> None:
    admin = membership_of(personas.admin_a)
    sign_off(membership=admin, year=YEAR, note="")

    with pytest.raises(ValidationError, match="al afgetekend"):
        sign_off(membership=admin, year=YEAR, note="")
    with pytest.raises(ValidationError, match="lopende of het vorige jaar"):
        sign_off(membership=admin, year=YEAR - 3, note="")
    sign_off(membership=admin, year=YEAR - 1, note="Vorig jaar, in januari nagekeken.")
    assert AccessReviewSignOff.objects.count() == 2


def test_an_administrator_of_the_organisation_may_sign_off(personas, signed_in) -> None:
    administrator = MembershipFactory(
        organisation=personas.municipality_a, role=Role.ADMINISTRATOR
    ).user

    response = signed_in(administrator).post(sign_off_url(), {"note": ""})

    assert response.status_code == 302
    assert AccessReviewSignOff.objects.get().signed_off_by == administrator


def test_the_privacy_officer_sees_the_status_but_does_not_sign_off(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    assert client.get(sign_off_url()).status_code == 404
    assert client.post(sign_off_url(), {"note": ""}).status_code == 404
    assert f"/toegangsreview/{YEAR}/aftekenen/" not in client.get(REVIEW).content.decode()
    assert not AccessReviewSignOff.objects.exists()


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director", "superuser"])
def test_others_get_404(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(REVIEW).status_code == 404
    assert client.get(csv_url()).status_code == 404
    assert client.post(sign_off_url(), {"note": ""}).status_code == 404
    assert not AccessReviewSignOff.objects.exists()


def test_the_police_officer_sees_the_police_only(personas, signed_in) -> None:
    page = signed_in(personas.police_privacy_officer).get(REVIEW).content.decode()

    assert personas.police_member.full_name in page
    assert personas.police_privacy_officer.full_name in page
    for user in aldermeer_members(personas):
        assert user.full_name not in page


def test_the_report_downloads_as_csv_with_every_membership_and_is_logged(
    personas, signed_in
) -> None:
    personas.colleague_a.full_name = '=HYPERLINK("https://example.org")'
    personas.colleague_a.save(update_fields=["full_name"])

    response = signed_in(personas.privacy_officer_a).get(csv_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="toegangsreview-{YEAR}.csv"'
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Naam", "E-mailadres", "Functie", "Rol"]
    assert {row[1] for row in rows[1:]} == {u.email for u in aldermeer_members(personas)}
    assert '\'=HYPERLINK("https://example.org")' in {row[0] for row in rows[1:]}
    exported = LogRecord.objects.get(name="access_review_exported")
    assert exported.attributes["memberships"] == 4


def test_a_year_in_the_future_or_nonsense_is_404(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    assert client.get(f"{REVIEW}?jaar={YEAR + 1}").status_code == 404
    assert client.get(f"{REVIEW}?jaar=twintig").status_code == 200  # falls back to this year
    assert client.get(csv_url(YEAR + 1)).status_code == 404


def test_a_membership_that_ended_before_the_year_is_left_out(personas) -> None:
    old = MembershipFactory(
        organisation=personas.municipality_a,
        role=Role.PARTNER_MEMBER,
        valid_from=date(YEAR - 3, 1, 1),
    )
    Membership.objects.filter(pk=old.pk).update(ended_at=datetime(YEAR - 2, 6, 1, tzinfo=UTC))

    emails = {row.email for row in review_rows(personas.municipality_a, YEAR)}

    assert old.user.email not in emails
