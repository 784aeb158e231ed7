"""Serializers of the case API: explicit input per write, explicit output per endpoint.

Input serializers check the shape (types, choices, lengths) and resolve ids to objects the
caller may use; the services check every rule again and answer Dutch messages per field.
List outputs hold no person data (references, phases, dates, organisations); person data only
appears where a selector logged its read.
"""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.api.base import free_text
from schakel.api.fields import (
    Merged,
    OrganisationRefSerializer,
    OrganisationSerializer,
    organisation_field,
)
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
from schakel.cases.lifecycle_services import InformingInput
from schakel.cases.models import (
    ActionPlanVersion,
    AgendaItem,
    Case,
    ConsultationMeeting,
    Intervention,
    Participation,
)
from schakel.cases.services import ParticipationInput
from schakel.intake.api.person_serializers import PersonSerializer


class CaseRefSerializer(serializers.Serializer[Case]):
    id = serializers.UUIDField()
    reference = serializers.CharField(help_text="Kenmerk zonder persoonsgegevens.")


def case_ref(case: Case) -> dict[str, Any]:
    return {"id": case.pk, "reference": case.reference}


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
        return case_ref(intervention.plan.case)

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
    person_reference = serializers.CharField(
        read_only=True, help_text="Kenmerk van de persoon (PER-2026-0003), zonder persoonsgegevens."
    )
    plan_reference = serializers.CharField(
        read_only=True, help_text="Kenmerk van het plan van aanpak (PLN-2026-0042)."
    )
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
            person_reference=case.subject.reference,
            plan_reference=case.action_plan.reference,
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
