"""Serializers of the plan and intervention API (see ``serializers`` for the rules)."""

from datetime import date
from typing import Any

from rest_framework import serializers

from schakel.api.base import MAX_INT, free_text, revision_field
from schakel.api.fields import (
    OrganisationRefSerializer,
    organisation_field,
)
from schakel.cases.api.serializers import (
    CaseRefSerializer,
    InterventionSerializer,
    PlanVersionSerializer,
)
from schakel.cases.choices import (
    InterventionKind,
    InterventionStatus,
    LifeDomain,
)
from schakel.cases.models import (
    ActionPlanVersion,
    Intervention,
)
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plans.services import InterventionInput
from schakel.core import validators


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
    plan_reference = serializers.CharField(
        source="plan.reference", read_only=True, help_text="Kenmerk PLN-2026-0042."
    )
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
