"""The integrated action plan: versions frozen on adoption, optimistic concurrency, owners'
progress."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.choices import InterventionKind, InterventionStatus, PlanVersionStatus
from schakel.cases.plans.services import (
    InterventionInput,
    PlanConflictError,
    PlanInput,
    intervention_add,
    intervention_change,
    intervention_update_progress,
    latest_version,
    plan_adopt,
    plan_update,
)
from schakel.cases.selectors import interventions_in_version
from schakel.cases.tests.factories import on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


def _plan_input(version=None, **analysis):
    return PlanInput(
        analysis=analysis or {"housing": "Woont bij ouders; geen zorgen."},
        goals="Terug naar school; afstand tot online netwerk.",
        based_on_version=version.pk if version else None,
        based_on_revision=version.revision if version else None,
    )


def _intervention(personas, **overrides):
    today = timezone.localdate()
    values = {
        "kind": InterventionKind.ADMINISTRATIVE,
        "owner": personas.police,
        "description": "Stopgesprek door de wijkagent.",
        "starts_on": today,
        "due_on": today + timedelta(days=30),
    }
    values.update(overrides)
    return InterventionInput(**values)


def test_an_adopted_version_is_frozen_and_the_next_edit_starts_a_new_one(personas) -> None:
    case = open_case(personas)
    director = membership_of(personas.director)
    draft = plan_update(membership=director, case=case, data=_plan_input())
    intervention = intervention_add(membership=director, case=case, data=_intervention(personas))
    draft.refresh_from_db()
    item = on_agenda(personas, case)

    adopted = plan_adopt(
        membership=director, item=item, based_on_revision=draft.revision, meeting_in_progress=True
    )

    assert adopted.status == PlanVersionStatus.ADOPTED
    assert adopted.adopted_in == item
    frozen = interventions_in_version(adopted)
    assert [i["description"] for i in frozen] == ["Stopgesprek door de wijkagent."]

    # Editing after adoption: a new draft, version 2; version 1 keeps its text and interventions.
    second = plan_update(
        membership=director,
        case=case,
        data=_plan_input(adopted, housing="Verhuist naar begeleid wonen."),
    )
    intervention_change(
        membership=director,
        intervention=intervention,
        data=_intervention(personas, description="Stopgesprek en vervolggesprek."),
        based_on_revision=intervention.revision,
    )
    adopted.refresh_from_db()
    assert second.number == 2
    assert second.status == PlanVersionStatus.DRAFT
    assert adopted.analysis_housing == "Woont bij ouders; geen zorgen."
    assert interventions_in_version(adopted)[0]["description"] == "Stopgesprek door de wijkagent."
    assert interventions_in_version(second)[0]["description"] == "Stopgesprek en vervolggesprek."
    assert second.analysis_housing == "Verhuist naar begeleid wonen."
    assert second.goals == adopted.goals


def test_a_concurrent_edit_is_refused_and_the_first_edit_is_kept(personas) -> None:
    case = open_case(personas)
    director = membership_of(personas.director)
    lead = membership_of(personas.lead_a)
    base = plan_update(membership=director, case=case, data=_plan_input())

    # Both open the same revision; the lead saves first.
    plan_update(membership=lead, case=case, data=_plan_input(base, housing="Tekst regievoerder."))
    with pytest.raises(PlanConflictError):
        plan_update(
            membership=director, case=case, data=_plan_input(base, housing="Tekst regisseur.")
        )

    current = latest_version(case.action_plan)
    assert current is not None
    assert current.analysis_housing == "Tekst regievoerder."
    assert current.revision == base.revision + 1


def test_adoption_with_a_stale_revision_is_refused(personas) -> None:
    case = open_case(personas)
    director = membership_of(personas.director)
    draft = plan_update(membership=director, case=case, data=_plan_input())
    stale = draft.revision
    plan_update(membership=director, case=case, data=_plan_input(draft, housing="Bijgewerkt."))

    with pytest.raises(PlanConflictError):
        plan_adopt(
            membership=director,
            item=on_agenda(personas, case),
            based_on_revision=stale,
            meeting_in_progress=True,
        )


def test_only_the_owner_updates_progress_and_a_finished_intervention_needs_an_outcome(
    personas,
) -> None:
    case = open_case(personas)
    intervention = intervention_add(
        membership=membership_of(personas.director), case=case, data=_intervention(personas)
    )
    with pytest.raises(PermissionDenied):
        intervention_update_progress(
            membership=membership_of(personas.om_member),
            intervention=intervention,
            status=InterventionStatus.IN_PROGRESS,
            outcome="",
            based_on_revision=intervention.revision,
        )
    police = membership_of(personas.police_member)
    with pytest.raises(ValidationError) as error:
        intervention_update_progress(
            membership=police,
            intervention=intervention,
            status=InterventionStatus.COMPLETED,
            outcome=" ",
            based_on_revision=intervention.revision,
        )
    assert "outcome" in error.value.message_dict

    updated = intervention_update_progress(
        membership=police,
        intervention=intervention,
        status=InterventionStatus.COMPLETED,
        outcome="Gesprek gevoerd; afspraken gemaakt.",
        based_on_revision=intervention.revision,
    )

    assert updated.status == InterventionStatus.COMPLETED
    assert updated.outcome == "Gesprek gevoerd; afspraken gemaakt."
    assert updated.status_changed_at is not None
    assert LogRecord.objects.filter(name="intervention_progress", activity_id="action_plan")


def test_partners_do_not_edit_the_plan(personas) -> None:
    case = open_case(personas)

    with pytest.raises(PermissionDenied):
        plan_update(membership=membership_of(personas.police_member), case=case, data=_plan_input())
