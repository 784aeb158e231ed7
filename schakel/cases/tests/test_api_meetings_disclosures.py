"""The consultation API's disclosures: recorded by a partner at the table, immutable (a
correction is a new disclosure), seen by their recipients; and the legal-basis catalogue."""

import pytest

from schakel.api.tests.helpers import PROBLEM, assert_not_found, assert_problem, messages, post, url
from schakel.audit.models import LogRecord
from schakel.cases.meetings.services import meeting_set_status
from schakel.cases.models import Disclosure
from schakel.cases.tests.api_helpers import acknowledge, disclosure_body
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

pytestmark = pytest.mark.django_db


# --- disclosures -------------------------------------------------------------------------------


def test_a_partner_records_a_disclosure(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    client = api_client(personas.police_member)

    response = post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))

    assert response.status_code == 201, response.content
    data = response.json()
    disclosure = Disclosure.objects.get()
    assert data["id"] == str(disclosure.pk)
    assert data["from_organisation"]["name"] == "Politie-eenheid Noordkaap"
    assert data["data_categories"] == ["criminal"]
    assert data["corrects"] is None
    assert {r["name"] for r in data["recipients"]} == {"Gemeente Aldermeer", "ZVH Noordkaap"}
    assert data["disclosed_by"].endswith(f"– Politie-eenheid Noordkaap ({personas.police.mailbox})")
    assert LogRecord.objects.filter(name="disclosure_recorded").exists()


def test_a_disclosure_needs_basis_categories_and_note(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)

    response = post(api_client(personas.police_member), url("agenda-item-disclosures", item.pk))

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert messages(response) == {
        "content": ["Vul in wat u inbrengt."],
        "purpose": ["Vul het doel van de verstrekking in."],
        "necessity_note": ["Licht noodzaak, proportionaliteit en subsidiariteit toe."],
        "categories": ["Kies minstens één categorie persoonsgegevens."],
        "legal_basis": ["Kies de grondslag van de verstrekking."],
        "recipients": ["Kies aan wie u de informatie verstrekt."],
    }
    assert not Disclosure.objects.exists()


def test_recipients_must_be_at_the_table(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    body = disclosure_body(personas, recipients=[str(personas.school.pk)])

    response = post(
        api_client(personas.police_member), url("agenda-item-disclosures", item.pk), body
    )

    assert messages(response) == {
        "recipients": ["U verstrekt alleen aan andere organisaties aan tafel."]
    }


def test_disclosures_need_the_acknowledgment(personas, api_client, item) -> None:
    client = api_client(personas.police_member)

    assert_problem(
        client.get(url("agenda-item-disclosures", item.pk)), 409, "acknowledgment-required"
    )
    assert_problem(
        post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas)),
        409,
        "acknowledgment-required",
    )
    assert not Disclosure.objects.exists()


def test_who_sees_which_disclosure(personas, api_client, item) -> None:
    for user in (personas.police_member, personas.om_member, personas.lead_a):
        acknowledge(user, item.meeting)
    to_lead = post(
        api_client(personas.police_member),
        url("agenda-item-disclosures", item.pk),
        disclosure_body(personas, recipients=[str(personas.municipality_a.pk)]),
    ).json()

    lead = api_client(personas.lead_a).get(url("agenda-item-disclosures", item.pk)).json()
    om = api_client(personas.om_member).get(url("agenda-item-disclosures", item.pk)).json()

    assert [row["id"] for row in lead["results"]] == [to_lead["id"]]
    assert om["count"] == 0
    assert_not_found(api_client(personas.om_member).get(url("disclosure-detail", to_lead["id"])))
    detail = api_client(personas.lead_a).get(url("disclosure-detail", to_lead["id"]))
    assert detail.status_code == 200
    assert detail.json()["content"].startswith("Bekend bij de politie")


def test_a_disclosure_cannot_be_changed_or_deleted(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    client = api_client(personas.police_member)
    created = post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))
    path = url("disclosure-detail", created.json()["id"])

    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(
            path, {"content": "Anders"}, content_type="application/json"
        )
        assert_problem(response, 405, "method-not-allowed")
        assert "PUT" not in response["Allow"]
    assert Disclosure.objects.get().content.startswith("Bekend bij de politie")


def test_a_correction_is_a_new_disclosure_and_only_once(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    acknowledge(personas.lead_a, item.meeting)
    client = api_client(personas.police_member)
    original = post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))
    path = url("disclosure-corrections", original.json()["id"])

    assert_not_found(post(api_client(personas.lead_a), path, disclosure_body(personas)))
    response = post(client, path, disclosure_body(personas, content="Correctie: alleen online."))

    assert response.status_code == 201, response.content
    assert response.json()["corrects"] == original.json()["id"]
    assert Disclosure.objects.count() == 2
    assert Disclosure.objects.get(pk=original.json()["id"]).content.startswith("Bekend")
    again = post(client, path, disclosure_body(personas))
    assert_problem(again, 409, "conflict")
    assert "corrigeer de correctie" in again.json()["detail"]
    assert LogRecord.objects.filter(name="disclosure_corrected").exists()


def test_disclosures_in_a_cancelled_meeting_are_a_conflict(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    meeting_set_status(
        membership=membership_of(personas.director), meeting=item.meeting, status="cancelled"
    )

    response = post(
        api_client(personas.police_member),
        url("agenda-item-disclosures", item.pk),
        disclosure_body(personas),
    )

    assert_problem(response, 409, "conflict")


def test_legal_bases_are_the_active_catalogue(
    personas, api_client, django_assert_max_num_queries
) -> None:
    client = api_client(personas.police_member)
    client.get(url("legal-basis-list"))

    with django_assert_max_num_queries(10):
        response = client.get(url("legal-basis-list"))

    assert response.status_code == 200
    rows = response.json()["results"]
    assert {row["code"] for row in rows} == set(
        LegalBasis.objects.filter(is_active=True).values_list("code", flat=True)
    )
    assert set(rows[0]) == {
        "id", "code", "name", "name_en", "citation", "description", "organisation_kinds",
    }  # fmt: skip


def test_disclosures_written_before_the_move_to_cases_still_decrypt(
    personas, api_client, item
) -> None:
    """Disclosures were privacy.Disclosure: their ciphertext is bound to that label. Rows
    written then (here: re-encrypted under the old binding in the table) read as before."""
    from django.db import connection

    from schakel.core import crypto

    acknowledge(personas.police_member, item.meeting)
    client = api_client(personas.police_member)
    post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))
    disclosure = Disclosure.objects.get()
    old = {
        column: crypto.encrypt(f"Oud {column}", context=f"privacy.disclosure.{column}")
        for column in ("content", "purpose", "necessity_note")
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE privacy_disclosure SET content = %s, purpose = %s, necessity_note = %s "
            "WHERE id = %s",
            [old["content"], old["purpose"], old["necessity_note"], disclosure.pk.hex],
        )

    again = Disclosure.objects.get(pk=disclosure.pk)
    assert (again.content, again.purpose, again.necessity_note) == (
        "Oud content",
        "Oud purpose",
        "Oud necessity_note",
    )
    answer = client.get(url("disclosure-detail", disclosure.pk))
    assert answer.status_code == 200
    assert answer.json()["content"] == "Oud content"
