"""Serializers of the meeting and agenda-item API (see ``serializers`` for the rules)."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.api.base import free_text, revision_field
from schakel.api.fields import (
    Merged,
    OrganisationRefSerializer,
    OrganisationSerializer,
    ScopedPrimaryKeyField,
    organisation_field,
)
from schakel.cases import permissions
from schakel.cases.access import cases_visible_to
from schakel.cases.api.serializers import (
    CaseRefSerializer,
    MeetingRefSerializer,
    case_ref,
)
from schakel.cases.choices import (
    CasePhase,
    MeetingStatus,
    ParticipationKind,
)
from schakel.cases.meetings.api.disclosure_serializers import DisclosureSerializer
from schakel.cases.meetings.services import PLACE_MAX_LENGTH, InvitationInput, MeetingInput
from schakel.cases.models import (
    ActionPlanVersion,
    AgendaItem,
    Case,
    ConsultationMeeting,
    Invitation,
    ItemDecision,
    MeetingAttendance,
)
from schakel.intake.api.person_serializers import PersonSerializer
from schakel.intake.choices import DataCategory


class MeetingSerializer(serializers.Serializer[ConsultationMeeting]):
    """A meeting as listed: date, place, status and chair; no person data."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    zvh = OrganisationRefSerializer(help_text="Het Zorg- en Veiligheidshuis dat het organiseert.")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField()
    status = serializers.ChoiceField(choices=MeetingStatus.choices)
    chair = serializers.SerializerMethodField(help_text="Functie – organisatie (mailbox).")

    def get_chair(self, meeting: ConsultationMeeting) -> str:
        return staff_display(meeting.chair, meeting.zvh)


class AgendaItemSerializer(serializers.Serializer[AgendaItem]):
    """An agenda item: which case (by reference) in which meeting."""

    id = serializers.UUIDField()
    position = serializers.IntegerField()
    meeting = serializers.UUIDField(source="meeting_id")
    case = serializers.SerializerMethodField()
    phase = serializers.ChoiceField(source="case.phase", choices=CasePhase.choices)

    @extend_schema_field(CaseRefSerializer)
    def get_case(self, item: AgendaItem) -> dict[str, Any]:
        return case_ref(item.case)


class AttendanceSerializer(serializers.Serializer[MeetingAttendance]):
    id = serializers.UUIDField()
    attendee = serializers.SerializerMethodField(help_text="Functie – organisatie (mailbox).")
    organisation = OrganisationRefSerializer()
    acknowledged_at = serializers.DateTimeField(help_text="Geheimhouding bevestigd op.")
    present = serializers.BooleanField(allow_null=True, help_text="null: nog niet vastgelegd.")

    def get_attendee(self, attendance: MeetingAttendance) -> str:
        return staff_display(attendance.user, attendance.organisation)


class MeetingDetailSerializer(MeetingSerializer):
    """A meeting with the agenda items the caller may see (case references only)."""

    minute_taker = serializers.CharField(allow_null=True)
    agenda_items = AgendaItemSerializer(many=True)
    attendances = AttendanceSerializer(
        many=True, help_text="Wie de geheimhouding bevestigde, en of die aanwezig was."
    )
    may_edit_agenda = serializers.BooleanField()
    runs_meeting = serializers.BooleanField(
        help_text="U leidt het overleg (besluiten en vaststellen van plannen)."
    )


def zvh_staff(membership: Membership | None) -> QuerySet[User]:
    """People working for the caller's organisation (the ZVH): chair and minute taker."""
    if membership is None:
        return User.objects.none()
    members = Membership.objects.active().filter(organisation_id=membership.organisation_id)
    return User.objects.filter(pk__in=members.values("user_id"), is_active=True)


class MeetingInputSerializer(serializers.Serializer[Any]):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField(
        max_length=PLACE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text="Zaal of verbinding; geen namen of andere persoonsgegevens.",
    )
    chair = ScopedPrimaryKeyField(
        scope=zvh_staff,
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van de voorzitter (een medewerker van uw ZVH); standaard uzelf.",
        message=_("Kies een medewerker van uw Zorg- en Veiligheidshuis."),
    )
    minute_taker = ScopedPrimaryKeyField(
        scope=zvh_staff,
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van de notulist (een medewerker van uw ZVH); optioneel.",
        message=_("Kies een medewerker van uw Zorg- en Veiligheidshuis."),
    )

    def to_input(self, caller: User) -> MeetingInput:
        data = dict(self.validated_data)
        data["chair"] = data["chair"] or caller
        return MeetingInput(**data)


class AcknowledgmentSerializer(serializers.Serializer[MeetingAttendance]):
    meeting = serializers.UUIDField(source="meeting_id")
    acknowledged_at = serializers.DateTimeField()


def visible_cases(membership: Membership | None) -> QuerySet[Case]:
    return cases_visible_to(membership=membership)


class AgendaItemAddSerializer(serializers.Serializer[Any]):
    case = ScopedPrimaryKeyField(
        scope=visible_cases,
        help_text="Id van een lopende casus van uw Zorg- en Veiligheidshuis.",
        message=_("Deze casus kan niet op deze agenda."),
    )


class InvitationSerializer(serializers.Serializer[Invitation]):
    id = serializers.UUIDField()
    organisation = OrganisationRefSerializer()
    kind = serializers.ChoiceField(choices=ParticipationKind.choices)
    valid_from = serializers.DateField(help_text="Inzage in dit agendapunt vanaf.")
    valid_until = serializers.DateField(help_text="Inzage tot en met.")


class InvitationInputSerializer(serializers.Serializer[Any]):
    organisation = organisation_field("Id van de incidentele partner (uit uw partnergids).")
    valid_from = serializers.DateField(required=False, help_text="Standaard vandaag.")
    valid_until = serializers.DateField(help_text="Inzage tot en met.")

    def to_input(self) -> InvitationInput:
        data = dict(self.validated_data)
        data.setdefault("valid_from", timezone.localdate())
        return InvitationInput(**data)


class DecisionSerializer(serializers.Serializer[ItemDecision]):
    id = serializers.UUIDField()
    text = serializers.CharField()
    text_category = serializers.ChoiceField(choices=DataCategory.choices)
    created_at = serializers.DateTimeField()


class DecisionInputSerializer(serializers.Serializer[Any]):
    text = free_text("Het besluit.")
    category = serializers.ChoiceField(
        choices=DataCategory.choices,
        required=False,
        default=DataCategory.ORDINARY,
        help_text="Categorie van het besluit.",
    )


class DraftSerializer(serializers.Serializer[ActionPlanVersion]):
    id = serializers.UUIDField()
    number = serializers.IntegerField()
    revision = serializers.IntegerField(help_text="Stuur deze mee bij het vaststellen.")


class AgendaItemDetailSerializer(AgendaItemSerializer):
    """One agenda item with the person, who is at the table, the disclosures the caller may see
    and the decisions (the read is logged)."""

    meeting = MeetingRefSerializer()  # type: ignore[assignment]
    person = PersonSerializer(source="identity")
    full_access = serializers.BooleanField(
        help_text="true: u ziet de hele casus; false: alleen dit agendapunt (uitgenodigd)."
    )
    at_table = OrganisationSerializer(
        many=True, help_text="Wie aan tafel zit: gemeente, ZVH, structurele en uitgenodigde."
    )
    disclosures = DisclosureSerializer(
        many=True,
        help_text="De regievoerende gemeente en het ZVH zien alle verstrekkingen; andere "
        "partners die hun organisatie deed of ontving.",
    )
    decisions = DecisionSerializer(many=True)
    draft = DraftSerializer(
        allow_null=True, help_text="De conceptversie van het plan (alleen bij full_access)."
    )
    may_disclose = serializers.BooleanField()
    may_minute = serializers.BooleanField(
        help_text="U mag besluiten vastleggen en het plan vaststellen."
    )

    @staticmethod
    def data_for(view: Any, membership: Membership) -> Any:
        item = view.item
        return Merged(
            item,
            meeting=item.meeting,
            identity=view.identity,
            full_access=view.full_access,
            at_table=view.at_table,
            disclosures=view.disclosures,
            decisions=view.decisions,
            draft=view.draft,
            may_disclose=permissions.may_disclose(membership, item),
            may_minute=permissions.may_minute(membership, item),
        )


class PlanAdoptionSerializer(serializers.Serializer[Any]):
    based_on_revision = revision_field("De revisie van de conceptversie die u vaststelt.")
    meeting_in_progress = serializers.BooleanField(
        required=False,
        default=False,
        help_text=(
            "true: het overleg wordt nu gehouden (nog niet als gehouden vastgelegd). Zonder "
            "deze bevestiging wordt een plan alleen vastgesteld in een gehouden overleg."
        ),
    )
