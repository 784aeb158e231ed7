"""Regions, ZVH service areas and collaborations: the platform operator's screens."""

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.network.models import Collaboration, Region, ZvhServiceArea
from schakel.network.tests.factories import OrganisationFactory


def url(name: str, obj=None) -> str:
    return reverse(f"network:{name}", kwargs={"pk": obj.pk} if obj is not None else None)


def test_superuser_sets_the_service_area_of_a_zvh(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    zvh = personas.zvh
    ZvhServiceArea.objects.filter(zvh=zvh).delete()  # the personas come with a service area
    form = client.get(url("admin_service_area", zvh)).content.decode()
    assert personas.municipality_a.name in form
    assert personas.police.name not in form  # only municipalities can be served

    response = client.post(
        url("admin_service_area", zvh),
        {"municipalities": [str(personas.municipality_a.pk), str(personas.municipality_b.pk)]},
    )

    assert response.status_code == 302
    served = set(ZvhServiceArea.objects.filter(zvh=zvh).values_list("municipality", flat=True))
    assert served == {personas.municipality_a.pk, personas.municipality_b.pk}
    record = LogRecord.objects.get(name="network.service_area.set")
    assert record.attributes["added"] == 2

    client.post(
        url("admin_service_area", zvh), {"municipalities": [str(personas.municipality_a.pk)]}
    )
    assert ZvhServiceArea.objects.filter(zvh=zvh).count() == 1


def test_municipality_served_by_another_zvh_is_not_offered(personas, signed_in) -> None:
    other_zvh = OrganisationFactory(name="ZVH Elders", kind="zvh")
    elsewhere = OrganisationFactory(name="Gemeente Elderveen")
    unserved = OrganisationFactory(name="Gemeente Nergenshuizen")
    ZvhServiceArea.objects.create(zvh=other_zvh, municipality=elsewhere)

    form = signed_in(personas.superuser).get(url("admin_service_area", personas.zvh)).content

    assert elsewhere.name not in form.decode()
    assert unserved.name in form.decode()


def test_service_area_of_an_organisation_that_is_no_zvh_is_not_found(personas, signed_in) -> None:
    response = signed_in(personas.superuser).get(url("admin_service_area", personas.police))

    assert response.status_code == 404


def test_superuser_creates_and_renames_a_region(personas, signed_in) -> None:
    client = signed_in(personas.superuser)

    assert client.post(url("admin_region_create"), {"name": "Regio Oostwoud"}).status_code == 302
    region = Region.objects.get(name="Regio Oostwoud")
    assert (
        client.post(url("admin_region_update", region), {"name": "Regio Oost"}).status_code == 302
    )

    region.refresh_from_db()
    assert region.name == "Regio Oost"
    assert LogRecord.objects.filter(name__startswith="network.region.").count() == 2
    assert "Regio Oost" in client.get(url("admin_regions")).content.decode()


def test_superuser_creates_and_changes_a_collaboration(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    members = [str(personas.municipality_a.pk), str(personas.police.pk)]

    response = client.post(
        url("admin_collaboration_create"),
        {"name": "Veiligheidsalliantie Noordkaap", "kind": "safety_alliance", "members": members},
    )
    assert response.status_code == 302
    collaboration = Collaboration.objects.get()
    assert set(collaboration.members.all()) == {personas.municipality_a, personas.police}

    response = client.post(
        url("admin_collaboration_update", collaboration),
        {
            "name": "Veiligheidsalliantie Noordkaap",
            "kind": "safety_alliance",
            "region": str(personas.municipality_a.region_id),
            "members": [str(personas.municipality_b.pk)],
        },
    )
    assert response.status_code == 302
    assert list(collaboration.members.all()) == [personas.municipality_b]
    assert LogRecord.objects.filter(name__startswith="network.collaboration.").count() == 2
    assert (
        "Veiligheidsalliantie Noordkaap" in client.get(url("admin_collaborations")).content.decode()
    )


@pytest.mark.parametrize("persona", ["admin_a", "lead_a", "privacy_officer_a", "outsider"])
def test_only_the_platform_operator_manages_the_network(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))
    region = personas.municipality_a.region
    collaboration = Collaboration.objects.create(name="Samen", kind="provincial")
    urls = [
        url("admin_regions"),
        url("admin_region_create"),
        url("admin_region_update", region),
        url("admin_collaborations"),
        url("admin_collaboration_create"),
        url("admin_collaboration_update", collaboration),
        url("admin_service_area", personas.zvh),
    ]

    for target in urls:
        assert client.get(target).status_code == 404, target
        assert client.post(target, {"name": "Overgenomen", "kind": "provincial"}).status_code == 404
    region.refresh_from_db()
    assert region.name != "Overgenomen"
    assert not LogRecord.objects.filter(name__startswith="network.").exists()


def test_collaboration_list_query_count_is_bounded(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for number in range(10):
        collaboration = Collaboration.objects.create(name=f"Verband {number}", kind="provincial")
        collaboration.members.set([OrganisationFactory(), OrganisationFactory()])
    client = signed_in(personas.superuser)

    with django_assert_max_num_queries(10):
        assert client.get(url("admin_collaborations")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url("admin_regions")).status_code == 200
