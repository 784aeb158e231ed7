"""A subject request sent twice (a double click, a replayed POST) is registered once."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases.tests.factories import open_case
from schakel.privacy.models import SubjectRequest
from schakel.privacy.tests.request_factories import IDENTITY_NOTE

pytestmark = pytest.mark.django_db


def test_a_request_sent_twice_is_registered_once(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.lead_a)
    form_url = reverse("privacy:request_register") + f"?case={case.pk}"
    token = re.search(r'name="_formulier" value="([^"]+)"', client.get(form_url).content.decode())
    assert token is not None
    data = {
        "kind": "access",
        "received_on": timezone.localdate().isoformat(),
        "description": "De persoon wil weten welke gegevens over hem zijn vastgelegd.",
        "identity_verified_on": timezone.localdate().isoformat(),
        "identity_verification_note": IDENTITY_NOTE,
        "_formulier": token.group(1),
    }

    first = client.post(form_url, data)
    second = client.post(form_url, data)

    request = SubjectRequest.objects.get()
    assert first.status_code == second.status_code == 302
    assert (
        second["Location"]
        == first["Location"]
        == reverse("privacy:request_detail", kwargs={"pk": request.pk})
    )
