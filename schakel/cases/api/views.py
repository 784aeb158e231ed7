"""The case API: cases, participations, informing the person, reviews, reassessment,
de-escalation and closure.

Views stay thin: reads come from ``schakel.cases.selectors`` (which log every read of person
data), writes go through one service call. What the acting membership may not see or do is a
404, the same as what does not exist; a change to a closed case is a 409.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from schakel.accounts.models import Membership
from schakel.api.base import (
    CONFLICT_RESPONSE,
    ActionView,
    SchakelAPIView,
    VisibleListView,
    conflict,
    membership_of,
    service_errors,
    visible_or_404,
)
from schakel.api.filters import StrictOrderingFilter
from schakel.api.views import acting_membership_of
from schakel.cases import lifecycle_services, permissions, selectors, services
from schakel.cases.access import cases_visible_to
from schakel.cases.api.filters import CaseFilterSet
from schakel.cases.api.serializers import (
    CaseDetailSerializer,
    CaseSerializer,
    CaseStateSerializer,
    ClosureInputSerializer,
    DeescalationInputSerializer,
    InformingInputSerializer,
    ParticipationEndSerializer,
    ParticipationInputSerializer,
    ParticipationSerializer,
    ReassessmentInputSerializer,
    ReviewInputSerializer,
)
from schakel.cases.models import Case, Participation

TAGS = ["casussen"]


def writable_case(membership: Membership, pk: uuid.UUID) -> Case:
    """A visible case the membership may change (the directing lead and the ZVH), checked
    before the input is: a closed case is a 409 for them, anyone else gets a 404."""
    case = selectors.case_for_action(membership=membership, pk=pk)
    if case.is_closed and permissions.steers_case(membership, case):
        raise conflict(_("Deze casus is afgesloten; er is niets opgeslagen."))
    if not permissions.may_manage_case(membership, case):
        raise exceptions.NotFound()
    return case


def case_state(case: Case) -> dict[str, Any]:
    return dict(CaseStateSerializer(case).data)


@extend_schema_view(
    get=extend_schema(
        summary="Casussen",
        description=(
            "De casussen die u mag zien: als gemeentelijk regisseur die van uw inwoners, als "
            "procesregisseur die van uw Zorg- en Veiligheidshuis, als partner die waaraan uw "
            "organisatie structureel deelneemt (zolang de deelname loopt en de casus open is). "
            "Alleen metadata (kenmerk, fase, data, organisaties), nooit persoonsgegevens; het "
            "lezen wordt niet vastgelegd. Filter op fase; sorteren op opened_at, "
            "next_review_on, reassessment_due_on (standaard nieuwste eerst)."
        ),
        responses={200: CaseSerializer(many=True)},
        tags=TAGS,
    )
)
class CaseListView(VisibleListView):
    serializer_class = CaseSerializer
    queryset = Case.objects.none()  # for the schema; reads go through selectors
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = CaseFilterSet
    ordering_fields = ["opened_at", "next_review_on", "reassessment_due_on"]
    ordering = ["-opened_at"]

    def visible_rows(self) -> QuerySet[Case]:
        return selectors.case_list_for(membership=acting_membership_of(self.request))


class CaseDetailView(SchakelAPIView):
    serializer_class = CaseDetailSerializer

    @extend_schema(
        summary="Eén casus",
        description=(
            "De hele casus: de persoon (met de personen in de directe omgeving), het "
            "informeren, deelnames, agendapunten, versies van het plan van aanpak en de lopende "
            "interventies. Het lezen wordt vastgelegd in het verwerkingslogboek (één regel per "
            "persoon). 404 voor een casus die u niet (meer) mag zien; een incidentele partner "
            "ziet alleen het agendapunt waarvoor die is uitgenodigd."
        ),
        responses={200: CaseDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        view = selectors.case_get_for(membership=membership_of(request), pk=id)
        return Response(CaseDetailSerializer(CaseDetailSerializer.data_for(view)).data)


class ParticipationListView(SchakelAPIView):
    serializer_class = ParticipationSerializer
    queryset = Participation.objects.none()  # for the schema; reads go through selectors

    @extend_schema(
        summary="Deelnames aan een casus",
        description=(
            "De organisaties die deelnemen of deelnamen, structureel of incidenteel, met hun "
            "periode. Voor wie de casus mag zien."
        ),
        responses={200: ParticipationSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        case = selectors.case_for_action(membership=membership_of(request), pk=id)
        rows = case.participations.select_related("organisation").order_by(
            "starts_on", "organisation__name", "pk"
        )
        return self.paginated(rows, ParticipationSerializer)

    @extend_schema(
        summary="Organisatie laten deelnemen",
        description=(
            "Voor de regievoerende gemeente en het Zorg- en Veiligheidshuis, zolang de casus "
            "open is. Een structurele deelname geeft de leden van de organisatie inzage in de "
            "casus zolang die loopt; een incidentele deelname heeft een einddatum. 409 als de "
            "casus is afgesloten."
        ),
        request=ParticipationInputSerializer,
        responses={201: ParticipationSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        case = writable_case(membership, id)
        serializer = self.valid_input(ParticipationInputSerializer)
        with service_errors():
            participation = services.participation_add(
                membership=membership, case=case, data=serializer.to_input()
            )
        return Response(ParticipationSerializer(participation).data, status=201)


class ParticipationEndView(SchakelAPIView):
    serializer_class = ParticipationEndSerializer

    @extend_schema(
        summary="Deelname beëindigen",
        description=(
            "Legt de laatste dag van een deelname vast; daarna ziet de organisatie de casus "
            "niet meer. Voor de regievoerende gemeente en het Zorg- en Veiligheidshuis."
        ),
        request=ParticipationEndSerializer,
        responses={200: ParticipationSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        visible = Participation.objects.filter(case__in=cases_visible_to(membership=membership))
        participation = visible_or_404(visible.select_related("case", "organisation"), id)
        writable_case(membership, participation.case_id)
        serializer = self.valid_input(ParticipationEndSerializer)
        with service_errors():
            ended = services.participation_end(
                membership=membership,
                participation=participation,
                ends_on=serializer.validated_data["ends_on"],
            )
        return Response(ParticipationSerializer(ended).data)


class CaseActionView(ActionView):
    """One change to a case through one service; answers the case's state (no person data)."""

    def target(self, membership: Membership, pk: uuid.UUID) -> Case:
        return writable_case(membership, pk)

    def answer(self, membership: Membership, target: Case, result: Case) -> Response:
        return Response(case_state(result))


class InformingView(CaseActionView):
    serializer_class = input_serializer = InformingInputSerializer

    def act(self, membership: Membership, case: Case, serializer: Any) -> Case:
        return lifecycle_services.case_record_informing(
            membership=membership, case=case, data=serializer.to_input()
        )

    @extend_schema(
        summary="Informeren van de persoon vastleggen",
        description=(
            "Of, wanneer en door wie de persoon is geïnformeerd over de bespreking, of waarom "
            "dat wordt uitgesteld en wanneer dat wordt heroverwogen. Voor de regievoerende "
            "gemeente en het Zorg- en Veiligheidshuis."
        ),
        request=InformingInputSerializer,
        responses={200: CaseStateSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class ReassessmentView(CaseActionView):
    serializer_class = input_serializer = ReassessmentInputSerializer

    def act(self, membership: Membership, case: Case, serializer: Any) -> Case:
        return lifecycle_services.case_reassess(
            membership=membership, case=case, next_due_on=serializer.validated_data["next_due_on"]
        )

    @extend_schema(
        summary="Herbeoordeling vastleggen",
        description=(
            "Voortgezette bespreking is nog nodig: legt de herbeoordeling van vandaag vast en "
            "de volgende (na vandaag, binnen een jaar). Is bespreking niet meer nodig, schaal "
            "dan af of sluit de casus af."
        ),
        request=ReassessmentInputSerializer,
        responses={200: CaseStateSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class ReviewView(CaseActionView):
    serializer_class = input_serializer = ReviewInputSerializer

    def act(self, membership: Membership, case: Case, serializer: Any) -> Case:
        return lifecycle_services.case_schedule_review(
            membership=membership,
            case=case,
            next_review_on=serializer.validated_data["next_review_on"],
        )

    @extend_schema(
        summary="Evaluatie plannen",
        description="De datum van de volgende evaluatie (vanaf vandaag), of null voor geen.",
        request=ReviewInputSerializer,
        responses={200: CaseStateSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class MonitoringView(CaseActionView):
    serializer_class = input_serializer = Serializer

    def act(self, membership: Membership, case: Case, serializer: Any) -> Case:
        return lifecycle_services.case_to_monitoring(membership=membership, case=case)

    @extend_schema(
        summary="Naar monitoring",
        description=(
            "Het plan loopt: de casus gaat van casusoverleg naar monitoring. 409 als de casus "
            "niet (meer) in de fase casusoverleg is."
        ),
        request=None,
        responses={200: CaseStateSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class DeescalationView(CaseActionView):
    serializer_class = input_serializer = DeescalationInputSerializer

    def act(self, membership: Membership, case: Case, serializer: Any) -> Case:
        return lifecycle_services.case_deescalate(
            membership=membership, case=case, **serializer.validated_data
        )

    @extend_schema(
        summary="Afschalen",
        description=(
            "Legt vast waarheen wordt afgeschaald en tot wanneer de nazorg loopt; de casus gaat "
            "naar de fase nazorg. 409 als de casus al in nazorg is of is afgesloten."
        ),
        request=DeescalationInputSerializer,
        responses={200: CaseStateSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class ClosureView(CaseActionView):
    serializer_class = input_serializer = ClosureInputSerializer

    def act(self, membership: Membership, case: Case, serializer: Any) -> Case:
        return lifecycle_services.case_close(
            membership=membership, case=case, **serializer.validated_data
        )

    @extend_schema(
        summary="Casus afsluiten",
        description=(
            "Legt de reden vast (bij 'other' met toelichting), beëindigt vandaag elke lopende "
            "deelname — partners zien de casus daarna niet meer — en laat de bewaartermijn "
            "ingaan. 409 als de casus al is afgesloten."
        ),
        request=ClosureInputSerializer,
        responses={200: CaseStateSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)
