"""The action-plan screens: editing the analysis and goals (with optimistic concurrency: a
conflict loses nothing) and the versions."""

import pytest

from schakel.audit.models import LogRecord
from schakel.cases.models import ActionPlanVersion
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plans.services import plan_adopt
from schakel.cases.tests.factories import first_draft, on_agenda, open_case
from schakel.cases.tests.plan_view_helpers import (
    DESCRIPTION,
    add_intervention,
    intervention_data,
    iurl,
    plan_data,
    text,
    url,
)
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

PLAN_CONFLICT = (
    "Iemand anders heeft het plan intussen gewijzigd. Uw tekst staat hieronder; de opgeslagen "
    "versie ernaast."
)


# Editing the plan ----------------------------------------------------------------------------


def test_the_director_writes_the_first_version_of_the_plan(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    page = text(client.get(url("plan_edit", case)))
    labels = [domain.label for domain in ANALYSIS_FIELDS]
    positions = [page.index(str(label)) for label in labels]
    assert positions == sorted(positions)
    assert "conceptversie 1" in page

    response = client.post(
        url("plan_edit", case), plan_data(analysis_housing="Woont bij zijn ouders.")
    )

    version = ActionPlanVersion.objects.get(plan__case=case)
    assert response.status_code == 302
    assert response["Location"] == url("plan_version", case, number=1)
    assert version.analysis_housing == "Woont bij zijn ouders."
    assert version.goals == "Terug naar school."
    shown = text(client.get(response["Location"]))
    assert "Het plan is opgeslagen als conceptversie 1." in shown
    assert "Woont bij zijn ouders." in shown


def test_a_concurrent_edit_is_refused_and_nothing_typed_is_lost(personas, signed_in) -> None:
    case = open_case(personas)
    first_draft(membership_of(personas.director), case, goals="", housing="Eerste tekst.")
    director, lead = signed_in(personas.director), signed_in(personas.lead_a)
    # Both open the edit page on the same revision.
    director_form = text(director.get(url("plan_edit", case)))
    lead_form = text(lead.get(url("plan_edit", case)))
    assert "Eerste tekst." in director_form
    assert "Eerste tekst." in lead_form
    version = ActionPlanVersion.objects.get(plan__case=case)

    first = director.post(
        url("plan_edit", case), plan_data(version, analysis_housing="Tekst van de regisseur.")
    )
    assert first.status_code == 302
    second = lead.post(
        url("plan_edit", case),
        plan_data(version, analysis_housing="Tekst van de regievoerder.", goals="Mijn doelen."),
    )

    content = text(second)
    assert second.status_code == 200
    assert PLAN_CONFLICT in content
    # The lead's own text is still in the form, the saved text beside it.
    assert "Tekst van de regievoerder." in content
    assert "Mijn doelen." in content
    assert "Tekst van de regisseur." in content
    version.refresh_from_db()
    assert version.analysis_housing == "Tekst van de regisseur."
    assert version.goals == "Terug naar school."

    # Saving again now is a deliberate choice, based on what is stored: it succeeds.
    hidden = f'name="based_on_revision" value="{version.revision}"'
    assert hidden in second.content.decode()
    again = lead.post(
        url("plan_edit", case),
        plan_data(version, analysis_housing="Tekst van de regievoerder.", goals="Mijn doelen."),
    )
    assert again.status_code == 302
    version.refresh_from_db()
    assert version.analysis_housing == "Tekst van de regievoerder."


def test_an_overlong_text_is_refused_in_dutch_and_kept(personas, signed_in) -> None:
    case = open_case(personas)
    long_text = "a" * 10_001
    response = signed_in(personas.director).post(
        url("plan_edit", case), plan_data(analysis_ideology=long_text)
    )
    content = text(response)
    assert response.status_code == 200
    assert "Er is nog niets opgeslagen" in content
    assert 'href="#id_analysis_ideology"' in content
    assert long_text in content
    assert not ActionPlanVersion.objects.filter(plan__case=case).exists()


def test_an_adopted_version_shows_its_meeting_and_frozen_interventions(personas, signed_in) -> None:
    case = open_case(personas)
    director = membership_of(personas.director)
    draft = first_draft(director, case, goals="Doel A.", justice="Geen justitiecontacten.")
    intervention = add_intervention(personas, case)
    draft.refresh_from_db()
    item = on_agenda(personas, case)
    adopted = plan_adopt(
        membership=director, item=item, based_on_revision=draft.revision, meeting_in_progress=True
    )
    client = signed_in(personas.lead_a)
    # A later change of the intervention does not change the adopted version.
    changed = client.post(
        iurl("intervention_edit", intervention),
        intervention_data(
            personas.police,
            description="Een heel andere omschrijving.",
            based_on_revision=str(intervention.revision),
        ),
    )
    assert changed.status_code == 302

    content = text(client.get(url("plan_version", case, number=1)))

    meeting = item.meeting
    assert f"in casusoverleg {meeting.reference}" in content
    assert "Vastgesteld op" in content
    assert DESCRIPTION in content
    assert "Een heel andere omschrijving." not in content
    assert "Geen justitiecontacten." in content
    assert adopted.number == 1
    versions = text(client.get(url("plan_versions", case)))
    assert "Versie 2" in versions
    assert "Vastgesteld" in versions
    assert "Concept" in versions
    edit = text(client.get(url("plan_edit", case)))
    assert "U bewerkt conceptversie 2." in edit


def test_reading_a_version_is_logged(personas, signed_in) -> None:
    case = open_case(personas)
    first_draft(membership_of(personas.director), case, goals="Doel.")
    before = LogRecord.objects.filter(name="plan_read").count()
    assert signed_in(personas.police_member).get(url("plan_version", case, number=1)).status_code
    assert LogRecord.objects.filter(name="plan_read").count() > before
