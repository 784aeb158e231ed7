"""The meetings API per persona and at work: members read, managers change, others get 404
(problem+json); person data and bad files refused as problems, nothing left on disk."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from schakel.api.tests.helpers import PROBLEM, assert_not_found, messages, patch, post, put, url
from schakel.regional_meetings.choices import ActionStatus, MeetingStatus
from schakel.regional_meetings.models import ActionPoint, Decision, MeetingAttachment, MeetingSeries
from schakel.regional_meetings.tests.helpers import (
    MANAGERS,
    OUTSIDERS,
    PDF_BYTES,
    READERS,
    files_on_disk,
    membership,
    user_of,
)

pytestmark = pytest.mark.django_db
BSN_TEXT = "Besproken: persoon met BSN 999900018 wordt gevolgd."


def reads(world: Any) -> list[str]:
    m = world.meeting.pk
    return [
        url("network-meeting-series-detail", world.series.pk),
        url("network-meeting-detail", m),
        url("network-meeting-agenda-items", m),
        url("network-meeting-minutes", m),
        url("network-meeting-attachments", m),
        url("network-meeting-decisions", m),
        url("network-meeting-action-points", m),
        url("network-meeting-attachment-detail", world.attachment.pk),
        url("working-group-detail", world.group.pk),
    ]


def writes(world: Any, network: Any) -> list[tuple[str, str, dict[str, Any]]]:
    m = world.meeting.pk
    later = (timezone.now() + timedelta(days=60)).isoformat()
    return [
        ("post", url("network-meeting-decisions", m), {"text": "Besloten."}),
        ("post", url("network-meeting-agenda-items", m), {"title": "Opening"}),
        ("put", url("network-meeting-minutes", m), {"minutes": "Notulen."}),
        ("post", url("network-meeting-move", m), {"starts_at": later, "reason": "Zaal bezet"}),
        ("post", url("network-meeting-cancel", m), {"reason": "Reces"}),
        (
            "post",
            url("network-meeting-list"),
            {
                "collaboration": str(network.partnership.pk),
                "title": "Extra overleg",
                "place": "Online",
                "starts_at": later,
                "duration_minutes": 60,
            },
        ),
    ]


def more_writes(world: Any, network: Any) -> list[tuple[str, str, dict[str, Any]]]:
    series_body = {
        "title": "Bestuurlijk overleg",
        "place": "Online",
        "first_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "start_time": "14:00",
        "duration_minutes": 90,
        "interval_weeks": 6,
        "count": 5,
    }
    return [
        ("put", url("network-meeting-series-detail", world.series.pk), series_body),
        (
            "post",
            url("working-group-list"),
            {"collaboration": str(network.partnership.pk), "name": "Werkgroep jeugd"},
        ),
    ]


def send(client: Any, method: str, path: str, body: dict[str, Any]) -> Any:
    return {"post": post, "put": put, "patch": patch}[method](client, path, body)


@pytest.mark.parametrize("persona", MANAGERS)
def test_managers_read_and_change(personas, network, world, api_client, persona) -> None:
    client = api_client(user_of(personas, network, persona))
    for path in reads(world):
        assert client.get(path).status_code == 200, path
    for method, path, body in writes(world, network) + more_writes(world, network):
        response = send(client, method, path, body)
        assert response.status_code in (200, 201), (path, response.content)
    removed = client.delete(url("network-meeting-attachment-detail", world.attachment.pk))
    assert removed.status_code == 204
    assert not MeetingAttachment.objects.exists()


@pytest.mark.parametrize("persona", READERS)
def test_members_read_but_do_not_change(personas, network, world, api_client, persona) -> None:
    client = api_client(user_of(personas, network, persona))
    for path in reads(world):
        assert client.get(path).status_code == 200, path
    for method, path, body in writes(world, network) + more_writes(world, network):
        assert_not_found(send(client, method, path, body))
    assert_not_found(client.delete(url("network-meeting-attachment-detail", world.attachment.pk)))
    assert MeetingAttachment.objects.count() == 1
    assert not Decision.objects.exists()
    world.meeting.refresh_from_db()
    assert world.meeting.status == MeetingStatus.PLANNED


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_get_404(personas, network, world, api_client, persona) -> None:
    client = api_client(user_of(personas, network, persona))
    for path in reads(world):
        assert_not_found(client.get(path))
    for method, path, body in writes(world, network) + more_writes(world, network):
        assert_not_found(send(client, method, path, body))
    assert_not_found(client.delete(url("network-meeting-attachment-detail", world.attachment.pk)))
    for listing in ("network-meeting-series-list", "network-meeting-list", "working-group-list"):
        assert client.get(url(listing)).json()["results"] == []


def test_a_series_is_planned_and_listed(personas, network, api_client) -> None:
    client = api_client(network.coordinator)
    body = {
        "collaboration": str(network.partnership.pk),
        "title": "Zesweeks bestuurlijk overleg",
        "place": "Online",
        "first_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "start_time": "10:00",
        "duration_minutes": 120,
        "interval_weeks": 6,
        "count": 3,
    }
    response = post(client, url("network-meeting-series-list"), body)
    assert response.status_code == 201, response.content
    series = MeetingSeries.objects.get()
    listed = (
        api_client(personas.lead_a).get(url("network-meeting-list") + f"?series={series.pk}").json()
    )
    assert listed["count"] == 3
    assert_not_found(post(api_client(personas.lead_a), url("network-meeting-series-list"), body))


@pytest.mark.parametrize(
    ("name", "method", "field", "body"),
    [
        ("network-meeting-decisions", "post", "text", {"text": BSN_TEXT}),
        ("network-meeting-minutes", "put", "minutes", {"minutes": BSN_TEXT}),
        (
            "network-meeting-agenda-items",
            "post",
            "explanation",
            {"title": "Casus", "explanation": BSN_TEXT},
        ),
    ],
)
def test_person_data_is_a_validation_problem(
    network, world, api_client, name, method, field, body
) -> None:
    response = send(api_client(network.coordinator), method, url(name, world.meeting.pk), body)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "burgerservicenummer" in messages(response)[field][0]


def upload(client: Any, world: Any, name: str, content: bytes) -> Any:
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(
        url("network-meeting-attachments", world.meeting.pk), {"part": "minutes", "file": file}
    )


def test_a_fake_pdf_is_refused_by_the_api_without_a_trace(network, world, api_client) -> None:
    before = files_on_disk()
    response = upload(api_client(network.coordinator), world, "notulen.pdf", b"<html>nep</html>")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "file" in messages(response)
    assert files_on_disk() == before
    assert MeetingAttachment.objects.count() == 1


def test_an_oversized_file_is_refused_by_the_api_without_a_trace(
    network, world, api_client, settings
) -> None:
    settings.SCHAKEL_ATTACHMENT_MAX_BYTES = 64
    before = files_on_disk()
    response = upload(api_client(network.coordinator), world, "notulen.pdf", PDF_BYTES + b"0" * 100)
    assert response.status_code == 400
    assert "groter dan" in messages(response)["file"][0]
    assert files_on_disk() == before


def test_an_upload_is_downloaded_by_members_only(personas, network, world, api_client) -> None:
    response = upload(api_client(network.coordinator), world, "notulen.pdf", PDF_BYTES)
    assert response.status_code == 201, response.content
    path = url("network-meeting-attachment-detail", response.json()["id"])
    download = api_client(personas.police_member).get(path)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert_not_found(api_client(personas.outsider).get(path))


def test_an_action_point_shows_its_owner_as_function_and_organisation(
    personas, network, world, api_client
) -> None:
    owner = membership(personas.lead_a)
    body = {
        "description": "Factsheet rondsturen",
        "owner": str(personas.municipality_a.pk),
        "owner_membership": str(owner.pk),
        "due_on": (timezone.localdate() + timedelta(days=5)).isoformat(),
    }
    response = post(
        api_client(network.coordinator),
        url("network-meeting-action-points", world.meeting.pk),
        body,
    )
    assert response.status_code == 201, response.content
    shown = response.json()["owner_membership"]
    assert personas.municipality_a.name in shown
    assert personas.lead_a.full_name not in shown
    action = ActionPoint.objects.get()
    done = patch(
        api_client(personas.lead_a),
        url("network-action-point-detail", action.pk),
        {"status": "done"},
    )
    assert done.status_code == 200
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_an_upload_sent_twice_with_one_idempotency_key_is_stored_once(
    network, world, api_client
) -> None:
    client = api_client(network.coordinator)

    def send(content: bytes) -> Any:
        file = SimpleUploadedFile("notulen.pdf", content, content_type="application/pdf")
        return client.post(
            url("network-meeting-attachments", world.meeting.pk),
            {"part": "minutes", "file": file},
            headers={"Idempotency-Key": "upload-1"},
        )

    first, again = send(PDF_BYTES), send(PDF_BYTES)
    assert first.status_code == 201
    assert again.status_code == 201
    assert again.json() == {"id": first.json()["id"]}
    assert again["Idempotent-Replayed"] == "true"
    assert MeetingAttachment.objects.count() == 2  # the world's one and this one, once
    other = send(PDF_BYTES + b"% another file\n")
    assert other.status_code == 422
