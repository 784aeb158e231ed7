"""Serializers of a person's main identity in the meldpunt API (values for the directing lead
only: the read is logged by the fetcher)."""

from typing import Any

from rest_framework import serializers

from schakel.intake.choices import IdentityChoiceMoment, IdentityField


class OptionSerializer(serializers.Serializer[Any]):
    signal = serializers.UUIDField(source="signal_id", help_text="Het signaal met deze waarde.")
    value = serializers.CharField(source="text")
    main = serializers.BooleanField(help_text="true: dit is nu de hoofdidentiteit.")


class FieldSerializer(serializers.Serializer[Any]):
    field = serializers.ChoiceField(choices=IdentityField.choices)
    options = OptionSerializer(many=True, help_text="Elke geregistreerde waarde één keer.")


class HistorySerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    field = serializers.ChoiceField(choices=IdentityField.choices)
    signal = serializers.UUIDField(allow_null=True)
    moment = serializers.ChoiceField(choices=IdentityChoiceMoment.choices)
    chosen_by = serializers.CharField(help_text="Functie – gemeente (mailbox).")


class MainIdentitySerializer(serializers.Serializer[Any]):
    subject = serializers.UUIDField()
    per_field = FieldSerializer(many=True, help_text="Per gegeven de geregistreerde waarden.")
    history = HistorySerializer(many=True, help_text="Nieuwste eerst.")


class MainIdentityChangeSerializer(serializers.Serializer[Any]):
    """Per field, the id of the signal whose value becomes the main identity."""

    given_names = serializers.UUIDField(required=False)
    surname = serializers.UUIDField(required=False)
    birth = serializers.UUIDField(required=False)
    sex = serializers.UUIDField(required=False)
    bsn = serializers.UUIDField(required=False)
