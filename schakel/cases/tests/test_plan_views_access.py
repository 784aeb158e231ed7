"""The action-plan screens per persona: not found without access, read-only for partners, and
an intervention's owner sees only its intervention."""

from typing import Any

import pytest

from schakel.cases.choices import InterventionStatus, PlanVersionStatus
from schakel.cases.models import ActionPlanVersion, Case, Intervention
from schakel.cases.tests.factories import (
    OUTSIDERS,
    first_draft,
    invite,
    on_agenda,
    open_case,
    participating,
)
from schakel.cases.tests.plan_view_helpers import (
    DESCRIPTION,
    INTERVENTIONS,
    add_intervention,
    iurl,
    plan_data,
    text,
    url,
)
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# Access ------------------------------------------------------------------------------------


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
    first_draft(membership_of(personas.director), case, goals="Doel.")
    return case, add_intervention(personas, case)


@pytest.mark.parametrize("persona", [*OUTSIDERS, "ggz_member"])
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
    # The owner is at the table (incidentally).
    participating(personas, case, personas.ggz, "incidental", ends_in=30)
    intervention = add_intervention(personas, case, owner=personas.ggz)
    client = signed_in(personas.ggz_member)
    page = text(client.get(iurl("intervention_detail", intervention)))
    assert DESCRIPTION in page
    assert url("case_detail", case) not in page  # no link to a case it cannot open
    assert client.get(url("case_detail", case)).status_code == 404
    assert client.get(url("plan_version", case, number=1)).status_code == 404
