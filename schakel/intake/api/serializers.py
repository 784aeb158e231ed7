"""Serializers of the meldpunt API: one input serializer per write, explicit output per endpoint.

Input serializers only check the shape (types, choices, lengths) and resolve ids to objects the
caller may use; every rule of the meldpunt is checked again by the service. Output serializers
of lists hold no person data; person data only appears where a selector logged its read.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.intake import selectors, validators
from schakel.intake.choices import (
    DataCategory,
    MatchBand,
    Relation,
    ReportedBy,
    ResearchLegalBasis,
    ResearchOutcome,
    Sex,
    SignalStatus,
    SourceDomain,
    SourceOpenness,
    SuggestionStatus,
    Urgency,
)
from schakel.intake.models import MatchSuggestion, OnlineResearchEntry, Signal, mask_bsn
from schakel.intake.online_services import ResearchPlan
from schakel.intake.selectors import KnownAt
from schakel.intake.signal_input import AccountInput, RelatedPersonInput, SignalInput

# --- shared pieces -----------------------------------------------------------------------------


class OrganisationRefSerializer(serializers.Serializer[Any]):
    """An organisation by id and name (never its staff)."""

    id = serializers.UUIDField()
    name = serializers.CharField()


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


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    """A UUID that must name one of the objects ``scope(membership)`` returns.

    An unknown id and an id the caller may not use give the same message, so the answer never
    tells whether something exists.
    """

    def __init__(self, *, scope: Any, message: Any, **kwargs: Any) -> None:
        self.scope = scope
        kwargs["pk_field"] = serializers.UUIDField(error_messages={"invalid": message})
        kwargs["error_messages"] = {"does_not_exist": message, "incorrect_type": message}
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        membership = self.context.get("membership")
        return self.scope(membership if isinstance(membership, Membership) else None)  # type: ignore[no-any-return]


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


def reference_of(pk: uuid.UUID) -> str:
    return Signal(pk=pk).reference


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
            "reference": reference_of(row["id"]),
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


class SignalPersonSerializer(serializers.Serializer[Signal]):
    """The person a signal is about (only with ``include=person``; the read is logged)."""

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
    online_accounts = AccountSerializer(many=True, source="loaded_online_accounts")
    sex = serializers.CharField(allow_blank=True, allow_null=True)
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


# --- match suggestions -------------------------------------------------------------------------


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


class IdentitySerializer(serializers.Serializer[Signal]):
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
    online_accounts = AccountSerializer(many=True, source="online_accounts.all")
    sex = serializers.CharField(allow_blank=True, allow_null=True)
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

    def _state(self, suggestion: MatchSuggestion) -> selectors.ConfirmationState:
        """Read once per suggestion for both fields."""
        cache: dict[Any, selectors.ConfirmationState] = self.__dict__.setdefault("_states", {})
        if suggestion.pk not in cache:
            cache[suggestion.pk] = selectors.confirmation_state(
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
    linked the person (for the main identity: /subjects/{id}/main-identity/)."""

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


# --- online research ---------------------------------------------------------------------------


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
