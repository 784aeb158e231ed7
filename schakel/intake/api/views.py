"""The meldpunt API: signals, match suggestions and the online research log.

Views stay thin: reads come from ``schakel.intake.selectors`` (which log every read of person
data), writes go through one call of ``schakel.intake.services``. What the acting membership may
not see or do is a 404, the same as what does not exist.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import Membership
from schakel.api.base import (
    PostAllowedBy,
    SchakelAPIView,
    VisibleListView,
    conflict,
    membership_of,
    problem_response,
    service_errors,
    visible_or_404,
)
from schakel.api.filters import StrictOrderingFilter
from schakel.api.views import acting_membership_of
from schakel.intake import (
    online_selectors,
    online_services,
    permissions,
    selectors,
    services,
    suggestion_selectors,
)
from schakel.intake.api.filters import SignalFilterSet, SuggestionFilterSet
from schakel.intake.api.list_logging import SignalRowsLogged, SuggestionRowsLogged
from schakel.intake.api.research_serializers import (
    ResearchCompleteSerializer,
    ResearchEntryDetailSerializer,
    ResearchEntrySerializer,
    ResearchStartSerializer,
)
from schakel.intake.api.serializers import (
    SignalDetailSerializer,
    SignalRegisteredSerializer,
    SignalRegisterSerializer,
    SignalStatusSerializer,
)
from schakel.intake.api.suggestion_serializers import (
    SuggestionDecidedSerializer,
    SuggestionDecisionSerializer,
    SuggestionDetailSerializer,
    SuggestionSerializer,
)
from schakel.intake.models import MatchSuggestion, OnlineResearchEntry, Signal

TAGS = ["meldpunt"]


CONFLICT_RESPONSE = problem_response(
    "Al afgehandeld: iemand anders besliste of rondde dit intussen af."
)


class MayRegisterSignal(PostAllowedBy):
    predicate = staticmethod(permissions.may_register_signal)


class MayRecordOnlineResearch(PostAllowedBy):
    predicate = staticmethod(permissions.may_record_online_research)


def registrant_row(membership: Membership | None, row: dict[str, Any]) -> bool:
    """Only the registering side learns where else the person is known."""
    return permissions.follows_as_registrant(
        membership,
        Signal(
            registering_organisation_id=row["registering_organisation_id"],
            registered_in_role=row["registered_in_role"],
        ),
    )


def known_at_for_row(row: dict[str, Any]) -> list[selectors.KnownAt]:
    """``known_at_meldpunten`` needs only these three values of the signal."""
    signal = Signal(
        pk=row["id"],
        subject_id=row["subject_id"],
        directing_municipality_id=row["directing_municipality_id"],
    )
    return selectors.known_at_meldpunten(signal=signal)


class SignalDetailQuerySerializer(serializers.Serializer[Any]):
    include = serializers.ChoiceField(
        choices=[("person", "person")],
        required=False,
        help_text=(
            "person: ook de persoonsgegevens en de waarneming (alleen voor de melder en het "
            "meldpunt; het lezen wordt vastgelegd in het verwerkingslogboek)."
        ),
    )


@extend_schema_view(
    get=extend_schema(
        summary="Status van signalen",
        description=(
            "De signalen die u mag volgen: die van uw eigen organisatie en, voor het meldpunt, "
            "die van inwoners van uw gemeente. De functionaris gegevensbescherming ziet de "
            "metadata van de signalen van de eigen organisatie. Alleen status en metadata, "
            "nooit persoonsgegevens; per signaal op de pagina wordt het lezen vastgelegd in het "
            "verwerkingslogboek. Sorteren op created_at (standaard nieuwste eerst)."
        ),
        responses={200: SignalStatusSerializer(many=True)},
        tags=TAGS,
    )
)
class SignalListView(SignalRowsLogged):
    permission_classes = [IsAuthenticated, MayRegisterSignal]
    serializer_class = SignalStatusSerializer
    queryset = Signal.objects.none()  # for the schema; reads go through selectors
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = SignalFilterSet
    ordering_fields = ["created_at"]
    ordering = ["-created_at"]

    def visible_rows(self) -> QuerySet[Any]:
        return selectors.signal_status_rows_for(membership=acting_membership_of(self.request))

    @extend_schema(
        summary="Signaal registreren",
        description=(
            "Registreert een signaal bij het meldpunt van de woongemeente; die gemeente wordt "
            "regievoerder. Acuut gevaar meldt u bij de politie (112), niet via Schakel. Een BSN "
            "alleen als uw organisatie BSN's mag verwerken. Het antwoord noemt in known_at "
            "alleen de meldpunten (met hun functionele mailbox) waar mogelijk al een signaal "
            "over dezelfde persoon bekend is: nooit de inhoud of de bron daarvan. Bij ongeldige "
            "invoer wordt niets opgeslagen (400, per veld een Nederlandse melding)."
        ),
        request=SignalRegisterSerializer,
        responses={201: SignalRegisteredSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        serializer = self.valid_input(SignalRegisterSerializer)
        with service_errors():
            registration = services.signal_register(
                membership=membership, data=serializer.to_signal_input()
            )
        signal = registration.signal
        known_at = selectors.known_at_meldpunten(signal=signal)
        output = SignalRegisteredSerializer(SignalRegisteredSerializer.data_for(signal, known_at))
        return Response(output.data, status=201)


class SignalDetailView(SchakelAPIView):
    serializer_class = SignalDetailSerializer

    @extend_schema(
        summary="Status van één signaal",
        description=(
            "Status en metadata van een signaal dat u mag volgen, en bij welke meldpunten "
            "dezelfde persoon mogelijk bekend is (known_at). Zonder persoonsgegevens, behalve "
            "met ?include=person: dan ook de persoon, de personen in de directe omgeving en de "
            "waarneming, voor de melder en het meldpunt (het lezen wordt vastgelegd). 404 voor "
            "een signaal dat u niet mag zien."
        ),
        parameters=[SignalDetailQuerySerializer],
        responses={200: SignalDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        query = SignalDetailQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        membership = acting_membership_of(request)
        row = visible_or_404(selectors.signal_status_rows_for(membership=membership), id)
        signal = None
        if query.validated_data.get("include") == "person":
            signal = selectors.signal_get_for(membership=membership, pk=id)
        known_at = known_at_for_row(row) if registrant_row(membership, row) else []
        data = SignalDetailSerializer.data_for(row, known_at, signal)
        return Response(SignalDetailSerializer(data).data)


# --- match suggestions -------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Matchsuggesties",
        description=(
            "Voor het meldpunt (gemeentelijk regisseur): suggesties dat twee signalen over "
            "dezelfde persoon gaan, met score en uitleg (welke delen overeenkwamen), waarvan uw "
            "gemeente bij minstens één signaal regievoerder is. Zonder namen of nummers; de uitleg "
            "zegt wel iets over beide personen, dus per suggestie op de pagina wordt het lezen "
            "van beide signalen vastgelegd in het verwerkingslogboek. Voor andere rollen een "
            "lege lijst. Sorteren op score en created_at (standaard hoogste score eerst)."
        ),
        responses={200: SuggestionSerializer(many=True)},
        tags=TAGS,
    )
)
class SuggestionListView(SuggestionRowsLogged):
    serializer_class = SuggestionSerializer
    queryset = MatchSuggestion.objects.none()  # for the schema; reads go through selectors
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = SuggestionFilterSet
    ordering_fields = ["score", "created_at"]
    ordering = ["-score", "-created_at"]

    def visible_rows(self) -> QuerySet[MatchSuggestion]:
        membership = acting_membership_of(self.request)
        return suggestion_selectors.suggestion_list_for(membership=membership)


class SuggestionDetailView(SchakelAPIView):
    serializer_class = SuggestionDetailSerializer

    @extend_schema(
        summary="Eén matchsuggestie",
        description=(
            "De suggestie met beide identiteiten naast elkaar (voornamen, tussenvoegsel, "
            "achternaam, geboortedatum, geslacht, alleen de laatste drie cijfers van het BSN). "
            "Van een signaal waarvan uw gemeente regievoerder is ook de melder en de waarneming; "
            "van een signaal van een andere gemeente alleen de identiteit. Het lezen wordt "
            "vastgelegd. 404 voor een suggestie die u niet mag zien."
        ),
        responses={200: SuggestionDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        suggestion = suggestion_selectors.suggestion_get_for(
            membership=acting_membership_of(request), pk=id
        )
        return Response(self.get_serializer(suggestion).data)


class SuggestionDecisionView(SchakelAPIView):
    serializer_class = SuggestionDecisionSerializer

    @extend_schema(
        summary="Matchsuggestie bevestigen of afwijzen",
        description=(
            "confirm: het is dezelfde persoon, de signalen worden aan één betrokkene gekoppeld; "
            "reject: niet dezelfde persoon, dit paar wordt niet opnieuw voorgesteld. Voor het "
            "meldpunt van een van beide gemeenten. Horen de signalen bij twee gemeenten, dan "
            "blijft de suggestie open tot beide hebben bevestigd; afwijzen door één van beide "
            "is definitief. 404 voor een suggestie die u niet mag zien of "
            "waarover u niet beslist; 409 als er al over is beslist."
        ),
        request=SuggestionDecisionSerializer,
        responses={200: SuggestionDecidedSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        visible = suggestion_selectors.suggestion_list_for(membership=membership)
        suggestion = visible_or_404(visible, id)
        serializer = self.valid_input(SuggestionDecisionSerializer)
        with service_errors():
            services.suggestion_decide(
                suggestion=suggestion,
                membership=membership,
                confirm=serializer.confirm,
                identity_choices=serializer.identity_choices if serializer.confirm else None,
            )
        decided = suggestion_selectors.suggestions_visible_to(membership=membership).get(pk=id)
        return Response(SuggestionDecidedSerializer(decided).data)


# --- online research ---------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Logboek online onderzoek",
        description=(
            "De online onderzoeken van uw gemeente, voor het meldpunt en de functionaris "
            "gegevensbescherming: alleen metadata (datum, grondslag, uitkomst, afgerond). "
            "Voor andere rollen een lege lijst."
        ),
        responses={200: ResearchEntrySerializer(many=True)},
        tags=TAGS,
    )
)
class ResearchListView(VisibleListView):
    permission_classes = [IsAuthenticated, MayRecordOnlineResearch]
    serializer_class = ResearchEntrySerializer
    queryset = OnlineResearchEntry.objects.none()  # for the schema; reads go through selectors
    filter_backends = [StrictOrderingFilter]
    ordering_fields = ["created_at"]
    ordering = ["-created_at"]

    def visible_rows(self) -> QuerySet[OnlineResearchEntry]:
        membership = acting_membership_of(self.request)
        return online_selectors.online_research_list_for(membership=membership)

    @extend_schema(
        summary="Online onderzoek vastleggen (vooraf)",
        description=(
            "Voordat het meldpunt online zoekt: doel, aanleiding, grondslag, belang voor de "
            "openbare orde, afweging subsidiariteit en de drie bevestigingen (geen fictief "
            "profiel, geen besloten groepen, geen stelselmatig volgen), optioneel het signaal "
            "dat aanleiding is. Zonder al deze gegevens wordt niets opgeslagen (400). Alleen "
            "voor het meldpunt; anderen krijgen 404."
        ),
        request=ResearchStartSerializer,
        responses={201: ResearchEntryDetailSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        serializer = self.valid_input(ResearchStartSerializer)
        with service_errors():
            entry = online_services.online_research_start(
                membership=membership, plan=serializer.to_plan()
            )
        return Response(ResearchEntryDetailSerializer(entry).data, status=201)


class ResearchDetailView(SchakelAPIView):
    serializer_class = ResearchEntryDetailSerializer

    @extend_schema(
        summary="Eén online onderzoek",
        description=(
            "Het hele onderzoek: de afwegingen vooraf en de uitkomst. Voor het meldpunt en de "
            "functionaris gegevensbescherming van de gemeente; het lezen wordt vastgelegd."
        ),
        responses={200: ResearchEntryDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        entry = online_selectors.online_research_get_for(
            membership=acting_membership_of(request), pk=id
        )
        return Response(self.get_serializer(entry).data)


class ResearchCompletionView(SchakelAPIView):
    serializer_class = ResearchCompleteSerializer

    @extend_schema(
        summary="Online onderzoek afronden (achteraf)",
        description=(
            "De geraadpleegde bronnen en de uitkomst, ook als er niets is gevonden. Alleen voor "
            "het meldpunt van de gemeente; 404 voor anderen, 409 als het al is afgerond."
        ),
        request=ResearchCompleteSerializer,
        responses={200: ResearchEntryDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        visible = online_selectors.online_research_list_for(membership=membership)
        entry = visible_or_404(visible, id)
        serializer = self.valid_input(ResearchCompleteSerializer)
        if entry.is_completed:
            raise conflict(str(services.AlreadyDecidedError.detail))
        with service_errors():
            online_services.online_research_complete(
                entry=entry, membership=membership, **serializer.validated_data
            )
        completed = online_selectors.online_research_get_for(membership=membership, pk=id)
        return Response(ResearchEntryDetailSerializer(completed).data)
