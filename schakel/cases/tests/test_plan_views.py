"""The action-plan screens: editing the analysis and goals (with optimistic concurrency: a
conflict loses nothing), versions, interventions and the owners' progress page."""

import html
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.choices import InterventionStatus, PlanVersionStatus
from schakel.cases.models import ActionPlanVersion, Case, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plan_services import (
    InterventionInput,
    PlanInput,
    intervention_add,
    plan_adopt,
    plan_update,
)
from schakel.cases.services import ParticipationInput, participation_add
from schakel.cases.tests.factories import invite, on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

INTERVENTIONS = reverse("cases:intervention_list")
DESCRIPTION = "Stopgesprek door de wijkagent over de berichten in de klassengroep."
PLAN_CONFLICT = (
    "Iemand anders heeft het plan intussen gewijzigd. Uw tekst staat hieronder; de opgeslagen "
    "versie ernaast."
)
INTERVENTION_CONFLICT = "Iemand anders heeft deze interventie intussen gewijzigd."
NAMES = ["Anna", "Bram", "Cato", "Dirk", "Eva"]


def url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": case.pk, **kwargs})


def iurl(name: str, intervention: Intervention) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": intervention.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


def plan_data(version: ActionPlanVersion | None = None, **texts: str) -> dict[str, str]:
    data = dict.fromkeys(ANALYSIS_FIELDS.values(), "")
    data.update(
        goals="Terug naar school.",
        based_on_version=str(version.pk) if version else "",
        based_on_revision=str(version.revision) if version else "",
    )
    data.update(texts)
    return data


def intervention_data(owner: Any, **overrides: str) -> dict[str, str]:
    data = {
        "kind": "administrative",
        "owner": str(owner.pk),
        "life_domain": "online",
        "description": DESCRIPTION,
        "starts_on": day(0),
        "due_on": day(30),
        "based_on_revision": "",
    }
    data.update(overrides)
    return data


def add_intervention(personas: Any, case: Case, **overrides: Any) -> Intervention:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "kind": "care",
        "owner": personas.police,
        "description": DESCRIPTION,
        "starts_on": today,
        "due_on": today + timedelta(days=30),
    }
    values.update(overrides)
    return intervention_add(
        membership=membership_of(personas.director), case=case, data=InterventionInput(**values)
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
    plan_update(
        membership=membership_of(personas.director),
        case=case,
        data=PlanInput(
            analysis={"housing": "Eerste tekst."},
            goals="",
            based_on_version=None,
            based_on_revision=None,
        ),
    )
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
    draft = plan_update(
        membership=director,
        case=case,
        data=PlanInput(
            analysis={"justice": "Geen justitiecontacten."},
            goals="Doel A.",
            based_on_version=None,
            based_on_revision=None,
        ),
    )
    intervention = add_intervention(personas, case)
    draft.refresh_from_db()
    item = on_agenda(personas, case)
    adopted = plan_adopt(membership=director, item=item, based_on_revision=draft.revision)
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
    plan_update(
        membership=membership_of(personas.director),
        case=case,
        data=PlanInput(analysis={}, goals="Doel.", based_on_version=None, based_on_revision=None),
    )
    before = LogRecord.objects.filter(name="plan_read").count()
    assert signed_in(personas.police_member).get(url("plan_version", case, number=1)).status_code
    assert LogRecord.objects.filter(name="plan_read").count() > before


# Interventions -------------------------------------------------------------------------------


def test_interventions_are_added_changed_and_removed_through_the_pages(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    page = text(client.get(url("intervention_create", case)))
    assert "Politie-eenheid Noordkaap" in page
    assert "Scholengroep Noordkaap" not in page  # not at the table

    refused = client.post(
        url("intervention_create", case),
        intervention_data(personas.police, description="", due_on=day(-1)),
    )
    assert "Dit veld is vereist." in text(refused)
    refused = client.post(
        url("intervention_create", case), intervention_data(personas.police, due_on=day(-1))
    )
    assert "De einddatum ligt vóór de startdatum." in text(refused)

    added = client.post(url("intervention_create", case), intervention_data(personas.police))
    assert added.status_code == 302
    intervention = Intervention.objects.get(plan__case=case)
    assert intervention.owner == personas.police

    changed = client.post(
        iurl("intervention_edit", intervention),
        intervention_data(
            personas.om, kind="criminal", based_on_revision=str(intervention.revision)
        ),
    )
    assert changed.status_code == 302
    intervention.refresh_from_db()
    assert intervention.owner == personas.om

    removed = client.post(
        iurl("intervention_delete", intervention),
        {"based_on_revision": str(intervention.revision)},
    )
    assert removed.status_code == 302
    intervention.refresh_from_db()
    assert not intervention.is_current
    assert client.get(iurl("intervention_edit", intervention)).status_code == 404


def test_a_concurrent_change_of_an_intervention_keeps_the_input(personas, signed_in) -> None:
    case = open_case(personas)
    intervention = add_intervention(personas, case)
    seen = str(intervention.revision)
    director, lead = signed_in(personas.director), signed_in(personas.lead_a)
    assert (
        director.post(
            iurl("intervention_edit", intervention),
            intervention_data(personas.police, description="Versie A.", based_on_revision=seen),
        ).status_code
        == 302
    )

    response = lead.post(
        iurl("intervention_edit", intervention),
        intervention_data(personas.police, description="Versie B.", based_on_revision=seen),
    )

    content = text(response)
    assert response.status_code == 200
    assert INTERVENTION_CONFLICT in content
    assert "Versie A." in content
    assert "Versie B." in content
    intervention.refresh_from_db()
    assert intervention.description == "Versie A."
    stale = lead.post(iurl("intervention_delete", intervention), {"based_on_revision": seen})
    assert "Er is niets verwijderd." in text(stale)
    intervention.refresh_from_db()
    assert intervention.is_current


def test_the_owner_updates_progress_and_the_director_cannot(personas, signed_in) -> None:
    case = open_case(personas)
    intervention = add_intervention(personas, case)
    police = signed_in(personas.police_member)
    page = text(police.get(iurl("intervention_detail", intervention)))
    assert DESCRIPTION in page
    assert "Voortgang bijwerken" in page

    refused = police.post(
        iurl("intervention_detail", intervention),
        {"status": "completed", "outcome": "", "based_on_revision": str(intervention.revision)},
    )
    assert "Beschrijf het resultaat." in text(refused)
    done = police.post(
        iurl("intervention_detail", intervention),
        {
            "status": "in_progress",
            "outcome": "Eerste gesprek gevoerd.",
            "based_on_revision": str(intervention.revision),
        },
    )
    assert done.status_code == 302
    intervention.refresh_from_db()
    assert intervention.status == InterventionStatus.IN_PROGRESS
    assert intervention.outcome == "Eerste gesprek gevoerd."

    director = signed_in(personas.director)
    assert "Voortgang bijwerken" not in text(
        director.get(iurl("intervention_detail", intervention))
    )
    assert (
        director.post(
            iurl("intervention_detail", intervention),
            {"status": "stopped", "outcome": "x", "based_on_revision": str(intervention.revision)},
        ).status_code
        == 404
    )


def test_a_stale_progress_update_is_refused_with_both_texts(personas, signed_in) -> None:
    case = open_case(personas)
    intervention = add_intervention(personas, case)
    seen = str(intervention.revision)
    first, second = signed_in(personas.police_member), signed_in(personas.police_member)
    first.post(
        iurl("intervention_detail", intervention),
        {"status": "in_progress", "outcome": "Gesprek A.", "based_on_revision": seen},
    )
    response = second.post(
        iurl("intervention_detail", intervention),
        {"status": "in_progress", "outcome": "Gesprek B.", "based_on_revision": seen},
    )
    content = text(response)
    assert INTERVENTION_CONFLICT in content
    assert "Gesprek A." in content
    assert "Gesprek B." in content


def test_the_intervention_list_holds_no_descriptions_and_a_bounded_query_count(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.police_member)
    add_intervention(personas, open_case(personas))
    client.get(INTERVENTIONS)
    with django_assert_max_num_queries(12) as few:
        response = client.get(INTERVENTIONS)
    assert DESCRIPTION not in text(response)
    assert "Hoogeveld" not in text(response)
    for name in NAMES[:3]:
        case = open_case(personas, given_names=name)
        add_intervention(personas, case)
        add_intervention(personas, case, owner=personas.om)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(INTERVENTIONS)
    assert text(response).count("(uw organisatie)") == 4
    own = text(client.get(INTERVENTIONS, {"eigen": "on"}))
    assert "OM Arrondissement Noordkaap" not in own.split("<tbody")[1]


# Access ------------------------------------------------------------------------------------


NO_ACCESS = [
    "lead_b",
    "outsider",
    "director_other",
    "school_member",
    "privacy_officer_a",
    "admin_a",
]


def plan_pages(case: Case, intervention: Intervention) -> list[tuple[str, dict[str, str] | None]]:
    """Each page with the data to POST to it (None: a read-only page, GET only)."""
    revision = str(intervention.revision)
    return [
        (url("plan_edit", case), plan_data(analysis_housing="Niet van mij.")),
        (url("plan_versions", case), None),
        (url("plan_version", case, number=1), None),
        (url("intervention_create", case), {"kind": "care"}),
        (iurl("intervention_detail", intervention), {"status": "stopped", "outcome": "x"}),
        (iurl("intervention_edit", intervention), {"based_on_revision": revision}),
        (iurl("intervention_delete", intervention), {"based_on_revision": revision}),
    ]


def _case_with_plan(personas: Any) -> tuple[Case, Intervention]:
    case = open_case(personas)
    plan_update(
        membership=membership_of(personas.director),
        case=case,
        data=PlanInput(analysis={}, goals="Doel.", based_on_version=None, based_on_revision=None),
    )
    return case, add_intervention(personas, case)


@pytest.mark.parametrize("persona", [*NO_ACCESS, "ggz_member"])
def test_every_plan_page_is_not_found_without_access(personas, signed_in, persona) -> None:
    case, intervention = _case_with_plan(personas)
    invite(personas, on_agenda(personas, case), personas.ggz)  # incidental: an item only
    client = signed_in(getattr(personas, persona))
    for page_url, data in plan_pages(case, intervention):
        assert client.get(page_url).status_code == 404, page_url
        if data is not None:
            assert client.post(page_url, data).status_code == 404, page_url
    assert DESCRIPTION not in text(client.get(INTERVENTIONS))
    intervention.refresh_from_db()
    assert intervention.is_current
    assert intervention.status == InterventionStatus.PLANNED
    assert ActionPlanVersion.objects.get(plan__case=case).status == PlanVersionStatus.DRAFT


def test_a_partner_reads_the_plan_but_cannot_edit_it(personas, signed_in) -> None:
    case, intervention = _case_with_plan(personas)
    client = signed_in(personas.om_member)
    assert client.get(url("plan_version", case, number=1)).status_code == 200
    assert client.get(iurl("intervention_detail", intervention)).status_code == 200
    for name in ("plan_edit", "intervention_create"):
        assert client.get(url(name, case)).status_code == 404
    for name in ("intervention_edit", "intervention_delete"):
        assert client.get(iurl(name, intervention)).status_code == 404
    # Not the owner: no progress either.
    assert (
        client.post(
            iurl("intervention_detail", intervention),
            {"status": "stopped", "outcome": "x", "based_on_revision": "1"},
        ).status_code
        == 404
    )


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_the_intervention_list_is_not_found_for_roles_without_cases(
    personas, signed_in, persona
) -> None:
    _case_with_plan(personas)
    assert signed_in(getattr(personas, persona)).get(INTERVENTIONS).status_code == 404


def test_an_owner_without_case_access_sees_only_its_intervention(personas, signed_in) -> None:
    case = open_case(personas)
    participation_add(  # the owner is at the table (incidentally)
        membership=membership_of(personas.director),
        case=case,
        data=ParticipationInput(
            organisation=personas.ggz,
            kind="incidental",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=30),
        ),
    )
    intervention = add_intervention(personas, case, owner=personas.ggz)
    client = signed_in(personas.ggz_member)
    page = text(client.get(iurl("intervention_detail", intervention)))
    assert DESCRIPTION in page
    assert url("case_detail", case) not in page  # no link to a case it cannot open
    assert client.get(url("case_detail", case)).status_code == 404
    assert client.get(url("plan_version", case, number=1)).status_code == 404
