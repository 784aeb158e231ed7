"""The sign-in flow: password, then TOTP (enrolment or verification), lockout and step-up."""

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.tests.factories import TEST_PASSWORD, TOTPDeviceFactory
from schakel.audit.models import LogRecord

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice, at: float | None = None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at if at is not None else timezone.now().timestamp()
    return f"{totp.token():06d}"


def password_step(client: Client, email: str, password: str = TEST_PASSWORD, next_url: str = ""):
    url = "/inloggen/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"email": email, "password": password})


def test_wrong_password_shows_generic_dutch_error(personas) -> None:
    response = password_step(Client(), personas.lead_a.email, "wrong-password-123")
    assert response.status_code == 200
    assert "Het e-mailadres of wachtwoord is onjuist." in response.content.decode()


def test_user_without_device_must_enrol_before_seeing_any_page(personas) -> None:
    client = Client()
    response = password_step(client, personas.lead_a.email)
    assert response["Location"] == "/mfa/instellen/"
    assert client.get("/")["Location"] == "/mfa/instellen/"
    assert client.get("/partners/")["Location"] == "/mfa/instellen/"
    page = client.get("/mfa/instellen/").content.decode()
    assert "<svg" in page
    assert 'data-testid="totp-secret"' in page


def test_enrolment_with_valid_code_signs_in_and_shows_ten_recovery_codes(personas) -> None:
    client = Client()
    password_step(client, personas.lead_a.email)
    client.get("/mfa/instellen/")
    device = TOTPDevice.objects.get(user=personas.lead_a, confirmed=False)
    response = client.post("/mfa/instellen/", {"otp_token": current_code(device)})
    assert response.status_code == 200
    assert response.content.decode().count("<li><code>") == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200
    assert LogRecord.objects.filter(name="account.mfa_enrolled").count() == 1
    assert LogRecord.objects.filter(name="account.sign_in").count() == 1


def test_existing_device_is_verified_at_each_sign_in_and_session_id_rotates(personas) -> None:
    device = TOTPDeviceFactory(user=personas.lead_a)
    client = Client()
    client.get("/inloggen/")
    password_step(client, personas.lead_a.email)
    after_password = client.cookies["schakel_session"].value
    response = client.post("/mfa/controle/", {"otp_token": current_code(device)})
    assert response.status_code == 302
    after_mfa = client.cookies["schakel_session"].value
    assert after_password != after_mfa
    assert client.get("/").status_code == 200


def test_next_url_is_kept_through_mfa_but_foreign_hosts_are_refused(personas) -> None:
    device = TOTPDeviceFactory(user=personas.lead_a)
    client = Client()
    password_step(client, personas.lead_a.email, next_url="https://evil.example/")
    response = client.post("/mfa/controle/", {"otp_token": current_code(device)})
    assert response["Location"] == "/"


def test_recovery_code_works_once(personas) -> None:
    client = Client()
    password_step(client, personas.lead_a.email)
    client.get("/mfa/instellen/")
    device = TOTPDevice.objects.get(user=personas.lead_a)
    client.post("/mfa/instellen/", {"otp_token": current_code(device)})
    code = StaticToken.objects.filter(device__user=personas.lead_a).first().token
    for expected in (302, 200):
        other = Client()
        password_step(other, personas.lead_a.email)
        response = other.post("/mfa/controle/", {"otp_token": code})
        assert response.status_code == expected


def test_five_wrong_codes_lock_the_account_with_a_dutch_message(personas) -> None:
    TOTPDeviceFactory(user=personas.lead_a)
    client = Client()
    password_step(client, personas.lead_a.email)
    responses = [client.post("/mfa/controle/", {"otp_token": "000000"}) for _ in range(5)]
    assert responses[-1].status_code == 403
    assert "Uw account is tijdelijk geblokkeerd" in responses[-1].content.decode()
    again = password_step(Client(), personas.lead_a.email)
    assert again.status_code == 403
    assert "Uw account is tijdelijk geblokkeerd" in again.content.decode()


def test_password_success_does_not_reset_second_factor_failures(personas) -> None:
    TOTPDeviceFactory(user=personas.lead_a)
    for _ in range(5):
        client = Client()
        password_step(client, personas.lead_a.email)
        last = client.post("/mfa/controle/", {"otp_token": "000000"})
    assert last.status_code == 403


def test_functional_unlock_clears_the_lockout(personas) -> None:
    from schakel.accounts.services import user_unlock

    for _ in range(5):
        password_step(Client(), personas.lead_a.email, "wrong-password-123")
    assert password_step(Client(), personas.lead_a.email).status_code == 403
    user_unlock(by=personas.admin_a, user=personas.lead_a)
    assert password_step(Client(), personas.lead_a.email).status_code == 302


def test_idle_timeout_ends_the_session(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16), tick=False):
        response = client.get("/")
    assert response["Location"] == "/inloggen/"
    assert client.get("/")["Location"].startswith("/inloggen/")


def test_activity_keeps_session_alive_until_absolute_timeout(personas, signed_in) -> None:
    start = timezone.now()
    client = signed_in(personas.lead_a)
    for minutes in range(10, 600, 10):
        with time_machine.travel(start + dt.timedelta(minutes=minutes), tick=False):
            assert client.get("/").status_code == 200
    with time_machine.travel(start + dt.timedelta(hours=10, minutes=1), tick=False):
        assert client.get("/")["Location"] == "/inloggen/"


def test_logout_invalidates_the_session_on_the_server(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    key = client.cookies["schakel_session"].value
    client.post("/uitloggen/")
    assert not Session.objects.filter(session_key=key).exists()
    replay = Client()
    replay.cookies["schakel_session"] = key
    assert replay.get("/")["Location"].startswith("/inloggen/")


def test_logout_needs_post(personas, signed_in) -> None:
    assert signed_in(personas.lead_a).get("/uitloggen/").status_code == 405


def test_step_up_needs_password_and_code_within_five_minutes(personas, signed_in) -> None:
    from schakel.accounts.stepup import step_up_is_fresh

    client = signed_in(personas.lead_a)
    device = TOTPDevice.objects.get(user=personas.lead_a)
    later = timezone.now() + dt.timedelta(minutes=6)
    with time_machine.travel(later, tick=False):
        request = client.get("/").wsgi_request
        assert not step_up_is_fresh(request)
        wrong = client.post(
            "/herbevestigen/", {"password": "not-the-password", "otp_token": current_code(device)}
        )
        assert wrong.status_code == 200
        ok = client.post(
            "/herbevestigen/?next=/partners/",
            {"password": TEST_PASSWORD, "otp_token": current_code(device, later.timestamp())},
        )
        assert ok["Location"] == "/partners/"
        assert step_up_is_fresh(client.get("/").wsgi_request)


def test_switching_acting_membership_only_to_own_memberships(personas, signed_in) -> None:
    from schakel.accounts.choices import Role
    from schakel.accounts.tests.factories import MembershipFactory

    second = MembershipFactory(
        user=personas.lead_a, organisation=personas.zvh, role=Role.PROCESS_DIRECTOR
    )
    client = signed_in(personas.lead_a)
    client.post("/rol-wisselen/", {"membership": str(second.pk)})
    assert client.get("/").wsgi_request.acting_membership == second
    foreign = personas.lead_b.memberships.get()
    client.post("/rol-wisselen/", {"membership": str(foreign.pk)})
    assert client.get("/").wsgi_request.acting_membership == second
