"""The partner directory: organisations of the user's region plus national ones, no staff."""

import uuid

from django.urls import reverse

from schakel.accounts.tests.factories import MembershipFactory
from schakel.network.tests.factories import InterventionOptionFactory, OrganisationFactory

DIRECTORY = reverse("network:directory")


def detail_url(organisation) -> str:
    return reverse("network:directory_detail", kwargs={"pk": organisation.pk})


def test_member_sees_organisations_of_own_region_and_national_ones(personas, signed_in) -> None:
    page = signed_in(personas.lead_a).get(DIRECTORY).content.decode()

    for organisation in (
        personas.municipality_a,
        personas.municipality_b,
        personas.zvh,
        personas.police,
        personas.nctv,
    ):
        assert organisation.name in page
    assert personas.municipality_other_region.name not in page


def test_member_of_other_region_does_not_see_noordkaap(personas, signed_in) -> None:
    page = signed_in(personas.outsider).get(DIRECTORY).content.decode()

    assert personas.municipality_other_region.name in page
    assert personas.nctv.name in page
    assert personas.municipality_a.name not in page
    assert personas.police.name not in page


def test_directory_shows_no_staff_names_or_personal_addresses(personas, signed_in) -> None:
    personas.admin_a.full_name = "Zichtbare Naam Niet Tonen"
    personas.admin_a.save()
    client = signed_in(personas.lead_a)
    pages = [client.get(DIRECTORY).content.decode()]
    pages += [
        client.get(detail_url(o)).content.decode()
        for o in (personas.municipality_a, personas.police, personas.nctv)
    ]

    staff = [
        personas.colleague_a,
        personas.lead_b,
        personas.admin_a,
        personas.admin_b,
        personas.privacy_officer_a,
        personas.police_member,
    ]
    for page in pages:
        for person in staff:
            assert person.full_name not in page
            assert person.email not in page


def test_directory_shows_mailbox_framework_bsn_permission_and_options(personas, signed_in) -> None:
    personas.police.may_process_bsn = True
    personas.police.legal_framework = "Wet politiegegevens, artikel 19"
    personas.police.save()
    InterventionOptionFactory(
        organisation=personas.police, name="Stopgesprek", description="Een gesprek met de politie"
    )

    page = signed_in(personas.lead_a).get(DIRECTORY).content.decode()

    assert f'href="mailto:{personas.police.mailbox}"' in page
    assert "Wet politiegegevens, artikel 19" in page
    assert "Stopgesprek" in page
    assert "Een gesprek met de politie" in page
    assert "Politie-eenheid" in page  # the kind is a group heading


def test_inactive_organisations_are_not_listed(personas, signed_in) -> None:
    OrganisationFactory(
        name="Gemeente Opgeheven", region=personas.municipality_a.region, is_active=False
    )

    page = signed_in(personas.lead_a).get(DIRECTORY).content.decode()

    assert "Gemeente Opgeheven" not in page


def test_detail_page_shows_organisation_of_own_directory(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).get(detail_url(personas.police))

    assert response.status_code == 200
    assert personas.police.mailbox in response.content.decode()


def test_detail_page_of_other_region_is_not_found(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)

    assert client.get(detail_url(personas.municipality_other_region)).status_code == 404
    assert client.get(reverse("network:directory_detail", args=[uuid.uuid4()])).status_code == 404


def test_outsider_gets_404_for_detail_in_noordkaap(personas, signed_in) -> None:
    response = signed_in(personas.outsider).get(detail_url(personas.municipality_a))

    assert response.status_code == 404


def test_user_without_membership_sees_only_national_organisations(personas, signed_in) -> None:
    page = signed_in(personas.superuser).get(DIRECTORY).content.decode()

    assert personas.nctv.name in page
    assert personas.municipality_a.name not in page


def test_directory_needs_sign_in(personas, client) -> None:
    response = client.get(DIRECTORY)

    assert response.status_code == 302


def test_directory_query_count_does_not_grow_with_organisations(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for number in range(15):
        organisation = OrganisationFactory(region=personas.municipality_a.region)
        InterventionOptionFactory(organisation=organisation, name=f"Optie {number}")
        MembershipFactory(organisation=organisation)
    client = signed_in(personas.lead_a)

    with django_assert_max_num_queries(10):
        response = client.get(DIRECTORY)

    assert response.status_code == 200
