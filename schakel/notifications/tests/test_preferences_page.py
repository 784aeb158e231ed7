"""The preferences page, per persona: each person sees and changes only their own preference;
the form needs its CSRF token and answers in Dutch; signed out, it sends to sign-in."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import sign_in
from schakel.notifications.choices import Frequency
from schakel.notifications.models import NotificationPreference

pytestmark = pytest.mark.django_db

URL = reverse("notifications:preferences")
CHECKED_DIGEST = (
    '<input type="radio" name="frequency" value="digest" id="id_frequency_0" required checked>'
)
PERSONAS = ("lead_a", "director", "ggz_member", "police_member", "privacy_officer_a", "admin_a")


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_and_sets_only_their_own_preference(personas, signed_in, persona) -> None:
    user = getattr(personas, persona)
    other = personas.colleague_a
    NotificationPreference.objects.create(user=other, frequency=Frequency.NONE, digest_hour=6)
    client = signed_in(user)
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert user.email in text
    assert other.email not in text
    response = client.post(URL, {"frequency": Frequency.DIRECT, "digest_hour": "17"})
    assert response.status_code == 302
    assert response["Location"] == URL
    mine = NotificationPreference.objects.get(user=user)
    assert (mine.frequency, mine.digest_hour) == (Frequency.DIRECT, 17)
    theirs = NotificationPreference.objects.get(user=other)
    assert (theirs.frequency, theirs.digest_hour) == (Frequency.NONE, 6)
    assert "Uw voorkeur voor e-mail is opgeslagen." in client.get(URL).content.decode()


def test_the_default_is_the_daily_digest_at_eight(personas, signed_in) -> None:
    text = signed_in(personas.lead_a).get(URL).content.decode()
    assert CHECKED_DIGEST in text
    assert '<option value="8" selected>08:00</option>' in text


def test_invalid_choices_are_refused_in_dutch(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    response = client.post(URL, {"frequency": "sms", "digest_hour": "25"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kies een van de getoonde mogelijkheden." in text
    assert "Kies een uur van 00:00 tot en met 23:00." in text
    assert not NotificationPreference.objects.filter(user=personas.lead_a).exists()
    empty = client.post(URL, {}).content.decode()
    assert "Kies hoe u e-mail over uw werk wilt krijgen." in empty
    assert "Kies het uur waarop het dagoverzicht komt." in empty
    # The summary links to the first radio button (a group has no single id); never to "#".
    assert 'href="#id_frequency_0"' in empty
    assert 'href="#"' not in empty
    assert "<title>Fout: Berichten per e-mail" in empty


def test_a_post_without_csrf_token_is_refused(personas) -> None:
    client = sign_in(Client(enforce_csrf_checks=True), personas.lead_a)
    response = client.post(URL, {"frequency": Frequency.NONE, "digest_hour": "8"})
    assert response.status_code == 403
    assert not NotificationPreference.objects.filter(user=personas.lead_a).exists()


def test_signed_out_the_page_sends_to_sign_in(db) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
