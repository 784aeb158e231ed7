"""Minutes and action plan as PDF: confidential, numbered, staff only by function, scoped to
what the downloader may see, behind step-up, and logged per download."""

import io
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML  # type: ignore[import-untyped]

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.choices import Activity
from schakel.audit.models import LogRecord
from schakel.audit.services import ProcessingLogError
from schakel.cases.choices import InterventionKind, PlanVersionStatus
from schakel.cases.documents import AssetRefusedError, LocalAssetFetcher
from schakel.cases.meeting_services import attendance_record, decision_record, meeting_acknowledge
from schakel.cases.models import ActionPlanVersion, AgendaItem, Case, ConsultationMeeting
from schakel.cases.plan_services import (
    InterventionInput,
    PlanInput,
    intervention_add,
    plan_adopt,
    plan_update,
)
from schakel.cases.tests.factories import invite, meeting, on_agenda, open_case
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of
from schakel.privacy.models import LegalBasis
from schakel.privacy.services import DisclosureInput, disclosure_record

pytestmark = pytest.mark.django_db

HOUSING = "Woont zelfstandig in een kamer boven de bakkerij."
IDEOLOGY = "Verheerlijkt geweld in besloten online groepen."
GOALS = "Afstand nemen van het online netwerk; dagbesteding vinden."
INTERVENTION = "Stopgesprek door de wijkagent met een vervolgafspraak."
POLICE_TO_ALL = "Beeld van eerdere incidenten rond het station."
POLICE_TO_ZVH_ONLY = "Lopend onderzoek waarover alleen het ZVH wordt ingelicht."
GGZ_PURPOSE = "Inzicht in de zorgbehoefte voor een passend aanbod."
DECISION_ONE = "Plan van aanpak vastgesteld; de wijkagent voert het stopgesprek."
DECISION_TWO = "De GGZ start een verkennend gesprek binnen twee weken."
SECOND_SURNAME = "Oosterling"


@dataclass
class Scene:
    meeting: ConsultationMeeting
    case_one: Case
    case_two: Case
    item_one: AgendaItem
    item_two: AgendaItem
    adopted: ActionPlanVersion
    minute_taker: User


def _disclosure(personas, *, purpose: str, recipients, category=DataCategory.CRIMINAL):
    return DisclosureInput(
        content=f"Inbreng bij {purpose}",
        categories=[category],
        legal_basis=LegalBasis.objects.get(code="wet-pga"),
        purpose=purpose,
        necessity_note="Nodig voor een gezamenlijk beeld; lichtere middelen volstaan niet.",
        recipients=recipients,
    )


@pytest.fixture
def scene(personas) -> Scene:
    for user, title in (
        (personas.director, "Procesregisseur"),
        (personas.police_member, "Wijkagent"),
        (personas.ggz_member, "Casemanager"),
    ):
        user.function_title = title
        user.save(update_fields=["function_title"])
    case_one = open_case(personas)
    case_two = open_case(
        personas,
        given_names="Mira",
        surname_prefix="",
        surname=SECOND_SURNAME,
        date_of_birth=date(2001, 6, 2),
    )
    the_meeting = meeting(personas)
    # A minute taker of the ZVH, to see that they too appear by function only.
    minute_taker = MembershipFactory(
        organisation=personas.zvh,
        role=Role.PROCESS_DIRECTOR,
        user__function_title="Secretaris casusoverleg",
    ).user
    ConsultationMeeting.objects.filter(pk=the_meeting.pk).update(minute_taker=minute_taker)
    the_meeting.refresh_from_db()
    item_one = on_agenda(personas, case_one, the_meeting)
    item_two = on_agenda(personas, case_two, the_meeting)
    # The GGZ is an incidental partner for the second case only.
    invite(personas, item_two, personas.ggz)

    director = membership_of(personas.director)
    police = membership_of(personas.police_member)
    ggz = membership_of(personas.ggz_member)
    for member in (director, police, ggz):
        meeting_acknowledge(membership=member, meeting=the_meeting)
    attendance_record(
        membership=director,
        meeting=the_meeting,
        present={a.pk: True for a in the_meeting.attendances.all()},
    )
    disclosure_record(
        membership=police,
        item=item_one,
        data=_disclosure(
            personas,
            purpose=POLICE_TO_ALL,
            recipients=[personas.municipality_a, personas.zvh],
        ),
    )
    disclosure_record(
        membership=police,
        item=item_two,
        data=_disclosure(personas, purpose=POLICE_TO_ZVH_ONLY, recipients=[personas.zvh]),
    )
    disclosure_record(
        membership=ggz,
        item=item_two,
        data=_disclosure(
            personas,
            purpose=GGZ_PURPOSE,
            recipients=[personas.zvh, personas.municipality_a],
            category=DataCategory.SPECIAL,
        ),
    )
    decision_record(
        membership=director, item=item_one, text=DECISION_ONE, category=DataCategory.ORDINARY
    )
    decision_record(
        membership=director, item=item_two, text=DECISION_TWO, category=DataCategory.SPECIAL
    )

    draft = plan_update(
        membership=director,
        case=case_one,
        data=PlanInput(
            analysis={"housing": HOUSING, "ideology": IDEOLOGY},
            goals=GOALS,
            based_on_version=None,
            based_on_revision=None,
        ),
    )
    today = timezone.localdate()
    intervention_add(
        membership=director,
        case=case_one,
        data=InterventionInput(
            kind=InterventionKind.ADMINISTRATIVE,
            owner=personas.police,
            description=INTERVENTION,
            starts_on=today,
            due_on=today + timedelta(days=30),
        ),
    )
    draft.refresh_from_db()
    adopted = plan_adopt(membership=director, item=item_one, based_on_revision=draft.revision)
    return Scene(the_meeting, case_one, case_two, item_one, item_two, adopted, minute_taker)


def minutes_url(the_meeting: ConsultationMeeting) -> str:
    return reverse("cases:meeting_minutes_pdf", kwargs={"pk": the_meeting.pk})


def plan_url(case: Case, number: int) -> str:
    return reverse("cases:plan_version_pdf", kwargs={"pk": case.pk, "number": number})


def pdf_text(content: bytes) -> str:
    """The text of every page, whitespace normalised (lines wrap anywhere in a PDF)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def staff(personas):
    minute_takers = User.objects.filter(minuted_meetings__isnull=False).distinct()
    return [
        *minute_takers,
        personas.director,
        personas.police_member,
        personas.ggz_member,
        personas.lead_a,
        personas.om_member,
    ]


def assert_no_staff_identity(text: str, personas) -> None:
    for user in staff(personas):
        assert user.full_name not in text
        assert user.email not in text
    assert "Testpersoon" not in text  # the factory's staff names


def download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    return response.content


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
    assert {r.activity_id for r in records} == {Activity.CASE_CONSULTATION}
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


# Action plan ----------------------------------------------------------------------------------


def test_the_adopted_plan_holds_analysis_goals_and_interventions(
    personas, scene, signed_in
) -> None:
    response = signed_in(personas.director).get(plan_url(scene.case_one, 1))

    assert response.status_code == 200
    reference = scene.case_one.reference
    assert response["Content-Disposition"] == f'attachment; filename="plan-{reference}-v1.pdf"'
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    assert "VERTROUWELIJK" in text
    assert "Pagina 1 van" in text
    assert f"Plan van aanpak {reference}, versie 1" in text
    assert "Daan Pieter van Hoogeveld" in text
    for line in (HOUSING, IDEOLOGY, GOALS, INTERVENTION):
        assert line in text
    # Life domains in their fixed order, each with its label.
    assert text.index("Wonen") < text.index("Werk en inkomen") < text.index("Online gedrag")
    assert "Vastgesteld" in text
    assert f"casusoverleg {scene.meeting.reference}" in text
    assert "Politie-eenheid Noordkaap" in text  # the intervention's owner
    assert f"Procesregisseur – ZVH Noordkaap ({personas.zvh.mailbox})" in text
    assert_no_staff_identity(text, personas)


def test_the_draft_plan_shows_the_interventions_current_status(personas, scene, signed_in) -> None:
    director = membership_of(personas.director)
    plan_update(
        membership=director,
        case=scene.case_one,
        data=PlanInput(
            analysis={"housing": "Verhuist naar begeleid wonen."},
            goals=GOALS,
            based_on_version=scene.adopted.pk,
            based_on_revision=scene.adopted.revision,
        ),
    )
    assert scene.case_one.action_plan.versions.get(number=2).status == PlanVersionStatus.DRAFT

    text = pdf_text(download(signed_in(personas.director), plan_url(scene.case_one, 2)))

    assert "Verhuist naar begeleid wonen." in text
    assert "Concept" in text
    assert INTERVENTION in text
    assert "Gepland" in text  # the intervention's status


def test_a_structural_partner_may_download_the_plan_and_an_incidental_one_may_not(
    personas, scene, signed_in
) -> None:
    text = pdf_text(download(signed_in(personas.police_member), plan_url(scene.case_one, 1)))
    assert INTERVENTION in text
    assert_no_staff_identity(text, personas)

    # The GGZ is invited to the other case's item only: it never sees this case's plan.
    assert signed_in(personas.ggz_member).get(plan_url(scene.case_one, 1)).status_code == 404


def test_each_plan_download_is_logged_after_the_read(personas, scene, signed_in) -> None:
    signed_in(personas.director).get(plan_url(scene.case_one, 1))

    downloaded = LogRecord.objects.get(name="plan_pdf_downloaded")
    assert downloaded.activity_id == Activity.ACTION_PLAN
    assert downloaded.attributes == {"version": 1}
    read = LogRecord.objects.filter(name="plan_read").order_by("-sequence").first()
    assert read is not None
    assert read.sequence < downloaded.sequence


def test_the_plan_needs_a_fresh_step_up(personas, scene, signed_in) -> None:
    client = signed_in(personas.director)

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        response = client.get(plan_url(scene.case_one, 1))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not LogRecord.objects.filter(name="plan_pdf_downloaded").exists()


def test_an_unknown_plan_version_is_404(personas, scene, signed_in) -> None:
    assert signed_in(personas.director).get(plan_url(scene.case_one, 9)).status_code == 404


# Rendering ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/tracker.css",
        "http://127.0.0.1:8000/static/css/schakel.css",
        "file:///etc/hostname",
        "data:text/css,body{}",
    ],
)
def test_the_renderer_refuses_every_resource_but_its_own_stylesheet(url) -> None:
    fetcher = LocalAssetFetcher()

    with pytest.raises(AssetRefusedError):
        fetcher.fetch(url)
    # Inside a rendering a refused resource stops it: no document without its marking.
    with pytest.raises(BaseException, match="Error fetching"):
        HTML(string=f'<img src="{url}" alt="">', url_fetcher=LocalAssetFetcher()).write_pdf()
