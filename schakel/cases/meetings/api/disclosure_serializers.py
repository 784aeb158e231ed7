"""The disclosures at the table as the API shows and takes them."""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.api.base import free_text
from schakel.api.fields import OrganisationRefSerializer, ScopedPrimaryKeyField
from schakel.cases.meetings.disclosures import DisclosureInput
from schakel.cases.models import AgendaItem, Disclosure
from schakel.cases.selectors import organisations_at_item
from schakel.intake.choices import DataCategory
from schakel.legal.api.serializers import LegalBasisRefSerializer
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation


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
        help_text="Id van een grondslag uit de catalogus (GET /api/v1/legal-bases) die voor uw "
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
