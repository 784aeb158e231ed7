"""Serializers of the meetings API. Inputs check the shape and resolve ids to what the caller
may use; the services check every rule again (the person-data check, lengths, the schedule).
Staff appear as function – organisation (mailbox) only."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.api.base import free_text
from schakel.api.fields import OrganisationRefSerializer, ScopedPrimaryKeyField
from schakel.collaboration.selectors import collaborations_of
from schakel.network.models import Organisation
from schakel.regional_meetings import selectors
from schakel.regional_meetings.choices import ActionStatus, AttachmentPart, MeetingStatus
from schakel.regional_meetings.models import Meeting, MeetingAttachment

NOT_FOUND = _("Onbekend of niet zichtbaar voor u.")


def _organisations(membership: Membership | None) -> Any:
    return Organisation.objects.filter(collaborations__in=collaborations_of(membership)).distinct()


def _staff(membership: Membership | None) -> Any:
    return Membership.objects.active().filter(organisation__in=_organisations(membership))


def scoped(scope: Any, help_text: str, **kwargs: Any) -> ScopedPrimaryKeyField:
    return ScopedPrimaryKeyField(scope=scope, message=NOT_FOUND, help_text=help_text, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class StaffField(serializers.Field):  # type: ignore[type-arg]
    """A membership shown as function – organisation (mailbox)."""

    def to_representation(self, value: Membership) -> str:
        return staff_display(value.user, value.organisation)


@extend_schema_field({"type": "string", "format": "time-local", "example": "10:00"})
class LocalTimeField(serializers.TimeField):
    """A time of day in Dutch local time (Europe/Amsterdam), without a zone."""


class WorkingGroupRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()


class WorkingGroupSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    collaboration = serializers.UUIDField(source="collaboration_id")
    name = serializers.CharField()
    theme = serializers.CharField()
    purpose = serializers.CharField()
    members = serializers.SerializerMethodField(help_text="Functie – organisatie (postbus).")

    def get_members(self, group: Any) -> list[str]:
        return [
            staff_display(m.user, m.organisation)
            for m in group.members.select_related("user", "organisation")
        ]


class WorkingGroupInputSerializer(serializers.Serializer[Any]):
    collaboration = serializers.UUIDField(help_text="Het samenwerkingsverband.")
    name = free_text("Naam.")
    theme = free_text("Thema.")
    purpose = free_text("Doel (anoniem).")
    members = serializers.ListField(
        child=scoped(_staff, "Een lidmaatschap van een organisatie in het verband."),
        required=False,
        default=list,
    )


class NetworkSeriesSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    collaboration = serializers.UUIDField(source="collaboration_id")
    working_group = WorkingGroupRefSerializer(allow_null=True)
    title = serializers.CharField()
    place = serializers.CharField()
    first_on = serializers.DateField()
    start_time = LocalTimeField(format="%H:%M")
    duration_minutes = serializers.IntegerField()
    interval_weeks = serializers.IntegerField()
    until = serializers.DateField(allow_null=True)
    count = serializers.IntegerField(allow_null=True)


class NetworkSeriesInputSerializer(serializers.Serializer[Any]):
    collaboration = serializers.UUIDField(required=False, help_text="Alleen bij plannen.")
    working_group = scoped(
        selectors.groups_for,
        "Een werkgroep van het verband (niet verplicht).",
        required=False,
        allow_null=True,
        default=None,
    )
    title = free_text("Titel.")
    place = free_text("Plaats, of „Online”.")
    first_on = serializers.DateField()
    start_time = LocalTimeField()
    duration_minutes = serializers.IntegerField(min_value=1, max_value=1440)
    interval_weeks = serializers.IntegerField(min_value=1, max_value=520)
    until = serializers.DateField(required=False, allow_null=True, default=None)
    count = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=10_000
    )


class NetworkMeetingSerializer(serializers.Serializer[Meeting]):
    id = serializers.UUIDField()
    collaboration = serializers.UUIDField(source="collaboration_id")
    working_group = WorkingGroupRefSerializer(allow_null=True)
    series = serializers.UUIDField(source="series_id", allow_null=True)
    title = serializers.CharField()
    place = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=MeetingStatus.choices)
    reason = serializers.CharField()


class NetworkAgendaItemSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    position = serializers.IntegerField()
    title = serializers.CharField()
    explanation = serializers.CharField()
    introduced_by = OrganisationRefSerializer(allow_null=True)


class NetworkAgendaItemInputSerializer(serializers.Serializer[Any]):
    title = free_text("Titel.")
    explanation = free_text("Toelichting (anoniem).")
    introduced_by = scoped(
        _organisations,
        "Organisatie die het punt inbrengt.",
        required=False,
        allow_null=True,
        default=None,
    )


class NetworkAttachmentSerializer(serializers.Serializer[MeetingAttachment]):
    id = serializers.UUIDField()
    part = serializers.ChoiceField(choices=AttachmentPart.choices)
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    created_at = serializers.DateTimeField()


class NetworkAttachmentInputSerializer(serializers.Serializer[Any]):
    part = serializers.ChoiceField(choices=AttachmentPart.choices)
    file = serializers.FileField(help_text="PDF, ODT of DOCX; gekeken naar de inhoud.")


class NetworkDecisionSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    number = serializers.IntegerField()
    text = serializers.CharField()


class NetworkDecisionInputSerializer(serializers.Serializer[Any]):
    text = free_text("Het besluit (anoniem).")


class NetworkActionPointSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    meeting = serializers.UUIDField(source="meeting_id")
    description = serializers.CharField()
    owner = OrganisationRefSerializer()
    owner_membership = StaffField(allow_null=True)
    due_on = serializers.DateField()
    status = serializers.ChoiceField(choices=ActionStatus.choices)


class NetworkActionPointInputSerializer(serializers.Serializer[Any]):
    description = free_text("De actie (anoniem).")
    owner = scoped(_organisations, "Organisatie die het oppakt.", allow_null=True)
    owner_membership = scoped(
        _staff,
        "Iemand van die organisatie (niet verplicht).",
        required=False,
        allow_null=True,
        default=None,
    )
    due_on = serializers.DateField(allow_null=True)


class NetworkActionStatusSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ActionStatus.choices)


class NetworkMinutesSerializer(serializers.Serializer[Any]):
    minutes = serializers.CharField(
        allow_blank=True, max_length=50_000, trim_whitespace=False, help_text="Anoniem."
    )


class NetworkMoveSerializer(serializers.Serializer[Any]):
    starts_at = serializers.DateTimeField()
    reason = free_text("Reden (anoniem).")


class NetworkCancelSerializer(serializers.Serializer[Any]):
    reason = free_text("Reden (anoniem).")


class NetworkMeetingInputSerializer(serializers.Serializer[Any]):
    collaboration = serializers.UUIDField()
    working_group = scoped(
        selectors.groups_for,
        "Werkgroep (niet verplicht).",
        required=False,
        allow_null=True,
        default=None,
    )
    title = free_text("Titel.")
    place = free_text("Plaats.")
    starts_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField(min_value=1, max_value=1440)


class NetworkMeetingDetailSerializer(NetworkMeetingSerializer):
    minutes = serializers.CharField()
    agenda_items = NetworkAgendaItemSerializer(many=True)
    attachments = NetworkAttachmentSerializer(many=True)
    decisions = NetworkDecisionSerializer(many=True)
    action_points = NetworkActionPointSerializer(many=True)
    may_edit = serializers.BooleanField()
