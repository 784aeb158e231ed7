"""Second review of the meetings: attachment names are checked for person data on the page and
in the API (nothing stored), and a change of a series never moves a coming meeting into the
past."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests.helpers import PROBLEM, messages, url
from schakel.regional_meetings import services
from schakel.regional_meetings.choices import MeetingStatus
from schakel.regional_meetings.models import Decision, MeetingAttachment
from schakel.regional_meetings.tests.conftest import series_input
from schakel.regional_meetings.tests.helpers import PDF_BYTES, files_on_disk, membership

pytestmark = pytest.mark.django_db
NAMED = ["BSN 999900018 notulen.pdf", "Notulen Jan Jansen 12-03-1985.pdf"]


def file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@pytest.mark.parametrize("name", NAMED)
def test_a_file_name_with_person_data_is_refused_on_the_page(
    network, world, signed_in, name
) -> None:
    before = files_on_disk()
    response = signed_in(network.coordinator).post(
        reverse("regional_meetings:attachment_upload", kwargs={"pk": world.meeting.pk}),
        {"part": "minutes", "file": file(name)},
    )
    assert response.status_code == 200
    assert "neutrale naam" in response.content.decode()
    assert "999900018" not in response.content.decode()  # the name is not echoed
    assert files_on_disk() == before
    assert MeetingAttachment.objects.count() == 1  # the world's own


@pytest.mark.parametrize("name", NAMED)
def test_a_file_name_with_person_data_is_refused_by_the_api(
    network, world, api_client, name
) -> None:
    before = files_on_disk()
    response = api_client(network.coordinator).post(
        url("network-meeting-attachments", world.meeting.pk),
        {"part": "minutes", "file": file(name)},
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "neutrale naam" in messages(response)["file"][0]
    assert files_on_disk() == before


def _meetings(series: Any) -> list[Any]:
    return list(series.meetings.order_by("sequence"))


def test_an_earlier_first_date_does_not_move_a_coming_meeting_into_the_past(network) -> None:
    coordinator = membership(network.coordinator)
    soon = timezone.localdate() + timedelta(days=3)
    series = services.series_save(
        membership=coordinator,
        collaboration=network.partnership,
        data=series_input(first_on=soon, count=3),
    )
    first = _meetings(series)[0]
    services.decision_add(membership=coordinator, meeting=first, text="Werkwijze vastgesteld.")
    # The first date goes back six weeks: sequence 0 would now lie in the past.
    services.series_save(
        membership=coordinator,
        collaboration=network.partnership,
        data=series_input(first_on=soon - timedelta(weeks=6), count=3),
        series=series,
    )
    now = timezone.now()
    first.refresh_from_db()
    assert first.starts_at > now  # left where it was, and cancelled: it holds a decision
    assert (first.status, first.reason) == (
        MeetingStatus.CANCELLED,
        "Vervallen: de reeks is gewijzigd.",
    )
    assert Decision.objects.filter(meeting=first).exists()
    planned = series.meetings.filter(status=MeetingStatus.PLANNED)
    assert all(m.starts_at > now for m in planned)


def test_a_download_is_sent_with_safe_headers(network, world, signed_in) -> None:
    attachment = services.attachment_add(
        membership=membership(network.coordinator),
        meeting=world.meeting,
        part="minutes",
        upload=file('notulen "mei"\u202e.pdf'),
    )
    response = signed_in(network.chair).get(
        reverse("regional_meetings:attachment_download", kwargs={"pk": attachment.pk})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="notulen \\"mei\\".pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES
