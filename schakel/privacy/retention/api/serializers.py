"""Serializers of the retention API: terms, the outlook, legal holds, the deletion register and
the sweep's runs. None of them carries person data: references, organisations, dates, counts,
and staff as "function – organisation (mailbox)". A hold's reason only on its own endpoint."""

from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.audit.models import DeletionRecord
from schakel.core import validators
from schakel.legal.choices import RetentionKind
from schakel.legal.models import MAX_TERM_MONTHS
from schakel.legal.terms import kinds
from schakel.privacy.choices import RetentionRunStatus
from schakel.privacy.models import LegalHold, RetentionRun
from schakel.privacy.retention import display
from schakel.privacy.retention.holds import HoldInput
from schakel.privacy.retention.policies import PolicyRow
from schakel.privacy.retention.selectors import Outlook, UpcomingKind, UpcomingRow

HOLD_STATUSES = [
    (display.HoldStatus.ACTIVE, "loopt"),
    (display.HoldStatus.ENDED, "afgelopen"),
    (display.HoldStatus.LIFTED, "opgeheven"),
]


def _term_message() -> str:
    return gettext("Kies een termijn van 1 tot en met %(max)s maanden.") % {"max": MAX_TERM_MONTHS}


TERM_MESSAGE = lazy(_term_message, str)()


# Terms --------------------------------------------------------------------------------------


@extend_schema_field(
    {
        "type": "string",
        "description": "Code van een soort gegevens met een bewaartermijn; welke er zijn staat in "
        "GET /retention-policies (apps kunnen soorten toevoegen, dus geen vaste opsomming).",
    }
)
class RetentionKindField(serializers.ChoiceField):
    """A kind with a term: privacy's own and those other apps contribute
    (``RETENTION_HANDLERS``); the choices are read each time the field is made. The schema
    gives no fixed enum: the set grows with the installed apps."""

    def __init__(self, **kwargs: Any) -> None:
        choices = [(code, str(facts.label)) for code, facts in kinds().items()]
        super().__init__(choices=choices, **kwargs)


class RetentionPolicySerializer(serializers.Serializer[PolicyRow]):
    """One kind's term in force, with what starts its clock and what happens when it ends."""

    kind = RetentionKindField()
    kind_label = serializers.CharField(source="label")
    term_months = serializers.IntegerField(min_value=1, max_value=MAX_TERM_MONTHS)
    default_term_months = serializers.SerializerMethodField()
    clock_starts = serializers.CharField(help_text="Wanneer de klok gaat lopen.")
    action = serializers.CharField(help_text="Wat er gebeurt als de termijn verstreken is.")
    note = serializers.CharField(allow_blank=True, help_text="Toelichting van de beheerder.")
    updated_at = serializers.SerializerMethodField(
        help_text="Wanneer de termijn het laatst is gewijzigd; null: de standaardwaarde."
    )
    updated_by = serializers.SerializerMethodField(
        help_text="Wie hem wijzigde, als functie – organisatie (mailbox); null: niemand."
    )

    def get_default_term_months(self, row: PolicyRow) -> int:
        return kinds()[row.kind].default_months

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_updated_at(self, row: PolicyRow) -> str | None:
        if row.policy is None or row.policy.updated_by_id is None:
            return None
        return serializers.DateTimeField().to_representation(row.policy.updated_at)

    def get_updated_by(self, row: PolicyRow) -> str | None:
        if row.policy is None or row.policy.updated_by_id is None:
            return None
        changers: dict[Any, str] = self.context.get("changers", {})
        return changers.get(row.policy.updated_by_id)


class RetentionPolicyPatchSerializer(serializers.Serializer[Any]):
    """A change of a term: what is left out stays as it is."""

    term_months = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_TERM_MONTHS,
        help_text=f"Van 1 tot en met {MAX_TERM_MONTHS} maanden.",
        error_messages={
            "min_value": TERM_MESSAGE,
            "max_value": TERM_MESSAGE,
            "invalid": TERM_MESSAGE,
            "max_string_length": TERM_MESSAGE,
        },
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        trim_whitespace=False,
        help_text="Toelichting, zonder persoonsgegevens (hoogstens 2000 tekens).",
    )


# The outlook ------------------------------------------------------------------------------


class UpcomingRowSerializer(serializers.Serializer[UpcomingRow]):
    reference = serializers.CharField(
        help_text="Kenmerk van het object (C-… casus, 8 tekens signaal, V-… verzoek, …)."
    )
    organisation = serializers.CharField(help_text="Naam van de verantwoordelijke organisatie.")
    due_on = serializers.DateField(help_text="Wanneer de termijn verstrijkt.")
    held = serializers.BooleanField(help_text="Een bewaarplicht of lopend verzoek houdt het vast.")


class UpcomingKindSerializer(serializers.Serializer[UpcomingKind]):
    kind = serializers.ChoiceField(choices=RetentionKind.choices)
    kind_label = serializers.CharField(source="label")
    term_months = serializers.IntegerField()
    kind_held = serializers.BooleanField(help_text="Een bewaarplicht op de hele soort.")
    total = serializers.IntegerField(help_text="Aantal waarvan de termijn verstrijkt.")
    held = serializers.IntegerField(help_text="Daarvan vastgehouden.")
    rows = UpcomingRowSerializer(many=True, help_text="Hoogstens 200, vroegste eerst.")


class OutlookSerializer(serializers.Serializer[Outlook]):
    until = serializers.DateField(help_text="Tot en met deze dag.")
    total = serializers.IntegerField(help_text="Wat werkelijk verwijderd wordt.")
    held = serializers.IntegerField(help_text="Wat een bewaarplicht of lopend verzoek vasthoudt.")
    log_records_due = serializers.IntegerField(help_text="Logregels (het hele platform).")
    kinds = UpcomingKindSerializer(many=True)


# Legal holds ------------------------------------------------------------------------------


class LegalHoldSerializer(serializers.Serializer[LegalHold]):
    """A hold, without its reason and without the person it is about."""

    id = serializers.UUIDField()
    reference = serializers.CharField(help_text="B-…")
    scope = serializers.SerializerMethodField(
        help_text="person: één persoon (gevonden via een referentie); kind: een soort gegevens."
    )
    kind = serializers.SerializerMethodField(
        help_text="De soort gegevens bij een bewaarplicht op een soort; anders null."
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    status = serializers.SerializerMethodField(help_text="active, ended of lifted.")
    lifted_at = serializers.DateTimeField(allow_null=True)
    placed_by = serializers.SerializerMethodField(help_text="Functie – organisatie (mailbox).")
    created_at = serializers.DateTimeField()

    @extend_schema_field(serializers.ChoiceField(choices=["person", "kind"]))
    def get_scope(self, hold: LegalHold) -> str:
        return "person" if hold.subject_id is not None else "kind"

    @extend_schema_field(serializers.ChoiceField(choices=RetentionKind.choices, allow_null=True))
    def get_kind(self, hold: LegalHold) -> str | None:
        return hold.kind or None

    @extend_schema_field(serializers.ChoiceField(choices=HOLD_STATUSES))
    def get_status(self, hold: LegalHold) -> str:
        return display.hold_status(hold)

    def get_placed_by(self, hold: LegalHold) -> str:
        return display.hold_row(hold).placed_by


class LegalHoldDetailSerializer(LegalHoldSerializer):
    reason = serializers.CharField(
        allow_null=True, help_text="null: verwijderd met de gegevens die de bewaarplicht hield."
    )


class LegalHoldInputSerializer(serializers.Serializer[Any]):
    """A hold on one person (``reference``) or on a kind (``kind``): exactly one of the two."""

    reference = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=40,
        help_text="Referentie van een casus (CAS-2026-0042) of signaal (SIG-2026-0042) van uw "
        "organisatie; leeg bij een bewaarplicht op een soort.",
    )
    kind = serializers.ChoiceField(
        choices=[("", "—"), *RetentionKind.choices],
        required=False,
        allow_blank=True,
        default="",
        help_text="Een soort gegevens; leeg bij een bewaarplicht op een persoon.",
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=validators.TEXT_MAX_LENGTH,
        trim_whitespace=False,
        help_text="Waarom (minstens 10, hoogstens 2000 tekens).",
    )
    starts_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Leeg: vandaag."
    )
    ends_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Tot en met (verplicht; hoogstens 10 jaar vooruit).",
    )

    def to_input(self) -> HoldInput:
        data = self.validated_data
        return HoldInput(
            reference=data["reference"],
            kind=data["kind"],
            reason=data["reason"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )


# The deletion register and the runs -------------------------------------------------------


class DeletionRecordSerializer(serializers.Serializer[DeletionRecord]):
    """One line of the register: what kind, how many, which rule, when, which run — never who."""

    id = serializers.IntegerField()
    deleted_at = serializers.DateTimeField()
    object_kind = serializers.CharField(help_text="Code van de soort gegevens.")
    object_kind_label = serializers.SerializerMethodField()
    count = serializers.IntegerField()
    policy = serializers.CharField(help_text="De regel: een soort uit de bewaartermijnen.")
    policy_label = serializers.SerializerMethodField()
    run = serializers.UUIDField(source="run_id")

    def get_object_kind_label(self, record: DeletionRecord) -> str:
        return display.object_kind_label(record.object_kind)

    def get_policy_label(self, record: DeletionRecord) -> str:
        return display.rule_label(record.policy)


class RunKindSerializer(serializers.Serializer[Any]):
    kind = RetentionKindField()
    kind_label = serializers.CharField(source="label")
    due = serializers.IntegerField(help_text="Te verwijderen bij de start van deze soort.")
    done = serializers.IntegerField(help_text="Daarvan behandeld.")
    deleted = serializers.IntegerField(help_text="Verwijderd (personen of objecten; logregels).")
    finished = serializers.BooleanField()


class RetentionRunSerializer(serializers.Serializer[RetentionRun]):
    id = serializers.UUIDField()
    moment = serializers.DateTimeField(help_text="Het peilmoment waarvoor de termijnen gelden.")
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    status = serializers.ChoiceField(choices=RetentionRunStatus.choices)
    kinds = serializers.SerializerMethodField()

    @extend_schema_field(RunKindSerializer(many=True))
    def get_kinds(self, run: RetentionRun) -> list[dict[str, Any]]:
        return [dict(RunKindSerializer(kind).data) for kind in display.run_kinds(run)]
