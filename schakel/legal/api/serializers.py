"""Serializer fields of the legal catalogue that other apps' APIs show."""

from rest_framework import serializers

from schakel.legal.models import LegalBasis


class LegalBasisRefSerializer(serializers.Serializer[LegalBasis]):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField()
