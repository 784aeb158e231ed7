"""An admin cannot hand back access to someone who now works for another organisation."""

import datetime as dt

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory, TOTPDeviceFactory


def former_member_of_a_now_in_b(personas):
    person = personas.lead_b
    MembershipFactory(
        user=person,
        organisation=personas.municipality_a,
        role=Role.MUNICIPAL_LEAD,
        valid_from=dt.date(2020, 1, 1),
        ended_at=timezone.now() - dt.timedelta(days=30),
    )
    return person


def test_admin_a_cannot_reset_second_factor_of_someone_working_for_b(personas, signed_in) -> None:
    person = former_member_of_a_now_in_b(personas)
    TOTPDeviceFactory(user=person)
    client = signed_in(personas.admin_a)
    response = client.post(f"/beheer/gebruikers/{person.pk}/tweede-factor/")
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user=person).exists()


def test_admin_a_cannot_unlock_someone_working_for_b(personas, signed_in) -> None:
    person = former_member_of_a_now_in_b(personas)
    response = signed_in(personas.admin_a).post(f"/beheer/gebruikers/{person.pk}/ontgrendelen/")
    assert response.status_code == 404


def test_admin_b_can_still_reset_their_own_colleague(personas, signed_in) -> None:
    person = former_member_of_a_now_in_b(personas)
    TOTPDeviceFactory(user=person)
    response = signed_in(personas.admin_b).post(f"/beheer/gebruikers/{person.pk}/tweede-factor/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
