"""A person's main identity over the API: read and change, for the lead of a municipality that
directs one of the person's signals (anyone else: 404). Every read and change is logged."""

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.display import staff_display
from schakel.api.base import SchakelAPIView, membership_of, service_errors
from schakel.api.views import acting_membership_of
from schakel.intake.api.identity_serializers import (
    MainIdentityChangeSerializer,
    MainIdentitySerializer,
)
from schakel.intake.api.views import TAGS
from schakel.intake.identity_views import field_choices, subject_signals_for
from schakel.intake.main_identity_services import identity_choose
from schakel.intake.models import IdentityChoice, Signal, Subject


def _data(subject: Subject, signals: list[Signal]) -> dict[str, Any]:
    rows = IdentityChoice.objects.filter(subject=subject).select_related(
        "chosen_by", "organisation"
    )
    return {
        "subject": subject.pk,
        "per_field": field_choices(subject, signals),
        "history": [
            {
                "at": row.created_at,
                "field": row.field,
                "signal": row.signal_id,
                "moment": row.moment,
                "chosen_by": staff_display(row.chosen_by, row.organisation),
            }
            for row in rows.order_by("-created_at")
        ],
    }


class MainIdentityView(SchakelAPIView):
    serializer_class = MainIdentitySerializer

    @extend_schema(
        summary="Hoofdidentiteit van een betrokkene",
        description=(
            "Per gegeven (voornamen, achternaam, geboren, geslacht, BSN) de geregistreerde "
            "waarden, welke de hoofdidentiteit is, en de geschiedenis van de keuzes. Alleen "
            "voor de regievoerder van een gemeente die een van de signalen regisseert; de "
            "inzage wordt vastgelegd. 404 voor iedereen anders."
        ),
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        subject, signals = subject_signals_for(acting_membership_of(request), id)
        return Response(MainIdentitySerializer(_data(subject, signals)).data)

    @extend_schema(
        summary="Hoofdidentiteit wijzigen",
        description=(
            "Per gegeven het id van het signaal waarvan de waarde de hoofdidentiteit wordt. "
            "De keuze wordt bewaard met wie en wanneer (geschiedenis) en vastgelegd in het "
            "verwerkingslogboek."
        ),
        request=MainIdentityChangeSerializer,
        responses={200: MainIdentitySerializer},
        tags=TAGS,
    )
    def put(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        subject, _signals = subject_signals_for(membership, id)
        serializer = self.valid_input(MainIdentityChangeSerializer)
        try:
            with service_errors():
                identity_choose(
                    subject=subject, membership=membership, choices=dict(serializer.validated_data)
                )
        except PermissionDenied as refused:
            raise exceptions.NotFound() from refused
        subject, signals = subject_signals_for(membership, id)
        return Response(MainIdentitySerializer(_data(subject, signals)).data)
