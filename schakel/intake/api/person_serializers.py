"""Who a case or weighing item is about, as the API shows it (the read is logged by the
selector that built the identity)."""

from typing import Any

from rest_framework import serializers

from schakel.intake.identity import SubjectIdentity


class RelatedPersonIdentitySerializer(serializers.Serializer[Any]):
    relation = serializers.CharField()
    name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)


class PersonSerializer(serializers.Serializer[SubjectIdentity]):
    """Who the case or item is about (the read is logged). Empty strings and nulls when the
    person data has been deleted."""

    given_names = serializers.CharField(allow_blank=True)
    surname_prefix = serializers.CharField(allow_blank=True)
    surname = serializers.CharField(allow_blank=True)
    date_of_birth = serializers.DateField(allow_null=True)
    sex = serializers.CharField(allow_blank=True)
    bsn = serializers.SerializerMethodField(
        help_text="Alleen de laatste drie cijfers (de rest als *); leeg zonder BSN."
    )
    address = serializers.CharField(allow_blank=True)
    related_persons = RelatedPersonIdentitySerializer(many=True)

    def get_bsn(self, identity: SubjectIdentity) -> str:
        return identity.bsn_masked.replace("•", "*")  # ASCII for machine readers
