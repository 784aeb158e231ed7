"""The weighing API: sessions, putting a person on the agenda, the team's decision, closing.

Views stay thin: reads come from ``schakel.weighing.selectors`` (``item_get_for`` logs the read
of person data), writes go through one service call. What the acting membership may not see
or do is a 404; a decision someone already recorded, or a closed session, is a 409.

Person data follows the rule of the signals API: an item's status has none, and
``?include=person`` adds the person, the signals and the decision's justification through the
selector that logs the read.
"""

import copy
import uuid
from collections.abc import Callable
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.accounts.organisations.selectors import process_directors_of, zvh_for
from schakel.api.base import (
    CONFLICT_RESPONSE,
    SchakelAPIView,
    VisibleListView,
    conflict,
    membership_of,
    service_errors,
    visible_or_404,
)
from schakel.api.fields import Merged
from schakel.api.filters import StrictOrderingFilter
from schakel.api.views import acting_membership_of
from schakel.intake.permissions import is_meldpunt
from schakel.network.models import Organisation
from schakel.weighing import permissions, selectors, services
from schakel.weighing.api.serializers import (
    CriterionSerializer,
    ItemAddSerializer,
    ItemDetailSerializer,
    ItemQuerySerializer,
    ItemSerializer,
    SessionDetailSerializer,
    SessionInputSerializer,
    SessionSerializer,
    WeighingDecisionSerializer,
)
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingCriterion, WeighingItem, WeighingSession

TAGS = ["weging"]


class SessionFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    status = django_filters.ChoiceFilter(choices=SessionStatus.choices, help_text="Status.")

    class Meta:
        model = WeighingSession
        fields = ["status"]


def chair_display(session: WeighingSession, participants: list[Organisation]) -> str:
    """The chair as "function – organisation (mailbox)", for the organisation they chair for."""
    at_table = {session.arrangement.facilitator_id, *(o.pk for o in participants)}
    membership = (
        Membership.objects.active()
        .filter(user_id=session.chair_id, organisation_id__in=at_table)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    organisation = membership.organisation if membership else session.arrangement.facilitator
    return staff_display(session.chair, organisation)


def item_for_action(membership: Membership, pk: uuid.UUID) -> WeighingItem:
    """A visible item (no person data read)."""
    visible = selectors.items_visible_to(membership=membership)
    return visible_or_404(visible.select_related("session", "directing_municipality"), pk)


def require_open_session(
    membership: Membership,
    session: WeighingSession,
    may: Callable[[Membership, WeighingSession], bool],
    closed: str,
    *,
    told: Callable[[Membership], bool] = lambda membership: True,
) -> None:
    """``may`` must hold. Who ``may`` would allow if the session were open (and who is ``told``)
    learns it is closed (409 with ``closed``); anyone else gets a 404."""
    if may(membership, session):
        return
    reopened = copy.copy(session)
    reopened.status = SessionStatus.OPEN
    if told(membership) and may(membership, reopened):
        raise conflict(closed)
    raise exceptions.NotFound()


def case_opened_from(item: WeighingItem) -> uuid.UUID | None:
    """The case opened after this item's inclusion (through the case's one-to-one link)."""
    opened: uuid.UUID | None = (
        WeighingItem.objects.filter(pk=item.pk).values_list("case", flat=True).first()
    )
    return opened


@extend_schema_view(
    get=extend_schema(
        summary="Wegingen",
        description=(
            "De wegingsoverleggen die u mag zien: als voorzitter, als deelnemende of "
            "faciliterende organisatie, en als meldpunt van een gemeente in de wegingsafspraak. "
            "Geen persoonsgegevens. Filter op status; sorteren op held_at (standaard nieuwste "
            "eerst)."
        ),
        responses={200: SessionSerializer(many=True)},
        tags=TAGS,
    )
)
class SessionListView(VisibleListView):
    serializer_class = SessionSerializer
    queryset = WeighingSession.objects.none()  # for the schema; reads go through selectors
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = SessionFilterSet
    ordering_fields = ["held_at"]
    ordering = ["-held_at"]

    def visible_rows(self) -> QuerySet[WeighingSession]:
        return selectors.session_list_for(membership=acting_membership_of(self.request))

    @extend_schema(
        summary="Weging plannen",
        description=(
            "Voor het meldpunt van een gemeente in de wegingsafspraak en voor de faciliterende "
            "organisatie; wie in geen enkele afspraak een weging mag plannen krijgt 404. Aan "
            "tafel ten minste een gemeente, de politie en het OM; de voorzitter (standaard "
            "uzelf) werkt voor een deelnemende of de faciliterende organisatie."
        ),
        request=SessionInputSerializer,
        responses={201: SessionSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        if not selectors.arrangements_for(membership=membership).exists():
            raise exceptions.NotFound()
        serializer = self.valid_input(SessionInputSerializer)
        with service_errors():
            session = services.session_schedule(
                membership=membership, data=serializer.to_input(membership.user)
            )
        return Response(SessionSerializer(session).data, status=201)


class SessionDetailView(SchakelAPIView):
    serializer_class = SessionDetailSerializer

    @extend_schema(
        summary="Eén weging",
        description=(
            "De weging met de voorzitter (functie – organisatie), de deelnemende organisaties "
            "en de wegingspunten die u ziet: status en uitkomst, geen persoonsgegevens. Een "
            "deelnemende organisatie ziet de punten zolang de weging open is; een gemeente aan "
            "een regionale tafel alleen die van haar eigen inwoners."
        ),
        responses={200: SessionDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_get_for(membership=membership, pk=id)
        participants = list(session.participants.order_by("name"))
        data = Merged(
            session,
            chair=chair_display(session, participants),
            participants=participants,
            items=list(selectors.items_of_session_for(membership=membership, session=session)),
            may_add_items=permissions.may_add_item(membership, session),
            may_close=permissions.may_close_session(membership, session),
        )
        return Response(SessionDetailSerializer(data).data)


class SessionCloseView(SchakelAPIView):
    serializer_class = SessionSerializer

    @extend_schema(
        summary="Weging sluiten",
        description=(
            "Voor de voorzitter en wie de weging plande. Deelnemers zien de punten daarna niet "
            "meer; personen zonder besluit gaan terug naar het meldpunt voor een volgende "
            "weging. 409 als de weging al gesloten is."
        ),
        request=None,
        responses={200: SessionSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_get_for(membership=membership, pk=id)
        require_open_session(
            membership, session, permissions.may_close_session, _("Deze weging is al gesloten.")
        )
        with service_errors():
            closed = services.session_close(membership=membership, session=session)
        return Response(SessionSerializer(closed).data)


class SessionItemsView(SchakelAPIView):
    serializer_class = ItemAddSerializer

    @extend_schema(
        summary="Persoon op de agenda zetten",
        description=(
            "Het meldpunt van een gemeente in de wegingsafspraak zet een inwoner op de agenda "
            "van een open weging, met al diens weegbare signalen; die vervallen daarna niet meer "
            "vanzelf. 409 als de weging intussen gesloten is of het signaal intussen elders is "
            "aangemeld."
        ),
        request=ItemAddSerializer,
        responses={201: ItemSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        session = selectors.session_get_for(membership=membership, pk=id)
        require_open_session(
            membership,
            session,
            permissions.may_add_item,
            _("Deze weging is gesloten; zet de persoon op een volgende."),
            told=is_meldpunt,
        )
        serializer = self.valid_input(ItemAddSerializer)
        with service_errors():
            item = services.item_add(
                membership=membership, session=session, signal=serializer.validated_data["signal"]
            )
        return Response(ItemSerializer(item).data, status=201)


class ItemDetailView(SchakelAPIView):
    serializer_class = ItemDetailSerializer

    @extend_schema(
        summary="Eén wegingspunt",
        description=(
            "Status en uitkomst van een wegingspunt, zonder persoonsgegevens. Met "
            "?include=person ook de persoon (met de personen in de directe omgeving), de "
            "signalen met de waarneming, en de onderbouwing en overwegingen van het besluit: "
            "dat lezen wordt vastgelegd in het verwerkingslogboek. Voor de regievoerende "
            "gemeente, en zolang de weging open is voor de voorzitter en de deelnemende "
            "organisaties (een gemeente alleen voor haar inwoners)."
        ),
        parameters=[ItemQuerySerializer],
        responses={200: ItemDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        query = ItemQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        membership = membership_of(request)
        item = item_for_action(membership, id)
        extra: dict[str, Any] = {
            "session_reference": item.session.reference,
            "case": case_opened_from(item),
            "may_decide": permissions.may_decide_item(membership, item),
        }
        if query.validated_data.get("include") == "person":
            view = selectors.item_get_for(membership=membership, pk=id)
            data = Merged(
                view.item,
                **extra,
                with_person=True,
                person=view.identity,
                signals=view.signals,
                criteria=view.criteria,
            )
        else:
            data = Merged(item, **extra)
        return Response(ItemDetailSerializer(data).data)


def would_decide(membership: Membership, item: WeighingItem) -> bool:
    """Whether the membership could decide this item if nobody had yet."""
    undecided = copy.copy(item)
    undecided.outcome = ""
    return permissions.may_decide_item(membership, undecided)


def process_director_of(item: WeighingItem, pk: uuid.UUID | None) -> User | None:
    if pk is None:
        return None
    zvh = zvh_for(item.directing_municipality_id)
    chosen = next((u for u in process_directors_of(zvh) if u.pk == pk), None) if zvh else None
    if chosen is None:
        raise exceptions.ValidationError(
            {"process_director": [_("Kies een procesregisseur van het Zorg- en Veiligheidshuis.")]}
        )
    return chosen


class ItemDecisionView(SchakelAPIView):
    serializer_class = WeighingDecisionSerializer

    @extend_schema(
        summary="Besluit van de weging vastleggen",
        description=(
            "De uitkomst, de overwogen criteria met overwegingen, en verplicht de onderbouwing "
            "van noodzaak, proportionaliteit en subsidiariteit; bij more_information en "
            "reweigh een datum na vandaag. Opnemen (include) opent een casus bij het Zorg- en "
            "Veiligheidshuis van de woongemeente, met de politie en het OM van de weging als "
            "structurele deelnemers. Mensen beslissen; Schakel legt vast. Voor de voorzitter "
            "en het meldpunt van de woongemeente, zolang de weging open is. Zonder alle "
            "gegevens wordt niets opgeslagen (400); 409 als er al een besluit is."
        ),
        request=WeighingDecisionSerializer,
        responses={200: ItemDetailSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = item_for_action(membership, id)
        if not permissions.may_decide_item(membership, item):
            if item.is_decided and would_decide(membership, item):
                raise conflict(_("Over deze persoon is in deze weging al besloten."))
            raise exceptions.NotFound()
        serializer = self.valid_input(WeighingDecisionSerializer)
        chosen = None
        if serializer.validated_data["outcome"] == WeighingOutcome.INCLUDE:
            chosen = process_director_of(item, serializer.validated_data["process_director"])
        with service_errors():
            decided = services.item_decide(
                membership=membership, item=item, data=serializer.to_input(chosen)
            )
        decided.session = item.session
        decided.directing_municipality = item.directing_municipality
        data = Merged(
            decided,
            session_reference=item.session.reference,
            case=case_opened_from(decided),
            may_decide=False,
        )
        return Response(ItemDetailSerializer(data).data)


@extend_schema_view(
    get=extend_schema(
        summary="Wegingscriteria",
        description=(
            "De actieve criteria die een weging overweegt (geen checklist en geen score): "
            "tekenen van een radicaliseringsproces, samenhang en sterkte van de signalen, "
            "sociale relaties, zelfredzaamheid, …"
        ),
        responses={200: CriterionSerializer(many=True)},
        tags=TAGS,
    )
)
class CriterionListView(VisibleListView):
    serializer_class = CriterionSerializer
    queryset = WeighingCriterion.objects.none()  # for the schema
    filter_backends: list[Any] = []

    def visible_rows(self) -> QuerySet[WeighingCriterion]:
        return selectors.active_criteria().order_by("position", "name", "pk")
