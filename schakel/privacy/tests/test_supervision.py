"""Toezichtsinzage: the privacy officer sees a case's content only through a recorded reason,
for a limited time, logged, and the directing municipality sees it happened."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.services import Subject
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.models import SupervisionAccess
from schakel.privacy.tests.test_desk_support import (
    ANALYSIS,
    CONTENT,
    DECISION,
    DISCLOSURE,
    GOALS,
    NOTE,
    PERSON_SURNAME,
    PURPOSE,
    plant,
)

pytestmark = pytest.mark.django_db

START = reverse("privacy:desk_supervision")
REASON = "Klacht van betrokkene over de verstrekking door de politie; toetsing rechtmatigheid."


def case_page(access: SupervisionAccess) -> str:
    return reverse("privacy:desk_supervision_case", kwargs={"pk": access.pk})


def open_access(client, reference: str, reason: str = REASON):  # type: ignore[no-untyped-def]
    return client.post(START, {"reference": reference, "reason": reason})


def test_after_recording_a_reason_the_officer_reads_the_whole_case_and_it_is_logged(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)
    subject = Subject(SubjectType.PERSON, str(planted.case.subject_id))

    response = open_access(client, planted.case.reference.lower())

    access = SupervisionAccess.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case_page(access)
    assert access.case == planted.case
    assert access.officer == personas.privacy_officer_a
    assert access.organisation == personas.municipality_a
    assert access.reason == REASON
    assert access.valid_until - access.granted_at == timedelta(hours=4)
    granted = LogRecord.objects.get(name="supervision_access_granted")
    assert granted.activity_id == PrivacyActivity.SUPERVISION
    assert granted.data_subject_id == subject.pseudonym
    assert REASON not in str(granted.attributes)

    with django_assert_max_num_queries(30):
        page = client.get(case_page(access))

    body = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    for planted_text in (ANALYSIS, GOALS, DISCLOSURE, DECISION, PURPOSE, NOTE, REASON):
        assert planted_text in body, planted_text
    assert PERSON_SURNAME not in body  # the identity is not needed to supervise
    assert personas.police_member.full_name not in body
    client.get(case_page(access))
    reads = LogRecord.objects.filter(name="supervision_case_read")
    assert reads.count() == 2
    assert {r.data_subject_id for r in reads} == {subject.pseudonym}
    assert {r.activity_id for r in reads} == {PrivacyActivity.SUPERVISION}


def test_the_officer_may_pick_a_case_from_the_list(personas, signed_in) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)

    form = client.get(START).content.decode()
    response = client.post(START, {"case": str(planted.case.pk), "reason": REASON})

    assert planted.case.reference in form
    assert response.status_code == 302
    assert SupervisionAccess.objects.get().case == planted.case


def test_a_short_reason_or_no_case_is_refused_in_dutch_and_nothing_is_opened(
    personas, signed_in
) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)

    short = open_access(client, planted.case.reference, reason="Even kijken")
    nothing = client.post(START, {"reason": REASON})

    assert "minstens 20 tekens" in short.content.decode()
    assert "Vul de referentie van de casus in of kies een casus." in nothing.content.decode()
    assert "Er is nog niets opgeslagen" in short.content.decode()
    assert not SupervisionAccess.objects.exists()
    assert not LogRecord.objects.filter(name="supervision_access_granted").exists()


def test_a_case_outside_the_organisations_scope_is_not_found(personas, signed_in) -> None:
    planted = plant(personas)
    school_officer = MembershipFactory(organisation=personas.school, role=Role.PRIVACY_OFFICER).user
    municipality_b_officer = MembershipFactory(
        organisation=personas.municipality_b, role=Role.PRIVACY_OFFICER
    ).user

    for officer in (school_officer, municipality_b_officer):
        client = signed_in(officer)
        response = open_access(client, planted.case.reference)
        picked = client.post(START, {"case": str(planted.case.pk), "reason": REASON})
        assert "Geen casus met deze referentie gevonden" in response.content.decode()
        assert planted.case.reference not in client.get(START).content.decode()
        assert picked.status_code == 200
    assert not SupervisionAccess.objects.exists()
    # The police take part in the case: their officer may open it.
    assert (
        open_access(signed_in(personas.police_privacy_officer), planted.case.reference).status_code
        == 302
    )


def test_an_expired_access_is_404_and_a_new_reason_is_needed(personas, signed_in) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)
    open_access(client, planted.case.reference)
    access = SupervisionAccess.objects.get()

    with time_machine.travel(timezone.now() + timedelta(hours=4, minutes=1)):
        later = signed_in(personas.privacy_officer_a)
        assert later.get(case_page(access)).status_code == 404
        assert "Verlopen" in later.get(START).content.decode()
    assert LogRecord.objects.filter(name="supervision_case_read").count() == 0


def test_nobody_else_uses_an_officers_access(personas, signed_in) -> None:
    planted = plant(personas)
    open_access(signed_in(personas.privacy_officer_a), planted.case.reference)
    access = SupervisionAccess.objects.get()

    for persona in ("police_privacy_officer", "lead_a", "director", "admin_a", "superuser"):
        assert signed_in(getattr(personas, persona)).get(case_page(access)).status_code == 404
    unknown = reverse("privacy:desk_supervision_case", kwargs={"pk": uuid.uuid4()})
    assert signed_in(personas.privacy_officer_a).get(unknown).status_code == 404


def test_opening_needs_a_fresh_step_up(personas, signed_in) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)
    session = client.session
    session["step_up_at"] = (timezone.now() - timedelta(minutes=10)).isoformat()
    session.save()

    response = open_access(client, planted.case.reference)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not SupervisionAccess.objects.exists()


def test_the_directing_municipality_sees_the_access_on_the_case_and_others_do_not(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    planted = plant(personas)
    open_access(signed_in(personas.privacy_officer_a), planted.case.reference)
    detail = reverse("cases:case_detail", kwargs={"pk": planted.case.pk})
    officer = staff_display(personas.privacy_officer_a, personas.municipality_a)
    lead = signed_in(personas.lead_a)
    lead.get(detail)

    with django_assert_max_num_queries(40):
        page = lead.get(detail).content.decode()

    assert "Toezichtsinzagen" in page
    assert REASON in page
    assert officer in page
    assert personas.privacy_officer_a.full_name not in page
    for persona in ("police_member", "director"):
        other = signed_in(getattr(personas, persona)).get(detail).content.decode()
        assert "Toezichtsinzagen" not in other, persona
        assert REASON not in other, persona


def test_without_an_access_nothing_of_the_case_is_shown(personas, signed_in) -> None:
    plant(personas)
    page = signed_in(personas.privacy_officer_a).get(START).content.decode()

    for planted_text in CONTENT:
        assert planted_text not in page


def test_the_reason_is_not_labelled_optional(personas, signed_in) -> None:
    page = signed_in(personas.privacy_officer_a).get(START).content.decode()

    label = page.split('for="id_reason"', 1)[1].split("</label>", 1)[0]
    assert "Reden van de inzage" in label
    assert "niet verplicht" not in label  # it needs at least 20 characters
    assert 'aria-required="true"' in page.split('id="id_reason"', 1)[0].rsplit("<textarea", 1)[1]
