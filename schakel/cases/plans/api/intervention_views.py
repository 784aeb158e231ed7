"""Intervention endpoints: the list across cases, a case's interventions, one intervention,
its progress and its removal."""

import uuid
from contextlib import AbstractContextManager
from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import Membership
from schakel.api.base import (
    ActionView,
    SchakelAPIView,
    VisibleListView,
    membership_of,
    service_errors,
)
from schakel.api.filters import StrictOrderingFilter
from schakel.api.views import acting_membership_of
from schakel.cases import selectors
from schakel.cases.api.filters import InterventionFilterSet
from schakel.cases.api.serializers import InterventionSerializer
from schakel.cases.api.views import writable_case
from schakel.cases.list_reads import log_intervention_rows
from schakel.cases.models import Intervention
from schakel.cases.plans import services as plan_services
from schakel.cases.plans.api.serializers import (
    InterventionChangeSerializer,
    InterventionDetailSerializer,
    InterventionInputSerializer,
    ProgressInputSerializer,
    RemovalInputSerializer,
)
from schakel.cases.plans.api.views import (
    REVISION_CONFLICT_RESPONSE,
    TAGS,
    intervention_conflict,
    intervention_detail,
    intervention_for_action,
    plan_edit_gate,
    progress_gate,
    revision_checked,
)

# --- interventions -----------------------------------------------------------------------------


class LoggedInterventionPage(SchakelAPIView):
    """Logs the persons of the interventions on the page it answers with (``list_reads``)."""

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        if page is not None:
            log_intervention_rows(
                membership=acting_membership_of(self.request),
                interventions=page,
                name="intervention_list_read",
            )
        return page


@extend_schema_view(
    get=extend_schema(
        summary="Interventies",
        description=(
            "De lopende interventies die u mag zien: van de casussen die u ziet, en die uw "
            "organisatie uitvoert zolang de casus open is. Alleen metadata (soort, eigenaar, "
            "data, status, casuskenmerk); geen omschrijving of resultaat. Filters status, kind, "
            "owner; sorteren op due_on en starts_on (standaard eerst verlopend). Het lezen wordt "
            "vastgelegd: één regel per persoon op de pagina."
        ),
        responses={200: InterventionSerializer(many=True)},
        tags=TAGS,
    )
)
class InterventionListView(LoggedInterventionPage, VisibleListView):
    serializer_class = InterventionSerializer
    queryset = Intervention.objects.none()  # for the schema; reads go through selectors
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = InterventionFilterSet
    ordering_fields = ["due_on", "starts_on"]
    ordering = ["due_on"]

    def visible_rows(self) -> QuerySet[Intervention]:
        return selectors.intervention_list_for(membership=acting_membership_of(self.request))


class CaseInterventionsView(LoggedInterventionPage):
    serializer_class = InterventionInputSerializer
    queryset = Intervention.objects.none()  # for the schema; reads go through selectors

    @extend_schema(
        summary="Interventies van een casus",
        description=(
            "De lopende interventies van de casus, zonder omschrijving of resultaat. Het lezen "
            "wordt vastgelegd in het verwerkingslogboek."
        ),
        responses={200: InterventionSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        case = selectors.case_for_action(membership=membership, pk=id)
        rows = (
            selectors.intervention_list_for(membership=membership)
            .filter(plan__case_id=case.pk)
            .order_by("due_on", "pk")
        )
        return self.paginated(rows, InterventionSerializer)

    @extend_schema(
        summary="Interventie toevoegen",
        description=(
            "Een interventie in het concept van het plan (is de laatste versie vastgesteld, dan "
            "begint een nieuwe conceptversie), met één uitvoerende organisatie. Voor de "
            "regievoerende gemeente en het Zorg- en Veiligheidshuis."
        ),
        request=InterventionInputSerializer,
        responses={201: InterventionDetailSerializer, **REVISION_CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        case = writable_case(membership, id)
        serializer = self.valid_input(InterventionInputSerializer)
        with service_errors():
            intervention = plan_services.intervention_add(
                membership=membership, case=case, data=serializer.to_input()
            )
        return Response(intervention_detail(membership, intervention.pk), status=201)


class InterventionChangeView(ActionView):
    """A change to one intervention, based on its revision; answers the intervention."""

    def target(self, membership: Membership, pk: uuid.UUID) -> Intervention:
        intervention = intervention_for_action(membership, pk)
        self.gate(membership, intervention)
        return intervention

    def gate(self, membership: Membership, intervention: Intervention) -> None:
        plan_edit_gate(membership, intervention)

    def errors(self, target: Intervention) -> AbstractContextManager[None]:
        return revision_checked(lambda: intervention_conflict(target))

    def answer(self, membership: Membership, target: Intervention, result: Any) -> Response:
        return Response(intervention_detail(membership, target.pk))


class InterventionDetailView(InterventionChangeView):
    serializer_class = InterventionDetailSerializer
    input_serializer = InterventionChangeSerializer

    def act(self, membership: Membership, target: Intervention, serializer: Any) -> None:
        plan_services.intervention_change(
            membership=membership,
            intervention=target,
            data=serializer.to_input(target),
            based_on_revision=serializer.validated_data["revision"],
        )

    @extend_schema(
        summary="Eén interventie",
        description=(
            "Met omschrijving en resultaat; het lezen wordt vastgelegd. Voor wie de casus ziet "
            "en voor de uitvoerende organisatie zolang de casus open is."
        ),
        responses={200: InterventionDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return Response(intervention_detail(membership_of(request), id))

    @extend_schema(
        summary="Interventie wijzigen",
        description=(
            "Wijzigt wat de interventie is (soort, eigenaar, leefgebied, omschrijving, data); "
            "wat u weglaat blijft gelijk. Een planwijziging: voor de regievoerende gemeente en "
            "het Zorg- en Veiligheidshuis; is de laatste versie vastgesteld, dan begint een "
            "nieuwe conceptversie. Stuur de revisie mee; is die intussen veranderd, dan wordt "
            "niets opgeslagen (409 met de huidige revisie)."
        ),
        request=InterventionChangeSerializer,
        responses={200: InterventionDetailSerializer, **REVISION_CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def patch(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class ProgressView(InterventionChangeView):
    serializer_class = input_serializer = ProgressInputSerializer

    def gate(self, membership: Membership, intervention: Intervention) -> None:
        progress_gate(membership, intervention)

    def act(self, membership: Membership, target: Intervention, serializer: Any) -> None:
        data = serializer.validated_data
        plan_services.intervention_update_progress(
            membership=membership,
            intervention=target,
            status=data["status"],
            outcome=data["outcome"],
            based_on_revision=data["revision"],
        )

    @extend_schema(
        summary="Voortgang van een interventie",
        description=(
            "Status en resultaat, door de uitvoerende organisatie zolang de casus open is "
            "(anderen 404). Stuur de revisie mee; is die intussen veranderd, dan wordt niets "
            "opgeslagen (409 met de huidige revisie)."
        ),
        request=ProgressInputSerializer,
        responses={200: InterventionDetailSerializer, **REVISION_CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class RemovalView(InterventionChangeView):
    serializer_class = input_serializer = RemovalInputSerializer

    def act(self, membership: Membership, target: Intervention, serializer: Any) -> None:
        plan_services.intervention_remove(
            membership=membership,
            intervention=target,
            based_on_revision=serializer.validated_data["revision"],
        )

    @extend_schema(
        summary="Interventie uit het plan halen",
        description=(
            "Een planwijziging: de interventie hoort vanaf de (nieuwe) conceptversie niet meer "
            "bij het plan; vastgestelde versies houden haar. Voor de regievoerende gemeente en "
            "het Zorg- en Veiligheidshuis. Stuur de revisie mee (409 als die intussen "
            "veranderde of de interventie al is verwijderd)."
        ),
        request=RemovalInputSerializer,
        responses={200: InterventionDetailSerializer, **REVISION_CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)
