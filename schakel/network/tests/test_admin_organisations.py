"""Administration of organisations and intervention options, per persona."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from schakel.accounts.organisations import services
from schakel.audit.models import LogRecord
from schakel.network.models import InterventionOption, Organisation
from schakel.network.tests.factories import InterventionOptionFactory, OrganisationFactory


def url(name: str, obj=None) -> str:
    return reverse(f"network:{name}", kwargs={"pk": obj.pk} if obj is not None else None)


def logged(name: str) -> int:
    return LogRecord.objects.filter(name=name).count()


def test_functional_admin_lists_only_own_organisation(personas, signed_in) -> None:
    page = signed_in(personas.admin_a).get(url("admin_organisations")).content.decode()

    assert personas.municipality_a.name in page
    assert personas.municipality_b.name not in page
    assert "Nieuwe organisatie" not in page


def test_superuser_lists_every_organisation_and_may_create(personas, signed_in) -> None:
    page = signed_in(personas.superuser).get(url("admin_organisations")).content.decode()

    assert personas.municipality_a.name in page
    assert personas.municipality_other_region.name in page
    assert "Nieuwe organisatie" in page


def test_functional_admin_reads_and_edits_contact_of_own_organisation(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    organisation = personas.municipality_a
    organisation.may_process_bsn = False
    organisation.save(update_fields=["may_process_bsn"])

    assert client.get(url("admin_organisation", organisation)).status_code == 200
    response = client.post(
        url("admin_organisation_update", organisation),
        {
            "mailbox": "veiligheid@aldermeer.example",
            "legal_framework": "Wet verwerking PGA",
            # Registration facts are not in the admin's form: they are ignored.
            "name": "Gemeente Anders",
            "may_process_bsn": "on",
            "kind": "police",
        },
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.mailbox == "veiligheid@aldermeer.example"
    assert organisation.legal_framework == "Wet verwerking PGA"
    assert organisation.name == "Gemeente Aldermeer"
    assert organisation.may_process_bsn is False
    assert organisation.kind == "municipality"
    record = LogRecord.objects.get(name="network.organisation.update")
    assert record.attributes["fields"] == "legal_framework,mailbox"
    assert record.actor_user_id == str(personas.admin_a.pk)


def test_functional_admin_of_a_gets_404_for_organisation_b(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    other = personas.municipality_b
    before = logged("network.organisation.update")

    assert client.get(url("admin_organisation", other)).status_code == 404
    assert client.get(url("admin_organisation_update", other)).status_code == 404
    response = client.post(url("admin_organisation_update", other), {"mailbox": "x@example.org"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.mailbox != "x@example.org"
    assert logged("network.organisation.update") == before


def test_superuser_edits_registration_facts(personas, signed_in) -> None:
    organisation = personas.school
    response = signed_in(personas.superuser).post(
        url("admin_organisation_update", organisation),
        {
            "name": organisation.name,
            "kind": "police",
            "region": str(organisation.region_id),
            "mailbox": organisation.mailbox,
            "legal_framework": "Wpg",
            "may_process_bsn": "on",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.may_process_bsn is True
    assert (
        "may_process_bsn"
        in LogRecord.objects.get(name="network.organisation.update").attributes["fields"]
    )


def test_superuser_creates_organisation_and_it_is_logged(personas, signed_in) -> None:
    response = signed_in(personas.superuser).post(
        url("admin_organisation_create"),
        {
            "name": "Reclassering Noordkaap",
            "kind": "probation",
            "region": str(personas.municipality_a.region_id),
            "mailbox": "pga@reclassering.example",
            "legal_framework": "Wjsg",
            "is_active": "on",
        },
    )

    created = Organisation.objects.get(name="Reclassering Noordkaap")
    assert response.status_code == 302
    assert response["Location"] == url("admin_organisation", created)
    assert LogRecord.objects.get(name="network.organisation.create").attributes == {
        "organisation": str(created.pk)
    }


def test_functional_admin_cannot_create_organisations(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    assert client.get(url("admin_organisation_create")).status_code == 404
    response = client.post(
        url("admin_organisation_create"),
        {"name": "Eigen club", "kind": "other", "mailbox": "a@b.example", "is_active": "on"},
    )

    assert response.status_code == 404
    assert not Organisation.objects.filter(name="Eigen club").exists()


def test_service_refuses_registration_changes_by_functional_admin(personas) -> None:
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            by=personas.admin_a,
            organisation=personas.municipality_a,
            changes={"may_process_bsn": True},
        )


def test_functional_admin_adds_edits_and_removes_intervention_option(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    organisation = personas.municipality_a

    response = client.post(
        url("admin_option_create", organisation),
        {"name": "Mentortraject", "description": "Begeleiding door een mentor"},
    )
    assert response.status_code == 302
    option = InterventionOption.objects.get(organisation=organisation, name="Mentortraject")

    response = client.post(
        url("admin_option_update", option), {"name": "Mentorproject", "description": ""}
    )
    assert response.status_code == 302
    option.refresh_from_db()
    assert option.name == "Mentorproject"

    confirm = client.get(url("admin_option_delete", option))
    assert confirm.status_code == 200
    assert InterventionOption.objects.filter(pk=option.pk).exists()
    response = client.post(url("admin_option_delete", option))
    assert response.status_code == 302
    assert not InterventionOption.objects.filter(pk=option.pk).exists()

    for name in ("create", "update", "delete"):
        assert logged(f"network.intervention_option.{name}") == 1


def test_duplicate_intervention_option_name_is_refused(personas, signed_in) -> None:
    InterventionOptionFactory(organisation=personas.municipality_a, name="Huisbezoek")

    response = signed_in(personas.admin_a).post(
        url("admin_option_create", personas.municipality_a), {"name": "Huisbezoek"}
    )

    assert response.status_code == 200
    assert "al een mogelijkheid met die naam" in response.content.decode()
    assert InterventionOption.objects.filter(name="Huisbezoek").count() == 1


def test_functional_admin_of_a_gets_404_for_options_of_b(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    option = InterventionOptionFactory(organisation=personas.municipality_b, name="Gesprek")

    assert client.get(url("admin_option_create", personas.municipality_b)).status_code == 404
    assert (
        client.post(url("admin_option_create", personas.municipality_b), {"name": "X"}).status_code
        == 404
    )
    assert client.get(url("admin_option_update", option)).status_code == 404
    assert client.post(url("admin_option_update", option), {"name": "Y"}).status_code == 404
    assert client.get(url("admin_option_delete", option)).status_code == 404
    assert client.post(url("admin_option_delete", option)).status_code == 404
    option.refresh_from_db()
    assert option.name == "Gesprek"
    assert not LogRecord.objects.filter(name__startswith="network.intervention_option").exists()


@pytest.mark.parametrize(
    "persona", ["lead_a", "colleague_a", "privacy_officer_a", "police_member", "outsider"]
)
def test_non_admin_gets_404_on_every_organisation_screen(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))
    organisation = personas.municipality_a
    option = InterventionOptionFactory(organisation=organisation)
    urls = [
        url("admin_organisations"),
        url("admin_organisation_create"),
        url("admin_organisation", organisation),
        url("admin_organisation_update", organisation),
        url("admin_service_area", personas.zvh),
        url("admin_option_create", organisation),
        url("admin_option_update", option),
        url("admin_option_delete", option),
    ]

    for target in urls:
        assert client.get(target).status_code == 404, target
        assert client.post(target, {"name": "x", "mailbox": "x@x.example"}).status_code == 404
    assert InterventionOption.objects.filter(pk=option.pk).exists()


def test_organisation_list_query_count_is_bounded(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for _ in range(20):
        InterventionOptionFactory(organisation=OrganisationFactory())
    client = signed_in(personas.superuser)

    with django_assert_max_num_queries(10):
        response = client.get(url("admin_organisations"))

    assert response.status_code == 200


def test_service_refuses_options_of_an_organisation_the_admin_does_not_manage(personas) -> None:
    with pytest.raises(PermissionDenied):
        services.intervention_option_create(
            by=personas.admin_a, organisation=personas.municipality_b, name="X", description=""
        )
    assert not InterventionOption.objects.exists()
    assert not LogRecord.objects.filter(name__startswith="network.").exists()


def test_change_is_rolled_back_when_its_log_record_cannot_be_written(personas, monkeypatch) -> None:
    def broken_log(**kwargs):
        raise RuntimeError("log unavailable")

    monkeypatch.setattr(services, "log_processing", broken_log)

    with pytest.raises(RuntimeError):
        services.organisation_update(
            by=personas.admin_a,
            organisation=personas.municipality_a,
            changes={"mailbox": "nieuw@aldermeer.example"},
        )

    personas.municipality_a.refresh_from_db()
    assert personas.municipality_a.mailbox != "nieuw@aldermeer.example"
