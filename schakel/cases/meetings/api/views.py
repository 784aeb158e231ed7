"""The consultation (casusoverleg) API: meetings, the confidentiality acknowledgment, agenda
items, invitations, decisions and adopting the action plan.

Reading a meeting or an agenda item, and recording anything in one, needs the caller's
confidentiality acknowledgment for that meeting first: without it the answer is a 409 of type
``urn:schakel:problem:acknowledgment-required``. Scheduling, composing the agenda and inviting
do not show or record the content and do not need it.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.api.base import (
    CONFLICT_RESPONSE,
    REVISION_CONFLICT_DETAIL,
    SchakelAPIView,
    VisibleListView,
    conflict,
    membership_of,
    problem_response,
    service_errors,
)
from schakel.api.fields import Merged
from schakel.api.filters import StrictOrderingFilter
from schakel.api.views import acting_membership_of
from schakel.cases import permissions, selectors
from schakel.cases.api.base import (
    ACKNOWLEDGMENT_RESPONSE,
    PlanConflictProblemSerializer,
    require_acknowledgment,
)
from schakel.cases.api.filters import MeetingFilterSet
from schakel.cases.api.serializers import PlanVersionSerializer
from schakel.cases.choices import PlanVersionStatus
from schakel.cases.meetings import services as meeting_services
from schakel.cases.meetings.api.serializers import (
    AcknowledgmentSerializer,
    AgendaItemAddSerializer,
    AgendaItemDetailSerializer,
    AgendaItemSerializer,
    DecisionInputSerializer,
    DecisionSerializer,
    InvitationInputSerializer,
    InvitationSerializer,
    MeetingDetailSerializer,
    MeetingInputSerializer,
    MeetingSerializer,
    PlanAdoptionSerializer,
)
from schakel.cases.models import ActionPlanVersion, AgendaItem, ConsultationMeeting
from schakel.cases.plans import services as plan_services
from schakel.cases.plans.api.views import revision_checked

TAGS = ["casusoverleg"]


def agenda_gate(membership: Membership, meeting: ConsultationMeeting) -> None:
    """The agenda is composed by the ZVH's process directors while the meeting is planned."""
    if permissions.may_edit_agenda(membership, meeting):
        return
    if membership.role == Role.PROCESS_DIRECTOR and membership.organisation_id == meeting.zvh_id:
        raise conflict(_("Het overleg is al gehouden of geannuleerd; de agenda ligt vast."))
    raise exceptions.NotFound()


def minute_gate(membership: Membership, item: AgendaItem) -> None:
    """Decisions and adopting the plan: who runs the meeting, not cancelled, case open."""
    if permissions.may_minute(membership, item):
        return
    if permissions.runs_meeting(membership, item.meeting):
        raise conflict(
            _("Het overleg is geannuleerd of de casus is afgesloten; er is niets opgeslagen.")
        )
    raise exceptions.NotFound()


def minutable_item(membership: Membership, pk: uuid.UUID) -> AgendaItem:
    """An agenda item to record in: who runs the meeting, after acknowledging confidentiality."""
    item = selectors.agenda_item_for_action(membership=membership, pk=pk)
    minute_gate(membership, item)
    require_acknowledgment(membership, item.meeting)
    return item


def plan_conflict(item: AgendaItem) -> Exception:
    """Someone changed the draft since it was read: nothing was adopted; show where it stands."""
    draft = ActionPlanVersion.objects.filter(
        plan__case_id=item.case_id, status=PlanVersionStatus.DRAFT
    ).first()
    return conflict(
        str(REVISION_CONFLICT_DETAIL),
        saved=False,
        current_version=str(draft.pk) if draft else None,
        current_number=draft.number if draft else None,
        current_revision=draft.revision if draft else None,
    )


@extend_schema_view(
    get=extend_schema(
        summary="Casusoverleggen",
        description=(
            "De overleggen die u mag zien: als procesregisseur die van uw Zorg- en "
            "Veiligheidshuis, anders die met een agendapunt dat u mag zien. Datum, plaats, "
            "status en voorzitter (functie – organisatie); geen persoonsgegevens. Filter op "
            "status; sorteren op starts_at (standaard nieuwste eerst)."
        ),
        responses={200: MeetingSerializer(many=True)},
        tags=TAGS,
    )
)
class MeetingListView(VisibleListView):
    serializer_class = MeetingSerializer
    queryset = ConsultationMeeting.objects.none()  # for the schema; reads go through selectors
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = MeetingFilterSet
    ordering_fields = ["starts_at"]
    ordering = ["-starts_at"]

    def visible_rows(self) -> QuerySet[ConsultationMeeting]:
        return selectors.meeting_list_for(membership=acting_membership_of(self.request))

    @extend_schema(
        summary="Casusoverleg plannen",
        description=(
            "Voor procesregisseurs van een Zorg- en Veiligheidshuis; anderen krijgen 404. "
            "Voorzitter (standaard uzelf) en notulist werken voor uw ZVH. De plaats is een zaal "
            "of verbinding, zonder persoonsgegevens."
        ),
        request=MeetingInputSerializer,
        responses={201: MeetingSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        if not permissions.may_schedule_meeting(membership):
            raise exceptions.NotFound()
        serializer = self.valid_input(MeetingInputSerializer)
        with service_errors():
            meeting = meeting_services.meeting_schedule(
                membership=membership, data=serializer.to_input(membership.user)
            )
        return Response(MeetingSerializer(meeting).data, status=201)


class MeetingDetailView(SchakelAPIView):
    serializer_class = MeetingDetailSerializer

    @extend_schema(
        summary="Eén casusoverleg",
        description=(
            "Het overleg met de agendapunten die u mag zien (kenmerk en fase van de casus), wie "
            "de geheimhouding bevestigde en wie aanwezig was (functie – organisatie). Eerst de "
            "geheimhouding bevestigen (POST …/acknowledgment); zonder die bevestiging een 409 "
            "van het type urn:schakel:problem:acknowledgment-required."
        ),
        responses={200: MeetingDetailSerializer, **ACKNOWLEDGMENT_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        meeting = selectors.meeting_get_for(membership=membership, pk=id)
        require_acknowledgment(membership, meeting)
        minute_taker = meeting.minute_taker
        data = Merged(
            meeting,
            minute_taker=staff_display(minute_taker, meeting.zvh) if minute_taker else None,
            agenda_items=list(selectors.meeting_items_for(membership=membership, meeting=meeting)),
            attendances=list(
                selectors.meeting_attendances_for(membership=membership, meeting=meeting)
            ),
            may_edit_agenda=permissions.may_edit_agenda(membership, meeting),
            runs_meeting=permissions.runs_meeting(membership, meeting),
        )
        return Response(MeetingDetailSerializer(data).data)


class AcknowledgmentView(SchakelAPIView):
    serializer_class = AcknowledgmentSerializer

    @extend_schema(
        summary="Geheimhouding bevestigen",
        description=(
            "U bevestigt de geheimhouding van dit casusoverleg; dat wordt de eerste keer "
            "vastgelegd (met tijdstip en uw organisatie). Daarna kunt u het overleg, zijn "
            "agendapunten en verstrekkingen openen. Nog eens bevestigen verandert niets."
        ),
        request=None,
        responses={200: AcknowledgmentSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        meeting = selectors.meeting_get_for(membership=membership, pk=id)
        attendance = meeting_services.meeting_acknowledge(membership=membership, meeting=meeting)
        return Response(AcknowledgmentSerializer(attendance).data)


class MeetingAgendaItemsView(SchakelAPIView):
    serializer_class = AgendaItemAddSerializer

    @extend_schema(
        summary="Casus op de agenda zetten",
        description=(
            "Voor procesregisseurs van het Zorg- en Veiligheidshuis van het overleg, zolang het "
            "gepland is (daarna 409). De structurele partners van de casus worden uitgenodigd "
            "voor dit agendapunt."
        ),
        request=AgendaItemAddSerializer,
        responses={201: AgendaItemSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        meeting = selectors.meeting_get_for(membership=membership, pk=id)
        agenda_gate(membership, meeting)
        serializer = self.valid_input(AgendaItemAddSerializer)
        with service_errors():
            item = meeting_services.agenda_item_add(
                membership=membership, meeting=meeting, case=serializer.validated_data["case"]
            )
        return Response(AgendaItemSerializer(item).data, status=201)


class AgendaItemDetailView(SchakelAPIView):
    serializer_class = AgendaItemDetailSerializer

    @extend_schema(
        summary="Eén agendapunt",
        description=(
            "De persoon, wie aan tafel zit, de verstrekkingen die u mag zien, de besluiten en "
            "(voor wie de hele casus ziet) de conceptversie van het plan. Ook voor een "
            "incidentele partner, alleen tijdens de periode van de uitnodiging. Het lezen wordt "
            "vastgelegd. Vraagt eerst de bevestiging van de geheimhouding (409 "
            "acknowledgment-required)."
        ),
        responses={200: AgendaItemDetailSerializer, **ACKNOWLEDGMENT_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = selectors.agenda_item_for_action(membership=membership, pk=id)
        require_acknowledgment(membership, item.meeting)
        view = selectors.agenda_item_get_for(membership=membership, pk=id)
        data = AgendaItemDetailSerializer.data_for(view, membership)
        return Response(AgendaItemDetailSerializer(data).data)


class InvitationsView(SchakelAPIView):
    serializer_class = InvitationInputSerializer

    @extend_schema(
        summary="Incidentele partner uitnodigen",
        description=(
            "Nodigt een organisatie uit voor dit ene agendapunt: die ziet het agendapunt (en "
            "niets anders van de casus) van valid_from tot en met valid_until. Voor "
            "procesregisseurs van het ZVH zolang het overleg gepland is (daarna 409)."
        ),
        request=InvitationInputSerializer,
        responses={201: InvitationSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = selectors.agenda_item_for_action(membership=membership, pk=id)
        agenda_gate(membership, item.meeting)
        serializer = self.valid_input(InvitationInputSerializer)
        with service_errors():
            invitation = meeting_services.invitation_add(
                membership=membership, item=item, data=serializer.to_input()
            )
        return Response(InvitationSerializer(invitation).data, status=201)


class DecisionsView(SchakelAPIView):
    serializer_class = DecisionInputSerializer

    @extend_schema(
        summary="Besluit vastleggen",
        description=(
            "Wat het overleg over deze casus besloot. Voor wie het overleg leidt (procesregisseur "
            "van het ZVH, voorzitter, notulist); 409 als het overleg is geannuleerd of de casus "
            "is afgesloten, of zonder bevestigde geheimhouding."
        ),
        request=DecisionInputSerializer,
        responses={201: DecisionSerializer, **CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = minutable_item(membership, id)
        serializer = self.valid_input(DecisionInputSerializer)
        with service_errors():
            decision = meeting_services.decision_record(
                membership=membership, item=item, **serializer.validated_data
            )
        return Response(DecisionSerializer(decision).data, status=201)


class PlanAdoptionView(SchakelAPIView):
    serializer_class = PlanAdoptionSerializer

    @extend_schema(
        summary="Plan van aanpak vaststellen",
        description=(
            "Het overleg stelt de conceptversie vast: die wordt bevroren met de interventies "
            "zoals ze nu zijn; de volgende wijziging begint een nieuwe versie. Stuur de revisie "
            "van het concept mee (based_on_revision). Is het concept intussen gewijzigd, dan "
            "wordt niets vastgesteld: 409 met de huidige versie en revisie. 400 als er geen "
            "concept is. Alleen in een overleg dat als gehouden is vastgelegd, of met "
            "meeting_in_progress: true (het overleg wordt nu gehouden); anders 409."
        ),
        request=PlanAdoptionSerializer,
        responses={
            200: PlanVersionSerializer,
            **problem_response(
                "Intussen gewijzigd (niets vastgesteld; met de huidige revisie), het overleg is "
                "nog niet gehouden (zonder meeting_in_progress) of geannuleerd, de casus is "
                "afgesloten, of de geheimhouding is nog niet bevestigd "
                "(urn:schakel:problem:acknowledgment-required).",
                PlanConflictProblemSerializer,
            ),
        },
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = minutable_item(membership, id)
        serializer = self.valid_input(PlanAdoptionSerializer)
        with revision_checked(lambda: plan_conflict(item)):
            version = plan_services.plan_adopt(
                membership=membership,
                item=item,
                based_on_revision=serializer.validated_data["based_on_revision"],
                meeting_in_progress=serializer.validated_data["meeting_in_progress"],
            )
        return Response(PlanVersionSerializer(version).data)
