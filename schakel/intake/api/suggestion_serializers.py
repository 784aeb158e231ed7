"""Serializers of the meldpunt API for match suggestions and their decision (with the main
identity)."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.models import Membership
from schakel.api.fields import OrganisationRefSerializer
from schakel.intake import suggestion_selectors
from schakel.intake.api.serializers import AccountSerializer, PartialIdentitySerializer
from schakel.intake.choices import (
    DataCategory,
    MatchBand,
    SourceDomain,
    SuggestionStatus,
)
from schakel.intake.models import MatchSuggestion, Signal, mask_bsn


class ExplanationPartSerializer(serializers.Serializer[Any]):
    part = serializers.CharField(
        help_text="given_names, surname, date_of_birth, sex, bsn of account (alleen de naam)."
    )
    level = serializers.CharField(
        required=False,
        help_text="Het vergelijkingsniveau, bijv. exact, folded, variant, initials, close, "
        "day_month_swapped, year, in_range, different of missing (docs/convergence.md).",
    )
    weight = serializers.FloatField(
        required=False,
        help_text="Matchgewicht (log2 m/u): positief wijst op dezelfde persoon, negatief op "
        "verschillende; missing telt 0.",
    )


class ExplanationSerializer(serializers.Serializer[Any]):
    """Which parts of the identity agreed and which differed; no identifiers."""

    model = serializers.CharField(required=False, help_text="Het matchmodel dat rekende.")
    probability = serializers.FloatField(required=False)
    band = serializers.CharField(required=False, allow_blank=True)
    parts = ExplanationPartSerializer(many=True)


class SuggestedSignalSerializer(serializers.Serializer[Signal]):
    id = serializers.UUIDField()
    directing_municipality = OrganisationRefSerializer()


class SuggestionSerializer(serializers.Serializer[MatchSuggestion]):
    """A match suggestion as listed: score, explanation and the two signals' municipalities."""

    id = serializers.UUIDField()
    probability = serializers.FloatField(
        min_value=0,
        max_value=1,
        help_text="Kans dat beide signalen over dezelfde persoon gaan (0-1). Geen oordeel "
        "over de persoon; een mens beslist.",
    )
    band = serializers.ChoiceField(
        choices=MatchBand.choices,
        help_text="likely: waarschijnlijk dezelfde persoon; possible: mogelijk.",
    )
    score = serializers.IntegerField(
        min_value=0, max_value=100, help_text="De kans in procenten, afgerond."
    )
    status = serializers.ChoiceField(choices=SuggestionStatus.choices)
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)
    explanation = ExplanationSerializer()
    signal = SuggestedSignalSerializer(help_text="Het nieuwe signaal.")
    earlier_signal = SuggestedSignalSerializer(help_text="Het eerdere signaal.")


class IdentitySerializer(PartialIdentitySerializer):
    online_accounts = AccountSerializer(many=True, source="online_accounts.all")
    bsn = serializers.SerializerMethodField(
        help_text="Alleen de laatste drie cijfers; leeg als er geen BSN is."
    )

    def get_bsn(self, signal: Signal) -> str:
        return mask_bsn(signal.bsn, mask="*")  # ASCII for machine readers


class SuggestedSignalDetailSerializer(SuggestedSignalSerializer):
    """A signal of a suggestion: the identity; more only for the caller's own municipality."""

    identity = IdentitySerializer(source="*")
    directed_by_you = serializers.SerializerMethodField(
        help_text="true: uw gemeente is regievoerder; alleen dan melder en waarneming."
    )
    registering_organisation = OrganisationRefSerializer(
        required=False, help_text="Alleen als uw gemeente regievoerder is."
    )
    source_domain = serializers.ChoiceField(
        choices=SourceDomain.choices, required=False, help_text="Alleen voor uw eigen signalen."
    )
    observed_on = serializers.DateField(required=False, help_text="Alleen voor uw eigen signalen.")
    observation = serializers.CharField(
        required=False, allow_null=True, help_text="Alleen voor uw eigen signalen."
    )
    observation_category = serializers.ChoiceField(
        choices=DataCategory.choices, required=False, help_text="Alleen voor uw eigen signalen."
    )

    OWN_ONLY = (
        "registering_organisation",
        "source_domain",
        "observed_on",
        "observation",
        "observation_category",
    )

    def _is_own(self, signal: Signal) -> bool:
        membership = self.context.get("membership")
        return (
            isinstance(membership, Membership)
            and signal.directing_municipality_id == membership.organisation_id
        )

    def get_directed_by_you(self, signal: Signal) -> bool:
        return self._is_own(signal)

    def to_representation(self, instance: Signal) -> dict[str, Any]:
        """Like DRF's, but the fields for the own municipality are not even read otherwise."""
        own = self._is_own(instance)
        data: dict[str, Any] = {}
        for field in self._readable_fields:
            if not own and field.field_name in self.OWN_ONLY:
                continue
            attribute = field.get_attribute(instance)
            data[str(field.field_name)] = (
                None if attribute is None else field.to_representation(attribute)
            )
        return data


class ConfirmationStateSerializer(serializers.Serializer[MatchSuggestion]):
    """Which municipalities confirmed "same person" and which still have to."""

    confirmed_by = serializers.SerializerMethodField(
        help_text="Gemeenten die „dezelfde persoon” bevestigden (bij twee gemeenten moeten "
        "beide bevestigen voordat de signalen worden gekoppeld)."
    )
    awaiting = serializers.SerializerMethodField(
        help_text="Gemeenten waarvan de bevestiging nog ontbreekt (leeg als besloten)."
    )

    def _state(self, suggestion: MatchSuggestion) -> suggestion_selectors.ConfirmationState:
        """Read once per suggestion for both fields."""
        cache: dict[Any, suggestion_selectors.ConfirmationState] = self.__dict__.setdefault(
            "_states", {}
        )
        if suggestion.pk not in cache:
            cache[suggestion.pk] = suggestion_selectors.confirmation_state(
                suggestion=suggestion, membership=None
            )
        return cache[suggestion.pk]

    def get_confirmed_by(self, suggestion: MatchSuggestion) -> list[str]:
        return self._state(suggestion).confirmed

    def get_awaiting(self, suggestion: MatchSuggestion) -> list[str]:
        if suggestion.status != SuggestionStatus.OPEN:
            return []
        return self._state(suggestion).awaiting


class SuggestionDetailSerializer(ConfirmationStateSerializer, SuggestionSerializer):
    """Both identities side by side (the read is logged)."""

    signal = SuggestedSignalDetailSerializer(help_text="Het nieuwe signaal.")
    earlier_signal = SuggestedSignalDetailSerializer(help_text="Het eerdere signaal.")


class SuggestionDecidedSerializer(ConfirmationStateSerializer, SuggestionSerializer):
    """A suggestion after a decision: its status, which municipalities confirmed, and once
    linked the person (for the main identity: /subjects/{id}/main-identity)."""

    subject = serializers.UUIDField(
        source="signal.subject_id",
        allow_null=True,
        help_text="De betrokkene zodra de signalen gekoppeld zijn; anders null.",
    )


SIDE_CHOICES = [("signal", "signal"), ("earlier_signal", "earlier_signal")]


class MainIdentityChoiceSerializer(serializers.Serializer[Any]):
    """Per field: which signal of the pair holds the main identity."""

    given_names = serializers.ChoiceField(choices=SIDE_CHOICES, required=False)
    surname = serializers.ChoiceField(choices=SIDE_CHOICES, required=False)
    birth = serializers.ChoiceField(choices=SIDE_CHOICES, required=False)
    sex = serializers.ChoiceField(choices=SIDE_CHOICES, required=False)
    bsn = serializers.ChoiceField(choices=SIDE_CHOICES, required=False)


class SuggestionDecisionSerializer(serializers.Serializer[Any]):
    decision = serializers.ChoiceField(
        choices=[("confirm", _("Bevestigen")), ("reject", _("Afwijzen"))],
        help_text="confirm: dezelfde persoon (koppelen); reject: niet dezelfde persoon.",
    )
    main_identity = MainIdentityChoiceSerializer(
        required=False,
        help_text="Bij confirm: per gegeven dat verschilt, welk signaal de hoofdidentiteit "
        "levert (signal of earlier_signal); niet opgegeven: de meest volledige waarde.",
    )

    @property
    def identity_choices(self) -> dict[str, str]:
        return dict(self.validated_data.get("main_identity") or {})

    @property
    def confirm(self) -> bool:
        return bool(self.validated_data["decision"] == "confirm")
