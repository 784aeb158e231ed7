"""The API of data-subject requests (AVG-verzoeken).

- ``subject-requests``: for the contact point (its municipal leads and privacy officers); any
  other caller gets a 404 for every request. Registering starts from a case or signal the caller
  can open (404 otherwise); a caller who can open it but is not the contact point gets a 403
  ``not-contact-point`` naming the contact point.
- ``request-contributions``: an organisation's own requests for input (metadata only) and its
  input.
- ``access-export``: JSON (or PDF with ``?format=pdf``), for the contact point's municipal lead
  only (it holds case content), only with a web session whose step-up is fresh; a personal
  access token or a stale session gets a 403 ``step-up-required``.
"""

import uuid
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, renderers
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import PersonalAccessToken
from schakel.accounts.stepup import step_up_is_fresh
from schakel.api.base import (
    CONFLICT_RESPONSE,
    Problem,
    SchakelAPIView,
    membership_of,
    service_errors,
)
from schakel.api.problems import PROBLEM_CONTENT_TYPE, STEP_UP_REQUIRED, ProblemType
from schakel.api.serializers import ProblemSerializer
from schakel.api.views import acting_membership_of
from schakel.privacy import request_selectors as selectors
from schakel.privacy import request_services as services
from schakel.privacy.access_export_render import EXPORT_ROLES, access_export_produce
from schakel.privacy.api.request_serializers import (
    OwnRequestContributionSerializer,
    RequestContributionInputSerializer,
    RequestContributionSerializer,
    RequestDecisionInputSerializer,
    RequestExtensionInputSerializer,
    RequestIdentityInputSerializer,
    RequestInboxRowSerializer,
    RequestRegistrationInputSerializer,
    SubjectRequestDetailSerializer,
    SubjectRequestSerializer,
)
from schakel.privacy.models import RequestContribution, SubjectRequest

TAGS = ["verzoeken van betrokkenen"]
NOT_CONTACT_POINT = ProblemType(
    "not-contact-point", 403, "Niet het contactpunt", "Not the contact point"
)


def _problem_403(description: str) -> dict[Any, Any]:
    return {(403, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description)}


NOT_CONTACT_POINT_RESPONSE = _problem_403(
    "Niet het contactpunt (urn:schakel:problem:not-contact-point): u kunt de casus of het "
    "signaal openen, maar een andere gemeente is het contactpunt; detail noemt die gemeente."
)
STEP_UP_RESPONSE = _problem_403(
    "Herbevestiging nodig (urn:schakel:problem:step-up-required): de export kan alleen vanuit "
    "een websessie waarin u in de laatste vijf minuten wachtwoord en code opnieuw gaf; niet "
    "met een persoonlijk toegangstoken."
)


def _handled(request: Request, pk: uuid.UUID) -> SubjectRequest:
    return selectors.request_for_action(membership=membership_of(request), pk=pk)


def _detail(request: Request, pk: uuid.UUID, status: int = 200) -> Response:
    view = selectors.request_get_for(membership=membership_of(request), pk=pk)
    data = SubjectRequestDetailSerializer(view.request, context={"view": view}).data
    return Response(data, status=status)


class SubjectRequestListView(ListModelMixin, SchakelAPIView):
    serializer_class = SubjectRequestSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        if self.fake:
            return SubjectRequest.objects.none()
        return selectors.request_list_for(membership=acting_membership_of(self.request))

    @extend_schema(
        summary="Verzoeken van betrokkenen",
        description=(
            "De verzoeken waarvoor uw gemeente het contactpunt is (voor de regievoerder en de "
            "privacyfunctionaris; anderen krijgen een lege lijst): open verzoeken eerst, dan "
            "op uiterste datum. Alleen metadata; geen persoonsgegevens."
        ),
        responses={200: SubjectRequestSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Verzoek registreren",
        description=(
            "Registreer een verzoek vanuit een casus (case) of een signaal (signal) van de "
            "persoon dat u kunt openen (anders 404). Alleen het contactpunt registreert: de "
            "regievoerende gemeente van de (laatste open) casus, zonder casus de woongemeente "
            "van het laatste signaal (anders 403 not-contact-point). De uiterste datum is één "
            "kalendermaand na ontvangst; elke organisatie die deelnam krijgt een verzoek om "
            "inbreng. Het identiteitsbewijs-nummer of BSN hoort niet in de notitie (400)."
        ),
        request=RequestRegistrationInputSerializer,
        responses={201: SubjectRequestDetailSerializer, **NOT_CONTACT_POINT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        serializer = RequestRegistrationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        origin = selectors.origin_for(
            membership=membership,
            case_pk=serializer.validated_data["case"],
            signal_pk=serializer.validated_data["signal"],
        )
        try:
            with service_errors():
                created = services.request_register(
                    membership=membership, origin=origin, data=serializer.to_input()
                )
        except services.NotContactPointError as error:
            raise Problem(NOT_CONTACT_POINT, error.message) from None
        return _detail(request, created.pk, status=201)


class SubjectRequestDetailView(SchakelAPIView):
    serializer_class = SubjectRequestDetailSerializer

    @extend_schema(
        summary="Eén verzoek",
        description=(
            "Het hele verzoek voor het contactpunt: de persoon, wat gevraagd wordt, de "
            "identiteitsvaststelling, de termijn, de inbreng van elke organisatie en het "
            "besluit. Het lezen wordt vastgelegd."
        ),
        responses={200: SubjectRequestDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return _detail(request, id)


class IdentityView(SchakelAPIView):
    serializer_class = RequestIdentityInputSerializer

    @extend_schema(
        summary="Identiteit vastleggen",
        description=(
            "Wanneer en hoe de identiteit van de verzoeker is vastgesteld (door u). Nooit een "
            "BSN of documentnummer. 409 als het verzoek is afgehandeld."
        ),
        request=RequestIdentityInputSerializer,
        responses={200: SubjectRequestDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        subject_request = _handled(request, id)
        serializer = RequestIdentityInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.request_verify_identity(
                membership=membership_of(request),
                request=subject_request,
                verified_on=serializer.validated_data["identity_verified_on"],
                note=serializer.validated_data["identity_verification_note"],
            )
        return _detail(request, id)


class ExtensionView(SchakelAPIView):
    serializer_class = RequestExtensionInputSerializer

    @extend_schema(
        summary="Termijn verlengen",
        description=(
            "Eén keer, vóór het einde van de oorspronkelijke termijn, tot hoogstens drie "
            "maanden na ontvangst, met een reden en de datum waarop de persoon binnen de "
            "oorspronkelijke termijn is geïnformeerd (art. 12 lid 3 AVG). Anders 400; 409 als "
            "het verzoek intussen is afgehandeld of verlengd."
        ),
        request=RequestExtensionInputSerializer,
        responses={200: SubjectRequestDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        subject_request = _handled(request, id)
        serializer = RequestExtensionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.request_extend(
                membership=membership_of(request),
                request=subject_request,
                data=serializer.to_input(),
            )
        return _detail(request, id)


class DecisionView(SchakelAPIView):
    serializer_class = RequestDecisionInputSerializer

    @extend_schema(
        summary="Besluit vastleggen",
        description=(
            "Het besluit van het contactpunt namens alle deelnemers: granted, "
            "partially_granted of refused, met een beperking (criminal_investigation, "
            "public_safety, rights_of_others, other) en gronden (verplicht als het verzoek niet "
            "volledig wordt toegewezen). Toewijzen vraagt een vastgestelde identiteit. Zolang "
            "niet alle organisaties inbreng gaven: without_all_input=true. Sluit het verzoek."
        ),
        request=RequestDecisionInputSerializer,
        responses={200: SubjectRequestDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        subject_request = _handled(request, id)
        serializer = RequestDecisionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.request_decide(
                membership=membership_of(request),
                request=subject_request,
                data=serializer.to_input(),
            )
        return _detail(request, id)


class WithdrawalView(SchakelAPIView):
    serializer_class = SubjectRequestDetailSerializer

    @extend_schema(
        summary="Verzoek ingetrokken",
        description="De persoon trok het verzoek in: het wordt afgehandeld zonder besluit.",
        request=None,
        responses={200: SubjectRequestDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        subject_request = _handled(request, id)
        with service_errors():
            services.request_withdraw(membership=membership_of(request), request=subject_request)
        return _detail(request, id)


class RequestContributionsView(SchakelAPIView):
    serializer_class = RequestContributionSerializer
    queryset = RequestContribution.objects.none()  # for the schema; reads go through selectors

    @extend_schema(
        summary="Inbreng per organisatie",
        description=(
            "Voor het contactpunt: elke organisatie die om inbreng is gevraagd, met haar "
            "inbreng. Organisaties geven hun inbreng met PUT /api/v1/request-contributions/{id}/. "
            "Het lezen wordt vastgelegd."
        ),
        responses={200: RequestContributionSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        subject_request = selectors.request_for_contributions(
            membership=membership_of(request), pk=id
        )
        rows = subject_request.contributions.select_related("organisation", "answered_by").order_by(
            "organisation__name", "pk"
        )
        return self.paginated(rows, RequestContributionSerializer)


class PdfRenderer(renderers.BaseRenderer):
    """Lets ``?format=pdf`` (or ``Accept: application/pdf``) choose the PDF export."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(
        self, data: Any, accepted_media_type: Any = None, renderer_context: Any = None
    ) -> bytes:
        return data if isinstance(data, bytes) else b""


class AccessExportView(SchakelAPIView):
    serializer_class = SubjectRequestSerializer
    renderer_classes = [renderers.JSONRenderer, PdfRenderer]

    @extend_schema(
        summary="Inzage-export",
        description=(
            "Alles wat Schakel over de persoon vastlegt en de lijst van verwerkingen (wat, "
            "wanneer, welke organisatie, op welke grondslag), met medewerkers als functie en "
            "organisatie en zonder andere personen of interne velden. JSON, of PDF met "
            "?format=pdf. Alleen voor de regievoerder van het contactpunt (de export bevat de "
            "inhoud van casussen; een privacyfunctionaris krijgt 404), bij een verzoek om "
            "inzage dat open is of (deels) is toegewezen en waarvan de identiteit is vastgesteld "
            "(anders 400). Vraagt "
            "een websessie met verse herbevestiging: met een persoonlijk toegangstoken of een "
            "verlopen herbevestiging 403 step-up-required. Het maken wordt vastgelegd voordat "
            "de bytes worden verstuurd."
        ),
        parameters=[
            OpenApiParameter(
                "format",
                str,
                OpenApiParameter.QUERY,
                enum=["json", "pdf"],
                description="json (standaard) of pdf.",
            )
        ],
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "application/pdf"): OpenApiTypes.BINARY,
            **STEP_UP_RESPONSE,
        },
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = membership_of(request)
        subject_request = selectors.request_for_action(membership=membership, pk=id)
        if membership.role not in EXPORT_ROLES:
            raise exceptions.NotFound()
        if isinstance(request.auth, PersonalAccessToken) or not step_up_is_fresh(request._request):
            raise Problem(
                STEP_UP_REQUIRED,
                _(
                    "De inzage-export vraagt een herbevestiging van uw wachtwoord en code in de "
                    "laatste vijf minuten, in de webinterface. Een toegangstoken is hiervoor niet "
                    "genoeg."
                ),
            )
        export_format = "pdf" if request.accepted_renderer.format == "pdf" else "json"
        with service_errors():
            download = access_export_produce(
                membership=membership, request=subject_request, export_format=export_format
            )
        response = HttpResponse(download.content, content_type=download.content_type)
        response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
        response["Cache-Control"] = "no-store"
        return response


# An organisation's own requests for input ------------------------------------------------------


class ContributionInboxView(ListModelMixin, SchakelAPIView):
    serializer_class = RequestInboxRowSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        if self.fake:
            return RequestContribution.objects.none()
        return selectors.contribution_inbox_for(membership=acting_membership_of(self.request))

    @extend_schema(
        summary="Verzoeken om inbreng",
        description=(
            "De verzoeken waarvoor uw organisatie om inbreng is gevraagd (voor "
            "privacyfunctionaris, regievoerder, procesregisseur en professional), open eerst "
            "en op uiterste datum. Alleen metadata: kenmerk, soort, data, status, contactpunt."
        ),
        responses={200: RequestInboxRowSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)


def _own(view: selectors.ContributionView) -> Response:
    data = OwnRequestContributionSerializer.data_for(view)
    return Response(OwnRequestContributionSerializer(data).data)


class ContributionDetailView(SchakelAPIView):
    serializer_class = RequestContributionInputSerializer

    @extend_schema(
        summary="Eigen inbreng",
        description=(
            "De inbreng van uw organisatie, met de metadata van het verzoek en de kenmerken van "
            "de casussen en signalen van de persoon waaraan uw organisatie deelnam. Nooit wat "
            "de persoon vraagt of de inbreng van anderen. Het lezen wordt vastgelegd."
        ),
        responses={200: OwnRequestContributionSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        view = selectors.contribution_get_for(membership=membership_of(request), pk=id)
        return Response(
            OwnRequestContributionSerializer(OwnRequestContributionSerializer.data_for(view)).data
        )

    @extend_schema(
        summary="Inbreng geven",
        description=(
            "holds_data (verplicht), input (verplicht als u gegevens verwerkt of bezwaar "
            "heeft) en objects_to_disclosure (bezwaar tegen verstrekking aan de persoon, met "
            "de reden in input). Te wijzigen zolang het verzoek open is; daarna 409."
        ),
        request=RequestContributionInputSerializer,
        responses={200: OwnRequestContributionSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def put(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        contribution = (
            selectors.contributions_visible_to(membership=membership)
            .select_related("request")
            .filter(pk=id)
            .first()
        )
        if contribution is None:
            raise exceptions.NotFound()
        serializer = RequestContributionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.contribution_answer(
                membership=membership, contribution=contribution, data=serializer.to_input()
            )
        view = selectors.contribution_get_for(membership=membership, pk=id)
        return Response(
            OwnRequestContributionSerializer(OwnRequestContributionSerializer.data_for(view)).data
        )
