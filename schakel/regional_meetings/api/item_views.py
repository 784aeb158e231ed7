"""The meetings API, what a meeting holds: agenda items, minutes, attachments, decisions and
action points; and the working groups."""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import SchakelAPIView, VisibleListView, membership_of, service_errors
from schakel.api.views import acting_membership_of
from schakel.collaboration.selectors import roles_in
from schakel.core import uploads
from schakel.regional_meetings import permissions, selectors, services
from schakel.regional_meetings.api import serializers as s
from schakel.regional_meetings.api.views import GroupFilter, collaboration_of, meeting_of
from schakel.regional_meetings.models import WorkingGroup

TAGS = ["overleg"]


class AgendaItemsView(SchakelAPIView):
    serializer_class = s.NetworkAgendaItemSerializer

    @extend_schema(summary="Agenda van een overleg", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        _membership, meeting = meeting_of(request, id)
        return self.paginated(
            meeting.agenda_items.select_related("introduced_by"), s.NetworkAgendaItemSerializer
        )

    @extend_schema(
        summary="Agendapunt toevoegen",
        request=s.NetworkAgendaItemInputSerializer,
        responses={201: s.NetworkAgendaItemSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkAgendaItemInputSerializer).validated_data
        with service_errors():
            item = services.agenda_item_add(membership=membership, meeting=meeting, **data)
        return Response(s.NetworkAgendaItemSerializer(item).data, status=201)


class MinutesView(SchakelAPIView):
    serializer_class = s.NetworkMinutesSerializer

    @extend_schema(summary="Notulen van een overleg", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        _membership, meeting = meeting_of(request, id)
        return Response({"minutes": meeting.minutes})

    @extend_schema(summary="Notulen opslaan", request=s.NetworkMinutesSerializer, tags=TAGS)
    def put(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkMinutesSerializer).validated_data
        with service_errors():
            services.minutes_save(membership=membership, meeting=meeting, minutes=data["minutes"])
        return Response({"minutes": meeting.minutes})


class AttachmentsView(SchakelAPIView):
    serializer_class = s.NetworkAttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(summary="Bijlagen van een overleg", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        _membership, meeting = meeting_of(request, id)
        return self.paginated(meeting.attachments.all(), s.NetworkAttachmentSerializer)

    @extend_schema(
        summary="Bijlage toevoegen",
        description=(
            "multipart/form-data met part (agenda of minutes) en file: PDF, ODT of DOCX, "
            "gekeken naar de inhoud, hoogstens SCHAKEL_ATTACHMENT_MAX_BYTES. Een geweigerd "
            "bestand laat niets achter."
        ),
        request={"multipart/form-data": s.NetworkAttachmentInputSerializer},
        responses={201: s.NetworkAttachmentSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkAttachmentInputSerializer).validated_data
        with service_errors():
            attachment = services.attachment_add(
                membership=membership, meeting=meeting, part=data["part"], upload=data["file"]
            )
        return Response(s.NetworkAttachmentSerializer(attachment).data, status=201)


class AttachmentView(SchakelAPIView):
    serializer_class = s.NetworkAttachmentSerializer

    @extend_schema(
        summary="Bijlage downloaden",
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return uploads.download(selectors.attachment_for(membership_of(request), id))

    @extend_schema(summary="Bijlage verwijderen", responses={204: None}, tags=TAGS)
    def delete(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        attachment = selectors.attachment_for(membership, id)
        with service_errors():
            services.attachment_remove(membership=membership, attachment=attachment)
        return Response(status=204)


class DecisionsView(SchakelAPIView):
    serializer_class = s.NetworkDecisionSerializer

    @extend_schema(summary="Besluitenlijst van een overleg", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        _membership, meeting = meeting_of(request, id)
        return self.paginated(meeting.decisions.all(), s.NetworkDecisionSerializer)

    @extend_schema(
        summary="Besluit vastleggen",
        request=s.NetworkDecisionInputSerializer,
        responses={201: s.NetworkDecisionSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkDecisionInputSerializer).validated_data
        with service_errors():
            decision = services.decision_add(membership=membership, meeting=meeting, **data)
        return Response(s.NetworkDecisionSerializer(decision).data, status=201)


class ActionPointsView(SchakelAPIView):
    serializer_class = s.NetworkActionPointSerializer

    @extend_schema(summary="Actiepunten van een overleg", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        _membership, meeting = meeting_of(request, id)
        rows = meeting.action_points.select_related(
            "owner", "owner_membership__user", "owner_membership__organisation"
        )
        return self.paginated(rows, s.NetworkActionPointSerializer)

    @extend_schema(
        summary="Actiepunt toevoegen",
        request=s.NetworkActionPointInputSerializer,
        responses={201: s.NetworkActionPointSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership, meeting = meeting_of(request, id, edit=True)
        data = self.valid_input(s.NetworkActionPointInputSerializer).validated_data
        with service_errors():
            action = services.action_add(membership=membership, meeting=meeting, **data)
        return Response(s.NetworkActionPointSerializer(action).data, status=201)


class ActionPointView(SchakelAPIView):
    serializer_class = s.NetworkActionPointSerializer

    @extend_schema(
        summary="Actiepunt afronden of heropenen",
        description="Voor wie het overleg mag wijzigen en voor de eigenaar (persoon).",
        request=s.NetworkActionStatusSerializer,
        tags=TAGS,
    )
    def patch(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        action = selectors.action_for(membership, id)
        roles = roles_in(membership, action.meeting.collaboration)
        if not permissions.may_finish_action(membership, roles, action):
            raise exceptions.NotFound()
        data = self.valid_input(s.NetworkActionStatusSerializer).validated_data
        with service_errors():
            services.action_set_status(membership=membership, action=action, **data)
        return Response(s.NetworkActionPointSerializer(action).data)


class WorkingGroupListView(VisibleListView):
    serializer_class = s.WorkingGroupSerializer
    queryset = WorkingGroup.objects.none()
    filterset_class = GroupFilter
    ordering = ["name"]

    def visible_rows(self) -> QuerySet[WorkingGroup]:
        return selectors.groups_for(acting_membership_of(self.request))

    @extend_schema(summary="Werkgroepen", tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Werkgroep oprichten",
        description="Voor de beheerders van het samenwerkingsverband.",
        request=s.WorkingGroupInputSerializer,
        responses={201: s.WorkingGroupSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        data = self.valid_input(s.WorkingGroupInputSerializer).validated_data
        collaboration = collaboration_of(membership, data.pop("collaboration"))
        with service_errors():
            group = services.group_save(membership=membership, collaboration=collaboration, **data)
        return Response(s.WorkingGroupSerializer(group).data, status=201)


class WorkingGroupDetailView(SchakelAPIView):
    serializer_class = s.WorkingGroupSerializer

    @extend_schema(summary="Eén werkgroep", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        group = selectors.group_for(membership_of(request), id)
        return Response(s.WorkingGroupSerializer(group).data)
