"""The retention API: the terms per kind, what will be deleted, legal holds, the deletion
register and the sweep's runs — the same scoping and rules as the pages (``retention.views``).

- Terms: functional admins (acting in that role) and the platform operator read and change
  them; privacy officers read them; anyone else gets 404.
- Everything else: a membership acting as privacy officer (others 404); holds are those of the
  officer's organisation, and only they lift them.
- Step-up: changing a term, placing and lifting a hold need it like in the UI. A web-session
  request needs a step-up of the last five minutes (else 403 ``step-up-required``); a personal
  access token counts as stepped up, because it can only be created after a step-up (see
  docs/retention.md). Exports are stricter and refuse tokens (docs/processing-log-export.md).
"""

import uuid
from typing import Any

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, PersonalAccessToken
from schakel.accounts.stepup import step_up_is_fresh
from schakel.api.base import (
    CONFLICT_RESPONSE,
    Problem,
    SchakelAPIView,
    VisibleListView,
    conflict,
    service_errors,
    visible_or_404,
)
from schakel.api.problems import PROBLEM_CONTENT_TYPE, STEP_UP_REQUIRED
from schakel.api.serializers import ProblemSerializer
from schakel.api.views import acting_membership_of, api_user
from schakel.audit.models import DeletionRecord
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import LegalHold, RetentionRun
from schakel.privacy.retention import display, holds, policies, selectors
from schakel.privacy.retention import views as pages
from schakel.privacy.retention.api.serializers import (
    DeletionRecordSerializer,
    LegalHoldDetailSerializer,
    LegalHoldInputSerializer,
    LegalHoldSerializer,
    OutlookSerializer,
    RetentionPolicyPatchSerializer,
    RetentionPolicySerializer,
    RetentionRunSerializer,
)

TAGS = ["bewaren"]
STEP_UP_RESPONSE = {
    (403, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        ProblemSerializer,
        "Herbevestiging nodig (urn:schakel:problem:step-up-required): een sessie van de "
        "webinterface zonder herbevestiging in de laatste vijf minuten. Een persoonlijk "
        "toegangstoken geldt als herbevestigd.",
    )
}
OUTLOOK_MAX_DAYS = 366


def require_step_up(request: Request) -> None:
    if isinstance(request.auth, PersonalAccessToken):
        return  # created after a step-up (docs/api.md); revocable and expiring
    if not step_up_is_fresh(request._request):
        raise Problem(
            STEP_UP_REQUIRED,
            _(
                "Deze wijziging vraagt herbevestiging: voer in de webinterface opnieuw uw "
                "wachtwoord en code in (geldig vijf minuten), of gebruik een API-token."
            ),
        )


def officer_of(request: Request) -> Membership:
    membership = acting_membership_of(request)
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise exceptions.NotFound()
    return membership


def _policy_reader(request: Request) -> None:
    if not pages.may_read_policies(api_user(request), acting_membership_of(request)):
        raise exceptions.NotFound()


def _policy_row(kind: str) -> policies.PolicyRow:
    row = next((r for r in policies.policy_rows() if r.kind == kind), None)
    if row is None:
        raise exceptions.NotFound()
    return row


def _policy_context(rows: list[policies.PolicyRow]) -> dict[str, Any]:
    return {"changers": display.policy_changers([r.policy for r in rows if r.policy is not None])}


KIND_PARAMETER = OpenApiParameter(
    "kind",
    str,
    OpenApiParameter.PATH,
    enum=list(RetentionKind.values),
    description="De soort gegevens.",
)


# Terms ------------------------------------------------------------------------------------


class RetentionPolicyListView(SchakelAPIView):
    serializer_class = RetentionPolicySerializer
    filter_backends: list[Any] = []

    @extend_schema(
        summary="Bewaartermijnen",
        description=(
            "De bewaartermijn per soort gegevens, met wanneer de klok gaat lopen, wat er "
            "gebeurt als hij verstreken is, de standaardtermijn, de toelichting en wie hem "
            "het laatst wijzigde (functie – organisatie). Voor functioneel beheerders, de "
            "platformbeheerder en privacyfunctionarissen; anderen 404."
        ),
        responses={200: RetentionPolicySerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        _policy_reader(request)
        rows = policies.policy_rows()
        page: Any = self.paginate_queryset(rows)
        data = RetentionPolicySerializer(page, many=True, context=_policy_context(rows)).data
        return self.get_paginated_response(data)


class RetentionPolicyDetailView(SchakelAPIView):
    serializer_class = RetentionPolicySerializer

    @extend_schema(
        summary="Eén bewaartermijn",
        description=(
            "De bewaartermijn van één soort gegevens, met dezelfde velden als in de lijst. "
            "Voor functioneel beheerders, de platformbeheerder en privacyfunctionarissen; "
            "anderen 404."
        ),
        parameters=[KIND_PARAMETER],
        responses={200: RetentionPolicySerializer},
        tags=TAGS,
    )
    def get(self, request: Request, kind: str, *args: Any, **kwargs: Any) -> Response:
        _policy_reader(request)
        row = _policy_row(kind)
        return Response(RetentionPolicySerializer(row, context=_policy_context([row])).data)

    @extend_schema(
        summary="Bewaartermijn wijzigen",
        description=(
            "Alleen functioneel beheerders (handelend in die rol) en de platformbeheerder; "
            "anderen 404. term_months van 1 tot en met 1200, note zonder persoonsgegevens; "
            "wat u weglaat blijft. Vraagt herbevestiging (zie 403). Een kortere termijn "
            "geldt bij de volgende opschoonronde. De wijziging wordt gelogd."
        ),
        parameters=[KIND_PARAMETER],
        request=RetentionPolicyPatchSerializer,
        responses={200: RetentionPolicySerializer, **STEP_UP_RESPONSE},
        tags=TAGS,
    )
    def patch(self, request: Request, kind: str, *args: Any, **kwargs: Any) -> Response:
        user = api_user(request)
        if not pages.may_edit_policies(user, acting_membership_of(request)):
            raise exceptions.NotFound()
        current = _policy_row(kind)
        require_step_up(request)
        data = self.valid_input(RetentionPolicyPatchSerializer).validated_data
        with service_errors():
            policies.policy_update(
                by=user,
                kind=kind,
                months=data.get("term_months", current.term_months),
                note=data.get("note", current.note),
            )
        row = _policy_row(kind)
        return Response(RetentionPolicySerializer(row, context=_policy_context([row])).data)


# The outlook ------------------------------------------------------------------------------


class OutlookView(SchakelAPIView):
    serializer_class = OutlookSerializer

    @extend_schema(
        summary="Wat wordt verwijderd",
        description=(
            "Voor de privacyfunctionaris (anderen 404): wat de opschoonronde de komende "
            "dagen (standaard 90) verwijdert van de eigen organisatie, per soort gegevens, met "
            "per object het kenmerk, de organisatie, de datum en of een bewaarplicht of lopend "
            "verzoek het vasthoudt; plus het aantal logregels (het hele platform). Geen "
            "persoonsgegevens."
        ),
        parameters=[
            OpenApiParameter(
                "days",
                {"type": "integer", "minimum": 1, "maximum": OUTLOOK_MAX_DAYS, "default": 90},
                OpenApiParameter.QUERY,
                description="Hoeveel dagen vooruit (1 tot en met 366).",
            )
        ],
        responses={200: OutlookSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = officer_of(request)
        days = _days(request.query_params.get("days"))
        outlook = selectors.outlook(membership=membership, days=days)
        return Response(OutlookSerializer(outlook).data)


def _days(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= OUTLOOK_MAX_DAYS:
        raise exceptions.ValidationError(
            {"days": [_("Kies een aantal dagen van 1 tot en met %(max)s.") % {"max": 366}]}
        )
    return int(raw)


# Legal holds ------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Bewaarplichten",
        description=(
            "Voor de privacyfunctionaris (anderen 404): de bewaarplichten die de eigen "
            "organisatie vastlegde, lopende eerst. Zonder reden en zonder de persoon: een "
            "bewaarplicht op een persoon heeft scope person."
        ),
        responses={200: LegalHoldSerializer(many=True)},
        tags=TAGS,
    )
)
class LegalHoldListView(VisibleListView):
    serializer_class = LegalHoldSerializer
    queryset = LegalHold.objects.none()  # for the schema
    filter_backends: list[Any] = []

    def visible_rows(self) -> QuerySet[LegalHold]:
        return pages.holds_listed(officer_of(self.request))

    @extend_schema(
        summary="Bewaarplicht vastleggen",
        description=(
            "Voor de privacyfunctionaris (anderen 404). Op één persoon: reference is de "
            "referentie van een casus (CAS-2026-0042) of signaal (SIG-2026-0042) van uw "
            "organisatie; "
            "een andere referentie geeft dezelfde melding als een onbekende. Of op een hele "
            "soort: kind. Verder reason (minstens 10 tekens), ends_on (verplicht, hoogstens "
            "10 jaar vooruit) en starts_on (leeg: vandaag, niet in de toekomst). Vraagt "
            "herbevestiging (zie 403). 201 met de bewaarplicht."
        ),
        request=LegalHoldInputSerializer,
        responses={201: LegalHoldDetailSerializer, **STEP_UP_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = officer_of(request)
        require_step_up(request)
        serializer = self.valid_input(LegalHoldInputSerializer)
        with service_errors():
            hold = holds.hold_place(membership=membership, data=serializer.to_input())
        hold = pages.holds_listed(membership).get(pk=hold.pk)
        return Response(LegalHoldDetailSerializer(hold).data, status=201)


def _hold(membership: Membership, pk: uuid.UUID) -> LegalHold:
    return visible_or_404(pages.holds_listed(membership), pk)


class LegalHoldDetailView(SchakelAPIView):
    serializer_class = LegalHoldDetailSerializer

    @extend_schema(
        summary="Eén bewaarplicht",
        description=(
            "Met de reden; alleen voor de privacyfunctionarissen van de organisatie die haar "
            "vastlegde (anderen 404). Het lezen wordt vastgelegd."
        ),
        responses={200: LegalHoldDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        # Through the selector that logs reading the reason (as the page does).
        hold = holds.hold_get_for(membership=officer_of(request), pk=id)
        return Response(LegalHoldDetailSerializer(hold).data)


class LegalHoldLiftView(SchakelAPIView):
    serializer_class = LegalHoldDetailSerializer

    @extend_schema(
        summary="Bewaarplicht opheffen",
        description=(
            "Beëindigt een lopende bewaarplicht nu (zonder invoer); ze blijft als opgeheven "
            "bestaan. Alleen de privacyfunctionarissen van de organisatie die haar vastlegde "
            "(anderen 404). Vraagt herbevestiging (zie 403). 409 als ze al afgelopen of "
            "opgeheven is."
        ),
        request=None,
        responses={200: LegalHoldDetailSerializer, **STEP_UP_RESPONSE, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = officer_of(request)
        hold = _hold(membership, id)
        require_step_up(request)
        try:
            holds.hold_lift(membership=membership, hold=hold)
        except DjangoValidationError as error:
            raise conflict(" ".join(error.messages)) from None
        return Response(LegalHoldDetailSerializer(_hold(membership, id)).data)


# The deletion register and the runs -------------------------------------------------------


class DeletionRecordFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    run = django_filters.UUIDFilter(field_name="run_id", help_text="Id van een opschoonronde.")
    policy = django_filters.ChoiceFilter(choices=RetentionKind.choices, help_text="De regel.")

    class Meta:
        model = DeletionRecord
        fields = ["run", "policy"]


@extend_schema_view(
    get=extend_schema(
        summary="Vernietigingsregister",
        description=(
            "Voor de privacyfunctionaris (anderen 404): het bewijs van elke verwijdering — "
            "soort gegevens, aantal, regel, moment en ronde — nooit wie. Het hele platform, "
            "nieuwste eerst. Filters run en policy."
        ),
        responses={200: DeletionRecordSerializer(many=True)},
        tags=TAGS,
    )
)
class DeletionRecordListView(VisibleListView):
    serializer_class = DeletionRecordSerializer
    queryset = DeletionRecord.objects.none()  # for the schema
    filter_backends = [DjangoFilterBackend]
    filterset_class = DeletionRecordFilterSet

    def visible_rows(self) -> QuerySet[DeletionRecord]:
        return selectors.deletion_register(membership=officer_of(self.request))


@extend_schema_view(
    get=extend_schema(
        summary="Opschoonrondes",
        description=(
            "Voor de privacyfunctionaris (anderen 404): de rondes van de opschoning, nieuwste "
            "eerst, met peilmoment, start, einde, status en per soort hoeveel er te "
            "verwijderen was, behandeld en verwijderd is."
        ),
        responses={200: RetentionRunSerializer(many=True)},
        tags=TAGS,
    )
)
class RetentionRunListView(VisibleListView):
    serializer_class = RetentionRunSerializer
    queryset = RetentionRun.objects.none()  # for the schema
    filter_backends: list[Any] = []

    def visible_rows(self) -> QuerySet[RetentionRun]:
        return selectors.runs(membership=officer_of(self.request)).order_by("-started_at", "pk")
