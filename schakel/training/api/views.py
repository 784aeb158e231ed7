"""The training API: the catalogue, sessions with their seats, allocations (managers),
registrations (registrars of a member organisation), attendance (managers), the certificate
(the participant and their organisation's registrars) and the budget.

Reads go through ``schakel.training.selectors`` (scoped to the acting membership; reads of
registrations are logged), writes through one service call. Anything the caller may not see or
do is a 404; a service's Dutch messages are a 400 problem.
"""

import uuid
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import Membership
from schakel.api.base import SchakelAPIView, VisibleListView, membership_of, service_errors
from schakel.api.fields import Merged
from schakel.api.views import acting_membership_of, api_user
from schakel.training import selectors, services
from schakel.training.api.serializers import (
    SeatAllocationInputSerializer,
    SeatAllocationSerializer,
    TrainingAttendanceInputSerializer,
    TrainingBudgetLineSerializer,
    TrainingBudgetQuerySerializer,
    TrainingRegistrationInputSerializer,
    TrainingRegistrationSerializer,
    TrainingSerializer,
    TrainingSessionDetailSerializer,
    TrainingSessionSerializer,
)
from schakel.training.models import Registration, Training, TrainingSession
from schakel.training.permissions import is_registrar, may_register_in
from schakel.training.session_views import certificate_response

TAGS = ["trainingen"]


def registration_out(registration: Registration, membership: Membership) -> Any:
    return Merged(
        registration,
        participant=selectors.participant_label(registration, membership),
        waiting_list_position=selectors.waiting_position(registration),
    )


@extend_schema_view(
    get=extend_schema(
        summary="Trainingen",
        description=(
            "De catalogus: landelijke trainingen en die van de samenwerkingsverbanden waarvan "
            "uw organisatie lid is. Kosten in eurocent."
        ),
        tags=TAGS,
    )
)
class TrainingListView(VisibleListView):
    serializer_class = TrainingSerializer
    queryset = Training.objects.none()

    def visible_rows(self) -> QuerySet[Training]:
        return selectors.trainings_for(acting_membership_of(self.request)).order_by("title", "pk")


class TrainingDetailView(SchakelAPIView):
    serializer_class = TrainingSerializer
    queryset = Training.objects.none()

    @extend_schema(summary="Eén training", tags=TAGS)
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        training = selectors.training_for(membership_of(request), id)
        return Response(TrainingSerializer(training).data)


@extend_schema_view(
    get=extend_schema(
        summary="Trainingssessies",
        description="De sessies van de samenwerkingsverbanden waarvan uw organisatie lid is.",
        tags=TAGS,
    )
)
class SessionListView(VisibleListView):
    serializer_class = TrainingSessionSerializer
    queryset = TrainingSession.objects.none()

    def visible_rows(self) -> QuerySet[TrainingSession]:
        return selectors.sessions_for(acting_membership_of(self.request)).order_by(
            "starts_at", "pk"
        )


class SessionDetailView(SchakelAPIView):
    serializer_class = TrainingSessionDetailSerializer
    queryset = TrainingSession.objects.none()

    @extend_schema(
        summary="Eén trainingssessie",
        description="Met de verdeling van de plaatsen per organisatie (aantallen, geen namen).",
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_for(membership, id)
        data = Merged(
            session,
            allocations=selectors.allocation_rows(session),
            may_allocate=selectors.manages(membership, session.collaboration),
            may_register=may_register_in(membership, session.collaboration),
        )
        return Response(TrainingSessionDetailSerializer(data).data)


class AllocationView(SchakelAPIView):
    serializer_class = SeatAllocationSerializer
    queryset = TrainingSession.objects.none()

    @extend_schema(
        summary="Verdeling van de plaatsen",
        responses={200: SeatAllocationSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        session = selectors.session_for(membership_of(request), id)
        return Response(
            SeatAllocationSerializer(selectors.allocation_rows(session), many=True).data
        )

    @extend_schema(
        summary="Plaatsen toewijzen",
        description=(
            "Voor de coördinerende rollen van het samenwerkingsverband (voorzitter, "
            "coördinator, secretaris); anderen 404. Zet de plaatsen van één lid; samen niet "
            "meer dan de sessie heeft en niet minder dan de organisatie al bezet (400). Meer "
            "plaatsen laten de wachtlijst van die organisatie doorschuiven."
        ),
        request=SeatAllocationInputSerializer,
        responses={200: SeatAllocationSerializer(many=True)},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_for(membership, id)
        if not selectors.manages(membership, session.collaboration):
            raise exceptions.NotFound()
        data = self.valid_input(SeatAllocationInputSerializer).validated_data
        with service_errors():
            services.allocations_set(
                by=api_user(request),
                membership=membership,
                session=session,
                seats={data["organisation"]: data["seats"]},
            )
        return Response(
            SeatAllocationSerializer(selectors.allocation_rows(session), many=True).data
        )


class SessionRegistrationsView(SchakelAPIView):
    serializer_class = TrainingRegistrationSerializer
    queryset = Registration.objects.none()

    @extend_schema(
        summary="Aanmeldingen van een sessie",
        description=(
            "Van uw eigen organisatie; de coördinerende rollen zien alle (zij laten deelnemers "
            "toe en leggen aanwezigheid vast). Het lezen wordt gelogd."
        ),
        responses={200: TrainingRegistrationSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_for(membership, id)
        rows = list(selectors.registrations_visible(membership, session))
        selectors.log_reads(api_user(request), rows, "training.registrations_read")
        return self.paginated(
            [
                Merged(r, participant=label, waiting_list_position=position)
                for r, label, position in selectors.labelled(membership, session, rows)
            ],
            TrainingRegistrationSerializer,
        )

    @extend_schema(
        summary="Deelnemer aanmelden",
        description=(
            "Voor de regievoerder of functioneel beheerder van een lid van het "
            "samenwerkingsverband; anderen 404. De deelnemer is een medewerker van de eigen "
            "organisatie. Binnen de plaatsen van de organisatie: status registered; daarna "
            "waiting met een plaats op de wachtlijst. Na de aanmeldtermijn 400."
        ),
        request=TrainingRegistrationInputSerializer,
        responses={201: TrainingRegistrationSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_for(membership, id)
        if not may_register_in(membership, session.collaboration):
            raise exceptions.NotFound()
        data = self.valid_input(TrainingRegistrationInputSerializer).validated_data
        participant = (
            selectors.eligible_participants(membership.organisation)
            .filter(pk=data["participant"])
            .first()
        )
        if participant is None:
            raise exceptions.ValidationError(
                {"participant": [_("Kies een medewerker van uw eigen organisatie.")]}
            )
        with service_errors():
            registration = services.registration_create(
                by=api_user(request),
                membership=membership,
                session=session,
                participant=participant,
            )
        return Response(
            TrainingRegistrationSerializer(registration_out(registration, membership)).data,
            status=201,
        )


class RegistrationCancelView(SchakelAPIView):
    serializer_class = TrainingRegistrationSerializer
    queryset = Registration.objects.none()

    @extend_schema(
        summary="Aanmelding annuleren",
        description=(
            "Voor de aanmelders van de eigen organisatie; anderen 404. Een vrijgekomen plaats "
            "gaat naar de eerste op de wachtlijst van dezelfde organisatie."
        ),
        request=None,
        responses={200: TrainingRegistrationSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        registration = selectors.registration_for(membership, id)
        if registration.organisation_id != membership.organisation_id or not is_registrar(
            membership
        ):
            raise exceptions.NotFound()
        with service_errors():
            services.registration_cancel(
                by=api_user(request), membership=membership, registration=registration
            )
        registration.refresh_from_db()
        return Response(
            TrainingRegistrationSerializer(registration_out(registration, membership)).data
        )


class AttendanceView(SchakelAPIView):
    serializer_class = TrainingRegistrationSerializer
    queryset = Registration.objects.none()

    @extend_schema(
        summary="Aanwezigheid vastleggen",
        description=(
            "Voor de coördinerende rollen van het samenwerkingsverband, vanaf het begin van de "
            "sessie (eerder 400); anderen 404."
        ),
        request=TrainingAttendanceInputSerializer,
        responses={200: TrainingRegistrationSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        registration = selectors.registration_for(membership, id)
        if not selectors.manages(membership, registration.session.collaboration):
            raise exceptions.NotFound()
        attended = self.valid_input(TrainingAttendanceInputSerializer).validated_data["attended"]
        with service_errors():
            services.attendance_record(
                by=api_user(request),
                membership=membership,
                session=registration.session,
                attended={registration.pk: attended},
            )
        registration.refresh_from_db()
        return Response(
            TrainingRegistrationSerializer(registration_out(registration, membership)).data
        )


class PdfRenderer(BaseRenderer):
    """``application/pdf``: the view hands over the finished document."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return data if isinstance(data, bytes) else b""


class CertificateView(SchakelAPIView):
    queryset = Registration.objects.none()
    renderer_classes = [PdfRenderer, JSONRenderer]

    @extend_schema(
        summary="Certificaat (PDF/UA)",
        description=(
            "Het persoonlijke certificaat van een deelnemer die aanwezig was: voor de deelnemer "
            "zelf en de aanmelders van diens organisatie; anderen 404. De download wordt gelogd."
        ),
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, "Het certificaat.")
        },
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = membership_of(request)
        user = api_user(request)
        registration = selectors.registration_for(membership, id)
        own_registrar = registration.organisation_id == membership.organisation_id and is_registrar(
            membership
        )
        if not registration.attended or not (
            registration.participant_id == user.pk or own_registrar
        ):
            raise exceptions.NotFound()
        services.certificate_issued(by=user, registration=registration)
        return certificate_response(registration)


class BudgetView(SchakelAPIView):
    serializer_class = TrainingBudgetLineSerializer
    queryset = Registration.objects.none()

    @extend_schema(
        summary="Gebruikt trainingsbudget",
        description=(
            "Per organisatie en jaar: gebruikte plaatsen maal de kosten per deelnemer, in "
            "eurocent. De coördinerende rollen zien de leden van hun samenwerkingsverbanden; "
            "regievoerders, functioneel beheerders en bestuurders hun eigen organisatie; "
            "anderen 404. Standaard het lopende jaar."
        ),
        parameters=[TrainingBudgetQuerySerializer],
        responses={200: TrainingBudgetLineSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        query = TrainingBudgetQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or timezone.localdate().year
        lines = selectors.budget_lines(membership, year)
        return self.paginated(lines, TrainingBudgetLineSerializer)
