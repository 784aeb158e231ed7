"""The API of the access export of a data-subject request: JSON, or PDF with ``?format=pdf``,
for the contact point's municipal lead only, with a web session whose step-up is fresh.
"""

import uuid
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, renderers
from rest_framework.request import Request

from schakel.accounts.models import PersonalAccessToken
from schakel.accounts.stepup import step_up_is_fresh
from schakel.api.base import (
    Problem,
    SchakelAPIView,
    membership_of,
    service_errors,
)
from schakel.api.problems import STEP_UP_REQUIRED
from schakel.privacy.requests import selectors
from schakel.privacy.requests.access_export_render import EXPORT_ROLES, access_export_produce
from schakel.privacy.requests.api.serializers import (
    SubjectRequestSerializer,
)
from schakel.privacy.requests.api.views import STEP_UP_RESPONSE, TAGS


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
