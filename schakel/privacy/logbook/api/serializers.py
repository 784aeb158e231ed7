"""The processing log over the API: one span of the Logboek Dataverwerkingen shape.

The views build the spans with ``schakel.privacy.logbook.logboek_export.span``; these
serializers describe them for the OpenAPI document (and the export's lines have the same shape).
"""

from typing import Any

from rest_framework import serializers

from schakel.audit.choices import StatusCode


class ResourceSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="Altijd schakel.")
    version = serializers.CharField(help_text="Versie van Schakel.")


class LogboekSpanSerializer(serializers.Serializer[Any]):
    """One log record: one action on at most one data subject."""

    trace_id = serializers.RegexField(r"^[0-9a-f]{32}$", help_text="W3C trace-id (32 hex).")
    span_id = serializers.RegexField(
        r"^[0-9a-f]{16}$", help_text="Id van de handeling (operation_id in de standaard)."
    )
    parent_span_id = serializers.RegexField(
        r"^[0-9a-f]{16}$",
        allow_null=True,
        help_text="De span van het verzoek of de taak die de handeling veroorzaakte.",
    )
    name = serializers.CharField(help_text="Naam van de handeling, bv. case_read.")
    start_time = serializers.DateTimeField(help_text="RFC 3339, UTC.")
    end_time = serializers.DateTimeField(help_text="RFC 3339, UTC.")
    status_code = serializers.ChoiceField(choices=StatusCode.choices)
    resource = ResourceSerializer()
    attributes = serializers.DictField(
        child=serializers.CharField(),
        help_text=(
            "dpl.core.processing_activity_id (URI in het verwerkingsregister), "
            "dpl.core.data_subject_id (pseudoniem) en dpl.core.data_subject_id_type; "
            "Schakels eigen codes onder schakel.* (activiteit, uitkomst, organisatie-, "
            "medewerker-id en rol, schakel.attributes.*, volgnummer en hashes van de keten). "
            "Nooit namen."
        ),
    )


class ProcessingLogPageSerializer(serializers.Serializer[Any]):
    next = serializers.URLField(
        allow_null=True, help_text="Oudere logregels (cursor after); null op de laatste pagina."
    )
    previous = serializers.URLField(
        allow_null=True, help_text="Nieuwere logregels (cursor before); null op de eerste."
    )
    results = LogboekSpanSerializer(many=True, help_text="Nieuwste eerst.")
