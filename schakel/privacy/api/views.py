"""The legal-basis catalogue and the register of processing activities.

(The disclosures made at the table are part of the consultation: ``schakel.cases.meetings.api``.)
"""

import uuid
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.api.base import (
    SchakelAPIView,
    service_errors,
)
from schakel.api.views import acting_membership_of, api_user
from schakel.audit.models import ProcessingActivity
from schakel.legal.models import LegalBasis
from schakel.privacy.api.serializers import (
    LegalBasisAdminSerializer,
    LegalBasisInputSerializer,
    LegalBasisPatchSerializer,
    LegalBasisSerializer,
    ProcessingActivitySerializer,
)
from schakel.privacy.catalogue import services as catalogue_services
from schakel.privacy.desk.register_export import register_entries
from schakel.privacy.retention.api.views import STEP_UP_RESPONSE, require_step_up

TAGS = ["verstrekkingen"]
CATALOGUE_TAGS = ["verstrekkingen"]
REGISTER_TAGS = ["verwerkingsregister"]


def catalogue_keeper(request: Request) -> User:
    """A functional admin (acting as one) or the platform operator; anyone else gets 404."""
    user = api_user(request)
    if user.is_superuser:
        return user
    membership = acting_membership_of(request)
    if membership is None or membership.role != Role.FUNCTIONAL_ADMIN:
        raise exceptions.NotFound()
    return user


def register_reader(request: Request) -> None:
    """A privacy officer or functional admin (acting as one), or the platform operator."""
    if api_user(request).is_superuser:
        return
    membership = acting_membership_of(request)
    if membership is None or membership.role not in REGISTER_ROLES:
        raise exceptions.NotFound()


REGISTER_ROLES = frozenset({Role.PRIVACY_OFFICER, Role.FUNCTIONAL_ADMIN})


class LegalBasisListView(ListModelMixin, SchakelAPIView):
    serializer_class = LegalBasisSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[LegalBasis]:
        return LegalBasis.objects.filter(is_active=True).order_by("position", "name", "pk")

    @extend_schema(
        summary="Grondslagen",
        description=(
            "De actieve grondslagen waarop partners aan tafel verstrekken (Wet PGA, AVG, Wpg, "
            "Wjsg, …), met vindplaats, omschrijving en voor welke soorten organisaties ze "
            "gelden. Geen persoonsgegevens."
        ),
        responses={200: LegalBasisSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Grondslag toevoegen",
        description=(
            "Alleen voor functioneel beheerders (handelend in dat lidmaatschap); anderen 404. "
            "Een nieuwe grondslag in de catalogus van het hele platform: code (kleine letters, "
            "cijfers, streepjes; uniek), naam, vindplaats, omschrijving, voor welke soorten "
            "organisaties hij geldt (leeg: alle) en welke verwerkingsactiviteiten erop steunen. "
            "Ontbreekt iets, dan wordt niets opgeslagen (400 met alle meldingen). Vraagt "
            "herbevestiging, zoals in de webinterface (zie 403). De wijziging wordt gelogd."
        ),
        request=LegalBasisInputSerializer,
        responses={201: LegalBasisAdminSerializer, **STEP_UP_RESPONSE},
        tags=CATALOGUE_TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = catalogue_keeper(request)
        require_step_up(request)
        serializer = LegalBasisInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            basis = catalogue_services.basis_create(by=user, data=serializer.to_input())
        return Response(LegalBasisAdminSerializer(basis).data, status=201)


class LegalBasisDetailView(SchakelAPIView):
    serializer_class = LegalBasisAdminSerializer
    queryset = LegalBasis.objects.none()  # for the schema's path parameter; reads below

    @extend_schema(
        summary="Grondslag wijzigen",
        description=(
            "Alleen voor functioneel beheerders; anderen 404. Alleen de meegestuurde velden "
            "veranderen. De code ligt vast zodra er een verstrekking op de grondslag is gedaan "
            "(400). is_active false zet de grondslag op inactief (niet meer aangeboden voor "
            "nieuwe verstrekkingen), true maakt hem weer actief; een grondslag wordt via de API "
            "nooit verwijderd. Vraagt herbevestiging (zie 403). De wijziging wordt gelogd."
        ),
        request=LegalBasisPatchSerializer,
        responses={200: LegalBasisAdminSerializer, **STEP_UP_RESPONSE},
        tags=CATALOGUE_TAGS,
    )
    def patch(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        user = catalogue_keeper(request)
        basis = LegalBasis.objects.filter(pk=id).first()
        if basis is None:
            raise exceptions.NotFound()
        require_step_up(request)
        serializer = LegalBasisPatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        active = serializer.validated_data.get("is_active")
        with service_errors(), transaction.atomic():
            basis = catalogue_services.basis_update(
                by=user, basis=basis, data=serializer.to_input(basis)
            )
            if active is not None:
                basis = catalogue_services.basis_set_active(by=user, basis=basis, active=active)
        basis.refresh_from_db()
        return Response(LegalBasisAdminSerializer(basis).data)


class ProcessingActivityListView(SchakelAPIView):
    serializer_class = ProcessingActivitySerializer
    queryset = ProcessingActivity.objects.none()  # for the schema; the rows are built below

    @extend_schema(
        summary="Verwerkingsregister",
        description=(
            "Het register van verwerkingsactiviteiten (AVG art. 30): per activiteit doel, "
            "grondslag (tekst en de gekoppelde actieve grondslagen uit de catalogus), "
            "categorieën persoonsgegevens en betrokkenen, ontvangers, bewaartermijn (tekst en "
            "de geldende instelbare termijnen) en verwerkingsverantwoordelijke. Voor "
            "privacyfunctionarissen en functioneel beheerders; anderen 404. Geen "
            "persoonsgegevens."
        ),
        responses={200: ProcessingActivitySerializer(many=True)},
        tags=REGISTER_TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        register_reader(request)
        return self.paginated(register_entries(), ProcessingActivitySerializer)
