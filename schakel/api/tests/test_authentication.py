import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from schakel.accounts.choices import Role
from schakel.accounts.models import PersonalAccessToken
from schakel.accounts.services import access_token_revoke
from schakel.accounts.tests.factories import MembershipFactory
from schakel.api import views
from schakel.api.tests.helpers import create
from schakel.audit.models import LogRecord
from schakel.core import context

ME = "/api/v1/me"


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def assert_unauthenticated(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["type"] == "urn:schakel:problem:not-authenticated"


def test_token_authenticates_me_with_the_users_memberships(personas, token_for) -> None:
    raw = token_for(personas.lead_a)

    response = Client().get(ME, headers=bearer(raw))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(personas.lead_a.pk)
    assert body["email"] == personas.lead_a.email
    assert [m["organisation"]["name"] for m in body["memberships"]] == ["Gemeente Aldermeer"]
    assert body["acting_membership"]["role"] == Role.MUNICIPAL_LEAD
    assert body["acting_membership"]["organisation"]["kind"] == "municipality"


def test_token_use_is_logged_and_recorded_on_the_token(personas, token_for) -> None:
    raw = token_for(personas.lead_a)

    Client().get(ME, headers=bearer(raw))

    token = PersonalAccessToken.objects.get(user=personas.lead_a)
    assert token.last_used_at is not None
    record = LogRecord.objects.get(name="account.token.use")
    assert record.actor_user_id == str(personas.lead_a.pk)
    assert record.attributes == {"token": token.prefix}


def test_traceparent_is_honoured_logged_and_returned(personas, token_for) -> None:
    raw = token_for(personas.lead_a)
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    incoming = f"00-{trace_id}-00f067aa0ba902b7-01"

    response = Client().get(ME, headers={**bearer(raw), "traceparent": incoming})

    assert response["traceparent"].startswith(f"00-{trace_id}-")
    assert LogRecord.objects.get(name="account.token.use").trace_id == trace_id


def test_revoked_token_gets_401(personas, token_for) -> None:
    raw = token_for(personas.lead_a)
    token = PersonalAccessToken.objects.get(user=personas.lead_a)
    access_token_revoke(user=personas.lead_a, token=token)

    assert_unauthenticated(Client().get(ME, headers=bearer(raw)))


def test_expired_token_gets_401(personas, token_for) -> None:
    raw = token_for(personas.lead_a, days=1)
    assert Client().get(ME, headers=bearer(raw)).status_code == 200

    with time_machine.travel(timezone.now() + dt.timedelta(days=1, minutes=1), tick=False):
        assert_unauthenticated(Client().get(ME, headers=bearer(raw)))


def test_token_of_deactivated_user_gets_401(personas, token_for) -> None:
    raw = token_for(personas.lead_a)
    personas.lead_a.is_active = False
    personas.lead_a.save()

    assert_unauthenticated(Client().get(ME, headers=bearer(raw)))


@pytest.mark.parametrize(
    "header",
    [
        "Bearer schakel_pat_deadbeef_unknown",
        "Bearer not-a-schakel-token",
        "Bearer two parts",
        "Bearer",
    ],
)
def test_bad_bearer_header_gets_401(db, header: str) -> None:
    assert_unauthenticated(Client().get(ME, headers={"Authorization": header}))


def test_no_credentials_gets_401_with_bearer_challenge(db) -> None:
    assert_unauthenticated(Client().get(ME))


def test_session_without_mfa_gets_401(personas) -> None:
    client = Client()
    client.force_login(personas.lead_a)  # password only: the second factor is missing

    assert_unauthenticated(client.get(ME))


def test_session_with_mfa_is_accepted(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).get(ME)

    assert response.status_code == 200
    assert response.json()["id"] == str(personas.lead_a.pk)


def test_session_change_without_csrf_token_is_refused(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    client.handler.enforce_csrf_checks = True

    response = client.post(ME, data={}, content_type="application/json")

    assert response.status_code == 403
    assert response.json()["type"] == "urn:schakel:problem:csrf-failed"


def test_expired_session_is_not_accepted(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16), tick=False):
        assert_unauthenticated(client.get(ME))


def test_membership_header_chooses_the_acting_membership(personas, token_for) -> None:
    second = create(
        MembershipFactory,
        user=personas.lead_a,
        organisation=personas.zvh,
        role=Role.PROCESS_DIRECTOR,
    )
    raw = token_for(personas.lead_a)

    default = Client().get(ME, headers=bearer(raw)).json()
    chosen = Client().get(ME, headers={**bearer(raw), "X-Schakel-Membership": str(second.pk)})

    assert default["acting_membership"]["organisation"]["name"] == "Gemeente Aldermeer"
    assert len(default["memberships"]) == 2
    assert chosen.json()["acting_membership"]["id"] == str(second.pk)


@pytest.mark.parametrize("value", ["not-a-uuid", "other-users-membership", "ended"])
def test_membership_header_outside_own_active_memberships_gets_400(
    personas, token_for, value: str
) -> None:
    other = personas.lead_b.memberships.get()
    ended = create(
        MembershipFactory, user=personas.lead_a, organisation=personas.zvh, ended_at=timezone.now()
    )
    header = {"other-users-membership": str(other.pk), "ended": str(ended.pk)}.get(value, value)
    raw = token_for(personas.lead_a)

    response = Client().get(ME, headers={**bearer(raw), "X-Schakel-Membership": header})

    assert response.status_code == 400
    assert response.json()["type"] == "urn:schakel:problem:invalid-membership"


def test_acting_membership_of_a_session_follows_the_users_switch(personas, signed_in) -> None:
    second = create(
        MembershipFactory,
        user=personas.lead_a,
        organisation=personas.zvh,
        role=Role.PROCESS_DIRECTOR,
    )
    client = signed_in(personas.lead_a)
    session = client.session
    session["acting_membership_id"] = str(second.pk)
    session.save()

    assert client.get(ME).json()["acting_membership"]["id"] == str(second.pk)


def test_token_request_carries_the_acting_membership_into_the_log_context(
    personas, token_for, monkeypatch
) -> None:
    """Later services log through the request context: it holds the token's membership."""
    raw = token_for(personas.police_member)
    seen: list[context.RequestContext] = []
    original = views.MeView.get

    def spy(self, request, *args, **kwargs):
        seen.append(context.current())
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(views.MeView, "get", spy)
    Client().get(ME, headers=bearer(raw))

    assert seen[0].organisation_id == str(personas.police.pk)
    assert seen[0].role == Role.PARTNER_MEMBER


def test_mfa_session_marker_alone_is_not_a_token(personas) -> None:
    """A device id in the session without a login is no authentication."""
    client = Client()
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = "otp_totp.totpdevice/1"
    session.save()

    assert_unauthenticated(client.get(ME))
