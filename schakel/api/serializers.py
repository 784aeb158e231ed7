"""Output serializers of the first endpoints and the problem document. Explicit fields only."""

from typing import Any

from rest_framework import serializers

from schakel.accounts.choices import Role
from schakel.network.choices import OrganisationKind


class ProblemErrorSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(
        allow_null=True, help_text="Veld (met punten voor geneste velden); null voor het geheel."
    )
    message = serializers.CharField()
    code = serializers.CharField()


class ProblemSerializer(serializers.Serializer[Any]):
    """RFC 9457 problem details, with the title in Dutch (`title`) and English (`title_en`)."""

    type = serializers.CharField(
        help_text="URN van het soort probleem, bv. urn:schakel:problem:not-found."
    )
    title = serializers.CharField(help_text="Titel in het Nederlands.")
    title_en = serializers.CharField(help_text="Title in English.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="Uitleg in de taal van het verzoek.")
    instance = serializers.CharField(help_text="Pad van het verzoek.")
    # A declared field, popped from the class by DRF: it does not shadow Serializer.errors.
    errors = ProblemErrorSerializer(many=True, required=False)  # type: ignore[assignment]


class OrganisationSummarySerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)


class MembershipSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    organisation = OrganisationSummarySerializer()
    role = serializers.ChoiceField(choices=Role.choices)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)


class MeSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    email = serializers.EmailField()
    full_name = serializers.CharField()
    function_title = serializers.CharField()
    memberships = MembershipSerializer(many=True, help_text="De actieve lidmaatschappen.")
    acting_membership = MembershipSerializer(
        allow_null=True,
        help_text="Het lidmaatschap waarin dit verzoek handelt (kies met X-Schakel-Membership).",
    )


class InterventionOptionSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    description = serializers.CharField()


class PartnerSerializer(serializers.Serializer[Any]):
    """An organisation in the partner directory. Never staff."""

    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    region_name = serializers.CharField(
        source="region.name", allow_null=True, help_text="null: een landelijke organisatie."
    )
    mailbox = serializers.EmailField(help_text="Functionele mailbox.")
    legal_framework = serializers.CharField()
    may_process_bsn = serializers.BooleanField()
    intervention_options = InterventionOptionSerializer(
        many=True, source="intervention_options.all"
    )
