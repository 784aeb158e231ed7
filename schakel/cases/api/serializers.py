"""Serializers of the case, meeting and plan API: explicit input per write, explicit output per
endpoint.

Input serializers check the shape (types, choices, lengths) and resolve ids to objects the
caller may use; the services check every rule again and answer Dutch messages per field.
List outputs hold no person data (references, phases, dates, organisations); person data only
appears where a selector logged its read.
"""

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.cases import permissions
from schakel.cases.access import cases_visible_to
from schakel.cases.api.base import MAX_INT, free_text, revision_field
from schakel.cases.choices import (
    OPEN_INTERVENTION_STATUSES,
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
    InterventionKind,
    InterventionStatus,
    LifeDomain,
    MeetingStatus,
    ParticipationKind,
    PlanVersionStatus,
)
from schakel.cases.meeting_services import PLACE_MAX_LENGTH, InvitationInput, MeetingInput
from schakel.cases.models import (
    ActionPlanVersion,
    AgendaItem,
    Case,
    ConsultationMeeting,
    Intervention,
    Invitation,
    ItemDecision,
    MeetingAttendance,
    Participation,
)
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plan_services import InterventionInput
from schakel.cases.services import InformingInput, ParticipationInput
from schakel.intake import validators
from schakel.intake.api.serializers import OrganisationRefSerializer, ScopedPrimaryKeyField
from schakel.intake.choices import DataCategory
from schakel.intake.identity import SubjectIdentity
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation
from schakel.network.selectors import directory_for
from schakel.privacy.api.serializers import DisclosureSerializer

# --- shared pieces -----------------------------------------------------------------------------


class _Merged:
    def __init__(self, base: object, **extra: object) -> None:
        self._base = base
        self.__dict__.update(extra)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._base, name)


def Merged(base: object, **extra: object) -> Any:  # noqa: N802 (reads like the object it makes)
    """An object whose attributes are ``extra`` first, then those of ``base``: lets one output
    serializer describe a model together with what a selector returned beside it."""
    return _Merged(base, **extra)


class OrganisationSerializer(OrganisationRefSerializer):
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)


def directory_of(membership: Membership | None) -> QuerySet[Organisation]:
    """Organisations a membership may name: its partner directory (active ones)."""
    if membership is None:
        return Organisation.objects.none()
    return directory_for(user=membership.user)


def organisation_field(help_text: str, **kwargs: Any) -> ScopedPrimaryKeyField:
    return ScopedPrimaryKeyField(
        scope=directory_of,
        help_text=help_text,
        message=_("Kies een organisatie uit de partnergids."),
        **kwargs,
    )


class RelatedPersonIdentitySerializer(serializers.Serializer[Any]):
    relation = serializers.CharField()
    name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)


class PersonSerializer(serializers.Serializer[SubjectIdentity]):
    """Who the case or item is about (the read is logged). Empty strings and nulls when the
    person data has been deleted."""

    given_names = serializers.CharField(allow_blank=True)
    surname_prefix = serializers.CharField(allow_blank=True)
    surname = serializers.CharField(allow_blank=True)
    date_of_birth = serializers.DateField(allow_null=True)
    sex = serializers.CharField(allow_blank=True)
    bsn = serializers.SerializerMethodField(
        help_text="Alleen de laatste drie cijfers (de rest als *); leeg zonder BSN."
    )
    address = serializers.CharField(allow_blank=True)
    related_persons = RelatedPersonIdentitySerializer(many=True)

    def get_bsn(self, identity: SubjectIdentity) -> str:
        return identity.bsn_masked.replace("•", "*")  # ASCII for machine readers


class CaseRefSerializer(serializers.Serializer[Case]):
    id = serializers.UUIDField()
    reference = serializers.CharField(help_text="Kenmerk zonder persoonsgegevens.")


def case_ref(case_id: Any) -> dict[str, Any]:
    return {"id": case_id, "reference": Case(pk=case_id).reference}


# --- cases -------------------------------------------------------------------------------------


class CaseSerializer(serializers.Serializer[Case]):
    """A case as listed: metadata only, no person data."""

    id = serializers.UUIDField()
    reference = serializers.CharField(help_text="Kenmerk zonder persoonsgegevens.")
    phase = serializers.ChoiceField(choices=CasePhase.choices)
    opened_at = serializers.DateTimeField()
    next_review_on = serializers.DateField(allow_null=True, help_text="Volgende evaluatie.")
    reassessment_due_on = serializers.DateField(
        help_text="Herbeoordeling uiterlijk (minstens jaarlijks)."
    )
    closed_at = serializers.DateTimeField(allow_null=True)
    directing_municipality = OrganisationRefSerializer(help_text="Regievoerende gemeente.")
    zvh = OrganisationRefSerializer(help_text="Zorg- en Veiligheidshuis.")


class CaseStateSerializer(CaseSerializer):
    """A case after a change: its phase, dates and decisions, still without person data."""

    last_reassessed_on = serializers.DateField(allow_null=True)
    informing_status = serializers.ChoiceField(choices=InformingStatus.choices)
    informed_on = serializers.DateField(allow_null=True)
    informed_by = OrganisationRefSerializer(allow_null=True)
    reconsider_informing_on = serializers.DateField(allow_null=True)
    deescalated_at = serializers.DateTimeField(allow_null=True)
    deescalation_destination = serializers.ChoiceField(
        choices=DeescalationDestination.choices, allow_blank=True
    )
    aftercare_until = serializers.DateField(allow_null=True)
    closure_reason = serializers.ChoiceField(choices=ClosureReason.choices, allow_blank=True)
    retention_starts_on = serializers.DateField(
        allow_null=True, help_text="De bewaartermijn loopt vanaf deze datum (na afsluiten)."
    )


class ParticipationSerializer(serializers.Serializer[Participation]):
    id = serializers.UUIDField()
    organisation = OrganisationSerializer()
    kind = serializers.ChoiceField(choices=ParticipationKind.choices)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(allow_null=True)


class MeetingRefSerializer(serializers.Serializer[ConsultationMeeting]):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    starts_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=MeetingStatus.choices)


class CaseAgendaItemSerializer(serializers.Serializer[AgendaItem]):
    id = serializers.UUIDField()
    position = serializers.IntegerField()
    meeting = MeetingRefSerializer()


class PlanVersionSerializer(serializers.Serializer[ActionPlanVersion]):
    """A version of the action plan: its number, status and revision (no content)."""

    id = serializers.UUIDField()
    number = serializers.IntegerField()
    status = serializers.ChoiceField(choices=PlanVersionStatus.choices)
    revision = serializers.IntegerField(
        help_text="Stuur deze mee als based_on_revision bij de volgende wijziging."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    adopted_at = serializers.DateTimeField(allow_null=True)
    adopted_in = serializers.UUIDField(
        source="adopted_in_id", allow_null=True, help_text="Agendapunt waarin vastgesteld."
    )


class InterventionSerializer(serializers.Serializer[Intervention]):
    """An intervention as listed: no description, no outcome."""

    id = serializers.UUIDField()
    case = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=InterventionKind.choices)
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices, allow_blank=True)
    owner = OrganisationRefSerializer(help_text="Eigenaar: de uitvoerende organisatie.")
    starts_on = serializers.DateField()
    due_on = serializers.DateField()
    status = serializers.ChoiceField(choices=InterventionStatus.choices)
    overdue = serializers.SerializerMethodField(
        help_text="true: nog niet afgerond en de einddatum is verstreken."
    )
    removed = serializers.SerializerMethodField(
        help_text="true: uit het plan gehaald (in een latere versie)."
    )
    revision = serializers.IntegerField(
        help_text="Stuur deze mee als revision bij een wijziging of voortgang."
    )

    @extend_schema_field(CaseRefSerializer)
    def get_case(self, intervention: Intervention) -> dict[str, Any]:
        return case_ref(intervention.plan.case_id)

    def get_overdue(self, intervention: Intervention) -> bool:
        return (
            intervention.status in OPEN_INTERVENTION_STATUSES
            and intervention.due_on < timezone.localdate()
        )

    def get_removed(self, intervention: Intervention) -> bool:
        return intervention.removed_in_id is not None


class CaseDetailSerializer(CaseStateSerializer):
    """The whole case for who may see it (the read is logged)."""

    process_director = serializers.CharField(
        allow_null=True, help_text="Functie – Zorg- en Veiligheidshuis (mailbox); null: nog geen."
    )
    person = PersonSerializer(source="identity")
    informing_note = serializers.CharField(allow_null=True)
    closure_note = serializers.CharField(allow_null=True)
    participations = ParticipationSerializer(many=True)
    agenda_items = CaseAgendaItemSerializer(many=True)
    plan_versions = PlanVersionSerializer(many=True, source="versions")
    interventions = InterventionSerializer(many=True, help_text="De lopende interventies.")
    may_manage = serializers.BooleanField(
        help_text="U mag deelnames, informeren, evaluatie, herbeoordeling, afschalen en afsluiten "
        "vastleggen."
    )
    may_edit_plan = serializers.BooleanField()

    @staticmethod
    def data_for(view: Any) -> Any:
        case = view.case
        director = case.process_director
        return Merged(
            case,
            identity=view.identity,
            participations=view.participations,
            agenda_items=view.agenda_items,
            versions=view.versions,
            interventions=view.interventions,
            may_manage=view.may_manage,
            may_edit_plan=view.may_edit_plan,
            process_director=staff_display(director, case.zvh) if director else None,
        )


class ParticipationInputSerializer(serializers.Serializer[Any]):
    organisation = organisation_field("Id van een organisatie uit uw partnergids.")
    kind = serializers.ChoiceField(choices=ParticipationKind.choices)
    starts_on = serializers.DateField(help_text="Vanaf (standaard vandaag).", required=False)
    ends_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Tot en met; verplicht bij een incidentele deelname.",
    )

    def to_input(self) -> ParticipationInput:
        data = dict(self.validated_data)
        data.setdefault("starts_on", timezone.localdate())
        return ParticipationInput(**data)


class ParticipationEndSerializer(serializers.Serializer[Any]):
    ends_on = serializers.DateField(help_text="Laatste dag van de deelname.")


class InformingInputSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=InformingStatus.choices,
        help_text="informed: geïnformeerd (met datum en organisatie); deferred: uitgesteld (met "
        "reden en heroverwegingsdatum); undecided: nog niet besloten.",
    )
    informed_on = serializers.DateField(required=False, allow_null=True, default=None)
    informed_by = organisation_field(
        "Organisatie die de persoon heeft geïnformeerd.",
        required=False,
        allow_null=True,
        default=None,
    )
    note = free_text("Toelichting; verplicht bij uitstel (de reden).")
    reconsider_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Uitstel heroverwegen op."
    )

    def to_input(self) -> InformingInput:
        return InformingInput(**self.validated_data)


class ReviewInputSerializer(serializers.Serializer[Any]):
    next_review_on = serializers.DateField(
        allow_null=True, help_text="Datum van de volgende evaluatie; null: geen."
    )


class ReassessmentInputSerializer(serializers.Serializer[Any]):
    next_due_on = serializers.DateField(
        help_text="Voortgezette bespreking is nog nodig: volgende herbeoordeling, na vandaag en "
        "binnen een jaar."
    )


class DeescalationInputSerializer(serializers.Serializer[Any]):
    destination = serializers.ChoiceField(choices=DeescalationDestination.choices)
    aftercare_until = serializers.DateField(help_text="Einde van de nazorg (vanaf vandaag).")


class ClosureInputSerializer(serializers.Serializer[Any]):
    reason = serializers.ChoiceField(choices=ClosureReason.choices)
    note = free_text("Toelichting; verplicht bij reden 'other'.")


# --- meetings and agenda items -----------------------------------------------------------------


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
        return case_ref(item.case_id)


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


# --- plans and interventions -------------------------------------------------------------------


class AnalysisSerializer(serializers.Serializer[Any]):
    """The analysis per life domain (``LifeDomain``; null: not filled in)."""

    housing = serializers.CharField(allow_null=True, help_text="Wonen.")
    work_income = serializers.CharField(allow_null=True, help_text="Werk en inkomen.")
    education = serializers.CharField(allow_null=True, help_text="Onderwijs.")
    family_network = serializers.CharField(allow_null=True, help_text="Gezin en sociaal netwerk.")
    health = serializers.CharField(
        allow_null=True, help_text="Gezondheid en psychische gezondheid."
    )
    ideology = serializers.CharField(allow_null=True, help_text="Ideologie.")
    justice = serializers.CharField(allow_null=True, help_text="Justitie.")
    online = serializers.CharField(allow_null=True, help_text="Online gedrag.")


def _domain_text(help_text: str) -> serializers.CharField:
    return serializers.CharField(
        max_length=validators.TEXT_MAX_LENGTH,
        allow_blank=True,
        trim_whitespace=False,
        help_text=f"{help_text} Leeg maakt dit leefgebied leeg.",
    )


class AnalysisInputSerializer(serializers.Serializer[Any]):
    """The analysis per life domain: every domain, as the whole new text."""

    housing = _domain_text("Wonen.")
    work_income = _domain_text("Werk en inkomen.")
    education = _domain_text("Onderwijs.")
    family_network = _domain_text("Gezin en sociaal netwerk.")
    health = _domain_text("Gezondheid en psychische gezondheid.")
    ideology = _domain_text("Ideologie.")
    justice = _domain_text("Justitie.")
    online = _domain_text("Online gedrag.")


def analysis_of(version: ActionPlanVersion) -> dict[str, str | None]:
    return {domain.value: getattr(version, name) for domain, name in ANALYSIS_FIELDS.items()}


class SnapshotInterventionSerializer(serializers.Serializer[Any]):
    """An intervention as the version holds it (the frozen list of an adopted version)."""

    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=InterventionKind.choices)
    owner = OrganisationRefSerializer()
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices, allow_blank=True)
    description = serializers.CharField()
    starts_on = serializers.DateField()
    due_on = serializers.DateField()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        row = dict(instance)
        row["owner"] = {"id": row.get("owner"), "name": row.get("owner_name", "")}
        return super().to_representation(row)


class PlanVersionDetailSerializer(PlanVersionSerializer):
    """One version with its content (the read is logged)."""

    case = CaseRefSerializer()
    analysis = AnalysisSerializer()
    goals = serializers.CharField(allow_null=True)
    interventions = SnapshotInterventionSerializer(
        many=True,
        help_text="Vastgestelde versie: de interventies zoals vastgesteld; concept: de lopende.",
    )


class PlanWrittenSerializer(PlanVersionSerializer):
    """The version after an edit: its number and new revision, and the content just sent."""

    analysis = AnalysisSerializer()
    goals = serializers.CharField(allow_null=True)


class PlanUpdateSerializer(serializers.Serializer[Any]):
    analysis = AnalysisInputSerializer(help_text="Alle leefgebieden; leeg maakt er een leeg.")
    goals = serializers.CharField(
        max_length=validators.TEXT_MAX_LENGTH, allow_blank=True, trim_whitespace=False
    )
    based_on_version = serializers.UUIDField(
        allow_null=True,
        help_text="Id van de laatste versie waarop uw wijziging voortbouwt; null als het plan "
        "nog geen versie heeft.",
    )
    based_on_revision = serializers.IntegerField(
        allow_null=True,
        min_value=1,
        max_value=MAX_INT,
        help_text="De revisie van die versie; null als het plan nog geen versie heeft.",
    )


class InterventionDetailSerializer(InterventionSerializer):
    """One intervention with its description and outcome (the read is logged)."""

    description = serializers.CharField()
    outcome = serializers.CharField(allow_null=True)
    status_changed_at = serializers.DateTimeField(allow_null=True)
    may_update_progress = serializers.BooleanField(
        help_text="U bent van de eigenaar: u mag status en resultaat bijwerken."
    )
    may_change = serializers.BooleanField(help_text="U mag de interventie in het plan wijzigen.")


class InterventionInputSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=InterventionKind.choices)
    owner = organisation_field("Id van de uitvoerende organisatie (uit uw partnergids).")
    life_domain = serializers.ChoiceField(
        choices=LifeDomain.choices, required=False, allow_blank=True, default=""
    )
    description = free_text("Wat de interventie inhoudt.")
    starts_on = serializers.DateField()
    due_on = serializers.DateField(help_text="Gereed uiterlijk (niet voor de start).")

    def to_input(self) -> InterventionInput:
        return InterventionInput(**self.validated_data)


class InterventionChangeSerializer(serializers.Serializer[Any]):
    """A change of the intervention's definition; what is left out stays as it is."""

    kind = serializers.ChoiceField(choices=InterventionKind.choices, required=False)
    owner = organisation_field(
        "Id van de uitvoerende organisatie (uit uw partnergids).", required=False
    )
    life_domain = serializers.ChoiceField(
        choices=LifeDomain.choices, required=False, allow_blank=True
    )
    description = serializers.CharField(
        max_length=validators.TEXT_MAX_LENGTH, required=False, allow_blank=True
    )
    starts_on = serializers.DateField(required=False)
    due_on = serializers.DateField(required=False)
    revision = revision_field("De revisie waarop uw wijziging voortbouwt.")

    def to_input(self, current: Intervention) -> InterventionInput:
        data = self.validated_data

        def value(name: str) -> Any:
            return data[name] if name in data else getattr(current, name)

        starts_on: date = value("starts_on")
        return InterventionInput(
            kind=value("kind"),
            owner=value("owner"),
            life_domain=value("life_domain"),
            description=value("description"),
            starts_on=starts_on,
            due_on=value("due_on"),
        )


class ProgressInputSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=InterventionStatus.choices)
    outcome = free_text("Resultaat; verplicht bij afgerond of gestopt.")
    revision = revision_field("De revisie waarop uw wijziging voortbouwt.")


class RemovalInputSerializer(serializers.Serializer[Any]):
    revision = revision_field("De revisie waarop uw wijziging voortbouwt.")
