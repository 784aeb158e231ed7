"""The meetings API: series, meetings (occurrences and one-off), their agenda, minutes,
attachments, decisions and action points, and working groups.

Members of a collaboration read everything of it; who may change a meeting (its managers, a
working group's members for the group's meetings) changes it; for anyone else it does not exist
(404). A refused text (person data, length) is a 400 problem with a message per field."""

import uuid
from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import Membership
from schakel.api.base import SchakelAPIView, VisibleListView, membership_of, service_errors
from schakel.api.fields import Merged
from schakel.api.views import acting_membership_of
from schakel.collaboration.selectors import collaboration_for, roles_in
from schakel.regional_meetings import permissions, selectors, services
from schakel.regional_meetings.api import serializers as s
from schakel.regional_meetings.models import Meeting, MeetingSeries, WorkingGroup

TAGS = ["overleg"]


def collaboration_of(membership: Membership, pk: uuid.UUID | None) -> Any:
    if pk is None:
        raise exceptions.ValidationError({"collaboration": ["Kies een samenwerkingsverband."]})
    return collaboration_for(membership, pk)


def meeting_of(
    request: Request, pk: uuid.UUID, *, edit: bool = False
) -> tuple[Membership, Meeting]:
    membership = membership_of(request)
    meeting = selectors.meeting_for(membership, pk)
    if edit:
        roles = roles_in(membership, meeting.collaboration)
        if not permissions.may_edit(membership, roles, meeting.working_group):
            raise exceptions.NotFound()
    return membership, meeting


class CollaborationFilter(django_filters.FilterSet):  # type: ignore[misc]
    collaboration = django_filters.UUIDFilter(help_text="Alleen van dit samenwerkingsverband.")


class SeriesFilter(CollaborationFilter):
    class Meta:
        model = MeetingSeries
        fields = ["collaboration"]


class MeetingFilter(CollaborationFilter):
    series = django_filters.UUIDFilter(help_text="Alleen van deze reeks.")

    class Meta:
        model = Meeting
        fields = ["collaboration", "series"]


class GroupFilter(CollaborationFilter):
    class Meta:
        model = WorkingGroup
        fields = ["collaboration"]


def _series_input(data: dict[str, Any]) -> services.SeriesInput:
    return services.SeriesInput(**{k: data[k] for k in services.SeriesInput.__dataclass_fields__})


class SeriesListView(VisibleListView):
    serializer_class = s.NetworkSeriesSerializer
    queryset = MeetingSeries.objects.none()
    filterset_class = SeriesFilter
    ordering = ["title"]

    def visible_rows(self) -> QuerySet[MeetingSeries]:
        return selectors.series_list_for(acting_membership_of(self.request))

    @extend_schema(
        summary="Overlegreeksen",
        description="De reeksen van de samenwerkingsverbanden waaraan u deelneemt.",
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Overlegreeks plannen",
        description=(
            "Om de zoveel weken, tot een einddatum of een aantal keer. De overleggen worden "
            "gepland tot het einde of hoogstens 18 maanden vooruit. Voor de beheerders van het "
            "verband en de leden van de werkgroep; anderen krijgen 404."
        ),
        request=s.NetworkSeriesInputSerializer,
        responses={201: s.NetworkSeriesSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        data = self.valid_input(s.NetworkSeriesInputSerializer).validated_data
        collaboration = collaboration_of(membership, data.get("collaboration"))
        with service_errors():
            series = services.series_save(
                membership=membership, collaboration=collaboration, data=_series_input(data)
            )
        return Response(s.NetworkSeriesSerializer(series).data, status=201)


class SeriesDetailView(SchakelAPIView):
    serializer_class = s.NetworkSeriesSerializer

    @extend_schema(summary="Eén overlegreeks", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        series = selectors.series_for(membership_of(request), id)
        return Response(s.NetworkSeriesSerializer(series).data)

    @extend_schema(
        summary="Overlegreeks wijzigen",
        description=(
            "Alleen komende overleggen die nog zijn zoals gepland veranderen mee; verplaatste, "
            "geannuleerde en voorbije blijven zoals ze zijn."
        ),
        request=s.NetworkSeriesInputSerializer,
        responses={200: s.NetworkSeriesSerializer},
        tags=TAGS,
    )
    def put(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        series = selectors.series_for(membership, id)
        data = self.valid_input(s.NetworkSeriesInputSerializer).validated_data
        with service_errors():
            series = services.series_save(
                membership=membership,
                collaboration=series.collaboration,
                data=_series_input(data),
                series=series,
            )
        return Response(s.NetworkSeriesSerializer(series).data)


class MeetingListView(VisibleListView):
    serializer_class = s.NetworkMeetingSerializer
    queryset = Meeting.objects.none()
    filterset_class = MeetingFilter
    ordering = ["starts_at"]

    def visible_rows(self) -> QuerySet[Meeting]:
        return selectors.meetings_for(acting_membership_of(self.request))

    @extend_schema(summary="Overleggen", tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Eenmalig overleg plannen",
        request=s.NetworkMeetingInputSerializer,
        responses={201: s.NetworkMeetingSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        data = self.valid_input(s.NetworkMeetingInputSerializer).validated_data
        collaboration = collaboration_of(membership, data.pop("collaboration"))
        with service_errors():
            meeting = services.meeting_create(
                membership=membership, collaboration=collaboration, **data
            )
        return Response(s.NetworkMeetingSerializer(meeting).data, status=201)


class MeetingDetailView(SchakelAPIView):
    serializer_class = s.NetworkMeetingDetailSerializer

    @extend_schema(
        summary="Eén overleg",
        description=(
            "Met agenda, notulen, bijlagen (gegevens, niet de inhoud), besluiten en actiepunten."
        ),
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id)
        roles = roles_in(membership, meeting.collaboration)
        data = Merged(
            meeting,
            agenda_items=meeting.agenda_items.select_related("introduced_by"),
            attachments=meeting.attachments.all(),
            decisions=meeting.decisions.all(),
            action_points=meeting.action_points.select_related(
                "owner", "owner_membership__user", "owner_membership__organisation"
            ),
            may_edit=permissions.may_edit(membership, roles, meeting.working_group),
        )
        return Response(s.NetworkMeetingDetailSerializer(data).data)


class MeetingMoveView(SchakelAPIView):
    serializer_class = s.NetworkMeetingSerializer

    @extend_schema(summary="Overleg verplaatsen", request=s.NetworkMoveSerializer, tags=TAGS)
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkMoveSerializer).validated_data
        with service_errors():
            services.meeting_move(membership=membership, meeting=meeting, **data)
        return Response(s.NetworkMeetingSerializer(meeting).data)


class MeetingCancelView(SchakelAPIView):
    serializer_class = s.NetworkMeetingSerializer

    @extend_schema(summary="Overleg annuleren", request=s.NetworkCancelSerializer, tags=TAGS)
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkCancelSerializer).validated_data
        with service_errors():
            services.meeting_cancel(membership=membership, meeting=meeting, **data)
        return Response(s.NetworkMeetingSerializer(meeting).data)
