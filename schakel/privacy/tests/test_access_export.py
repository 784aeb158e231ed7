"""The access export holds the person's data and the processing list, and nothing else: no staff
names or e-mail addresses, no other persons, no ids, hashes or pseudonyms — checked in the JSON
and in the text extracted from the PDF. Producing it needs step-up and is logged first."""

import io
import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from schakel.accounts.models import User
from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import open_case
from schakel.intake.models import RelatedPerson, Signal
from schakel.intake.tests.factories import membership_of
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests.access_export import collect
from schakel.privacy.requests.access_export_render import access_export_produce
from schakel.privacy.requests.services import request_withdraw
from schakel.privacy.tests.request_factories import (
    ANALYSIS_IDEOLOGY,
    DECISION_TEXT,
    DISCLOSURE_CONTENT,
    INTERVENTION_TEXT,
    OBSERVATION,
    OTHER_SURNAME,
    PERSON_SURNAME,
    RELATIVE_NAME,
    RESEARCH_PURPOSE,
    Story,
    acting,
    answer_all,
    decide,
    full_story,
    register_request,
)

pytestmark = pytest.mark.django_db


UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)
HEX_64 = re.compile(r"\b[0-9a-f]{64}\b")
HEX_32 = re.compile(r"\b[0-9a-f]{32}\b")


@pytest.fixture
def story(personas) -> Story:
    return full_story(personas)


@pytest.fixture
def request_(personas, story) -> SubjectRequest:
    return register_request(personas, story.case)


def produce(personas: Any, request: SubjectRequest, export_format: str) -> bytes:
    with acting(personas.lead_a):
        return access_export_produce(
            membership=membership_of(personas.lead_a),
            request=request,
            export_format=export_format,
        ).content


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def forbidden_values(personas: Any, story: Story) -> list[str]:
    """Staff names and e-mail addresses, other persons and every internal id and pseudonym."""
    values = []
    for user in User.objects.all():
        values += [user.full_name, user.email]
    values += [RELATIVE_NAME, OTHER_SURNAME, "Gerda", "Zwartendijk"]
    values += [str(pk) for pk in Signal.objects.values_list("pk", flat=True)]
    values += [str(story.case.pk), str(story.case.subject_id), str(story.disclosure.pk)]
    values += list(
        LogRecord.objects.values_list("data_subject_id", flat=True).exclude(data_subject_id="")
    )
    values += list(LogRecord.objects.values_list("record_hash", flat=True))
    values += list(LogRecord.objects.values_list("trace_id", flat=True))
    return [v for v in values if v]


def assert_only_the_person(text: str, personas: Any, story: Story) -> None:
    leaked = [value for value in forbidden_values(personas, story) if value in text]
    assert leaked == []
    assert not UUID.search(text)
    assert not HEX_64.search(text)
    assert not HEX_32.search(text)


PERSON_CONTENT = [
    PERSON_SURNAME,
    "Daan Pieter",
    OBSERVATION,
    ANALYSIS_IDEOLOGY,
    DISCLOSURE_CONTENT,
    INTERVENTION_TEXT,
    DECISION_TEXT,
    RESEARCH_PURPOSE,
]
PROCESSING_ENTRIES = [
    "Signaal geregistreerd",
    "Casus geopend",
    "Informatie verstrekt aan tafel",
    "Verzoek van de betrokkene geregistreerd",
    "Inzage-export gemaakt",
    "Beleidsmedewerker – Politie-eenheid Noordkaap",
    "Wet gegevensverwerking",
]


def test_the_json_export_holds_the_person_and_the_processing_list_only(
    personas, story, request_
) -> None:
    # The planted person in the direct environment and the reporter exist in the database.
    assert RelatedPerson.objects.filter(signal=story.signal).exists()

    content = produce(personas, request_, "json")

    text = content.decode()
    data = json.loads(text)
    for value in PERSON_CONTENT + PROCESSING_ENTRIES:
        assert value in text, value
    assert data["identity"][0]["surname"] == PERSON_SURNAME
    assert data["signals"][0]["observation"] == OBSERVATION
    [case] = data["cases"]
    assert case["directing_municipality"] == "Gemeente Aldermeer"
    assert case["disclosures"][0]["from_organisation"] == "Politie-eenheid Noordkaap"
    assert case["disclosures"][0]["to_organisations"] == ["Gemeente Aldermeer", "ZVH Noordkaap"]
    assert {"life_domain": "Ideologie", "text": ANALYSIS_IDEOLOGY} in case["action_plan_versions"][
        0
    ]["analysis"]
    actions = [row["action"] for row in data["processing"]]
    assert actions[-1] == "Inzage-export gemaakt"
    assert all(row["legal_bases"] for row in data["processing"])
    assert all(set(row) == {"when", "activity", "action", "organisation", "by", "legal_bases"}
               for row in data["processing"])  # fmt: skip
    assert data["withheld"] == []
    assert_only_the_person(text, personas, story)


def test_the_pdf_export_holds_the_same_and_is_marked_confidential(
    personas, story, request_
) -> None:
    content = produce(personas, request_, "pdf")

    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "VERTROUWELIJK" in text
    for value in [PERSON_SURNAME, "Daan Pieter", "Ideologie", "Signaal geregistreerd"]:
        assert value in text, value
    for value in (OBSERVATION, DISCLOSURE_CONTENT):
        assert " ".join(value.split()[:4]) in text, value
    assert "Politie-eenheid Noordkaap" in text
    assert_only_the_person(text, personas, story)


def test_producing_the_export_is_logged_before_it_is_returned(personas, request_) -> None:
    produce(personas, request_, "pdf")
    produce(personas, request_, "json")

    logs = LogRecord.objects.filter(name="access_export").order_by("sequence")
    assert [log.attributes["format"] for log in logs] == ["pdf", "json"]
    assert all(log.activity_id == "subject_request" for log in logs)
    assert {log.actor_user_id for log in logs} == {str(personas.lead_a.pk)}


def test_an_objection_withholds_that_organisations_parts_unless_granted_in_full(
    personas, story, request_
) -> None:
    answer_all(request_, personas, objecting=personas.police)
    decide(
        personas,
        request_,
        "partially_granted",
        restriction="criminal_investigation",
        grounds="Een deel raakt een lopend strafrechtelijk onderzoek.",
    )

    data = json.loads(produce(personas, request_, "json"))

    assert DISCLOSURE_CONTENT not in json.dumps(data)
    assert data["withheld"] == [
        {
            "organisation": "Politie-eenheid Noordkaap",
            "ground": "Lopend strafrechtelijk onderzoek",
            "statement": "Deels niet verstrekt op grond van: Lopend strafrechtelijk onderzoek.",
        }
    ]
    assert not any(row["organisation"] == "Politie-eenheid Noordkaap" for row in data["processing"])
    text = pdf_text(produce(personas, request_, "pdf"))
    assert "deels niet verstrekt op grond van Lopend strafrechtelijk onderzoek" in text


@pytest.mark.parametrize("situation", ["erasure", "refused", "withdrawn", "no_identity"])
def test_no_export_for_other_kinds_refusals_or_an_unknown_requester(personas, situation) -> None:
    case = open_case(personas)
    if situation == "erasure":
        request = register_request(personas, case, kind="erasure")
    elif situation == "no_identity":
        request = register_request(
            personas, case, identity_verified_on=None, identity_verification_note=""
        )
    else:
        request = register_request(personas, case)
        if situation == "refused":
            decide(personas, request, "refused", grounds="Niet onderbouwd.", without_all_input=True)
        else:
            request_withdraw(membership=membership_of(personas.lead_a), request=request)

    with pytest.raises(ValidationError):
        produce(personas, request, "json")
    assert not LogRecord.objects.filter(name="access_export").exists()


def test_a_granted_request_can_still_be_exported(personas, request_) -> None:
    decide(personas, request_, without_all_input=True)

    data = collect(request_)

    assert data["requests"][0]["decision"] == "Toegewezen"


# --- the screens and the API --------------------------------------------------------------------


def export_url(request: SubjectRequest, export_format: str) -> str:
    return reverse(
        "privacy:request_export", kwargs={"pk": request.pk, "export_format": export_format}
    )


def test_a_stale_step_up_sends_the_user_to_step_up_first(personas, signed_in, request_) -> None:
    client = signed_in(personas.lead_a)
    session = client.session
    session["step_up_at"] = (timezone.now() - timedelta(hours=1)).isoformat()
    session.save()

    response = client.get(export_url(request_, "pdf"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not LogRecord.objects.filter(name="access_export").exists()


def test_the_contact_point_downloads_the_export_after_step_up(
    personas, signed_in, request_
) -> None:
    response = signed_in(personas.lead_a).get(export_url(request_, "pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="inzage-{request_.reference}.pdf"'
    )
    assert response["Cache-Control"] == "no-store"
    assert LogRecord.objects.filter(name="access_export").count() == 1


@pytest.mark.parametrize(
    "persona", ["lead_b", "police_member", "police_privacy_officer", "outsider"]
)
def test_nobody_else_gets_the_export(personas, signed_in, request_, persona) -> None:
    response = signed_in(getattr(personas, persona)).get(export_url(request_, "json"))

    assert response.status_code == 404
    assert not LogRecord.objects.filter(name="access_export").exists()


def test_the_api_export_refuses_a_token_and_a_stale_session(
    personas, api_client, signed_in, request_
) -> None:
    path = reverse("v1:subject-request-access-export", args=[request_.pk])

    by_token = api_client(personas.lead_a).get(path)
    assert by_token.status_code == 403
    assert by_token["Content-Type"] == "application/problem+json"
    assert by_token.json()["type"] == "urn:schakel:problem:step-up-required"

    session_client = signed_in(personas.lead_a)
    session = session_client.session
    session["step_up_at"] = (timezone.now() - timedelta(hours=1)).isoformat()
    session.save()
    assert session_client.get(path).json()["type"] == "urn:schakel:problem:step-up-required"
    assert not LogRecord.objects.filter(name="access_export").exists()

    fresh = signed_in(personas.lead_a)
    as_json = fresh.get(path)
    assert as_json.status_code == 200
    assert json.loads(as_json.content)["identity"][0]["surname"] == PERSON_SURNAME
    as_pdf = fresh.get(path + "?format=pdf")
    assert as_pdf.status_code == 200
    assert as_pdf["Content-Type"] == "application/pdf"
    assert api_client(personas.police_member).get(path).status_code == 404
