"""Serializers of the collaboration API. Staff appear only as function – organisation – mailbox
(``holder``); a plan holds no person data. Input serializers check the shape; the services check
every rule again (including the person-data check) with Dutch messages."""

from typing import Any

from rest_framework import serializers

from schakel.api.base import free_text
from schakel.api.fields import OrganisationRefSerializer, OrganisationSerializer
from schakel.collaboration.choices import CollaborationRoleKind, ProgressStatus
from schakel.collaboration.models import (
    HostedWeighing,
    Indicator,
    PlanGoal,
    PlanTheme,
    PolicyPlan,
    ProgressUpdate,
)
from schakel.network.choices import CollaborationKind
from schakel.network.models import Collaboration


class CollaborationSerializer(serializers.Serializer[Collaboration]):
    """A collaboration as listed."""

    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=CollaborationKind.choices)
    region = serializers.CharField(source="region.name", allow_null=True, default=None)


class RoleSerializer(serializers.Serializer[Any]):
    """A role and who holds it, as function – organisation (mailbox), never a name."""

    id = serializers.UUIDField(source="role.id")
    kind = serializers.ChoiceField(choices=CollaborationRoleKind.choices, source="role.kind")
    holder = serializers.CharField(help_text="Functie – organisatie (functionele mailbox).")
    organisation = OrganisationRefSerializer(source="role.membership.organisation")


class HostedWeighingSerializer(serializers.Serializer[HostedWeighing]):
    """A weighing arrangement the collaboration facilitates; direction stays with the
    municipality of residence. No case data."""

    id = serializers.UUIDField(source="arrangement.id")
    name = serializers.CharField(source="arrangement.name")
    municipalities = OrganisationRefSerializer(source="arrangement.municipalities", many=True)


class CollaborationDetailSerializer(CollaborationSerializer):
    kind_explanation = serializers.CharField()
    members = OrganisationSerializer(many=True)
    roles = RoleSerializer(many=True)
    hosted_weighings = HostedWeighingSerializer(many=True)
    has_policy_plan = serializers.BooleanField()
    may_manage = serializers.BooleanField(help_text="Of u het beleidsplan mag wijzigen.")


class IndicatorSerializer(serializers.Serializer[Indicator]):
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(max_length=300)
    baseline = serializers.DecimalField(max_digits=12, decimal_places=2)
    target = serializers.DecimalField(max_digits=12, decimal_places=2)
    unit = serializers.CharField(max_length=60)


class ProgressUpdateSerializer(serializers.Serializer[ProgressUpdate]):
    id = serializers.UUIDField()
    period_label = serializers.CharField()
    status = serializers.ChoiceField(choices=ProgressStatus.choices)
    explanation = serializers.CharField()
    created_at = serializers.DateTimeField()


class GoalSerializer(serializers.Serializer[PlanGoal]):
    id = serializers.UUIDField()
    theme = serializers.UUIDField(source="theme_id")
    title = serializers.CharField()
    intended_result = serializers.CharField()
    indicators = IndicatorSerializer(many=True)
    progress_updates = ProgressUpdateSerializer(many=True)


class ThemeSerializer(serializers.Serializer[PlanTheme]):
    id = serializers.UUIDField()
    name = serializers.CharField()
    position = serializers.IntegerField()
    goals = GoalSerializer(many=True)


class PolicyPlanSerializer(serializers.Serializer[PolicyPlan]):
    id = serializers.UUIDField()
    collaboration = serializers.UUIDField(source="collaboration_id")
    start_year = serializers.IntegerField()
    end_year = serializers.IntegerField()
    summary = serializers.CharField()
    themes = ThemeSerializer(many=True)


class GoalInputSerializer(serializers.Serializer[Any]):
    theme = serializers.UUIDField(help_text="Een thema van dit plan.")
    title = free_text("Het doel. Geen persoonsgegevens.")
    intended_result = free_text("Het beoogde resultaat (niet verplicht).")
    indicator = IndicatorSerializer(required=False, help_text="Een eerste indicator.")


class PolicyProgressInputSerializer(serializers.Serializer[Any]):
    period_label = free_text("De periode: 2026-K1, 2026-H2, 2026 of 2026-01-01/2026-03-31.")
    status = serializers.ChoiceField(choices=ProgressStatus.choices)
    explanation = free_text("Korte toelichting (niet verplicht). Geen persoonsgegevens.")
