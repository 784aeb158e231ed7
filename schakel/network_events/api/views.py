"""The network-events API: events (list, one, plan, change, record, cancel), their learning
points and follow-ups. Reads go through ``schakel.network_events.selectors`` (only the
collaborations the acting membership takes part in: anything else is a 404); writes through one
service call each (a text with person data is a 400 problem with the Dutch message per field; a
change that no longer fits the event's state a 409)."""

import uuid
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.api.base import (
    CONFLICT_RESPONSE,
    SchakelAPIView,
    VisibleListView,
    membership_of,
    service_errors,
)
from schakel.api.fields import Merged
from schakel.api.views import acting_membership_of
from schakel.collaboration.selectors import collaborations_of
from schakel.network.models import Organisation
from schakel.network_events import selectors, services
from schakel.network_events.api import serializers as s
from schakel.network_events.choices import EventKind, EventStatus
from schakel.network_events.models import NetworkEvent

TAGS = ["netwerkbijeenkomsten"]
NOT_FOUND = exceptions.NotFound


def organisations(ids: list[uuid.UUID], field: str) -> list[Organisation]:
    found = list(Organisation.objects.filter(pk__in=set(ids)))
    if len(found) != len(set(ids)):
        raise exceptions.ValidationError(
            {field: [_("Kies organisaties die lid zijn van het samenwerkingsverband.")]}
        )
    return found


def _memberships(ids: list[uuid.UUID]) -> list[Membership]:
    found = list(Membership.objects.filter(pk__in=set(ids)))
    if len(found) != len(set(ids)):
        raise exceptions.ValidationError(
            {"participants": [_("Kies alleen medewerkers van de deelnemende organisaties.")]}
        )
    return found


def _event_input(data: dict[str, Any]) -> services.EventInput:
    organiser = organisations([data["organiser"]], "organiser")[0]
    return services.EventInput(
        kind=data["kind"],
        title=data["title"],
        starts_at=data["starts_at"],
        location=data["location"],
        online=data["online"],
        organiser=organiser,
        purpose=data["purpose"],
        case_material=data["case_material"],
        organisations=organisations(data["organisations"], "organisations"),
        participants=_memberships(data["participants"]),
    )


def _detail(membership: Membership, event: NetworkEvent) -> Response:
    access = selectors.access_to(membership, event)
    data = Merged(
        event,
        organisations=list(event.organisations.order_by("name")),
        participants=[
            {"id": m.pk, "display": staff_display(m.user, m.organisation)}
            for m in selectors.participants_of(event)
        ],
        case_material_visible=access.reads_case_material,
        case_material=event.case_material if access.reads_case_material else None,
        learning_points=list(event.learning_points.prefetch_related("organisations")),
        follow_ups=list(event.follow_ups.select_related("owner")),
        may_manage=access.manages,
    )
    return Response(s.NetworkEventDetailSerializer(data).data)


def managed(membership: Membership, pk: uuid.UUID) -> NetworkEvent:
    event = selectors.event_for(membership, pk)
    if not selectors.access_to(membership, event).manages:
        raise NOT_FOUND()
    return event


class EventFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    collaboration = django_filters.UUIDFilter(
        field_name="collaboration_id", help_text="Id van het samenwerkingsverband."
    )
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, help_text="Soort.")
    status = django_filters.ChoiceFilter(choices=EventStatus.choices, help_text="Status.")

    class Meta:
        model = NetworkEvent
        fields = ["collaboration", "kind", "status"]


@extend_schema_view(
    get=extend_schema(
        summary="Netwerkbijeenkomsten",
        description=(
            "Intervisie, casusevaluaties en casussimulaties van de samenwerkingsverbanden "
            "waaraan u deelneemt, nieuwste eerst. Zonder casusmateriaal en deelnemers."
        ),
        responses={200: s.NetworkEventSerializer(many=True)},
        tags=TAGS,
    )
)
class EventListView(VisibleListView):
    serializer_class = s.NetworkEventSerializer
    queryset = NetworkEvent.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilterSet

    def visible_rows(self) -> QuerySet[NetworkEvent]:
        return selectors.events_visible_to(acting_membership_of(self.request)).order_by(
            "-starts_at", "pk"
        )

    @extend_schema(
        summary="Bijeenkomst plannen",
        description=(
            "Voor de beheerders van het samenwerkingsverband (voorzitter, coördinator, "
            "secretaris) en medewerkers van een lid in een plannende rol (met de eigen "
            "organisatie als organisator); anderen krijgen 404. Elke tekst wordt gecontroleerd "
            "op herkenbare persoonsgegevens (400 met de Nederlandse melding)."
        ),
        request=s.NetworkEventInputSerializer,
        responses={201: s.NetworkEventDetailSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        serializer = self.valid_input(s.NetworkEventInputSerializer)
        collaboration = (
            collaborations_of(membership)
            .filter(pk=serializer.validated_data["collaboration"])
            .first()
        )
        if collaboration is None:
            raise NOT_FOUND()
        with service_errors():
            event = services.event_plan(
                membership=membership,
                collaboration=collaboration,
                data=_event_input(serializer.validated_data),
            )
        response = _detail(membership, selectors.event_for(membership, event.pk))
        response.status_code = 201
        return response


class EventDetailView(SchakelAPIView):
    serializer_class = s.NetworkEventDetailSerializer

    @extend_schema(
        summary="Eén netwerkbijeenkomst",
        description=(
            "Met de deelnemende organisaties, de deelnemers (functie – organisatie – mailbox), "
            "het verslag, de leerpunten en vervolgacties. Het casusmateriaal alleen voor de "
            "deelnemende medewerkers, de organisator en de beheerders van het verband; voor "
            "andere leden is het null."
        ),
        responses={200: s.NetworkEventDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        return _detail(membership, selectors.event_for(membership, id))

    @extend_schema(
        summary="Geplande bijeenkomst wijzigen",
        description=(
            "Elk van de velden; de rest blijft. 409 als de bijeenkomst niet meer gepland is."
        ),
        request=s.NetworkEventUpdateSerializer,
        responses={200: s.NetworkEventDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def patch(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        event = managed(membership, id)
        serializer = self.valid_input(s.NetworkEventUpdateSerializer)
        current: dict[str, Any] = {
            name: getattr(event, name)
            for name in (
                "kind",
                "title",
                "starts_at",
                "location",
                "online",
                "purpose",
                "case_material",
            )
        }
        current["organiser"] = event.organiser_id
        current["organisations"] = list(event.organisations.values_list("pk", flat=True))
        current["participants"] = list(event.participants.values_list("pk", flat=True))
        current.update(serializer.validated_data)
        with service_errors():
            services.event_update(membership=membership, event=event, data=_event_input(current))
        return _detail(membership, selectors.event_for(membership, id))


class EventRecordView(SchakelAPIView):
    serializer_class = s.NetworkEventRecordSerializer

    @extend_schema(
        summary="Verslag vastleggen",
        description=(
            "Wat is besproken; de bijeenkomst is daarna gehouden. Een verslag kan later worden "
            "verbeterd. Vanaf het begin van de bijeenkomst; 409 bij een geannuleerde."
        ),
        request=s.NetworkEventRecordSerializer,
        responses={200: s.NetworkEventDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        event = managed(membership, id)
        serializer = self.valid_input(s.NetworkEventRecordSerializer)
        with service_errors():
            services.event_record(
                membership=membership,
                event=event,
                discussion=serializer.validated_data["discussion"],
            )
        return _detail(membership, selectors.event_for(membership, id))


class EventCancelView(SchakelAPIView):
    serializer_class = s.NetworkEventDetailSerializer

    @extend_schema(
        summary="Bijeenkomst annuleren",
        description=(
            "Een geplande bijeenkomst; kan niet ongedaan worden. 409 als ze niet meer gepland is."
        ),
        request=None,
        responses={200: s.NetworkEventDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        event = managed(membership, id)
        with service_errors():
            services.event_cancel(membership=membership, event=event)
        return _detail(membership, selectors.event_for(membership, id))
