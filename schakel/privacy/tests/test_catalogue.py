"""The legal-basis catalogue, kept by functional admins in the UI: create, change, deactivate,
activate and delete — with the code fixed and deletion refused once a disclosure used a basis."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.activities import AccountActivity
from schakel.audit.models import LogRecord
from schakel.legal.models import LegalBasis
from schakel.privacy.tests.test_desk_support import plant

pytestmark = pytest.mark.django_db


LIST = reverse("privacy:basis_list")
CREATE = reverse("privacy:basis_create")


def url(name: str, basis: LegalBasis) -> str:
    return reverse(f"privacy:{name}", kwargs={"pk": basis.pk})


def form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "code": "wpg-16",
        "name": "Verstrekking van politiegegevens",
        "name_en": "Disclosure of police data",
        "citation": "Wpg art. 16",
        "description": "Politiegegevens voor de persoonsgerichte aanpak.",
        "organisation_kinds": ["police"],
        "processing_activities": ["case_consultation", "weighing"],
        "position": "60",
    }
    data.update(overrides)
    return data


def test_the_functional_admin_lists_the_whole_catalogue(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    LegalBasis.objects.filter(code="avg-6-1-c").update(is_active=False)
    client = signed_in(personas.admin_a)
    client.get(LIST)

    with django_assert_max_num_queries(15):
        page = client.get(LIST).content.decode()

    for basis in LegalBasis.objects.all():
        assert basis.name in page
    assert "Niet actief" in page
    assert "Gemeente" in page  # organisation kinds by their label
    assert reverse("privacy:desk_register_csv") in page


@pytest.mark.parametrize(
    "persona", ["lead_a", "privacy_officer_a", "police_member", "director", "outsider"]
)
def test_everyone_else_gets_404(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))
    basis = LegalBasis.objects.get(code="wet-pga")

    assert client.get(LIST).status_code == 404
    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, form_data()).status_code == 404
    for name in ("basis_update", "basis_deactivate", "basis_activate", "basis_delete"):
        assert client.post(url(name, basis), form_data()).status_code == 404
    assert not LegalBasis.objects.filter(code="wpg-16").exists()
    assert LegalBasis.objects.get(code="wet-pga").is_active


def test_a_new_basis_is_saved_with_its_kinds_and_activities_and_logged(personas, signed_in) -> None:
    response = signed_in(personas.admin_a).post(CREATE, form_data())

    assert response.status_code == 302
    basis = LegalBasis.objects.get(code="wpg-16")
    assert basis.organisation_kinds == ["police"]
    assert basis.citation == "Wpg art. 16"
    assert basis.position == 60
    assert set(basis.processing_activities.values_list("key", flat=True)) == {
        "case_consultation",
        "weighing",
    }
    record = LogRecord.objects.get(name="legal_basis.created")
    assert record.activity_id == AccountActivity.ACCOUNT_ADMINISTRATION
    assert record.actor_user_id == str(personas.admin_a.pk)
    assert record.data_subject_id == ""
    assert record.attributes == {"legal_basis": "wpg-16"}


def test_invalid_input_is_explained_in_dutch_and_nothing_is_saved(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    bad = client.post(CREATE, form_data(code="Wpg 16!", name=" ", citation=""))
    taken = client.post(CREATE, form_data(code="wet-pga"))

    page = bad.content.decode()
    assert bad.status_code == 200
    assert "Er is nog niets opgeslagen" in page
    assert "kleine letters, cijfers en streepjes" in page
    assert "Vul de naam in." in page
    assert "Er is al een grondslag met deze code." in taken.content.decode()
    assert not LegalBasis.objects.filter(name="Verstrekking van politiegegevens").exists()
    assert not LogRecord.objects.filter(name="legal_basis.created").exists()


def test_a_change_is_saved_and_the_changed_fields_are_logged(personas, signed_in) -> None:
    basis = LegalBasis.objects.get(code="avg-6-1-c")
    client = signed_in(personas.admin_a)
    form = client.get(url("basis_update", basis)).content.decode()

    response = client.post(
        url("basis_update", basis),
        form_data(code="avg-6-1-c-wettelijk", name="Wettelijke verplichting (AVG)"),
    )

    assert basis.name in form
    assert response.status_code == 302
    basis.refresh_from_db()
    assert basis.code == "avg-6-1-c-wettelijk"
    assert basis.name == "Wettelijke verplichting (AVG)"
    record = LogRecord.objects.get(name="legal_basis.updated")
    assert set(record.attributes["fields"].split(",")) >= {"code", "name", "citation"}
    assert "Wettelijke" not in str(record.attributes)


def test_the_code_of_a_basis_used_by_a_disclosure_is_fixed(personas, signed_in) -> None:
    plant(personas)  # a disclosure on wet-pga
    basis = LegalBasis.objects.get(code="wet-pga")
    client = signed_in(personas.admin_a)

    form = client.get(url("basis_update", basis)).content.decode()
    # A disabled field ignores what is posted: the code stays, the rest changes.
    response = client.post(url("basis_update", basis), form_data(code="iets-anders"))

    assert "De code ligt vast" in form
    assert response.status_code == 302
    basis.refresh_from_db()
    assert basis.code == "wet-pga"
    assert basis.citation == "Wpg art. 16"


def test_deactivate_and_activate_again(personas, signed_in, api_client) -> None:
    basis = LegalBasis.objects.get(code="gemeentewet-172")
    client = signed_in(personas.admin_a)

    assert "Wilt u de grondslag" in client.get(url("basis_deactivate", basis)).content.decode()
    client.post(url("basis_deactivate", basis))
    basis.refresh_from_db()
    listed = api_client(personas.lead_a).get(reverse("v1:legal-basis-list")).json()["results"]
    client.post(url("basis_activate", basis))

    assert not basis.is_active
    assert "gemeentewet-172" not in {row["code"] for row in listed}
    basis.refresh_from_db()
    assert basis.is_active
    names = list(
        LogRecord.objects.filter(name__startswith="legal_basis.").values_list("name", flat=True)
    )
    assert names == ["legal_basis.deactivated", "legal_basis.activated"]


def test_an_unused_basis_may_be_deleted_a_used_one_never(personas, signed_in) -> None:
    plant(personas)
    unused = LegalBasis.objects.get(code="avg-6-1-c")
    used = LegalBasis.objects.get(code="wet-pga")
    client = signed_in(personas.admin_a)

    client.post(url("basis_delete", unused))
    refused = client.post(url("basis_delete", used), follow=True)

    assert not LegalBasis.objects.filter(code="avg-6-1-c").exists()
    assert LegalBasis.objects.filter(code="wet-pga").exists()
    assert "wordt niet verwijderd" in refused.content.decode()
    assert LogRecord.objects.filter(name="legal_basis.deleted").count() == 1


def test_changes_need_a_fresh_step_up(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)
    session = client.session
    session["step_up_at"] = (timezone.now() - timedelta(minutes=10)).isoformat()
    session.save()

    response = client.post(CREATE, form_data())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not LegalBasis.objects.filter(code="wpg-16").exists()
