"""Serializers of the network-events API. Staff appear as function – organisation – mailbox;
the case material only for those who may read it (``case_material_visible``). Input texts are
checked by the services (person data, length) with Dutch messages per field."""

from typing import Any

from rest_framework import serializers

from schakel.api.base import free_text
from schakel.api.fields import OrganisationRefSerializer
from schakel.network_events.choices import EventKind, EventStatus, FollowUpStatus


class NetworkParticipantSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField(help_text="Id van het lidmaatschap.")
    display = serializers.CharField(help_text="Functie – organisatie (mailbox).")


class NetworkEventSerializer(serializers.Serializer[Any]):
    """A network event as listed: no case material, no participants."""

    id = serializers.UUIDField()
    collaboration = serializers.UUIDField(source="collaboration_id")
    kind = serializers.ChoiceField(choices=EventKind.choices)
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    location = serializers.CharField(help_text="Plaats, of de link bij een online bijeenkomst.")
    online = serializers.BooleanField()
    organiser = OrganisationRefSerializer()
    status = serializers.ChoiceField(choices=EventStatus.choices)
    recorded_at = serializers.DateTimeField(allow_null=True)
    cancelled_at = serializers.DateTimeField(allow_null=True)


class NetworkLearningPointSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    event = serializers.UUIDField(source="event_id")
    theme = serializers.CharField()
    text = serializers.CharField()
    organisations = OrganisationRefSerializer(many=True, help_text="Leeg: voor alle partners.")
    created_at = serializers.DateTimeField()


class NetworkFollowUpSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    event = serializers.UUIDField(source="event_id")
    text = serializers.CharField()
    owner = OrganisationRefSerializer()
    due_on = serializers.DateField()
    status = serializers.ChoiceField(choices=FollowUpStatus.choices)
    completed_at = serializers.DateTimeField(allow_null=True)


class NetworkEventDetailSerializer(NetworkEventSerializer):
    purpose = serializers.CharField()
    organisations = OrganisationRefSerializer(many=True)
    participants = NetworkParticipantSerializer(many=True)
    case_material_visible = serializers.BooleanField(
        help_text="U leest het casusmateriaal: als deelnemende medewerker, organisator of "
        "beheerder van het samenwerkingsverband."
    )
    case_material = serializers.CharField(
        allow_null=True, help_text="Null als u het casusmateriaal niet mag lezen."
    )
    discussion = serializers.CharField(allow_blank=True, help_text="Het verslag.")
    learning_points = NetworkLearningPointSerializer(many=True)
    follow_ups = NetworkFollowUpSerializer(many=True)
    may_manage = serializers.BooleanField(help_text="U mag plannen, wijzigen en vastleggen.")


def _ids(help_text: str, *, required: bool = True) -> serializers.ListField:
    if required:
        return serializers.ListField(child=serializers.UUIDField(), help_text=help_text)
    return serializers.ListField(
        child=serializers.UUIDField(), required=False, default=list, help_text=help_text
    )


class NetworkEventInputSerializer(serializers.Serializer[Any]):
    collaboration = serializers.UUIDField(help_text="Id van het samenwerkingsverband.")
    kind = serializers.ChoiceField(choices=EventKind.choices)
    title = free_text("Titel, zonder persoonsgegevens.")
    starts_at = serializers.DateTimeField(help_text="Datum en begintijd.")
    location = free_text("Plaats, of de link bij een online bijeenkomst.")
    online = serializers.BooleanField(required=False, default=False)
    organiser = serializers.UUIDField(
        help_text="Id van een lid van het samenwerkingsverband; wie het niet beheert kiest de "
        "eigen organisatie."
    )
    purpose = free_text("Doel.")
    case_material = free_text(
        "Verzonnen of geanonimiseerd casusmateriaal: geen namen, geboortedata, adressen, BSN, "
        "scholen of herkenbare details."
    )
    organisations = _ids("Ids van de deelnemende organisaties (leden van het verband).")
    participants = _ids(
        "Ids van lidmaatschappen van medewerkers van de deelnemende organisaties.", required=False
    )


class NetworkEventUpdateSerializer(serializers.Serializer[Any]):
    """A change of a planned event: any of the fields; the rest stays."""

    kind = serializers.ChoiceField(choices=EventKind.choices, required=False)
    title = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    starts_at = serializers.DateTimeField(required=False)
    location = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    online = serializers.BooleanField(required=False)
    organiser = serializers.UUIDField(required=False)
    purpose = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    case_material = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    organisations = serializers.ListField(child=serializers.UUIDField(), required=False)
    participants = serializers.ListField(child=serializers.UUIDField(), required=False)


class NetworkEventRecordSerializer(serializers.Serializer[Any]):
    discussion = free_text("Wat is besproken, zonder persoonsgegevens.")


class NetworkLearningPointInputSerializer(serializers.Serializer[Any]):
    text = free_text("Het leerpunt.")
    theme = free_text("Thema, zoals „Wettelijke kaders”.")
    organisations = _ids("Ids van organisaties waarvoor het leerpunt geldt.", required=False)


class NetworkFollowUpInputSerializer(serializers.Serializer[Any]):
    text = free_text("De vervolgactie.")
    owner = serializers.UUIDField(help_text="Id van de organisatie die de actie uitvoert.")
    due_on = serializers.DateField(help_text="Uiterlijk op.")
