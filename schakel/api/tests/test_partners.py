"""The partner directory over the API: scoped like the UI, organisations only, never staff."""

from django.test import Client

from schakel.accounts.organisations.selectors import directory_for
from schakel.api.filters import StrictOrderingFilter
from schakel.api.tests.helpers import create
from schakel.network.choices import OrganisationKind
from schakel.network.tests.factories import InterventionOptionFactory, OrganisationFactory

LIST = "/api/v1/partners"


def names(response) -> list[str]:
    return [partner["name"] for partner in response.json()["results"]]


def test_lists_the_same_organisations_as_the_directory(personas, api_client) -> None:
    response = api_client(personas.lead_a).get(LIST)

    assert response.status_code == 200
    expected = {org.name for org in directory_for(user=personas.lead_a)}
    assert set(names(response)) == expected
    assert "Gemeente Zuiderhaven" not in expected
    assert {"Gemeente Brookdam", "NCTV", "Politie-eenheid Noordkaap"} <= expected


def test_outsider_sees_own_region_and_national_only(personas, api_client) -> None:
    response = api_client(personas.outsider).get(LIST)

    assert set(names(response)) == {"Gemeente Zuiderhaven", "NCTV", "ZVH Zuidmeer"}


def test_partner_fields_and_no_staff(personas, api_client) -> None:
    create(
        InterventionOptionFactory,
        organisation=personas.police,
        name="Stopgesprek",
        description="Een gesprek.",
    )

    response = api_client(personas.lead_a).get(f"{LIST}/{personas.police.pk}")

    assert response.status_code == 200
    assert response.json() == {
        "id": str(personas.police.pk),
        "name": "Politie-eenheid Noordkaap",
        "kind": "police",
        "region_name": "Regio Noordkaap",
        "mailbox": personas.police.mailbox,
        "legal_framework": personas.police.legal_framework,
        "may_process_bsn": True,
        "intervention_options": [{"name": "Stopgesprek", "description": "Een gesprek."}],
    }
    content = response.content.decode()
    assert personas.police_member.email not in content
    assert personas.police_member.full_name not in content


def test_national_organisation_has_no_region(personas, api_client) -> None:
    response = api_client(personas.lead_a).get(f"{LIST}/{personas.nctv.pk}")

    assert response.json()["region_name"] is None


def test_outsider_gets_404_for_an_organisation_of_another_region(personas, api_client) -> None:
    response = api_client(personas.outsider).get(f"{LIST}/{personas.municipality_a.pk}")

    assert response.status_code == 404


def test_inactive_organisation_is_not_found(personas, api_client) -> None:
    closed = create(OrganisationFactory, region=personas.municipality_a.region, is_active=False)

    response = api_client(personas.lead_a).get(f"{LIST}/{closed.pk}")

    assert response.status_code == 404


def test_filter_by_kind(personas, api_client) -> None:
    response = api_client(personas.lead_a).get(LIST, {"kind": OrganisationKind.POLICE})

    assert names(response) == ["Politie-eenheid Noordkaap"]


def test_ordering_by_name_descending_and_default_by_kind_then_name(personas, api_client) -> None:
    client = api_client(personas.lead_a)

    by_name = names(client.get(LIST, {"ordering": "-name"}))
    default = names(client.get(LIST))

    assert by_name == sorted(by_name, reverse=True)
    expected = sorted(directory_for(user=personas.lead_a), key=lambda o: (o.kind, o.name))
    assert default == [o.name for o in expected]


def test_ordering_outside_the_allow_list_is_a_validation_problem(personas, api_client) -> None:
    response = api_client(personas.lead_a).get(LIST, {"ordering": "mailbox"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "ordering"


def test_pagination_envelope_and_page_size_cap(personas, api_client) -> None:
    client = api_client(personas.lead_a)

    first = client.get(LIST, {"pageSize": 2, "ordering": "name"}).json()
    capped = client.get(LIST, {"pageSize": 5000}).json()

    assert set(first) == {"count", "next", "previous", "results"}
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert "page=2" in first["next"]
    assert capped["count"] == len(capped["results"])


def test_page_past_the_end_is_not_found(personas, api_client) -> None:
    response = api_client(personas.lead_a).get(LIST, {"page": 99})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_list_query_count_does_not_grow_with_organisations(
    personas, token_for, django_assert_max_num_queries
) -> None:
    for index in range(20):
        org = create(
            OrganisationFactory, region=personas.municipality_a.region, name=f"School {index}"
        )
        create(InterventionOptionFactory, organisation=org)
    client = Client(headers={"Authorization": f"Bearer {token_for(personas.lead_a)}"})

    # Token lookup, its use and log record (with savepoints), memberships, count, page, options.
    with django_assert_max_num_queries(13):
        response = client.get(LIST)

    assert response.json()["count"] == 28


def test_ordering_needs_an_allow_list_and_detail_views_offer_none() -> None:
    class Detail:
        pass

    class Listing:
        ordering_fields = ["name"]
        ordering = ["name"]

    backend = StrictOrderingFilter()

    assert backend.get_schema_operation_parameters(Detail()) == []  # type: ignore[arg-type]
    parameter = backend.get_schema_operation_parameters(Listing())[0]  # type: ignore[arg-type]
    assert parameter["schema"]["items"]["enum"] == ["name", "-name"]
