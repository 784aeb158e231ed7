"""Downloads of the cases app: the minutes of a meeting and a plan version as PDF, and the
meetings as an iCalendar feed.

The PDFs hold person data: they need a fresh step-up, are 404 for anyone who may not see the
meeting or case, and are logged before the bytes are returned (``documents``). The minutes also
need the confidentiality acknowledgment, which the meeting page asks for. The calendar holds no
person data: date, time, place and the ZVH only.
"""

import uuid
from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.stepup import step_up_required
from schakel.cases import documents, plan_document
from schakel.cases.meetings.calendar import meetings_ical
from schakel.cases.meetings.services import has_acknowledged
from schakel.cases.selectors import meeting_get_for, meeting_list_for

# The feed holds meetings that ended at most this long ago, and every later one.
CALENDAR_HISTORY = timedelta(days=90)


def _attachment(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # The file name holds a reference only, never a name.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@step_up_required
def meeting_minutes_pdf(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    meeting = meeting_get_for(membership=membership, pk=pk)
    if membership is None:  # meeting_get_for already answered 404; this keeps the types sure
        raise Http404
    if not has_acknowledged(user=membership.user, meeting=meeting):
        return redirect("cases:meeting_detail", pk=meeting.pk)
    download = documents.minutes_download(membership=membership, meeting=meeting)
    return _attachment(download.content, filename=download.filename, content_type="application/pdf")


@require_GET
@step_up_required
def plan_version_pdf(request: HttpRequest, pk: uuid.UUID, number: int) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    download = plan_document.plan_download(membership=membership, case_pk=pk, number=number)
    return _attachment(download.content, filename=download.filename, content_type="application/pdf")


@require_GET
def meeting_calendar(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    meetings = (
        meeting_list_for(membership=membership)
        .filter(ends_at__gte=timezone.now() - CALENDAR_HISTORY)
        .order_by("starts_at")
    )
    content = meetings_ical(meetings, base_url=request.build_absolute_uri("/"))
    return _attachment(
        content, filename="casusoverleg.ics", content_type="text/calendar; charset=utf-8"
    )
