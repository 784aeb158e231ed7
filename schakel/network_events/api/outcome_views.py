"""The network-events API on what an event yields: its learning points and follow-ups (add,
list, finish a follow-up). Events themselves are in ``views``."""

import uuid
from typing import Any

import django_filters
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import (
    CONFLICT_RESPONSE,
    SchakelAPIView,
    VisibleListView,
    membership_of,
    service_errors,
)
from schakel.api.views import acting_membership_of
from schakel.network_events import selectors, services
from schakel.network_events.api import serializers as s
from schakel.network_events.api.views import TAGS, managed, organisations
from schakel.network_events.choices import FollowUpStatus
from schakel.network_events.models import FollowUp, LearningPoint


class EventLearningPointsView(SchakelAPIView):
    serializer_class = s.NetworkLearningPointSerializer

    @extend_schema(
        summary="Leerpunt toevoegen",
        description="Bij een gehouden bijeenkomst (409 anders), voor wie haar vastlegt.",
        request=s.NetworkLearningPointInputSerializer,
        responses={201: s.NetworkLearningPointSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        event = managed(membership, id)
        data = self.valid_input(s.NetworkLearningPointInputSerializer).validated_data
        with service_errors():
            point = services.learning_point_add(
                membership=membership,
                event=event,
                data=services.LearningPointInput(
                    text=data["text"],
                    theme=data["theme"],
                    organisations=organisations(data["organisations"], "organisations"),
                ),
            )
        return Response(s.NetworkLearningPointSerializer(point).data, status=201)


class EventFollowUpsView(SchakelAPIView):
    serializer_class = s.NetworkFollowUpSerializer

    @extend_schema(
        summary="Vervolgactie toevoegen",
        description=(
            "Bij een gehouden bijeenkomst (409 anders), voor wie haar vastlegt. De eigenaar is "
            "een lid van het samenwerkingsverband; de actie staat in Mijn werk van diens "
            "medewerkers."
        ),
        request=s.NetworkFollowUpInputSerializer,
        responses={201: s.NetworkFollowUpSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        event = managed(membership, id)
        data = self.valid_input(s.NetworkFollowUpInputSerializer).validated_data
        with service_errors():
            follow_up = services.follow_up_add(
                membership=membership,
                event=event,
                data=services.FollowUpInput(
                    text=data["text"],
                    owner=organisations([data["owner"]], "owner")[0],
                    due_on=data["due_on"],
                ),
            )
        return Response(s.NetworkFollowUpSerializer(follow_up).data, status=201)


class LearningPointFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    collaboration = django_filters.UUIDFilter(
        field_name="event__collaboration_id", help_text="Id van het samenwerkingsverband."
    )
    event = django_filters.UUIDFilter(field_name="event_id", help_text="Id van de bijeenkomst.")
    theme = django_filters.CharFilter(field_name="theme", help_text="Thema (precies).")
    organisation = django_filters.UUIDFilter(
        field_name="organisations", help_text="Id van een organisatie."
    )

    class Meta:
        model = LearningPoint
        fields = ["collaboration", "event", "theme", "organisation"]


@extend_schema_view(
    get=extend_schema(
        summary="Leerpunten",
        description="De leerpunten van de bijeenkomsten die u ziet, nieuwste bijeenkomst eerst.",
        responses={200: s.NetworkLearningPointSerializer(many=True)},
        tags=TAGS,
    )
)
class LearningPointListView(VisibleListView):
    serializer_class = s.NetworkLearningPointSerializer
    queryset = LearningPoint.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = LearningPointFilterSet

    def visible_rows(self) -> QuerySet[LearningPoint]:
        return (
            selectors.learning_points_visible_to(acting_membership_of(self.request))
            .order_by("-event__starts_at", "created_at", "pk")
            .distinct()
        )


class FollowUpFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    collaboration = django_filters.UUIDFilter(
        field_name="event__collaboration_id", help_text="Id van het samenwerkingsverband."
    )
    event = django_filters.UUIDFilter(field_name="event_id", help_text="Id van de bijeenkomst.")
    owner = django_filters.UUIDFilter(field_name="owner_id", help_text="Id van de eigenaar.")
    status = django_filters.ChoiceFilter(choices=FollowUpStatus.choices, help_text="Status.")

    class Meta:
        model = FollowUp
        fields = ["collaboration", "event", "owner", "status"]


@extend_schema_view(
    get=extend_schema(
        summary="Vervolgacties",
        description="De vervolgacties van de bijeenkomsten die u ziet, eerst op datum.",
        responses={200: s.NetworkFollowUpSerializer(many=True)},
        tags=TAGS,
    )
)
class FollowUpListView(VisibleListView):
    serializer_class = s.NetworkFollowUpSerializer
    queryset = FollowUp.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = FollowUpFilterSet

    def visible_rows(self) -> QuerySet[FollowUp]:
        return selectors.follow_ups_visible_to(acting_membership_of(self.request)).order_by(
            "due_on", "pk"
        )


class FollowUpCompleteView(SchakelAPIView):
    serializer_class = s.NetworkFollowUpSerializer

    @extend_schema(
        summary="Vervolgactie afronden",
        description=(
            "Voor de medewerkers van de eigenaar (in een plannende rol) en wie de bijeenkomst "
            "vastlegt; anderen 404. 409 als de actie al is afgerond."
        ),
        request=None,
        responses={200: s.NetworkFollowUpSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        follow_up = selectors.follow_up_for(membership, id)
        with service_errors():
            done = services.follow_up_complete(membership=membership, follow_up=follow_up)
        return Response(s.NetworkFollowUpSerializer(done).data)
