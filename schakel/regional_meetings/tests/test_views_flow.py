"""The pages at work: planning a series, cancelling with a confirmation step, person data
refused with the Dutch message, attachments refused without a trace, downloads."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from schakel.regional_meetings.choices import ActionStatus, MeetingStatus
from schakel.regional_meetings.models import ActionPoint, MeetingAttachment, MeetingSeries
from schakel.regional_meetings.tests.helpers import PDF_BYTES, files_on_disk, membership

pytestmark = pytest.mark.django_db
BSN_TEXT = "Besproken: persoon met BSN 999900018 wordt gevolgd."


def u(name: str, **kwargs: Any) -> str:
    return reverse(f"regional_meetings:{name}", kwargs=kwargs)


def test_the_coordinator_plans_a_six_weekly_series(network, signed_in) -> None:
    client = signed_in(network.coordinator)
    first = timezone.localdate() + timedelta(days=10)
    response = client.post(
        u("series_create", collaboration=network.partnership.pk),
        {
            "title": "Zesweeks bestuurlijk overleg",
            "place": "Online",
            "first_on": first.isoformat(),
            "start_time": "10:00",
            "duration_minutes": "90",
            "interval_weeks": "6",
            "count": "4",
        },
    )
    series = MeetingSeries.objects.get()
    assert response.status_code == 302
    assert response["Location"] == u("series_detail", pk=series.pk)
    dates = [timezone.localdate(m.starts_at) for m in series.meetings.order_by("starts_at")]
    assert dates == [first + timedelta(weeks=6 * n) for n in range(4)]


def test_cancelling_asks_for_confirmation_first(network, world, signed_in) -> None:
    client = signed_in(network.coordinator)
    path = u("meeting_cancel", pk=world.meeting.pk)
    review = client.post(path, {"reason": "Te weinig agendapunten"})
    assert review.status_code == 200
    assert "Overleg annuleren" in review.content.decode()
    world.meeting.refresh_from_db()
    assert world.meeting.status == MeetingStatus.PLANNED
    done = client.post(path, {"reason": "Te weinig agendapunten", "stap": "bevestigen"})
    assert done.status_code == 302
    world.meeting.refresh_from_db()
    assert (world.meeting.status, world.meeting.reason) == (
        MeetingStatus.CANCELLED,
        "Te weinig agendapunten",
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes_edit", {"minutes": BSN_TEXT}),
        ("decision_create", {"text": BSN_TEXT}),
        ("agenda_item_create", {"title": "Casus", "explanation": BSN_TEXT}),
        ("meeting_move", {"day": "2030-01-08", "start_time": "10:00", "reason": BSN_TEXT}),
    ],
)
def test_person_data_is_refused_with_a_dutch_message(network, world, signed_in, name, data) -> None:
    response = signed_in(network.coordinator).post(u(name, pk=world.meeting.pk), data)
    assert response.status_code == 200
    assert "burgerservicenummer" in response.content.decode()
    world.meeting.refresh_from_db()
    assert BSN_TEXT not in world.meeting.minutes


def test_an_action_point_is_added_and_finished_by_its_owner(
    personas, network, world, signed_in
) -> None:
    owner = membership(personas.lead_a)
    client = signed_in(network.coordinator)
    response = client.post(
        u("action_create", pk=world.meeting.pk),
        {
            "description": "Factsheet rondsturen",
            "owner": str(personas.municipality_a.pk),
            "owner_membership": str(owner.pk),
            "due_on": (timezone.localdate() + timedelta(days=5)).isoformat(),
        },
    )
    assert response.status_code == 302
    action = ActionPoint.objects.get()
    finish = signed_in(personas.lead_a).post(u("action_status", pk=action.pk), {"status": "done"})
    assert finish.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    other = signed_in(personas.police_member).post(
        u("action_status", pk=action.pk), {"status": "open"}
    )
    assert other.status_code == 404


def upload(client: Any, meeting: Any, name: str, content: bytes) -> Any:
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(u("attachment_upload", pk=meeting.pk), {"part": "minutes", "file": file})


def test_a_fake_pdf_is_refused_and_leaves_nothing_on_disk(network, world, signed_in) -> None:
    before = files_on_disk()
    response = upload(signed_in(network.coordinator), world.meeting, "notulen.pdf", b"GIF89a nep")
    assert response.status_code == 200
    assert "geen PDF-, ODT- of DOCX-document" in response.content.decode()
    assert files_on_disk() == before
    assert MeetingAttachment.objects.count() == 1  # the world's own


def test_an_oversized_file_is_refused_and_leaves_nothing_on_disk(
    network, world, signed_in, settings
) -> None:
    settings.SCHAKEL_ATTACHMENT_MAX_BYTES = 64
    before = files_on_disk()
    response = upload(
        signed_in(network.coordinator), world.meeting, "notulen.pdf", PDF_BYTES + b"0" * 100
    )
    assert response.status_code == 200
    assert "groter dan" in response.content.decode()
    assert files_on_disk() == before


def test_a_pdf_is_stored_and_downloaded_with_safe_headers(network, world, signed_in) -> None:
    client = signed_in(network.coordinator)
    assert upload(client, world.meeting, "notulen.pdf", PDF_BYTES).status_code == 302
    attachment = MeetingAttachment.objects.get(part="minutes")
    response = signed_in(network.chair).get(u("attachment_download", pk=attachment.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_removing_an_attachment_asks_first_and_removes_the_file(
    network, world, signed_in, django_capture_on_commit_callbacks
) -> None:
    client = signed_in(network.coordinator)
    path = u("attachment_delete", pk=world.attachment.pk)
    assert client.get(path).status_code == 200
    stored = world.attachment.file.name
    assert any(str(p).endswith(stored) for p in files_on_disk())
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 302
    assert not MeetingAttachment.objects.filter(pk=world.attachment.pk).exists()
    assert not any(str(p).endswith(stored) for p in files_on_disk())


def test_the_calendar_file_has_the_meeting(network, world, signed_in) -> None:
    response = signed_in(network.coordinator).get(u("series_ics", pk=world.series.pk))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.count("BEGIN:VEVENT") == world.series.meetings.count()
    assert f"UID:{world.meeting.pk}@overleg.schakel" in body


def test_a_working_group_of_another_collaboration_is_not_found(network, world, signed_in) -> None:
    client = signed_in(network.coordinator)
    path = u("series_create", collaboration=network.alliance.pk)
    assert client.get(f"{path}?werkgroep={world.group.pk}").status_code == 404
    assert (
        client.get(
            f"{u('meeting_create', collaboration=network.partnership.pk)}?werkgroep=x"
        ).status_code
        == 404
    )


def test_changing_the_series_on_its_page_keeps_a_moved_meeting(network, world, signed_in) -> None:
    client = signed_in(network.coordinator)
    moved = world.meeting
    client.post(
        u("meeting_move", pk=moved.pk),
        {
            "day": (timezone.localdate() + timedelta(days=9)).isoformat(),
            "start_time": "09:00",
            "reason": "Zaal bezet",
        },
    )
    moved.refresh_from_db()
    assert moved.status == MeetingStatus.MOVED
    series = world.series
    response = client.post(
        u("series_edit", pk=series.pk),
        {
            "title": "Bestuurlijk overleg",
            "place": "Online",
            "first_on": series.first_on.isoformat(),
            "start_time": "15:00",
            "duration_minutes": "60",
            "interval_weeks": "6",
            "count": "5",
        },
    )
    assert response.status_code == 302
    moved.refresh_from_db()
    assert (moved.status, moved.title) == (MeetingStatus.MOVED, "Zesweeks bestuurlijk overleg")
    others = series.meetings.exclude(pk=moved.pk)
    assert {m.title for m in others} == {"Bestuurlijk overleg"}
