"""The demo of staff safety: made through the services, idempotent, and visible to the demo
safety officer; and the pages in English."""

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import sign_in
from schakel.accounts import demo as accounts_demo
from schakel.accounts.models import User
from schakel.staff_safety.demo import seed_staff_safety_demo
from schakel.staff_safety.models import Incident, SafetyOfficer, SafetyProtocol

pytestmark = pytest.mark.django_db


def test_the_demo_is_made_once_and_shows(settings, client) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    accounts_demo.seed()
    assert seed_staff_safety_demo()
    assert not seed_staff_safety_demo()
    counts = (Incident.objects.count(), SafetyOfficer.objects.count())
    assert counts == (1, 1)
    protocol = SafetyProtocol.objects.get()
    assert protocol.organisation.name == "Gemeente Aldermeer"
    officer = User.objects.get(email="privacy@aldermeer.example")
    content = sign_in(client, officer).get(reverse("staff_safety:overview")).content.decode()
    assert Incident.objects.get().reference in content
    assert "Doxing" in content


def test_the_menu_and_pages_speak_english() -> None:
    with translation.override("en"):
        assert translation.gettext("Veiligheid medewerkers") == "Staff safety"
        assert translation.gettext("Mijn meldingen") == "My reports"
        assert translation.gettext("niet getoond") == "not shown"
