"""Serializers of the meldpunt API: one input serializer per write, explicit output per endpoint.

Input serializers only check the shape (types, choices, lengths) and resolve ids to objects the
caller may use; every rule of the meldpunt is checked again by the service. Output serializers
of lists hold no person data; person data only appears where a selector logged its read.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.api.fields import OrganisationRefSerializer, ScopedPrimaryKeyField
from schakel.core import validators
from schakel.intake import selectors
from schakel.intake.choices import (
    DataCategory,
    Relation,
    ReportedBy,
    Sex,
    SignalStatus,
    SourceDomain,
    SourceOpenness,
    Urgency,
)
from schakel.intake.models import Signal
from schakel.intake.selectors import KnownAt
from schakel.intake.signal_input import AccountInput, RelatedPersonInput, SignalInput

# --- shared pieces -----------------------------------------------------------------------------


class PhenomenonRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()


class KnownAtSerializer(serializers.Serializer[KnownAt]):
    """Where the same person is (possibly) known: only the meldpunt and its generic mailbox."""

    meldpunt = serializers.CharField(help_text="Naam van het meldpunt (de gemeente).")
    mailbox = serializers.EmailField(help_text="Functionele mailbox van dat meldpunt.")
    confirmed = serializers.BooleanField(
        help_text="true: door het meldpunt bevestigd als dezelfde persoon; false: mogelijk."
    )


def _text(max_length: int, **kwargs: Any) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, **kwargs)


def _optional_text(max_length: int, **kwargs: Any) -> serializers.CharField:
    return serializers.CharField(
        max_length=max_length, required=False, allow_blank=True, default="", **kwargs
    )


def _category(help_text: str) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=DataCategory.choices,
        required=False,
        default=DataCategory.ORDINARY,
        help_text=help_text,
    )


# --- registering a signal ----------------------------------------------------------------------


class RelatedPersonInputSerializer(serializers.Serializer[Any]):
    relation = serializers.ChoiceField(
        choices=Relation.choices, help_text="Relatie tot de persoon."
    )
    name = _text(validators.NAME_MAX_LENGTH, help_text="Naam.")
    date_of_birth = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Geboortedatum (optioneel)."
    )


class AgeEstimateSerializer(serializers.Serializer[Any]):
    """An estimated age in years on the day of observation, from and to (inclusive)."""

    from_years = serializers.IntegerField(
        min_value=0, max_value=validators.OLDEST_AGE, help_text="Van (jaren)."
    )
    to_years = serializers.IntegerField(
        min_value=0, max_value=validators.OLDEST_AGE, help_text="Tot en met (jaren)."
    )


class AccountInputSerializer(serializers.Serializer[Any]):
    platform = _text(validators.PLATFORM_MAX_LENGTH, help_text="Platform, bijv. Instagram.")
    handle = _text(
        validators.HANDLE_MAX_LENGTH,
        help_text="Gebruikersnaam (met of zonder @) of de link naar het profiel.",
    )


class SignalRegisterSerializer(serializers.Serializer[Any]):
    """Input of a registration: the person (whatever is known of them), what was observed,
    and the online details. A surname or an online account is required."""

    given_names = _optional_text(
        validators.NAME_MAX_LENGTH, help_text="Voornamen, of alleen de voorletters (M.A.)."
    )
    surname_prefix = _optional_text(validators.NAME_MAX_LENGTH, help_text="Tussenvoegsel.")
    surname = _optional_text(
        validators.NAME_MAX_LENGTH,
        help_text="Achternaam; mag leeg als er een online account is opgegeven.",
    )
    date_of_birth = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Geboortedatum; niet in de toekomst. Leeg als die niet bekend is.",
    )
    birth_year = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Geboortejaar, als alleen dat bekend is.",
    )
    age_estimate = AgeEstimateSerializer(
        required=False,
        allow_null=True,
        default=None,
        help_text="Geschatte leeftijd op de dag van waarneming, als geboortedatum en -jaar "
        "onbekend zijn.",
    )
    online_accounts = serializers.ListField(
        child=AccountInputSerializer(),
        required=False,
        default=list,
        max_length=validators.MAX_ONLINE_ACCOUNTS,
        help_text="Online accounts van de persoon (hoogstens 5).",
    )
    sex = serializers.ChoiceField(
        choices=Sex.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="Geslacht (optioneel).",
    )
    bsn = _optional_text(
        32,
        help_text=(
            "BSN (elfproef), alleen als uw organisatie BSN's mag verwerken; anders leeg laten."
        ),
    )
    address = _optional_text(validators.ADDRESS_MAX_LENGTH, help_text="Adres.")
    residence = ScopedPrimaryKeyField(
        scope=lambda membership: selectors.residence_municipalities(),
        help_text="Id van de woongemeente; die wordt de regievoerende gemeente.",
        message=_("Kies een gemeente uit de lijst."),
    )
    phenomenon = ScopedPrimaryKeyField(
        scope=lambda membership: selectors.active_phenomena(),
        help_text="Id van het fenomeen.",
        message=_("Kies een fenomeen uit de lijst."),
    )
    observation = _text(validators.TEXT_MAX_LENGTH, help_text="Wat is waargenomen (vrije tekst).")
    observation_category = _category("Categorie van de waarneming.")
    observed_on = serializers.DateField(help_text="Wanneer het is waargenomen.")
    source_domain = serializers.ChoiceField(choices=SourceDomain.choices, help_text="Brondomein.")
    urgency = serializers.ChoiceField(
        choices=Urgency.choices, required=False, default=Urgency.NORMAL, help_text="Urgentie."
    )
    reported_by = serializers.ChoiceField(
        choices=ReportedBy.choices,
        required=False,
        default=ReportedBy.OWN_ORGANISATION,
        help_text="Namens wie; 'citizen' alleen voor het meldpunt van de gemeente.",
    )
    reporter_contact = _optional_text(
        validators.TEXT_MAX_LENGTH, help_text="Contactgegevens van de burger die meldt."
    )
    reporter_contact_category = _category("Categorie van de contactgegevens.")
    online_platform = _optional_text(validators.TEXT_MAX_LENGTH, help_text="Platform (online).")
    online_source_openness = serializers.ChoiceField(
        choices=SourceOpenness.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="Openbare of besloten bron (online).",
    )
    online_content = _optional_text(validators.TEXT_MAX_LENGTH, help_text="Wat online is gezien.")
    online_content_category = _category("Categorie van wat online is gezien.")
    capture_fingerprint = _optional_text(
        64, help_text="SHA-256 (64 hexadecimale tekens) van een vastlegging (online)."
    )
    related_persons = serializers.ListField(
        child=RelatedPersonInputSerializer(),
        required=False,
        default=list,
        max_length=50,
        help_text="Personen in de directe omgeving (hoogstens 50).",
    )

    def to_signal_input(self) -> SignalInput:
        data = dict(self.validated_data)
        related = tuple(RelatedPersonInput(**item) for item in data.pop("related_persons"))
        accounts = tuple(AccountInput(**item) for item in data.pop("online_accounts"))
        ages = data.pop("age_estimate")
        age_estimate = (ages["from_years"], ages["to_years"]) if ages else None
        return SignalInput(
            **data,
            age_estimate=age_estimate,
            related_persons=related,
            online_accounts=accounts,
        )


class SignalRegisteredSerializer(serializers.Serializer[Any]):
    """What the registering organisation gets back: the signal's status and where to turn."""

    id = serializers.UUIDField()
    reference = serializers.CharField(help_text="Korte kenmerk om te noemen aan het meldpunt.")
    status = serializers.ChoiceField(choices=SignalStatus.choices)
    directing_municipality = OrganisationRefSerializer(help_text="Regievoerende gemeente.")
    created_at = serializers.DateTimeField()
    known_at = KnownAtSerializer(
        many=True,
        help_text=(
            "Meldpunten waar mogelijk al een signaal over dezelfde persoon bekend is; neem "
            "contact op via hun mailbox. Nooit de inhoud of de bron van dat signaal."
        ),
    )

    @staticmethod
    def data_for(signal: Signal, known_at: list[KnownAt]) -> dict[str, Any]:
        return {
            "id": signal.pk,
            "reference": signal.reference,
            "status": signal.status,
            "directing_municipality": signal.directing_municipality,
            "created_at": signal.created_at,
            "known_at": known_at,
        }


# --- the status of signals ---------------------------------------------------------------------


class SignalStatusSerializer(serializers.Serializer[Any]):
    """A signal's status and metadata, from a metadata row (a dict): never person data."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=SignalStatus.choices)
    status_changed_at = serializers.DateTimeField()
    created_at = serializers.DateTimeField()
    source_domain = serializers.ChoiceField(choices=SourceDomain.choices)
    phenomenon = PhenomenonRefSerializer()
    urgency = serializers.ChoiceField(choices=Urgency.choices)
    registering_organisation = OrganisationRefSerializer()
    directing_municipality = OrganisationRefSerializer(help_text="Regievoerende gemeente.")
    expires_at = serializers.DateTimeField(
        help_text="Vervalt dan als het signaal niet tot een weging leidt."
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return super().to_representation(self.from_row(instance))

    @staticmethod
    def from_row(row: dict[str, Any]) -> dict[str, Any]:
        return {
            **row,
            "phenomenon": {"id": row["phenomenon_id"], "name": row["phenomenon__name"]},
            "registering_organisation": {
                "id": row["registering_organisation_id"],
                "name": row["registering_organisation__name"],
            },
            "directing_municipality": {
                "id": row["directing_municipality_id"],
                "name": row["directing_municipality__name"],
            },
        }


class RelatedPersonSerializer(serializers.Serializer[Any]):
    relation = serializers.CharField()
    name = serializers.CharField()
    date_of_birth = serializers.CharField(
        allow_blank=True, allow_null=True, help_text="ISO-datum, of leeg als onbekend."
    )


class AccountSerializer(serializers.Serializer[Any]):
    platform = serializers.CharField()
    handle = serializers.CharField()


class PartialIdentitySerializer(serializers.Serializer[Signal]):
    """What a signal says of who the person is: names, birth (a date, a year or an estimated
    age) and sex."""

    given_names = serializers.CharField(allow_blank=True, allow_null=True)
    surname_prefix = serializers.CharField(allow_blank=True, allow_null=True)
    surname = serializers.CharField(allow_blank=True, allow_null=True)
    date_of_birth = serializers.CharField(
        allow_blank=True, allow_null=True, help_text="ISO-datum; leeg als niet bekend."
    )
    birth_year = serializers.CharField(allow_blank=True, allow_null=True)
    age_estimate = serializers.CharField(
        allow_blank=True, allow_null=True, help_text="Geschatte leeftijd „van-tot” in jaren."
    )
    sex = serializers.CharField(allow_blank=True, allow_null=True)


class SignalPersonSerializer(PartialIdentitySerializer):
    """The person a signal is about (only with ``include=person``; the read is logged)."""

    online_accounts = AccountSerializer(many=True, source="loaded_online_accounts")
    bsn = serializers.CharField(allow_blank=True, allow_null=True)
    address = serializers.CharField(allow_blank=True, allow_null=True)
    related_persons = RelatedPersonSerializer(many=True, source="loaded_related_persons")


class SignalObservationSerializer(serializers.Serializer[Signal]):
    """What was observed (only with ``include=person``; the read is logged)."""

    observed_on = serializers.DateField()
    observation = serializers.CharField()
    observation_category = serializers.ChoiceField(choices=DataCategory.choices)
    reported_by = serializers.ChoiceField(choices=ReportedBy.choices)
    reporter_contact = serializers.CharField(allow_blank=True, allow_null=True)
    reporter_contact_category = serializers.ChoiceField(choices=DataCategory.choices)
    online_platform = serializers.CharField(allow_blank=True, allow_null=True)
    online_source_openness = serializers.CharField(allow_blank=True)
    online_content = serializers.CharField(allow_blank=True, allow_null=True)
    online_content_category = serializers.ChoiceField(choices=DataCategory.choices)
    capture_fingerprint = serializers.CharField(allow_blank=True)


class SignalDetailSerializer(SignalStatusSerializer):
    """One signal's status and where the person is known; person data only when asked for."""

    known_at = KnownAtSerializer(many=True)
    person = SignalPersonSerializer(
        required=False,
        allow_null=True,
        help_text="Alleen met ?include=person; null als de persoonsgegevens zijn verwijderd.",
    )
    observation = SignalObservationSerializer(
        required=False,
        allow_null=True,
        help_text="Alleen met ?include=person; null als de persoonsgegevens zijn verwijderd.",
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if "person" not in instance:  # the status view: the keys are left out altogether
            data.pop("person", None)
            data.pop("observation", None)
        return data

    @staticmethod
    def data_for(
        row: dict[str, Any], known_at: list[KnownAt], signal: Signal | None = None
    ) -> dict[str, Any]:
        data = {**row, "known_at": known_at}
        if signal is not None:
            with_data = signal.has_person_data
            data["person"] = signal if with_data else None
            data["observation"] = signal if with_data else None
        return data
