"""The minutes of a meeting as PDF: confidential, numbered, staff only by function, scoped to
the items and disclosures the downloader may see, behind the acknowledgment and step-up, and
logged per download."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.audit.services import ProcessingLogError
from schakel.cases.activities import CaseActivity
from schakel.cases.models import ConsultationMeeting
from schakel.cases.tests.document_helpers import (
    DECISION_ONE,
    DECISION_TWO,
    GGZ_PURPOSE,
    POLICE_TO_ALL,
    POLICE_TO_ZVH_ONLY,
    SECOND_SURNAME,
    assert_no_staff_identity,
    download,
    pdf_text,
    plan_url,
)

pytestmark = pytest.mark.django_db


def minutes_url(the_meeting: ConsultationMeeting) -> str:
    return reverse("cases:meeting_minutes_pdf", kwargs={"pk": the_meeting.pk})


# Minutes --------------------------------------------------------------------------------------


def test_the_process_directors_minutes_hold_every_item_marked_and_numbered(
    personas, scene, signed_in
) -> None:
    response = signed_in(personas.director).get(minutes_url(scene.meeting))

    assert response.status_code == 200
    reference = scene.meeting.reference
    assert response["Content-Disposition"] == f'attachment; filename="notulen-{reference}.pdf"'
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    assert "VERTROUWELIJK" in text
    assert "Pagina 1 van" in text
    assert f"Notulen casusoverleg {reference}" in text
    assert "Vergaderzaal 2, ZVH Noordkaap" in text
    # Chair and attendees appear as function – organisation (mailbox).
    assert f"Procesregisseur – ZVH Noordkaap ({personas.zvh.mailbox})" in text
    assert f"Secretaris casusoverleg – ZVH Noordkaap ({personas.zvh.mailbox})" in text
    assert f"Wijkagent – Politie-eenheid Noordkaap ({personas.police.mailbox})" in text
    assert f"Casemanager – GGZ Noordkaap ({personas.ggz.mailbox})" in text
    for case in (scene.case_one, scene.case_two):
        assert case.reference in text
    assert "Daan Pieter van Hoogeveld" in text
    assert f"Mira {SECOND_SURNAME}" in text
    assert "17 maart 2004" in text
    for visible in (POLICE_TO_ALL, POLICE_TO_ZVH_ONLY, GGZ_PURPOSE, DECISION_ONE, DECISION_TWO):
        assert visible in text
    assert "Kamerstuk 36225" in text  # the legal basis's citation
    # What was brought in is in the minutes, for those who may see the disclosure.
    assert f"Inbreng bij {POLICE_TO_ALL}" in text
    assert "die uw organisatie mag inzien" not in text  # complete: no partial-minutes notice
    assert_no_staff_identity(text, personas)


def test_an_incidental_partners_minutes_hold_only_its_item_and_its_disclosures(
    personas, scene, signed_in
) -> None:
    text = pdf_text(download(signed_in(personas.ggz_member), minutes_url(scene.meeting)))

    assert scene.case_two.reference in text
    assert SECOND_SURNAME in text
    assert GGZ_PURPOSE in text
    assert DECISION_TWO in text
    # Not the other case, nor the police's disclosure to the ZVH alone.
    assert scene.case_one.reference not in text
    assert "Hoogeveld" not in text
    assert POLICE_TO_ALL not in text
    assert DECISION_ONE not in text
    assert POLICE_TO_ZVH_ONLY not in text
    assert f"Inbreng bij {POLICE_TO_ZVH_ONLY}" not in text
    assert "alleen de agendapunten en verstrekkingen die uw organisatie mag inzien" in text
    assert_no_staff_identity(text, personas)


def test_a_structural_partner_sees_the_disclosures_it_made_or_received(
    personas, scene, signed_in
) -> None:
    text = pdf_text(download(signed_in(personas.police_member), minutes_url(scene.meeting)))

    assert scene.case_one.reference in text
    assert scene.case_two.reference in text
    assert POLICE_TO_ALL in text
    assert POLICE_TO_ZVH_ONLY in text
    assert GGZ_PURPOSE not in text  # the GGZ disclosed to the ZVH and the municipality only
    assert_no_staff_identity(text, personas)


def test_each_minutes_download_is_logged_once_per_person_on_the_visible_items(
    personas, scene, signed_in
) -> None:
    signed_in(personas.director).get(minutes_url(scene.meeting))
    records = LogRecord.objects.filter(name="minutes_pdf_downloaded")
    assert records.count() == 2
    assert {r.activity_id for r in records} == {CaseActivity.CASE_CONSULTATION}
    assert {r.actor_user_id for r in records} == {str(personas.director.pk)}

    signed_in(personas.ggz_member).get(minutes_url(scene.meeting))
    by_ggz = LogRecord.objects.filter(
        name="minutes_pdf_downloaded", actor_user_id=str(personas.ggz_member.pk)
    )
    assert by_ggz.count() == 1


def test_minutes_need_the_confidentiality_acknowledgment_first(personas, scene, signed_in) -> None:
    # The OM takes part structurally but never opened the meeting.
    response = signed_in(personas.om_member).get(minutes_url(scene.meeting))

    assert response.status_code == 302
    assert response["Location"] == reverse("cases:meeting_detail", kwargs={"pk": scene.meeting.pk})
    assert not LogRecord.objects.filter(name="minutes_pdf_downloaded").exists()


def test_minutes_need_a_fresh_step_up(personas, scene, signed_in) -> None:
    client = signed_in(personas.director)
    session = client.session
    session["step_up_at"] = (timezone.now() - timedelta(minutes=6)).isoformat()
    session.save()

    response = client.get(minutes_url(scene.meeting))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up") + "?next=")
    assert not LogRecord.objects.filter(name="minutes_pdf_downloaded").exists()


@pytest.mark.parametrize(
    "persona",
    [
        "outsider",
        "director_other",
        "lead_b",
        "school_member",
        "privacy_officer_a",
        "admin_a",
        "police_privacy_officer",
    ],
)
def test_who_may_not_see_the_meeting_gets_404(personas, scene, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(minutes_url(scene.meeting)).status_code == 404
    assert client.get(plan_url(scene.case_one, 1)).status_code == 404
    assert not LogRecord.objects.filter(
        name__in=["minutes_pdf_downloaded", "plan_pdf_downloaded"]
    ).exists()


def test_an_incidental_partner_gets_404_once_its_invitation_has_ended(
    personas, scene, signed_in
) -> None:
    with time_machine.travel(timezone.now() + timedelta(days=20)):
        client = signed_in(personas.ggz_member)

        assert client.get(minutes_url(scene.meeting)).status_code == 404


def test_an_unknown_meeting_is_404(personas, scene, signed_in) -> None:
    url = reverse("cases:meeting_minutes_pdf", kwargs={"pk": scene.case_one.pk})

    assert signed_in(personas.director).get(url).status_code == 404


def test_without_a_log_record_no_pdf_is_returned(personas, scene, signed_in, monkeypatch) -> None:
    def broken(**kwargs):
        raise ProcessingLogError("The processing log has no chain head.")

    monkeypatch.setattr("schakel.cases.documents.audit.log_processing", broken)
    client = signed_in(personas.director)

    with pytest.raises(ProcessingLogError):
        client.get(minutes_url(scene.meeting))
    with pytest.raises(ProcessingLogError):
        client.get(plan_url(scene.case_one, 1))
