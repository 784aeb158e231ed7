"""The knowledge-base API: who gets 200 and who 404 per persona, search with q and filters,
adding an item and a version, the attachment, and problem+json for refused input."""

import base64
from typing import Any

import pytest

from schakel.api.tests.helpers import assert_not_found, assert_problem, post, url
from schakel.knowledge.models import KnowledgeItem
from schakel.knowledge.tests.conftest import PDF_BYTES, Knowledge
from schakel.knowledge.tests.test_views import EVERYONE, PARTNERSHIP_MEMBERS, user

pytestmark = pytest.mark.django_db
PDF_CONTENT = base64.b64encode(PDF_BYTES).decode()


def _body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "protocol",
        "title": "Protocol opschaling",
        "summary": "Wie wat doet bij acute dreiging.",
        "themes": ["Opschaling"],
        "note": "Eerste versie.",
        "body": "De regievoerder belt de politie.",
    }
    body.update(overrides)
    return body


@pytest.mark.parametrize("who", EVERYONE)
def test_read_access_per_persona(
    signed_in: Any, personas: Any, network: Any, knowledge: Knowledge, who: str
) -> None:
    client = signed_in(user(who, personas, network, knowledge))
    listed = {row["title"] for row in client.get(url("knowledge-item-list")).json()["results"]}
    expected = {"Landelijke factsheet jihadisme"}
    if who in PARTNERSHIP_MEMBERS:
        expected.add("Handboek signalering")
    if who in ("outsider", "coordinator_other"):
        expected.add("Protocol Zuidmeer")
    assert listed == expected
    item = knowledge.partnership
    version = item.versions.get()
    paths = [
        url("knowledge-item", item.pk),
        url("knowledge-version-list", item.pk),
        url("knowledge-version", item.pk, version.pk),
        url("knowledge-attachment", item.pk, version.pk),
    ]
    for path in paths:
        response = client.get(path)
        if who in PARTNERSHIP_MEMBERS:
            assert response.status_code == 200, path
        else:
            assert_not_found(response)
    national = knowledge.national
    assert client.get(url("knowledge-item", national.pk)).status_code == 200


@pytest.mark.parametrize("who", EVERYONE)
def test_write_access_per_persona(
    signed_in: Any, personas: Any, network: Any, knowledge: Knowledge, who: str
) -> None:
    client = signed_in(user(who, personas, network, knowledge))
    managers = {"coordinator", "chair"}
    response = post(
        client, url("knowledge-item-list"), _body(collaboration=str(network.partnership.pk))
    )
    if who in managers:
        assert response.status_code == 201, response.content
    else:
        assert_not_found(response)
    response = post(client, url("knowledge-item-list"), _body(title="Landelijk protocol"))
    if who in ("nctv_member", "operator"):
        assert response.status_code == 201, response.content
        assert response.json()["collaboration"] is None
    else:
        assert_not_found(response)
    response = post(
        client,
        url("knowledge-version-list", knowledge.partnership.pk),
        _body(title="Handboek signalering", note="Herzien."),
    )
    if who in managers:
        assert response.status_code == 201, response.content
        assert response.json()["number"] == 2
    else:
        assert_not_found(response)


def test_search_and_filters(signed_in: Any, network: Any, knowledge: Knowledge) -> None:
    client = signed_in(network.coordinator)

    def titles(**query: Any) -> list[str]:
        response = client.get(url("knowledge-item-list"), query)
        assert response.status_code == 200, response.content
        return [row["title"] for row in response.json()["results"]]

    assert titles(q="handboeken") == ["Handboek signalering"]
    assert set(titles(q="radicalisering")) == {
        "Handboek signalering",
        "Landelijke factsheet jihadisme",
    }
    assert titles(kind="handbook") == ["Handboek signalering"]
    assert titles(theme="signalering") == ["Handboek signalering"]
    assert titles(theme="bestaat niet") == []
    assert titles(national="true") == ["Landelijke factsheet jihadisme"]
    assert titles(collaboration=str(network.alliance.pk)) == []
    assert_problem(client.get(url("knowledge-item-list"), {"kind": "roman"}), 400, "validation")


def test_an_item_with_an_attachment_and_its_versions(
    signed_in: Any, network: Any, knowledge: Knowledge
) -> None:
    client = signed_in(network.chair)
    attachment = {"name": "protocol.pdf", "content": base64.b64encode(PDF_BYTES).decode()}
    response = post(
        client,
        url("knowledge-item-list"),
        _body(collaboration=str(network.partnership.pk), attachment=attachment, owner_is_me=True),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["current_version"]["attachment"]["name"] == "protocol.pdf"
    assert data["contact"].endswith(")")  # function – organisation (mailbox)
    assert data["may_edit"] is True
    download = client.get(data["current_version"]["attachment"]["url"])
    assert download.status_code == 200
    assert base64.b64decode(download.json()["content"]) == PDF_BYTES
    assert download.json()["content_type"] == "application/pdf"

    response = post(
        client,
        url("knowledge-version-list", data["id"]),
        _body(note="Tweede versie.", body="Aangevuld."),
    )
    assert response.status_code == 201
    assert response.json()["attachment"]["name"] == "protocol.pdf"  # kept
    versions = client.get(url("knowledge-version-list", data["id"])).json()["results"]
    assert [(v["number"], v["is_current"]) for v in versions] == [(2, True), (1, False)]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"summary": "Over BSN 999900018."}, "summary"),
        ({"body": "Geboren op 3 mei 2001."}, "body"),
        ({"attachment": {"name": "x.pdf", "content": "bm90IGEgcGRm"}}, "attachment"),
        ({"attachment": {"name": "x.pdf", "content": "***"}}, "attachment.content"),
        (
            {"attachment": {"name": "BSN 999900018.pdf", "content": PDF_CONTENT}},
            "attachment",
        ),
        ({"body": "", "note": ""}, "note"),
    ],
)
def test_refused_input_is_a_validation_problem(
    signed_in: Any, network: Any, overrides: dict[str, Any], field: str
) -> None:
    client = signed_in(network.coordinator)
    response = post(
        client,
        url("knowledge-item-list"),
        _body(collaboration=str(network.partnership.pk), **overrides),
    )
    data = assert_problem(response, 400, "validation")
    assert any(error["field"] == field for error in data["errors"]), data
    assert not KnowledgeItem.objects.filter(title="Protocol opschaling").exists()


@pytest.mark.parametrize(("spare", "status"), [(0, 201), (-1, 400)])
def test_the_size_limit_counts_the_decoded_bytes(
    signed_in: Any, network: Any, settings: Any, spare: int, status: int
) -> None:
    settings.SCHAKEL_ATTACHMENT_MAX_BYTES = len(PDF_BYTES) + spare
    client = signed_in(network.coordinator)
    attachment = {"name": "protocol.pdf", "content": PDF_CONTENT}
    response = post(
        client,
        url("knowledge-item-list"),
        _body(collaboration=str(network.partnership.pk), attachment=attachment),
    )
    assert response.status_code == status, response.content
    if status == 400:
        data = assert_problem(response, 400, "validation")
        assert any(e["field"].startswith("attachment") for e in data["errors"]), data
