"""The legal-basis catalogue and the disclosures (verstrekkingen) made at the table.

A disclosure is immutable: there is no PUT, PATCH or DELETE (405); a correction is a new
disclosure that points at the one it corrects. Reading disclosures goes through the agenda
item's selector, which logs the read, and needs the meeting's confidentiality acknowledgment.
"""

import uuid
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.choices import TABLE_ROLES, Role
from schakel.accounts.models import Membership, User
from schakel.api.base import (
    CONFLICT_RESPONSE,
    SchakelAPIView,
    conflict,
    membership_of,
    service_errors,
)
from schakel.api.views import acting_membership_of, api_user
from schakel.audit.models import ProcessingActivity
from schakel.cases import permissions, selectors
from schakel.cases.access import agenda_items_visible_to
from schakel.cases.api.base import ACKNOWLEDGMENT_RESPONSE, require_acknowledgment
from schakel.cases.models import AgendaItem
from schakel.privacy import services
from schakel.privacy.api.serializers import (
    DisclosureInputSerializer,
    DisclosureSerializer,
    LegalBasisAdminSerializer,
    LegalBasisInputSerializer,
    LegalBasisPatchSerializer,
    LegalBasisSerializer,
    ProcessingActivitySerializer,
    disclosure_context,
)
from schakel.privacy.catalogue import services as catalogue_services
from schakel.privacy.desk.register_export import register_entries
from schakel.privacy.models import Disclosure, LegalBasis
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


def disclose_gate(membership: Membership, item: AgendaItem) -> None:
    """Everyone at the table brings in information while the meeting and the case run."""
    if permissions.may_disclose(membership, item):
        return
    if membership.role in TABLE_ROLES:
        raise conflict(
            _("Het overleg is geannuleerd of de casus is afgesloten; er is niets opgeslagen.")
        )
    raise exceptions.NotFound()


def visible_disclosure(membership: Membership, pk: uuid.UUID) -> tuple[AgendaItem, Disclosure]:
    """A disclosure on an agenda item the caller sees, among the ones they may see (no read)."""
    item_id = (
        Disclosure.objects.filter(
            pk=pk, agenda_item__in=agenda_items_visible_to(membership=membership)
        )
        .values_list("agenda_item_id", flat=True)
        .first()
    )
    if item_id is None:
        raise exceptions.NotFound()
    item = selectors.agenda_item_for_action(membership=membership, pk=item_id)
    full_access = permissions.steers_case(membership, item.case)
    disclosure = (
        selectors.disclosures_visible_for(membership=membership, item=item, full_access=full_access)
        .filter(pk=pk)
        .first()
    )
    if disclosure is None:
        raise exceptions.NotFound()
    return item, disclosure


class AgendaItemDisclosuresView(SchakelAPIView):
    serializer_class = DisclosureInputSerializer

    @extend_schema(
        summary="Verstrekkingen bij een agendapunt",
        description=(
            "De regievoerende gemeente en het Zorg- en Veiligheidshuis zien alle "
            "verstrekkingen; andere partners die hun organisatie deed of ontving. Het lezen "
            "wordt vastgelegd. Vraagt eerst de bevestiging van de geheimhouding (409 "
            "acknowledgment-required)."
        ),
        responses={200: DisclosureSerializer(many=True), **ACKNOWLEDGMENT_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = selectors.agenda_item_for_action(membership=membership, pk=id)
        require_acknowledgment(membership, item.meeting)
        view = selectors.agenda_item_get_for(membership=membership, pk=id)
        return self.paginated(view.disclosures, DisclosureSerializer)

    @extend_schema(
        summary="Verstrekking vastleggen",
        description=(
            "Wat uw organisatie inbrengt: de inhoud, de categorieën persoonsgegevens "
            "(ordinary, special art. 9, criminal art. 10 AVG), een grondslag uit de catalogus "
            "die voor uw organisatie geldt, het doel, de afweging van noodzaak, "
            "proportionaliteit en subsidiariteit, en aan welke organisaties aan tafel. Zonder "
            "al deze gegevens wordt niets opgeslagen (400). Daarna onveranderlijk: corrigeer "
            "met POST /api/v1/disclosures/{id}/corrections/."
        ),
        request=DisclosureInputSerializer,
        responses={201: DisclosureSerializer, **CONFLICT_RESPONSE, **ACKNOWLEDGMENT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = selectors.agenda_item_for_action(membership=membership, pk=id)
        disclose_gate(membership, item)
        require_acknowledgment(membership, item.meeting)
        serializer = DisclosureInputSerializer(
            data=request.data, context=disclosure_context(membership, item)
        )
        serializer.is_valid(raise_exception=True)
        with service_errors():
            disclosure = services.disclosure_record(
                membership=membership, item=item, data=serializer.to_input()
            )
        return Response(DisclosureSerializer(disclosure).data, status=201)


class DisclosureDetailView(SchakelAPIView):
    serializer_class = DisclosureSerializer

    @extend_schema(
        summary="Eén verstrekking",
        description=(
            "Voor wie haar mag zien (zie de lijst bij het agendapunt); het lezen wordt "
            "vastgelegd. Een verstrekking wordt nooit gewijzigd of verwijderd (405); een "
            "correctie is een nieuwe verstrekking met corrects."
        ),
        responses={200: DisclosureSerializer, **ACKNOWLEDGMENT_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item, _disclosure = visible_disclosure(membership, id)
        require_acknowledgment(membership, item.meeting)
        view = selectors.agenda_item_get_for(membership=membership, pk=item.pk)
        disclosure = next((d for d in view.disclosures if d.pk == id), None)
        if disclosure is None:
            raise exceptions.NotFound()
        return Response(DisclosureSerializer(disclosure).data)


class CorrectionsView(SchakelAPIView):
    serializer_class = DisclosureInputSerializer

    @extend_schema(
        summary="Verstrekking corrigeren",
        description=(
            "Een correctie is een nieuwe, volledige verstrekking die naar de oorspronkelijke "
            "wijst (corrects); de oorspronkelijke blijft ongewijzigd bestaan. Alleen de "
            "organisatie die verstrekte corrigeert (anderen 404). Elke verstrekking wordt "
            "hoogstens één keer gecorrigeerd: daarna 409 — corrigeer dan de correctie."
        ),
        request=DisclosureInputSerializer,
        responses={201: DisclosureSerializer, **CONFLICT_RESPONSE, **ACKNOWLEDGMENT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item, original = visible_disclosure(membership, id)
        if original.from_organisation_id != membership.organisation_id:
            raise exceptions.NotFound()
        disclose_gate(membership, item)
        require_acknowledgment(membership, item.meeting)
        already = _("Deze verstrekking is al gecorrigeerd; corrigeer de correctie.")
        if Disclosure.objects.filter(corrects=original).exists():
            raise conflict(already)
        serializer = DisclosureInputSerializer(
            data=request.data, context=disclosure_context(membership, item)
        )
        serializer.is_valid(raise_exception=True)
        try:
            with service_errors():
                correction = services.disclosure_correct(
                    membership=membership, original=original, data=serializer.to_input()
                )
        except exceptions.ValidationError as error:
            if isinstance(error.detail, dict) and set(error.detail) == {"corrects"}:
                raise conflict(already) from None
            raise
        return Response(DisclosureSerializer(correction).data, status=201)
