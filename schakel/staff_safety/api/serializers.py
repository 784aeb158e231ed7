"""Serializers of the staff-safety API. Staff are shown by name only inside their own
organisation, and only to those who see an incident in full; the functional admin gets null
for who, by whom and what (see docs/staff-safety.md)."""

from typing import Any

from rest_framework import serializers

from schakel.api.base import free_text
from schakel.staff_safety import selectors, services
from schakel.staff_safety.choices import IncidentChannel, IncidentKind, IncidentStatus, SupportKind
from schakel.staff_safety.models import Incident, SafetyProtocol


class PoliceReportSerializer(serializers.Serializer[Incident]):
    filed = serializers.BooleanField(source="police_report_filed")
    filed_on = serializers.DateField(source="police_report_on", allow_null=True)
    employer_details_used = serializers.BooleanField(
        help_text="Aangifte gedaan met de gegevens van de werkgever in plaats van het woonadres."
    )


class IncidentSerializer(serializers.Serializer[Incident]):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    occurred_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=IncidentKind.choices)
    channel = serializers.ChoiceField(choices=IncidentChannel.choices)
    status = serializers.ChoiceField(choices=IncidentStatus.choices)
    access = serializers.ChoiceField(
        choices=[a.value for a in selectors.Access],
        help_text="full: alles; limited (functioneel beheerder): zonder wie, door wie en wat.",
    )
    staff_member = serializers.CharField(
        source="staff_member.full_name", allow_null=True, help_text="Naam; null bij limited."
    )
    recorded_by = serializers.CharField(
        source="recorded_by.full_name", allow_null=True, help_text="Naam; null bij limited."
    )
    description = serializers.CharField(allow_null=True)
    police_report = PoliceReportSerializer(source="*")
    employer_details_note = serializers.CharField(allow_null=True)
    support = serializers.ListField(child=serializers.ChoiceField(choices=SupportKind.choices))
    support_note = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()

    def to_representation(self, instance: Incident) -> dict[str, Any]:
        data = super().to_representation(instance)
        if data["access"] != selectors.Access.FULL:
            for name in ("staff_member", "recorded_by", "description"):
                data[name] = None
            data["employer_details_note"] = None
            data["support_note"] = None
        return data


def shown(incident: Incident, access: selectors.Access) -> Incident:
    """The incident with how much of it the caller sees (the serializer leaves out the rest)."""
    incident.access = access.value  # type: ignore[attr-defined]
    return incident


class FollowUpFieldsSerializer(serializers.Serializer[Any]):
    police_report_filed = serializers.BooleanField(required=False, default=False)
    police_report_on = serializers.DateField(required=False, allow_null=True, default=None)
    employer_details_used = serializers.BooleanField(required=False, default=False)
    employer_details_note = free_text("Toelichting bij de aangifte.")
    support = serializers.ListField(
        child=serializers.ChoiceField(choices=SupportKind.choices), required=False, default=list
    )
    support_note = free_text("Toelichting bij de ondersteuning.")

    def follow_up(self) -> services.FollowUpInput:
        data = self.validated_data
        return services.FollowUpInput(
            police_report_filed=data["police_report_filed"],
            police_report_on=data["police_report_on"],
            employer_details_used=data["employer_details_used"],
            employer_details_note=data["employer_details_note"],
            support=tuple(data["support"]),
            support_note=data["support_note"],
        )


class IncidentInputSerializer(FollowUpFieldsSerializer):
    staff_member = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=(
            "Gebruiker over wie de melding gaat; leeg: uzelf. Alleen de functioneel beheerder en "
            "de veiligheidscoördinator melden namens een collega van de eigen organisatie."
        ),
    )
    occurred_on = serializers.DateField(required=False, allow_null=True, default=None)
    kind = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Soort incident (IncidentKind)."
    )
    channel = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Kanaal (IncidentChannel)."
    )
    description = free_text("Wat er gebeurde, zonder persoonsgegevens van dader of betrokkene.")


class FollowUpInputSerializer(FollowUpFieldsSerializer):
    status = serializers.ChoiceField(choices=IncidentStatus.choices)


class ProtocolSerializer(serializers.Serializer[SafetyProtocol]):
    organisation = serializers.CharField(source="organisation.name")
    report_mailbox = serializers.EmailField()
    officer_function = serializers.CharField()
    officer_mailbox = serializers.EmailField()
    employer_name = serializers.CharField()
    employer_address = serializers.CharField()
    when_threatened = serializers.CharField()
    public_documents = serializers.CharField()
    updated_at = serializers.DateTimeField()


class FiguresRowSerializer(serializers.Serializer[Any]):
    quarter = serializers.IntegerField()
    counts = serializers.DictField(
        child=serializers.CharField(), help_text="Per soort: een aantal, of „< 5”."
    )
    total = serializers.CharField(allow_null=True, help_text="null: niet getoond.")


class FiguresSerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField()
    rows = FiguresRowSerializer(many=True)
    kind_totals = serializers.DictField(child=serializers.CharField(allow_null=True))
    total = serializers.CharField(allow_null=True)
