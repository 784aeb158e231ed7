"""The staff-safety API: incidents (list, record, read, follow up), the figures per kind and
quarter, and the protocol. The same visibility as the pages: an incident is seen only inside its
organisation, by the staff member, the recorder, the safety officers and (limited) the
functional admin; anyone else gets a 404. Every read and write of incident data is logged."""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import User
from schakel.api.base import SchakelAPIView, VisibleListView, membership_of, service_errors
from schakel.api.views import acting_membership_of, api_user
from schakel.staff_safety import aggregates, permissions, selectors, services
from schakel.staff_safety.api.serializers import (
    FiguresSerializer,
    FollowUpInputSerializer,
    IncidentInputSerializer,
    IncidentSerializer,
    ProtocolSerializer,
    shown,
)
from schakel.staff_safety.models import Incident

TAGS = ["veiligheid medewerkers"]


class IncidentListView(VisibleListView):
    serializer_class = IncidentSerializer
    queryset = Incident.objects.none()  # for the schema; reads go through selectors
    filter_backends: list[Any] = []

    def visible_rows(self) -> QuerySet[Incident]:
        return selectors.incidents_visible_to(
            membership=acting_membership_of(self.request)
        ).select_related("staff_member", "recorded_by")

    @extend_schema(
        summary="Meldingen veiligheid medewerkers",
        description=(
            "De meldingen die u mag zien, in de organisatie waarvoor u handelt: over uzelf, door "
            "u vastgelegd, of als veiligheidscoördinator alle meldingen van de organisatie. De "
            "functioneel beheerder ziet ze zonder naam en beschrijving (access: limited). Elke "
            "lezing wordt gelogd."
        ),
        responses={200: IncidentSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        page = self.paginate_queryset(self.visible_rows())
        rows = list(page or [])
        selectors.record_list_reads(
            api_user(request), name="staff_incident_list_read", incidents=rows
        )
        data = [shown(incident, selectors.access_to(membership, incident)) for incident in rows]
        return self.get_paginated_response(IncidentSerializer(data, many=True).data)  # type: ignore[arg-type]

    @extend_schema(
        summary="Incident melden",
        description=(
            "Leg een incident vast over uzelf, of — als functioneel beheerder of "
            "veiligheidscoördinator — over een collega van uw organisatie (staff_member)."
        ),
        request=IncidentInputSerializer,
        responses={201: IncidentSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        serializer = self.valid_input(IncidentInputSerializer)
        data = serializer.validated_data
        staff_member = None
        if data["staff_member"] is not None:
            if not permissions.may_record_for_others(membership):
                raise exceptions.NotFound()
            staff_member = User.objects.filter(pk=data["staff_member"]).first()
            if staff_member is None:
                raise exceptions.ValidationError(
                    {"staff_member": [_("Kies een medewerker van uw eigen organisatie.")]}
                )
        with service_errors():
            incident = services.incident_record(
                membership=membership,
                data=services.IncidentInput(
                    staff_member=staff_member,
                    occurred_on=data["occurred_on"],
                    kind=data["kind"],
                    channel=data["channel"],
                    description=data["description"],
                    follow_up=serializer.follow_up(),
                ),
            )
        incident = Incident.objects.select_related("staff_member", "recorded_by").get(
            pk=incident.pk
        )
        return Response(
            IncidentSerializer(shown(incident, selectors.access_to(membership, incident))).data,
            status=201,
        )


class IncidentDetailView(SchakelAPIView):
    serializer_class = IncidentSerializer

    @extend_schema(
        summary="Eén melding",
        description="De melding, als u haar mag zien (anders 404); de lezing wordt gelogd.",
        responses={200: IncidentSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        incident = selectors.incident_get_for(membership=membership, pk=id, by=api_user(request))
        return Response(
            IncidentSerializer(shown(incident, selectors.access_to(membership, incident))).data
        )

    @extend_schema(
        summary="Opvolging bijwerken",
        description=(
            "Voor de veiligheidscoördinator van de organisatie: aangifte, geboden ondersteuning "
            "en status. Iedereen anders krijgt 404."
        ),
        request=FollowUpInputSerializer,
        responses={200: IncidentSerializer},
        tags=TAGS,
    )
    def patch(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        if not permissions.is_safety_officer(membership):
            raise exceptions.NotFound()
        incident = selectors.incident_get_for(membership=membership, pk=id, by=api_user(request))
        serializer = self.valid_input(FollowUpInputSerializer)
        with service_errors():
            updated = services.incident_follow_up(
                membership=membership,
                incident=incident,
                data=serializer.follow_up(),
                status=serializer.validated_data["status"],
            )
        updated = Incident.objects.select_related("staff_member", "recorded_by").get(pk=updated.pk)
        return Response(IncidentSerializer(shown(updated, selectors.Access.FULL)).data)


class FiguresView(SchakelAPIView):
    serializer_class = FiguresSerializer

    @extend_schema(
        summary="Cijfers per soort en kwartaal",
        description=(
            "Voor bestuurders en veiligheidscoördinatoren van de organisatie. Aantallen van 1 "
            "tot en met 4 zijn „< 5”; een totaal waarin zo’n aantal zit is null."
        ),
        parameters=[OpenApiParameter("year", int, description="Het jaar (standaard dit jaar).")],
        responses={200: FiguresSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        if not permissions.may_see_aggregates(membership):
            raise exceptions.NotFound()
        this_year = timezone.localdate().year
        raw = request.query_params.get("year", str(this_year))
        if not raw.isdigit() or not 2000 <= int(raw) <= this_year:
            raise exceptions.ValidationError(
                {"year": [_("Kies een jaar van 2000 tot en met %(year)s.") % {"year": this_year}]}
            )
        table = aggregates.table_for(organisation_id=membership.organisation_id, year=int(raw))
        selectors.log_aggregate_read(by=api_user(request), year=table.year)

        def value(shown_value: str) -> str | None:
            return None if shown_value == aggregates.HIDDEN else shown_value

        body = {
            "year": table.year,
            "rows": [
                {
                    "quarter": row.quarter,
                    "counts": dict(zip(table.kind_values, row.cells, strict=True)),
                    "total": value(row.total),
                }
                for row in table.rows
            ],
            "kind_totals": {
                kind: value(total)
                for kind, total in zip(table.kind_values, table.kind_totals, strict=True)
            },
            "total": value(table.grand_total),
        }
        return Response(FiguresSerializer(body).data)


class ProtocolView(SchakelAPIView):
    serializer_class = ProtocolSerializer

    @extend_schema(
        summary="Veiligheidsprotocol",
        description=(
            "Het protocol van de organisatie waarvoor u handelt: mailboxen, functie van de "
            "veiligheidscoördinator, werkgeversgegevens voor een aangifte. 404 als er nog geen is."
        ),
        responses={200: ProtocolSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        protocol = selectors.protocol_of(organisation_id=membership.organisation_id)
        if protocol is None:
            raise exceptions.NotFound()
        return Response(ProtocolSerializer(protocol).data)
