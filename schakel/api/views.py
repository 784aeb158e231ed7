"""The first endpoints (the signed-in user and the partner directory) and the API docs page.

Views stay thin: the caller comes from authentication, the data from selectors.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotAuthenticated
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership, User
from schakel.api import selectors
from schakel.api.filters import PartnerFilterSet, StrictOrderingFilter
from schakel.api.schema import SchakelAutoSchema
from schakel.api.serializers import MeSerializer, PartnerSerializer
from schakel.network.models import Organisation


def api_user(request: Request | HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # IsAuthenticated already ran; this only narrows the type
        raise NotAuthenticated()
    return user


def active_memberships_of(request: Request) -> list[Membership]:
    return list(getattr(request._request, "active_memberships", []))


def acting_membership_of(request: Request) -> Membership | None:
    return acting_membership(request._request)


class MeView(APIView):
    schema = SchakelAutoSchema()

    @extend_schema(
        summary="De aangemelde gebruiker",
        description="Wie u bent, uw actieve lidmaatschappen en het lidmaatschap waarin u handelt.",
        responses={200: MeSerializer},
        tags=["gebruiker"],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = api_user(request)
        me = {
            "id": user.pk,
            "email": user.email,
            "full_name": user.full_name,
            "function_title": user.function_title,
            "memberships": active_memberships_of(request),
            "acting_membership": acting_membership_of(request),
        }
        return Response(MeSerializer(me).data)


class PartnerView(GenericAPIView[Organisation]):
    """Partners visible to the caller: their regions' organisations and national ones."""

    schema = SchakelAutoSchema()
    serializer_class = PartnerSerializer

    def get_queryset(self) -> QuerySet[Organisation]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no caller
            return Organisation.objects.none()
        return selectors.partners_for(user=api_user(self.request))


@extend_schema(
    summary="Partnergids",
    description=(
        "De organisaties van uw regio's en de landelijke organisaties, met functionele mailbox, "
        "wettelijk kader en interventiemogelijkheden. Zonder medewerkers."
    ),
    tags=["partners"],
)
class PartnerListView(PartnerView, ListAPIView[Organisation]):
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = PartnerFilterSet
    ordering_fields = ["name", "kind"]
    ordering = ["kind", "name"]


@extend_schema(
    summary="Eén partner uit de partnergids",
    description="404 voor een organisatie buiten uw partnergids.",
    tags=["partners"],
)
class PartnerDetailView(PartnerView, RetrieveAPIView[Organisation]):
    lookup_field = "pk"
    lookup_url_kwarg = "id"


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI from the locally served sidecar assets; no inline script (strict CSP)."""
    return render(request, "api/docs.html")
