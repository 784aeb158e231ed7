"""Personal access tokens in the UI: own tokens only, step-up to create, shown once, revocable."""

import datetime as dt
import hashlib
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from schakel.accounts.models import PersonalAccessToken
from schakel.accounts.services import access_token_revoke
from schakel.audit.models import LogRecord

LIST = "/api-tokens/"
CREATE = "/api-tokens/nieuw/"
TOKEN_PATTERN = re.compile(r"schakel_pat_[0-9a-f]{8}_[A-Za-z0-9_-]{43}")


def revoke_url(token: PersonalAccessToken) -> str:
    return f"/api-tokens/{token.pk}/intrekken/"


def create(client: Client, name: str = "Zaaksysteem", days: int | str = 30) -> str:
    response = client.post(CREATE, {"name": name, "days": days})
    assert response.status_code == 200
    match = TOKEN_PATTERN.search(response.content.decode())
    assert match, "the plain token is shown on the result page"
    return match.group(0)


def test_token_created_after_step_up_works_for_the_api(personas, signed_in) -> None:
    raw = create(signed_in(personas.lead_a))

    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 200
    assert response.json()["email"] == personas.lead_a.email


def test_result_page_warns_it_is_shown_once_and_is_not_stored(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).post(CREATE, {"name": "Koppeling", "days": 90})

    content = response.content.decode()
    assert "nooit meer" in content
    assert response["Cache-Control"] == "no-store"


def test_only_the_hash_of_the_token_is_stored(personas, signed_in) -> None:
    raw = create(signed_in(personas.lead_a))

    token = PersonalAccessToken.objects.get(user=personas.lead_a)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    stored = [str(v) for v in PersonalAccessToken.objects.values_list().get()]
    assert not any(raw in value or value in raw for value in stored if len(value) > 20)
    assert not any(raw in str(s.get_decoded()) for s in Session.objects.all())
    assert not LogRecord.objects.filter(attributes__icontains=raw[12:]).exists()


def test_creation_uses_the_chosen_validity(personas, signed_in) -> None:
    before = timezone.now()
    create(signed_in(personas.lead_a), days=30)

    token = PersonalAccessToken.objects.get(user=personas.lead_a)
    assert before + dt.timedelta(days=30) <= token.expires_at
    assert token.expires_at <= timezone.now() + dt.timedelta(days=30)


def test_form_offers_90_days_by_default(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).get(CREATE)

    assert response.status_code == 200
    assert 'value="90"' in response.content.decode()


@pytest.mark.parametrize("days", [0, 366, -5, "veel", ""])
def test_validity_outside_one_year_is_refused_with_a_dutch_message(
    personas, signed_in, days: int | str
) -> None:
    response = signed_in(personas.lead_a).post(CREATE, {"name": "Te lang", "days": days})

    assert response.status_code == 200
    assert "1 tot en met 365 dagen" in response.content.decode()
    assert not PersonalAccessToken.objects.exists()


def test_name_is_required(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).post(CREATE, {"name": "", "days": 90})

    assert "Geef het token een naam." in response.content.decode()
    assert not PersonalAccessToken.objects.exists()


def test_creation_without_fresh_step_up_redirects_to_step_up(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=6), tick=False):
        response = client.post(CREATE, {"name": "Zaaksysteem", "days": 90})

    assert response.status_code == 302
    assert response["Location"].startswith("/herbevestigen/")
    assert not PersonalAccessToken.objects.exists()


def test_creation_and_revocation_are_logged(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    create(client)
    token = PersonalAccessToken.objects.get(user=personas.lead_a)

    client.post(revoke_url(token))

    token.refresh_from_db()
    assert token.revoked_at is not None
    names = list(LogRecord.objects.filter(name__startswith="account.token").values_list("name"))
    assert names == [("account.token.create",), ("account.token.revoke",)]


def test_revoked_token_no_longer_works(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    raw = create(client)
    client.post(revoke_url(PersonalAccessToken.objects.get(user=personas.lead_a)))

    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 401


def test_revoke_asks_for_confirmation_first(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    create(client)
    token = PersonalAccessToken.objects.get(user=personas.lead_a)

    response = client.get(revoke_url(token))

    assert response.status_code == 200
    assert "Ja, trek het token in" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None


def test_list_shows_own_tokens_with_status(personas, signed_in, token_for) -> None:
    token_for(personas.lead_a, name="Eigen koppeling")
    token_for(personas.colleague_a, name="Koppeling van collega")

    response = signed_in(personas.lead_a).get(LIST)

    content = response.content.decode()
    assert "Eigen koppeling" in content
    assert "Actief" in content
    assert "Koppeling van collega" not in content


def test_list_shows_expired_and_revoked_tokens_as_such(personas, signed_in, token_for) -> None:
    token_for(personas.lead_a, name="Kort", days=1)
    token_for(personas.lead_a, name="Ingetrokken koppeling", days=90)
    revoked = PersonalAccessToken.objects.get(name="Ingetrokken koppeling")
    access_token_revoke(user=personas.lead_a, token=revoked)

    with time_machine.travel(timezone.now() + dt.timedelta(days=2), tick=False):
        content = signed_in(personas.lead_a).get(LIST).content.decode()

    assert "Verlopen" in content
    assert "Ingetrokken" in content
    assert revoke_url(revoked) not in content  # nothing left to revoke


def test_another_users_token_page_is_not_found(personas, signed_in, token_for) -> None:
    token_for(personas.colleague_a)
    token = PersonalAccessToken.objects.get(user=personas.colleague_a)
    client = signed_in(personas.lead_a)

    assert client.get(revoke_url(token)).status_code == 404
    assert client.post(revoke_url(token)).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_outsider_gets_404_for_a_token_of_municipality_a(personas, signed_in, token_for) -> None:
    token_for(personas.lead_a)
    token = PersonalAccessToken.objects.get(user=personas.lead_a)

    assert signed_in(personas.outsider).get(revoke_url(token)).status_code == 404


def test_token_pages_require_sign_in(personas) -> None:
    response = Client().get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_list_query_count_does_not_grow_with_tokens(
    personas, signed_in, token_for, django_assert_max_num_queries
) -> None:
    for index in range(15):
        token_for(personas.lead_a, name=f"Token {index}")
    client = signed_in(personas.lead_a)

    with django_assert_max_num_queries(10):
        response = client.get(LIST)

    assert response.content.decode().count("Token ") >= 15
