"""Serializers of the training API (snake_case fields, as every endpoint: docs/api.md). Amounts
are whole euro cents (integers)."""

from typing import Any

from rest_framework import serializers

from schakel.api.fields import OrganisationRefSerializer
from schakel.training.choices import RegistrationStatus, TargetGroup


class TrainingCollaborationRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()


class TrainingSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    provider = serializers.CharField(help_text="Aanbieder, zoals ROR.")
    description = serializers.CharField(allow_blank=True)
    target_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=TargetGroup.choices), help_text="Doelgroepen."
    )
    duration = serializers.CharField(help_text="Duur, als tekst (bijvoorbeeld: 2 dagdelen).")
    cost_cents = serializers.IntegerField(help_text="Kosten per deelnemer in eurocent.")
    collaboration = TrainingCollaborationRefSerializer(
        allow_null=True, help_text="Het samenwerkingsverband; null voor een landelijke training."
    )


class TrainingRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    provider = serializers.CharField()
    cost_cents = serializers.IntegerField()


class TrainingSessionSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    training = TrainingRefSerializer()
    collaboration = TrainingCollaborationRefSerializer()
    starts_at = serializers.DateTimeField()
    online = serializers.BooleanField()
    place = serializers.CharField(allow_blank=True)
    seats = serializers.IntegerField()
    registration_deadline = serializers.DateField(help_text="Aanmelden kan tot en met deze dag.")


class SeatAllocationSerializer(serializers.Serializer[Any]):
    """The seats of one member organisation; counts only, no names."""

    organisation = OrganisationRefSerializer()
    allocated = serializers.IntegerField()
    registered = serializers.IntegerField()
    waiting = serializers.IntegerField()


class TrainingSessionDetailSerializer(TrainingSessionSerializer):
    allocations = SeatAllocationSerializer(many=True)
    may_allocate = serializers.BooleanField()
    may_register = serializers.BooleanField()


class SeatAllocationInputSerializer(serializers.Serializer[Any]):
    organisation = serializers.UUIDField(help_text="Een lid van het samenwerkingsverband.")
    seats = serializers.IntegerField(min_value=0, max_value=10_000)


class TrainingRegistrationSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    session = serializers.UUIDField(source="session_id")
    organisation = OrganisationRefSerializer()
    number = serializers.IntegerField(help_text="Deelnemernummer binnen de sessie.")
    participant = serializers.CharField(
        help_text=(
            "De deelnemer: met naam voor de eigen organisatie, de deelnemer zelf en de "
            "coördinerende rollen van het samenwerkingsverband; anders als "
            "'Deelnemer <nummer> – functie – organisatie (mailbox)'."
        )
    )
    status = serializers.ChoiceField(choices=RegistrationStatus.choices)
    waiting_list_position = serializers.IntegerField(
        allow_null=True, help_text="Plaats op de wachtlijst van de organisatie (1: eerstvolgend)."
    )
    attended = serializers.BooleanField(allow_null=True)


class TrainingRegistrationInputSerializer(serializers.Serializer[Any]):
    participant = serializers.UUIDField(
        help_text="Id van een medewerker (gebruiker) met een lidmaatschap van uw organisatie."
    )


class TrainingAttendanceInputSerializer(serializers.Serializer[Any]):
    attended = serializers.BooleanField()


class TrainingBudgetLineSerializer(serializers.Serializer[Any]):
    organisation = OrganisationRefSerializer()
    year = serializers.IntegerField()
    seats = serializers.IntegerField(help_text="Gebruikte plaatsen.")
    cents = serializers.IntegerField(help_text="Plaatsen maal kosten per deelnemer, in eurocent.")


class TrainingBudgetQuerySerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
