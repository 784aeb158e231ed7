"""The meetings as an iCalendar feed (``text/calendar``), without person data."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import (
    SchakelAPIView,
)
from schakel.api.views import acting_membership_of
from schakel.cases import selectors
from schakel.cases.meetings.api.views import TAGS
from schakel.cases.meetings.calendar import meetings_ical

# The feed looks back as far as the calendar download in the UI does.
CALENDAR_HISTORY = timedelta(days=90)


class ICalendarRenderer(BaseRenderer):
    """``text/calendar``: the view hands over the finished iCalendar bytes."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return data if isinstance(data, bytes) else b""


class MeetingCalendarView(SchakelAPIView):
    renderer_classes = [ICalendarRenderer]
    serializer_class = None

    @extend_schema(
        operation_id="meetings_calendar_retrieve",
        summary="Casusoverleggen als agenda (iCalendar)",
        description=(
            "De overleggen die u mag zien, vanaf negentig dagen geleden, als iCalendar-feed "
            "(text/calendar) om te abonneren met uw token: wanneer, waar, welk ZVH en een link "
            "naar het overleg in Schakel. Geen persoonsgegevens, geen casussen, geen namen; "
            "een geannuleerd overleg staat erin met STATUS:CANCELLED."
        ),
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, "Een VCALENDAR met één VEVENT per overleg."
            )
        },
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        meetings = (
            selectors.meeting_list_for(membership=acting_membership_of(request))
            .filter(ends_at__gte=timezone.now() - CALENDAR_HISTORY)
            .order_by("starts_at", "pk")
        )
        content = meetings_ical(meetings, base_url=request.build_absolute_uri("/"))
        return Response(content, content_type="text/calendar; charset=utf-8")
