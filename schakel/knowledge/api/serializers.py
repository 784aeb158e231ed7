"""Serializers of the knowledge-base API: explicit output per endpoint, separate input."""

import base64
import binascii
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.api.fields import OrganisationRefSerializer
from schakel.core.uploads import max_bytes
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.models import (
    BODY_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    THEME_MAX_LENGTH,
    TITLE_MAX_LENGTH,
)
from schakel.knowledge.services import MAX_THEMES


class KindField(serializers.ChoiceField):
    """Soort kennisitem (``KnowledgeKindEnum`` in the schema)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=KnowledgeKind.choices, **kwargs)


class KnowledgeItemQuerySerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Zoekwoorden (Nederlands; verbuigingen en meervouden worden ook gevonden). "
        "Met q staan de resultaten op relevantie, anders het laatst gewijzigde eerst.",
    )
    kind = KindField(required=False, help_text="Alleen deze soort.")
    theme = serializers.CharField(required=False, max_length=60, help_text="Alleen met dit thema.")
    collaboration = serializers.UUIDField(
        required=False, help_text="Alleen items van dit samenwerkingsverband."
    )
    national = serializers.BooleanField(
        required=False, default=None, allow_null=True, help_text="true: alleen landelijke items."
    )


class KnowledgeCollaborationRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()


class KnowledgeAttachmentSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    url = serializers.CharField(help_text="Waar de bijlage te downloaden is (na dezelfde toegang).")


class KnowledgeAttachmentContentSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    content = serializers.CharField(help_text="De inhoud, base64-gecodeerd.")


class KnowledgeVersionSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    number = serializers.IntegerField()
    is_current = serializers.BooleanField()
    note = serializers.CharField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()
    created_by = serializers.CharField(
        allow_blank=True, help_text="Functie – organisatie (postbus) van wie de versie vastlegde."
    )
    attachment = KnowledgeAttachmentSerializer(allow_null=True)


class KnowledgeItemSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    kind = KindField()
    title = serializers.CharField()
    summary = serializers.CharField()
    themes = serializers.ListField(child=serializers.CharField())
    collaboration = KnowledgeCollaborationRefSerializer(
        allow_null=True, help_text="Leeg bij een landelijk item."
    )
    owner_organisation = OrganisationRefSerializer()
    contact = serializers.CharField(
        allow_blank=True, help_text="Contactpersoon als functie – organisatie (postbus)."
    )
    review_on = serializers.DateField(allow_null=True)
    updated_at = serializers.DateTimeField()


class KnowledgeItemDetailSerializer(KnowledgeItemSerializer):
    current_version = KnowledgeVersionSerializer(allow_null=True)
    may_edit = serializers.BooleanField()


class KnowledgeAttachmentInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200, help_text="Bestandsnaam, eindigend op .pdf, "
                                 ".odt of .docx.")  # fmt: skip
    content = serializers.CharField(help_text="De inhoud, base64-gecodeerd.")

    def validate(self, attrs: dict[str, Any]) -> SimpleUploadedFile:
        if len(attrs["content"]) > (max_bytes() * 4) // 3 + 4:
            raise serializers.ValidationError({"content": [_("Het bestand is te groot.")]})
        try:
            content = base64.b64decode(attrs["content"], validate=True)
        except (binascii.Error, ValueError):
            raise serializers.ValidationError(
                {"content": [_("Dit is geen geldige base64-tekst.")]}
            ) from None
        return SimpleUploadedFile(attrs["name"], content)


class KnowledgeVersionInputSerializer(serializers.Serializer[Any]):
    """A new version, with the item's description as it should be from now on."""

    kind = KindField()
    title = serializers.CharField(max_length=TITLE_MAX_LENGTH)
    summary = serializers.CharField(max_length=SUMMARY_MAX_LENGTH)
    themes = serializers.ListField(
        child=serializers.CharField(max_length=THEME_MAX_LENGTH),
        max_length=MAX_THEMES,
        required=False,
        default=list,
    )
    owner_organisation = serializers.UUIDField(
        required=False,
        help_text="Eigen organisatie of een lid van het samenwerkingsverband; standaard de "
        "eigen organisatie.",
    )
    owner_is_me = serializers.BooleanField(
        required=False, default=False, help_text="true: u bent de contactpersoon."
    )
    review_on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(max_length=NOTE_MAX_LENGTH)
    body = serializers.CharField(
        max_length=BODY_MAX_LENGTH, required=False, allow_blank=True, default=""
    )
    attachment = KnowledgeAttachmentInputSerializer(required=False, allow_null=True, default=None)
    keep_attachment = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Zonder nieuwe bijlage: de bijlage van de vorige versie behouden.",
    )


class KnowledgeItemInputSerializer(KnowledgeVersionInputSerializer):
    collaboration = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Het samenwerkingsverband; leeg voor een landelijk item.",
    )
