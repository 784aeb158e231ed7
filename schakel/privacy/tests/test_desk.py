"""The privacy officer's desk: only a membership acting as privacy officer reaches it, it is
scoped to the officer's organisation, and it never shows the content of a case."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.services import Subject
from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.tests.factories import invite, on_agenda, open_case
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.tests.test_desk_support import (
    CONTENT,
    NOTE,
    PERSON_SURNAME,
    PURPOSE,
    plant,
)

pytestmark = pytest.mark.django_db

DESK = reverse("privacy:desk")
DISCLOSURES = reverse("privacy:desk_disclosures")
DISCLOSURE_LIST = reverse("privacy:desk_disclosure_list")
INCIDENTAL = reverse("privacy:desk_incidental")
SIGN_INS = reverse("privacy:desk_sign_ins")
SUPERVISION = reverse("privacy:desk_supervision")
DESK_PAGES = (DESK, DISCLOSURES, DISCLOSURE_LIST, INCIDENTAL, SIGN_INS, SUPERVISION)


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return str(response.content.decode())


@pytest.mark.parametrize(
    "persona",
    ["lead_a", "colleague_a", "admin_a", "police_member", "director", "outsider", "superuser"],
)
def test_everyone_but_a_privacy_officer_gets_404_on_the_desk(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))
    case_page = reverse("privacy:desk_supervision_case", kwargs={"pk": uuid.uuid4()})

    for page in (*DESK_PAGES, case_page):
        assert client.get(page).status_code == 404, page
    assert client.post(SUPERVISION, {"reference": "CAS-2026-9999"}).status_code == 404


def test_the_privacy_officer_sees_every_panel_and_no_case_content(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    plant(personas)
    client = signed_in(personas.privacy_officer_a)
    client.get(DESK)

    with django_assert_max_num_queries(40):
        page = text(client.get(DESK))

    for panel in (
        "Logboek dataverwerkingen",
        "Controleer nu",
        "Verstrekkingen",
        "Incidentele deelnames na het overleg",
        "Verzoeken van betrokkenen",
        "Bewaren en vernietigen",
        "Aanmeldingen en bevoorrechte rechten",
        "Jaarlijkse toegangsreview",
        "Toezichtsinzage",
    ):
        assert panel in page, panel
    assert "1 verstrekking door of aan uw organisatie" in page
    for linked in (
        "audit:integrity",
        "audit:log_search",
        "audit:log_export",
        "privacy:request_list",
        "privacy:retention_upcoming",
        "privacy:retention_holds",
    ):
        assert reverse(linked) in page, linked
    for planted_text in (*CONTENT, PURPOSE, NOTE, PERSON_SURNAME):
        assert planted_text not in page


def test_no_desk_page_shows_the_content_of_a_case(personas, signed_in) -> None:
    plant(personas)
    client = signed_in(personas.privacy_officer_a)

    for page in DESK_PAGES:
        body = text(client.get(page))
        for planted_text in (*CONTENT, PERSON_SURNAME):
            assert planted_text not in body, (page, planted_text)


def test_the_privacy_officer_still_gets_404_on_the_case_pages(personas, signed_in) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)

    assert (
        client.get(reverse("cases:case_detail", kwargs={"pk": planted.case.pk})).status_code == 404
    )
    assert (
        client.get(reverse("cases:item_detail", kwargs={"pk": planted.item.pk})).status_code == 404
    )


# Disclosures -----------------------------------------------------------------------------------


def director_discloses_to_aldermeer(personas, item) -> None:  # type: ignore[no-untyped-def]
    disclosure_record(
        membership=membership_of(personas.director),
        item=item,
        data=DisclosureInput(
            content="Inhoud van het Zorg- en Veiligheidshuis.",
            categories=[DataCategory.ORDINARY],
            legal_basis=LegalBasis.objects.get(code="besluit-pga"),
            purpose="Doel van het ZVH.",
            necessity_note="Afweging van het ZVH.",
            recipients=[personas.municipality_a],
        ),
    )


def test_disclosures_are_counted_per_basis_and_organisation_for_the_officers_organisation(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    planted = plant(personas)
    director_discloses_to_aldermeer(personas, planted.item)
    client = signed_in(personas.privacy_officer_a)
    client.get(DISCLOSURES)

    with django_assert_max_num_queries(25):
        page = text(client.get(DISCLOSURES))

    wet_pga = LegalBasis.objects.get(code="wet-pga")
    besluit = LegalBasis.objects.get(code="besluit-pga")
    assert wet_pga.name in page
    assert besluit.name in page
    assert personas.police.name in page
    assert personas.zvh.name in page
    assert f"grondslag={wet_pga.pk}" in page
    assert f"organisatie={personas.police.pk}" in page


def test_the_police_officer_sees_only_what_the_police_disclosed_or_received(
    personas, signed_in
) -> None:
    planted = plant(personas)
    director_discloses_to_aldermeer(personas, planted.item)
    client = signed_in(personas.police_privacy_officer)

    summary = text(client.get(DISCLOSURES))
    rows = text(client.get(DISCLOSURE_LIST))

    assert LegalBasis.objects.get(code="wet-pga").name in summary
    assert LegalBasis.objects.get(code="besluit-pga").name not in summary
    assert PURPOSE in rows
    assert "Doel van het ZVH." not in rows


def test_the_drill_down_shows_the_notes_but_not_the_content_and_logs_the_read(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    planted = plant(personas)
    client = signed_in(personas.privacy_officer_a)
    basis = LegalBasis.objects.get(code="wet-pga")
    url = f"{DISCLOSURE_LIST}?grondslag={basis.pk}"
    client.get(url)
    before = LogRecord.objects.filter(name="desk_disclosure_notes_read").count()

    with django_assert_max_num_queries(25):
        page = text(client.get(url))

    assert PURPOSE in page
    assert NOTE in page
    assert planted.case.reference in page
    assert f"{personas.police.name} → " in page
    assert "strafrechtelijk" in page
    for planted_text in (*CONTENT, PERSON_SURNAME):
        assert planted_text not in page
    records = LogRecord.objects.filter(name="desk_disclosure_notes_read").order_by("sequence")
    assert records.count() == before + 1
    record = records.last()
    assert record is not None
    assert record.activity_id == PrivacyActivity.SUPERVISION
    assert record.actor_user_id == str(personas.privacy_officer_a.pk)
    subject = Subject(SubjectType.PERSON, str(planted.case.subject_id))
    assert record.data_subject_id == subject.pseudonym


def test_a_filter_on_another_basis_shows_nothing_and_logs_nothing(personas, signed_in) -> None:
    plant(personas)
    client = signed_in(personas.privacy_officer_a)
    other = LegalBasis.objects.get(code="avg-6-1-c")

    page = text(client.get(f"{DISCLOSURE_LIST}?grondslag={other.pk}"))

    assert "Geen verstrekkingen gevonden." in page
    assert not LogRecord.objects.filter(name="desk_disclosure_notes_read").exists()


def test_a_malformed_filter_is_404(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    assert client.get(f"{DISCLOSURE_LIST}?grondslag=kapot").status_code == 404


# Incidental participations --------------------------------------------------------------------


def test_incidental_participations_still_open_after_their_meeting(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    case = open_case(personas)
    item = on_agenda(personas, case)  # a meeting a week from now, two hours long
    invite(personas, item, personas.ggz)  # its access runs for two weeks
    ggz_officer = MembershipFactory(organisation=personas.ggz, role=Role.PRIVACY_OFFICER).user
    before = text(signed_in(personas.privacy_officer_a).get(INCIDENTAL))
    assert case.reference not in before

    with time_machine.travel(timezone.now() + timedelta(days=10)):
        client = signed_in(personas.privacy_officer_a)
        client.get(INCIDENTAL)
        with django_assert_max_num_queries(15):
            page = text(client.get(INCIDENTAL))
        ggz_page = text(signed_in(ggz_officer).get(INCIDENTAL))
        police_page = text(signed_in(personas.police_privacy_officer).get(INCIDENTAL))
        desk = text(signed_in(personas.privacy_officer_a).get(DESK))

    assert case.reference in page
    assert personas.ggz.name in page
    assert case.reference in ggz_page  # the incidental partner itself
    assert case.reference not in police_page  # neither directing, ZVH nor the partner
    assert "1 incidentele deelname loopt nog" in desk
