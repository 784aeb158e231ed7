"""The privacy demo: an access request with contributions and a legal hold, made through the
services, once, and visible to the demo accounts that handle them."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import sign_in
from schakel.accounts import demo as accounts_demo
from schakel.accounts.models import User
from schakel.cases.demo import seed_cases_demo
from schakel.intake import demo as intake_demo
from schakel.legal.choices import RetentionKind
from schakel.privacy.choices import ContributionStatus
from schakel.privacy.demo import seed_privacy_demo
from schakel.privacy.models import LegalHold, SubjectRequest

pytestmark = pytest.mark.django_db


def test_the_privacy_demo_is_made_once_and_shows_to_its_handlers(settings) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    accounts_demo.seed()
    intake_demo.seed()
    seed_cases_demo()
    assert seed_privacy_demo() is True
    assert seed_privacy_demo() is False
    request = SubjectRequest.objects.get()
    assert request.contact_point.name == "Gemeente Aldermeer"
    assert request.contributions.count() >= 3
    assert request.contributions.filter(status=ContributionStatus.ANSWERED).count() == 1
    assert LegalHold.objects.get().kind == RetentionKind.PROCESSING_LOG

    lead = sign_in(Client(), User.objects.get(email="regievoerder@aldermeer.example"))
    page = lead.get(reverse("privacy:request_list"))
    assert request.reference in page.content.decode()
    officer = sign_in(Client(), User.objects.get(email="privacy@aldermeer.example"))
    holds = officer.get(reverse("privacy:retention_holds"))
    assert LegalHold.objects.get().reference in holds.content.decode()
