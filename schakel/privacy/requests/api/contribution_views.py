"""The API of an organisation's own requests for input (``request-contributions``): the inbox
(metadata only) and the organisation's contribution, read and answered.
"""

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import (
    CONFLICT_RESPONSE,
    SchakelAPIView,
    membership_of,
    service_errors,
)
from schakel.api.views import acting_membership_of
from schakel.privacy.models import RequestContribution
from schakel.privacy.requests import decisions, selectors
from schakel.privacy.requests.api.serializers import (
    OwnRequestContributionSerializer,
    RequestContributionInputSerializer,
    RequestInboxRowSerializer,
)
from schakel.privacy.requests.api.views import TAGS

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
            decisions.contribution_answer(
                membership=membership, contribution=contribution, data=serializer.to_input()
            )
        view = selectors.contribution_get_for(membership=membership, pk=id)
        return Response(
            OwnRequestContributionSerializer(OwnRequestContributionSerializer.data_for(view)).data
        )
