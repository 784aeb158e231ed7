"""The action plan as PDF: analysis, goals and interventions, staff only by function, for
structural partners only, behind step-up and logged per download; and the renderer that fetches
nothing but its own stylesheet."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from weasyprint import HTML  # type: ignore[import-untyped]

from schakel.audit.models import LogRecord
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import PlanVersionStatus
from schakel.cases.plans.services import PlanInput, plan_update
from schakel.cases.tests.document_helpers import (
    GOALS,
    HOUSING,
    IDEOLOGY,
    INTERVENTION,
    assert_no_staff_identity,
    download,
    pdf_text,
    plan_url,
)
from schakel.core.pdf import AssetRefusedError, LocalAssetFetcher
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


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
    assert downloaded.activity_id == CaseActivity.ACTION_PLAN
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
