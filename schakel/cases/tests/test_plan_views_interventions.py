"""The action-plan screens: interventions (added, changed and removed, a concurrent change
keeps the input) and the owners' progress page."""

import re

import pytest

from schakel.cases.choices import InterventionStatus
from schakel.cases.models import Intervention
from schakel.cases.tests.factories import open_case
from schakel.cases.tests.plan_view_helpers import (
    DESCRIPTION,
    INTERVENTIONS,
    add_intervention,
    day,
    intervention_data,
    iurl,
    text,
    url,
)

pytestmark = pytest.mark.django_db

INTERVENTION_CONFLICT = "Iemand anders heeft deze interventie intussen gewijzigd."
NAMES = ["Anna", "Bram", "Cato", "Dirk", "Eva"]


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
    assert "Vul „Omschrijving” in." in text(refused)
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
    # 12 to read the page, and the read record of its persons (claim, insert, chain head).
    with django_assert_max_num_queries(15) as few:
        response = client.get(INTERVENTIONS)
    assert DESCRIPTION not in text(response)
    assert "Hoogeveld" not in text(response)
    for name in NAMES[:3]:
        case = open_case(personas, given_names=name)
        add_intervention(personas, case)
        add_intervention(personas, case, owner=personas.om)
    # (+1 on PostgreSQL: one person's read record and the chain head go in one statement, the
    # records of several persons in a batch and the head in a second.)
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        response = client.get(INTERVENTIONS)
    assert text(response).count("(uw organisatie)") == 4
    own = text(client.get(INTERVENTIONS, {"eigen": "on"}))
    assert "OM Arrondissement Noordkaap" not in own.split("<tbody")[1]


def test_adding_returns_to_the_interventions_and_a_double_submit_adds_one(
    personas, signed_in
) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    page = text(client.get(url("intervention_create", case)))
    token = re.search(r'name="_formulier" value="([^"]+)"', page)
    assert token is not None
    data = {**intervention_data(personas.police), "_formulier": token.group(1)}

    first = client.post(url("intervention_create", case), data)
    second = client.post(url("intervention_create", case), data)

    intervention = Intervention.objects.get(plan__case=case)
    assert first["Location"] == url("case_detail", case) + "#interventies"
    assert second["Location"] == first["Location"]
    shown = text(client.get(url("case_detail", case)))
    assert f'href="{iurl("intervention_detail", intervention)}">Interventie bekijken</a>' in shown
