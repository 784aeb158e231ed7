"""The disclosures (verstrekkingen) made at the table.

A disclosure is immutable: there is no PUT, PATCH or DELETE (405); a correction is a new
disclosure that points at the one it corrects. Reading disclosures goes through the agenda
item's selector, which logs the read, and needs the meeting's confidentiality acknowledgment.
"""

import uuid
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership
from schakel.api.base import (
    CONFLICT_RESPONSE,
    SchakelAPIView,
    conflict,
    membership_of,
    service_errors,
    visible_or_404,
)
from schakel.cases import permissions, selectors
from schakel.cases.access import agenda_items_visible_to
from schakel.cases.api.base import ACKNOWLEDGMENT_RESPONSE, require_acknowledgment
from schakel.cases.meetings import disclosures as services
from schakel.cases.meetings.api.disclosure_serializers import (
    DisclosureInputSerializer,
    DisclosureSerializer,
    disclosure_context,
)
from schakel.cases.models import AgendaItem, Disclosure

TAGS = ["verstrekkingen"]


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
    visible = selectors.disclosures_visible_for(
        membership=membership, item=item, full_access=full_access
    )
    disclosure = visible_or_404(visible, pk)
    return item, disclosure


def disclosure_input(
    request: Request, membership: Membership, item: AgendaItem
) -> DisclosureInputSerializer:
    """The body of a disclosure or a correction, read for this item (400 with every message)."""
    serializer = DisclosureInputSerializer(
        data=request.data, context=disclosure_context(membership, item)
    )
    serializer.is_valid(raise_exception=True)
    return serializer


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
            "met POST /api/v1/disclosures/{id}/corrections."
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
        serializer = disclosure_input(request, membership, item)
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
        serializer = disclosure_input(request, membership, item)
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
