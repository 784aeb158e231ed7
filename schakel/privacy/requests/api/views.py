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

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import Membership
from schakel.api.base import (
    CONFLICT_RESPONSE,
    ActionView,
    Problem,
    SchakelAPIView,
    VisibleListView,
    membership_of,
    service_errors,
)
from schakel.api.problems import PROBLEM_CONTENT_TYPE, ProblemType
from schakel.api.serializers import ProblemSerializer
from schakel.api.views import acting_membership_of
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests import decisions, origins, rules, selectors, services
from schakel.privacy.requests.api.serializers import (
    RequestContributionSerializer,
    RequestDecisionInputSerializer,
    RequestExtensionInputSerializer,
    RequestIdentityInputSerializer,
    RequestRegistrationInputSerializer,
    SubjectRequestDetailSerializer,
    SubjectRequestSerializer,
)

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


def _detail(membership: Membership, pk: uuid.UUID, status: int = 200) -> Response:
    view = selectors.request_get_for(membership=membership, pk=pk)
    data = SubjectRequestDetailSerializer(view.request, context={"view": view}).data
    return Response(data, status=status)


class RequestActionView(ActionView):
    """One step in handling a request (contact point only, else 404); answers the whole request."""

    def target(self, membership: Membership, pk: uuid.UUID) -> SubjectRequest:
        return selectors.request_for_action(membership=membership, pk=pk)

    def answer(self, membership: Membership, target: SubjectRequest, result: Any) -> Response:
        return _detail(membership, target.pk)


@extend_schema_view(
    get=extend_schema(
        summary="Verzoeken van betrokkenen",
        description=(
            "De verzoeken waarvoor uw gemeente het contactpunt is (voor de regievoerder en de "
            "privacyfunctionaris; anderen krijgen een lege lijst): open verzoeken eerst, dan "
            "op uiterste datum. Alleen metadata; geen persoonsgegevens."
        ),
        responses={200: SubjectRequestSerializer(many=True)},
        tags=TAGS,
    )
)
class SubjectRequestListView(VisibleListView):
    serializer_class = SubjectRequestSerializer
    queryset = SubjectRequest.objects.none()  # for the schema; reads go through selectors
    filter_backends: list[Any] = []

    def visible_rows(self) -> Any:
        return selectors.request_list_for(membership=acting_membership_of(self.request))

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
        serializer = self.valid_input(RequestRegistrationInputSerializer)
        origin = origins.origin_for(
            membership=membership,
            case_pk=serializer.validated_data["case"],
            signal_pk=serializer.validated_data["signal"],
        )
        try:
            with service_errors():
                created = services.request_register(
                    membership=membership, origin=origin, data=serializer.to_input()
                )
        except rules.NotContactPointError as error:
            raise Problem(NOT_CONTACT_POINT, error.message) from None
        return _detail(membership, created.pk, status=201)


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
        return _detail(membership_of(request), id)


class IdentityView(RequestActionView):
    serializer_class = input_serializer = RequestIdentityInputSerializer

    def act(self, membership: Membership, target: SubjectRequest, serializer: Any) -> None:
        services.request_verify_identity(
            membership=membership,
            request=target,
            verified_on=serializer.validated_data["identity_verified_on"],
            note=serializer.validated_data["identity_verification_note"],
        )

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
        return self.perform(request, id)


class ExtensionView(RequestActionView):
    serializer_class = input_serializer = RequestExtensionInputSerializer

    def act(self, membership: Membership, target: SubjectRequest, serializer: Any) -> None:
        services.request_extend(membership=membership, request=target, data=serializer.to_input())

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
        return self.perform(request, id)


class DecisionView(RequestActionView):
    serializer_class = input_serializer = RequestDecisionInputSerializer

    def act(self, membership: Membership, target: SubjectRequest, serializer: Any) -> None:
        decisions.request_decide(membership=membership, request=target, data=serializer.to_input())

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
        return self.perform(request, id)


class WithdrawalView(RequestActionView):
    serializer_class = SubjectRequestDetailSerializer

    def act(self, membership: Membership, target: SubjectRequest, serializer: None) -> None:
        services.request_withdraw(membership=membership, request=target)

    @extend_schema(
        summary="Verzoek ingetrokken",
        description="De persoon trok het verzoek in: het wordt afgehandeld zonder besluit.",
        request=None,
        responses={200: SubjectRequestDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        return self.perform(request, id)


class RequestContributionsView(SchakelAPIView):
    serializer_class = RequestContributionSerializer
    queryset = RequestContribution.objects.none()  # for the schema; reads go through selectors

    @extend_schema(
        summary="Inbreng per organisatie",
        description=(
            "Voor het contactpunt: elke organisatie die om inbreng is gevraagd, met haar "
            "inbreng. Organisaties geven hun inbreng met PUT /api/v1/request-contributions/{id}. "
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
