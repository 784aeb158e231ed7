"""The processing log for the privacy officer over the API: search (paged) and export (lines).

Both act in the acting membership, which must be a privacy officer's; anyone else gets 404.
The filters and their Dutch messages are the UI's (``schakel.privacy.logbook.search``); the
answers are spans in the Logboek Dataverwerkingen shape
(``schakel.privacy.logbook.logboek_export``).

The export needs step-up like every export: a web session whose password and code were
confirmed within the last five minutes. A personal access token alone is refused with a 403
``urn:schakel:problem:step-up-required`` (see docs/processing-log-export.md).
"""

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponseBase
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, renderers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, PersonalAccessToken, User
from schakel.accounts.stepup import step_up_is_fresh
from schakel.api.problems import (
    PROBLEM_CONTENT_TYPE,
    STEP_UP_REQUIRED,
    problem_json_response,
)
from schakel.api.schema import SchakelAutoSchema
from schakel.api.serializers import ProblemSerializer
from schakel.api.views import acting_membership_of, api_user
from schakel.audit.activities import activity_choices
from schakel.audit.choices import StatusCode
from schakel.privacy.logbook import logboek_export, search
from schakel.privacy.logbook.api.serializers import ProcessingLogPageSerializer

TAGS = ["verwerkingslogboek"]
# The API's parameter names and the search form's (the UI's query parameters).
FORM_NAMES = {
    "from": "van",
    "to": "tot",
    "activity": "activiteit",
    "organisation": "organisatie",
    "actor": "medewerker",
    "subject": "betrokkene",
    "status": "uitkomst",
}
API_NAMES = {form: api for api, form in FORM_NAMES.items()}
CURSOR = re.compile(r"^[0-9]{1,18}$")


def officer_membership(request: Request) -> Membership:
    membership = acting_membership_of(request)
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise exceptions.NotFound()
    return membership


def form_data(query: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    given = {FORM_NAMES[name]: str(query.get(name, "")) for name in names if name in query}
    return search.with_defaults(given, start="van", end="tot")


def invalid(form: search.PeriodForm) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {
            API_NAMES.get(name, "non_field_errors"): [str(message) for message in messages]
            for name, messages in form.errors.items()
        }
    )


def _cursor(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not CURSOR.match(raw) or int(raw) < 1:
        raise exceptions.ValidationError(
            {name: [_("Geef het volgnummer van een logregel (een geheel getal vanaf 1).")]}
        )
    return int(raw)


def _page_size(request: Request) -> int:
    """As every list: at most 200; an unusable value gives the default (docs/api.md)."""
    raw = request.query_params.get("pageSize", "")
    if not CURSOR.match(raw) or int(raw) < 1:
        return search.PAGE_SIZE
    return min(int(raw), search.MAX_PAGE_SIZE)


def _link(request: Request, **cursor: int) -> str:
    query = {k: v for k, v in request.query_params.items() if k not in ("after", "before")}
    query.update({name: str(value) for name, value in cursor.items()})
    return request.build_absolute_uri(request.path + "?" + urlencode(query))


def _user(request: Request) -> User:
    return api_user(request)


PERIOD_PARAMETERS = [
    OpenApiParameter(
        "from",
        OpenApiTypes.DATE,
        description="Eerste dag (jjjj-mm-dd, Europe/Amsterdam); standaard 30 dagen geleden.",
    ),
    OpenApiParameter(
        "to",
        OpenApiTypes.DATE,
        description=(
            "Laatste dag, inbegrepen; standaard vandaag. Hoogstens één jaar na from, niet in "
            "de toekomst."
        ),
    ),
]
SEARCH_PARAMETERS = [
    *PERIOD_PARAMETERS,
    OpenApiParameter(
        "activity",
        str,
        enum=[key for key, _label in activity_choices()],
        description="Verwerkingsactiviteit.",
    ),
    OpenApiParameter(
        "organisation",
        str,
        description="Id van uw eigen organisatie, of system (verwerkingen zonder medewerker).",
    ),
    OpenApiParameter(
        "actor",
        OpenApiTypes.UUID,
        description="Id van een medewerker (een lid van uw organisatie).",
    ),
    OpenApiParameter(
        "subject",
        str,
        pattern=r"^[0-9a-f]{64}$",
        description="Pseudoniem van een betrokkene (dpl.core.data_subject_id).",
    ),
    OpenApiParameter("status", str, enum=StatusCode.values, description="status_code."),
    OpenApiParameter(
        "after",
        {"type": "integer", "minimum": 1},
        description="Cursor: de logregels ouder dan die met dit volgnummer (schakel.sequence).",
    ),
    OpenApiParameter(
        "before",
        {"type": "integer", "minimum": 1},
        description="Cursor: de logregels nieuwer dan die met dit volgnummer.",
    ),
    OpenApiParameter(
        "pageSize",
        {"type": "integer", "minimum": 1, "maximum": search.MAX_PAGE_SIZE, "default": 50},
        description="Aantal logregels per pagina (standaard 50, hoogstens 200).",
    ),
]
SEARCH_FILTERS = ("from", "to", "activity", "organisation", "actor", "subject", "status")


class ProcessingLogView(APIView):
    schema = SchakelAutoSchema()
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Verwerkingslogboek doorzoeken",
        description=(
            "Voor de privacyfunctionaris (anderen 404): de logregels van de eigen organisatie "
            "en van het systeem zelf in een periode van hoogstens één jaar, nieuwste eerst, "
            "als spans van de standaard Logboek Dataverwerkingen. Bladeren met de cursors "
            "next en previous (er wordt niet geteld). Het zoeken wordt vastgelegd."
        ),
        parameters=SEARCH_PARAMETERS,
        responses={200: ProcessingLogPageSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = officer_membership(request)
        form = search.LogSearchForm(
            form_data(request.query_params, SEARCH_FILTERS),
            membership=membership,
            staff=search.staff_of(membership),
        )
        if not form.is_valid():
            raise invalid(form)
        after, before = _cursor(request, "after"), _cursor(request, "before")
        if after is not None and before is not None:
            raise exceptions.ValidationError({"before": [_("Geef after of before, niet beide.")]})
        page = search.log_search_page(
            user=_user(request),
            membership=membership,
            filters=form.filters(),
            after=after,
            before=before,
            size=_page_size(request),
            channel="api",
        )
        register = logboek_export.register_uri(request._request)
        return Response(
            {
                "next": _link(request, after=page.older) if page.older else None,
                "previous": _link(request, before=page.newer) if page.newer else None,
                "results": [logboek_export.record_span(r, register=register) for r in page.records],
            }
        )


class JSONLinesRenderer(renderers.BaseRenderer):
    """Lets clients ask for the export's own media type (the view streams the lines)."""

    media_type = logboek_export.MEDIA_TYPE
    format = "jsonl"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return renderers.JSONRenderer().render(data)


STEP_UP_RESPONSE = {
    (403, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        ProblemSerializer,
        "Herbevestiging nodig (urn:schakel:problem:step-up-required): exporteer vanuit een "
        "sessie van de webinterface die in de laatste vijf minuten is herbevestigd; een "
        "API-token alleen is niet genoeg.",
    )
}


class ProcessingLogExportView(APIView):
    schema = SchakelAutoSchema()
    permission_classes = [IsAuthenticated]
    renderer_classes = [renderers.JSONRenderer, JSONLinesRenderer]

    @extend_schema(
        summary="Verwerkingslogboek exporteren",
        description=(
            "Voor de privacyfunctionaris (anderen 404): alle logregels van de eigen organisatie "
            "en van het systeem zelf in een periode van hoogstens één jaar, als JSON Lines "
            "(application/jsonl): per regel één span van de standaard Logboek "
            "Dataverwerkingen, in tijdvolgorde. Het JSON-schema van een regel staat in "
            "schakel/audit/schemas/logboek-export.schema.json. Vraagt herbevestiging (403 "
            "step-up-required) en wordt vastgelegd voordat de eerste regel verstuurd wordt."
        ),
        parameters=PERIOD_PARAMETERS,
        responses={
            (200, logboek_export.MEDIA_TYPE): OpenApiResponse(
                OpenApiTypes.STR,
                "JSON Lines: één span per regel (zie ProcessingLogPage.results voor de vorm).",
            ),
            **STEP_UP_RESPONSE,
        },
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        membership = officer_membership(request)
        if isinstance(request.auth, PersonalAccessToken) or not step_up_is_fresh(request._request):
            return problem_json_response(
                request._request,
                STEP_UP_REQUIRED,
                _(
                    "Een export vraagt herbevestiging: gebruik een sessie van de webinterface "
                    "waarin u in de laatste vijf minuten opnieuw uw wachtwoord en code heeft "
                    "ingevoerd. Met alleen een API-token kan dat niet."
                ),
            )
        form = search.PeriodForm(form_data(request.query_params, ("from", "to")))
        if not form.is_valid():
            raise invalid(form)
        export = logboek_export.start_export(
            user=_user(request),
            membership=membership,
            period=form.period(),
            register=logboek_export.register_uri(request._request),
            channel="api",
        )
        return logboek_export.streaming_response(export)
