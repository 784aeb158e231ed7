"""Regression tests of the security review of issue 5 (privacy and accountability): scope.

Each test proves one fix: the access export is no way around supervision access; a supervision
access shows an organisation's officer what that organisation could see, no more, and only to
that officer within its term; and every object of the new pages and endpoints is a 404 for every
persona outside its scope.
"""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import LogRecord
from schakel.cases.choices import ParticipationKind
from schakel.cases.services import ParticipationInput, participation_add
from schakel.cases.tests.factories import invite, open_case
from schakel.intake.tests.factories import membership_of
from schakel.privacy.models import SupervisionAccess
from schakel.privacy.retention.holds import hold_place
from schakel.privacy.tests.request_factories import register_request
from schakel.privacy.tests.security_review_helpers import _hold
from schakel.privacy.tests.test_desk_support import ANALYSIS, DECISION, DISCLOSURE, NOTE, plant

pytestmark = pytest.mark.django_db


REASON = "Klacht van betrokkene over de verstrekking; toetsing van de rechtmatigheid."


# The access export is no way around supervision access ---------------------------------------


def test_the_privacy_officer_cannot_read_case_content_through_an_access_export(
    personas, signed_in, access_request
) -> None:
    """The officer handles the request, but the export holds the case's content: that is for
    the contact point's municipal lead; the officer's way to content is a supervision access."""
    page = reverse("privacy:request_export", args=[access_request.pk, "json"])
    api = reverse("v1:subject-request-access-export", args=[access_request.pk])
    officer = signed_in(personas.privacy_officer_a)

    assert officer.get(page).status_code == 404
    assert officer.get(api).status_code == 404
    detail = officer.get(reverse("privacy:request_detail", args=[access_request.pk]))
    assert detail.status_code == 200
    assert page not in detail.content.decode()
    assert not LogRecord.objects.filter(name="access_export").exists()

    lead = signed_in(personas.lead_a)
    exported = lead.get(page)
    assert exported.status_code == 200
    assert ANALYSIS in exported.content.decode()
    assert LogRecord.objects.filter(name="access_export").count() == 1


# Supervision shows what the officer's organisation could see -----------------------------------


def _supervise(client: Client, reference: str) -> str:
    response = client.post(
        reverse("privacy:desk_supervision"), {"reference": reference, "reason": REASON}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"]).content.decode()


def test_a_partners_officer_sees_under_supervision_only_what_the_partner_could_see(
    personas, signed_in
) -> None:
    planted = plant(personas)
    participation_add(
        membership=membership_of(personas.lead_a),
        case=planted.case,
        data=ParticipationInput(
            organisation=personas.ggz,
            kind=ParticipationKind.STRUCTURAL,
            starts_on=timezone.localdate(),
        ),
    )
    invite(personas, planted.item, personas.school)
    ggz_officer = MembershipFactory(organisation=personas.ggz, role=Role.PRIVACY_OFFICER).user
    school_officer = MembershipFactory(organisation=personas.school, role=Role.PRIVACY_OFFICER).user
    reference = planted.case.reference

    steering = _supervise(signed_in(personas.privacy_officer_a), reference)
    assert all(text in steering for text in (ANALYSIS, DECISION, DISCLOSURE, NOTE))
    # The police made the disclosure: its officer sees it.
    police = _supervise(signed_in(personas.police_privacy_officer), reference)
    assert DISCLOSURE in police
    assert ANALYSIS in police
    # A structural partner sees the case, but not a disclosure it neither made nor received.
    ggz = _supervise(signed_in(ggz_officer), reference)
    assert ANALYSIS in ggz
    assert DECISION in ggz
    assert DISCLOSURE not in ggz
    assert NOTE not in ggz
    # An incidental partner sees only the item it was invited to: no plan, no disclosure.
    school = _supervise(signed_in(school_officer), reference)
    assert DECISION in school
    assert ANALYSIS not in school
    assert DISCLOSURE not in school
    assert SupervisionAccess.objects.count() == 4


# Not found equals forbidden, per persona -------------------------------------------------------

OUTSIDERS = [
    "lead_b",
    "police_member",
    "police_privacy_officer",
    "admin_a",
    "outsider",
    "superuser",
    "director",
    "school_member",
]


@pytest.fixture
def objects(personas: Any) -> dict[str, Any]:
    case = open_case(personas)
    request = register_request(personas, case)
    hold = hold_place(
        membership=membership_of(personas.privacy_officer_a), data=_hold(case.reference)
    )
    access = SupervisionAccess.objects.create(
        case=case,
        officer=personas.privacy_officer_a,
        organisation=personas.municipality_a,
        reason=REASON,
        granted_at=timezone.now(),
        valid_until=timezone.now() + timedelta(hours=4),
    )
    own = request.contributions.get(organisation=personas.municipality_a)
    return {"request": request, "hold": hold, "access": access, "contribution": own}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_new_object_is_not_found_outside_its_scope(
    personas, signed_in, api_client, objects, persona
) -> None:
    user = getattr(personas, persona)
    request, hold = objects["request"], objects["hold"]
    pages = [
        reverse("privacy:request_detail", args=[request.pk]),
        reverse("privacy:request_withdraw", args=[request.pk]),
        reverse("privacy:request_export", args=[request.pk, "pdf"]),
        reverse("privacy:request_contribution", args=[objects["contribution"].pk]),
        reverse("privacy:retention_hold_detail", args=[hold.pk]),
        reverse("privacy:retention_hold_lift", args=[hold.pk]),
        reverse("privacy:desk_supervision_case", args=[objects["access"].pk]),
    ]
    endpoints = [
        reverse("v1:subject-request-detail", args=[request.pk]),
        reverse("v1:subject-request-contributions", args=[request.pk]),
        reverse("v1:subject-request-access-export", args=[request.pk]),
        reverse("v1:request-contribution-detail", args=[objects["contribution"].pk]),
        reverse("v1:legal-hold-detail", args=[hold.pk]),
    ]
    client = signed_in(user)
    for page in pages:
        assert client.get(page).status_code == 404, page
    token = api_client(user)
    for endpoint in endpoints:
        assert token.get(endpoint).status_code == 404, endpoint
    posts = [
        (reverse("privacy:request_decide", args=[request.pk]), {"decision": "refused"}),
        (reverse("privacy:retention_hold_lift", args=[hold.pk]), {}),
        (reverse("v1:legal-hold-lift", args=[hold.pk]), {}),
        (reverse("v1:subject-request-withdrawal", args=[request.pk]), {}),
    ]
    for path, data in posts:
        assert client.post(path, data).status_code == 404, path
    request.refresh_from_db()
    hold.refresh_from_db()
    assert request.status != "withdrawn"
    assert request.decision == ""
    assert hold.lifted_at is None
    assert not LogRecord.objects.filter(
        name__in=["request_read", "request_contributions_read", "legal_hold_read"]
    ).exists()


def test_another_officer_cannot_use_a_supervision_access_and_expiry_is_enforced(
    personas, signed_in, objects
) -> None:
    access = objects["access"]
    page = reverse("privacy:desk_supervision_case", args=[access.pk])
    colleague = MembershipFactory(
        organisation=personas.municipality_a, role=Role.PRIVACY_OFFICER
    ).user
    assert signed_in(colleague).get(page).status_code == 404
    assert signed_in(personas.privacy_officer_a).get(page).status_code == 200
    with time_machine.travel(access.valid_until + timedelta(seconds=1)):
        assert signed_in(personas.privacy_officer_a).get(page).status_code == 404
