"""``GET/PUT /api/v1/notification-preferences``: one's own preference only, the defaults
without one, Dutch validation problems, no trailing slash, documented."""

import pytest
from django.test import Client

from schakel.notifications.choices import Frequency
from schakel.notifications.models import NotificationPreference

pytestmark = pytest.mark.django_db

URL = "/api/v1/notification-preferences"


def test_the_defaults_then_one_s_own_change_only(personas, api_client) -> None:
    NotificationPreference.objects.create(
        user=personas.colleague_a, frequency=Frequency.NONE, digest_hour=6
    )
    client = api_client(personas.lead_a)
    assert client.get(URL).json() == {"frequency": "digest", "digest_hour": 8}
    body = {"frequency": "direct", "digest_hour": 17}
    response = client.put(URL, body, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == body
    assert client.get(URL).json() == body
    theirs = NotificationPreference.objects.get(user=personas.colleague_a)
    assert (theirs.frequency, theirs.digest_hour) == (Frequency.NONE, 6)
    assert api_client(personas.colleague_a).get(URL).json() == {
        "frequency": "none",
        "digest_hour": 6,
    }


@pytest.mark.parametrize("persona", ["admin_a", "superuser", "ggz_member"])
def test_every_signed_in_user_has_a_preference(personas, api_client, persona) -> None:
    assert api_client(getattr(personas, persona)).get(URL).status_code == 200


def test_invalid_input_is_a_dutch_validation_problem(personas, api_client) -> None:
    client = api_client(personas.lead_a)
    response = client.put(
        URL, {"frequency": "sms", "digest_hour": 24}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    text = response.content.decode()
    assert "Kies direct, digest of none." in text
    assert "Kies een uur van 0 tot en met 23." in text
    missing = client.put(URL, {}, content_type="application/json").content.decode()
    assert "Kies hoe u e-mail over uw werk wilt krijgen." in missing
    assert not NotificationPreference.objects.filter(user=personas.lead_a).exists()


def test_without_credentials_401_and_with_a_slash_404(personas, api_client) -> None:
    assert Client().get(URL).status_code == 401
    assert api_client(personas.lead_a).get(URL + "/").status_code == 404


def test_the_endpoint_is_documented(db) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    operations = document["paths"]["/notification-preferences"]
    assert set(operations) >= {"get", "put"}
    assert "400" in operations["put"]["responses"]
