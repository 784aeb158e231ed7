"""Serializers of the legal-basis catalogue and of disclosures (verstrekkingen).

A disclosure is never changed: there is an input serializer for recording one (also used for a
correction, which is a new disclosure pointing at the old) and an output serializer.
"""

from typing import Any

from rest_framework import serializers

from schakel.api.base import free_text
from schakel.audit.activities import activity_choices
from schakel.audit.models import ProcessingActivity
from schakel.core import validators
from schakel.legal.api.serializers import LegalBasisRefSerializer
from schakel.legal.models import LegalBasis
from schakel.network.choices import OrganisationKind
from schakel.privacy.catalogue.services import (
    CODE_MAX_LENGTH,
    LINE_MAX_LENGTH,
    POSITION_MAX,
    BasisInput,
    is_in_use,
)


class LegalBasisSerializer(serializers.Serializer[LegalBasis]):
    """A legal basis of the catalogue."""

    id = serializers.UUIDField()
    code = serializers.CharField(help_text="Vaste code, bv. wet-pga.")
    name = serializers.CharField()
    name_en = serializers.CharField(allow_blank=True)
    citation = serializers.CharField(help_text="Vindplaats (wetsartikel).")
    description = serializers.CharField()
    organisation_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=OrganisationKind.choices),
        help_text="Voor welke soorten organisaties de grondslag geldt; leeg: voor alle.",
    )


class LegalBasisAdminSerializer(LegalBasisSerializer):
    """A legal basis as the functional admin keeps it (answer of a create or change)."""

    processing_activities = serializers.SerializerMethodField(
        help_text="Sleutels van de verwerkingsactiviteiten die op deze grondslag steunen."
    )
    position = serializers.IntegerField(help_text="Volgorde in de keuzelijsten (laag eerst).")
    is_active = serializers.BooleanField(
        help_text="false: niet meer aangeboden voor nieuwe verstrekkingen."
    )
    in_use = serializers.SerializerMethodField(
        help_text="true: er zijn verstrekkingen op gedaan; de code ligt vast en de grondslag "
        "kan niet worden verwijderd."
    )

    def get_processing_activities(self, basis: LegalBasis) -> list[str]:
        return sorted(basis.processing_activities.values_list("key", flat=True))

    def get_in_use(self, basis: LegalBasis) -> bool:
        return is_in_use(basis)


def _line(help_text: str) -> serializers.CharField:
    """One line of text the service checks (missing counts as empty: every message at once)."""
    return serializers.CharField(
        max_length=LINE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text=help_text,
    )


class LegalBasisInputSerializer(serializers.Serializer[Any]):
    """A new legal basis for the catalogue (functional admins)."""

    code = serializers.CharField(
        max_length=CODE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="Vaste sleutel: kleine letters, cijfers en streepjes (bv. wet-pga).",
    )
    name = _line("Naam van de grondslag.")
    name_en = _line("Naam in het Engels (niet verplicht).")
    citation = _line("Vindplaats, bv. AVG art. 6 lid 1 sub e.")
    description = free_text("Omschrijving.")
    organisation_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=OrganisationKind.choices),
        required=False,
        default=list,
        max_length=len(OrganisationKind.choices),
        help_text="Voor welke soorten organisaties de grondslag geldt; leeg: voor alle.",
    )
    processing_activities = serializers.ListField(
        child=serializers.ChoiceField(choices=activity_choices()),
        required=False,
        default=list,
        max_length=len(activity_choices()),
        help_text="Sleutels uit het verwerkingsregister (GET /api/v1/processing-activities).",
    )
    position = serializers.IntegerField(
        min_value=0, max_value=POSITION_MAX, required=False, default=100
    )

    def to_input(self, basis: LegalBasis | None = None) -> BasisInput:
        """The service's input: the sent fields over the basis's current values."""
        data = dict(self.validated_data)
        current: dict[str, Any] = {}
        if basis is not None:
            current = {
                "code": basis.code,
                "name": basis.name,
                "name_en": basis.name_en,
                "citation": basis.citation,
                "description": basis.description,
                "organisation_kinds": list(basis.organisation_kinds),
                "processing_activities": list(
                    basis.processing_activities.values_list("key", flat=True)
                ),
                "position": basis.position,
            }
        merged = {**current, **{k: v for k, v in data.items() if k != "is_active"}}
        keys = list(dict.fromkeys(merged.get("processing_activities", [])))
        return BasisInput(
            code=merged.get("code", ""),
            name=merged.get("name", ""),
            name_en=merged.get("name_en", ""),
            citation=merged.get("citation", ""),
            description=merged.get("description", ""),
            organisation_kinds=list(merged.get("organisation_kinds", [])),
            processing_activities=list(ProcessingActivity.objects.filter(pk__in=keys)),
            position=merged.get("position", 100),
        )


class LegalBasisPatchSerializer(LegalBasisInputSerializer):
    """A change: only the fields sent change; ``is_active`` (de)activates."""

    code = serializers.CharField(
        max_length=CODE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Alleen te wijzigen zolang er geen verstrekking op de grondslag is gedaan.",
    )
    name = serializers.CharField(
        max_length=LINE_MAX_LENGTH, required=False, allow_blank=True, trim_whitespace=False
    )
    name_en = serializers.CharField(
        max_length=LINE_MAX_LENGTH, required=False, allow_blank=True, trim_whitespace=False
    )
    citation = serializers.CharField(
        max_length=LINE_MAX_LENGTH, required=False, allow_blank=True, trim_whitespace=False
    )
    description = serializers.CharField(
        max_length=validators.TEXT_MAX_LENGTH,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
    )
    organisation_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=OrganisationKind.choices),
        required=False,
        max_length=len(OrganisationKind.choices),
    )
    processing_activities = serializers.ListField(
        child=serializers.ChoiceField(choices=activity_choices()),
        required=False,
        max_length=len(activity_choices()),
    )
    position = serializers.IntegerField(min_value=0, max_value=POSITION_MAX, required=False)
    is_active = serializers.BooleanField(
        required=False, help_text="false: op inactief zetten; true: weer actief maken."
    )


class RetentionTermSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(help_text="Soort gegevens (bewaarregel).")
    name = serializers.CharField(source="label", help_text="Omschrijving van die soort.")
    term_months = serializers.IntegerField()


class ProcessingActivitySerializer(serializers.Serializer[Any]):
    """An activity of the register of processing activities (AVG art. 30); no personal data."""

    key = serializers.CharField(help_text="Sleutel in het logboek (activity_id).")
    name = serializers.CharField()
    name_en = serializers.CharField()
    purpose = serializers.CharField()
    legal_basis = serializers.CharField(
        source="legal_basis_text", help_text="De grondslag zoals het register hem beschrijft."
    )
    legal_bases = LegalBasisRefSerializer(
        many=True, help_text="De actieve grondslagen uit de catalogus die eraan gekoppeld zijn."
    )
    data_categories = serializers.CharField()
    data_subject_categories = serializers.CharField(source="data_subjects")
    recipients = serializers.CharField()
    retention = serializers.CharField(source="retention_text")
    retention_terms = RetentionTermSerializer(
        many=True, help_text="De geldende instelbare bewaartermijnen die erop van toepassing zijn."
    )
    controller = serializers.CharField()
