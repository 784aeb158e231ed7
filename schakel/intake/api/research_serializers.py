"""Serializers of the meldpunt API for the online research log."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.api.fields import ScopedPrimaryKeyField
from schakel.core import validators
from schakel.intake import selectors
from schakel.intake.api.serializers import _category, _optional_text, _text
from schakel.intake.choices import (
    DataCategory,
    ResearchLegalBasis,
    ResearchOutcome,
)
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.intake.online_services import ResearchPlan


class ResearchEntrySerializer(serializers.Serializer[OnlineResearchEntry]):
    """An online research entry as listed: metadata only."""

    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    legal_basis = serializers.ChoiceField(choices=ResearchLegalBasis.choices)
    outcome = serializers.ChoiceField(
        choices=ResearchOutcome.choices, allow_blank=True, help_text="Leeg zolang niet afgerond."
    )
    completed_at = serializers.DateTimeField(allow_null=True)
    signal = serializers.UUIDField(
        source="signal_id", allow_null=True, help_text="Het signaal dat aanleiding was."
    )
    recorded_by = serializers.SerializerMethodField(help_text="Functie – gemeente (mailbox).")

    def get_recorded_by(self, entry: OnlineResearchEntry) -> str:
        return staff_display(entry.recorded_by, entry.municipality)


class ResearchEntryDetailSerializer(ResearchEntrySerializer):
    """The whole entry: the considerations beforehand and the outcome (the read is logged)."""

    purpose = serializers.CharField()
    occasion = serializers.CharField()
    public_order_interest = serializers.CharField()
    subsidiarity = serializers.CharField()
    confirms_no_fictitious_profile = serializers.BooleanField()
    confirms_no_closed_groups = serializers.BooleanField()
    confirms_no_systematic_following = serializers.BooleanField()
    sources_consulted = serializers.CharField(allow_null=True, allow_blank=True)
    outcome_summary = serializers.CharField(allow_null=True, allow_blank=True)
    outcome_category = serializers.ChoiceField(choices=DataCategory.choices)
    person_given_names = serializers.CharField(allow_null=True, allow_blank=True)
    person_surname_prefix = serializers.CharField(allow_null=True, allow_blank=True)
    person_surname = serializers.CharField(allow_null=True, allow_blank=True)
    person_birth_year = serializers.CharField(allow_null=True, allow_blank=True)
    person_platform = serializers.CharField(allow_blank=True)
    person_handle = serializers.CharField(allow_null=True, allow_blank=True)


def _confirmation(help_text: str) -> serializers.BooleanField:
    return serializers.BooleanField(
        required=False,
        default=False,
        help_text=help_text,
        error_messages={"invalid": _("Geef true of false.")},
    )


def _research_signals(membership: Membership | None) -> QuerySet[Signal]:
    return selectors.signals_for_research(membership=membership)


class ResearchStartSerializer(serializers.Serializer[Any]):
    """Before searching: purpose, occasion, basis, interest, subsidiarity, three confirmations."""

    purpose = _text(validators.TEXT_MAX_LENGTH, help_text="Doel van het onderzoek.")
    occasion = _text(validators.TEXT_MAX_LENGTH, help_text="Aanleiding.")
    legal_basis = serializers.ChoiceField(
        choices=ResearchLegalBasis.choices, help_text="Grondslag."
    )
    public_order_interest = _text(
        validators.TEXT_MAX_LENGTH, help_text="Belang voor de openbare orde."
    )
    subsidiarity = _text(validators.TEXT_MAX_LENGTH, help_text="Afweging subsidiariteit.")
    confirms_no_fictitious_profile = _confirmation("Moet true zijn: geen fictief profiel.")
    confirms_no_closed_groups = _confirmation("Moet true zijn: geen besloten groepen.")
    confirms_no_systematic_following = _confirmation("Moet true zijn: geen stelselmatig volgen.")
    signal = ScopedPrimaryKeyField(
        scope=_research_signals,
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van een signaal van uw gemeente dat aanleiding is; zonder signaal "
        "noemt u de persoon (person_surname) of het account (person_handle).",
        message=_("Kies een signaal van uw gemeente."),
    )
    person_given_names = _optional_text(
        validators.NAME_MAX_LENGTH, help_text="Zonder signaal: voornamen of voorletters."
    )
    person_surname_prefix = _optional_text(validators.NAME_MAX_LENGTH, help_text="Tussenvoegsel.")
    person_surname = _optional_text(
        validators.NAME_MAX_LENGTH, help_text="Zonder signaal: de achternaam van de persoon."
    )
    person_birth_year = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Geboortejaar, als bekend."
    )
    person_platform = _optional_text(
        validators.PLATFORM_MAX_LENGTH, help_text="Platform van het account."
    )
    person_handle = _optional_text(
        validators.HANDLE_MAX_LENGTH,
        help_text="Zonder signaal of naam: de gebruikersnaam of de link naar het profiel.",
    )

    def to_plan(self) -> ResearchPlan:
        return ResearchPlan(**self.validated_data)


class ResearchCompleteSerializer(serializers.Serializer[Any]):
    """Afterwards: the sources consulted and the outcome, also when nothing was found."""

    sources_consulted = _text(validators.TEXT_MAX_LENGTH, help_text="Geraadpleegde bronnen.")
    outcome = serializers.ChoiceField(choices=ResearchOutcome.choices, help_text="Uitkomst.")
    outcome_summary = _optional_text(
        validators.TEXT_MAX_LENGTH, help_text="Bevindingen; verplicht als er iets is gevonden."
    )
    outcome_category = _category("Categorie van de bevindingen.")
