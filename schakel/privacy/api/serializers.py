"""Serializers of the legal-basis catalogue and of disclosures (verstrekkingen).

A disclosure is never changed: there is an input serializer for recording one (also used for a
correction, which is a new disclosure pointing at the old) and an output serializer.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.api.base import free_text
from schakel.api.fields import OrganisationRefSerializer, ScopedPrimaryKeyField
from schakel.audit.choices import Activity
from schakel.audit.models import ProcessingActivity
from schakel.cases.models import AgendaItem
from schakel.cases.selectors import organisations_at_item
from schakel.core import validators
from schakel.intake.choices import DataCategory
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation
from schakel.privacy.catalogue.services import (
    CODE_MAX_LENGTH,
    LINE_MAX_LENGTH,
    POSITION_MAX,
    BasisInput,
    is_in_use,
)
from schakel.privacy.models import Disclosure, LegalBasis
from schakel.privacy.services import DisclosureInput


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


class LegalBasisRefSerializer(serializers.Serializer[LegalBasis]):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField()


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
        child=serializers.ChoiceField(choices=Activity.choices),
        required=False,
        default=list,
        max_length=len(Activity.choices),
        help_text="Sleutels uit het verwerkingsregister (GET /api/v1/processing-activities/).",
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
        child=serializers.ChoiceField(choices=Activity.choices),
        required=False,
        max_length=len(Activity.choices),
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


class DisclosureSerializer(serializers.Serializer[Disclosure]):
    """What a partner brought in, on which basis, for what, to whom (the read is logged)."""

    id = serializers.UUIDField()
    agenda_item = serializers.UUIDField(source="agenda_item_id")
    created_at = serializers.DateTimeField()
    from_organisation = OrganisationRefSerializer()
    disclosed_by = serializers.SerializerMethodField(help_text="Functie – organisatie (mailbox).")
    recipients = OrganisationRefSerializer(many=True, source="recipients.all")
    content = serializers.CharField(allow_null=True, help_text="null: de inhoud is verwijderd.")
    data_categories = serializers.ListField(
        child=serializers.ChoiceField(choices=DataCategory.choices),
        help_text="ordinary (gewoon), special (art. 9 AVG), criminal (art. 10 AVG).",
    )
    legal_basis = LegalBasisRefSerializer()
    purpose = serializers.CharField(allow_null=True)
    necessity_note = serializers.CharField(
        allow_null=True, help_text="Noodzaak, proportionaliteit en subsidiariteit."
    )
    corrects = serializers.UUIDField(
        source="corrects_id",
        allow_null=True,
        help_text="De verstrekking die deze corrigeert; null voor een oorspronkelijke.",
    )

    def get_disclosed_by(self, disclosure: Disclosure) -> str:
        return staff_display(disclosure.disclosed_by, disclosure.from_organisation)


class RecipientsField(serializers.ListField):
    """Ids of organisations at the table for the item (other than the caller's own)."""

    child = serializers.UUIDField(
        error_messages={"invalid": _("U verstrekt alleen aan andere organisaties aan tafel.")}
    )

    def to_internal_value(self, data: Any) -> list[Organisation]:
        ids: list[uuid.UUID] = super().to_internal_value(data)
        item = self.context.get("item")
        at_table = {org.pk: org for org in organisations_at_item(item)} if item else {}
        if any(pk not in at_table for pk in ids):
            raise serializers.ValidationError(
                _("U verstrekt alleen aan andere organisaties aan tafel.")
            )
        return [at_table[pk] for pk in dict.fromkeys(ids)]


def active_legal_bases(membership: Membership | None) -> QuerySet[LegalBasis]:
    return LegalBasis.objects.filter(is_active=True)


class DisclosureInputSerializer(serializers.Serializer[Any]):
    """A disclosure (or a correction): what, which categories, on which basis, for what, to whom.
    Nothing is saved unless all of it is there."""

    content = free_text("Wat u inbrengt.")
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=DataCategory.choices),
        required=False,
        default=list,
        max_length=3,
        help_text="Minstens één: ordinary, special (art. 9 AVG), criminal (art. 10 AVG).",
    )
    legal_basis = ScopedPrimaryKeyField(
        scope=active_legal_bases,
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van een grondslag uit de catalogus (GET /api/v1/legal-bases/) die voor uw "
        "organisatie geldt.",
        message=_("Kies de grondslag van de verstrekking."),
    )
    purpose = free_text("Doel van de verstrekking.")
    necessity_note = free_text("Noodzaak, proportionaliteit en subsidiariteit.")
    recipients = RecipientsField(
        required=False,
        default=list,
        max_length=100,
        help_text="Ids van de organisaties aan tafel aan wie u verstrekt (niet uw eigen).",
    )

    def to_input(self) -> DisclosureInput:
        data = dict(self.validated_data)
        data["categories"] = list(dict.fromkeys(data["categories"]))
        return DisclosureInput(**data)


def disclosure_context(membership: Membership, item: AgendaItem) -> dict[str, Any]:
    return {"membership": membership, "item": item}
