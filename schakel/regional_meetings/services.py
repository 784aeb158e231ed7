"""Writes of the meetings: each checks who acts (``PermissionDenied`` otherwise, a 404 on the
pages and in the API), checks every free text for person data (``validate_no_person_data``)
and saves in one transaction. Writes that name staff (a working group's members, an action
point's owner) are logged as processing of staff data."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.audit.services import employee, log_processing
from schakel.collaboration.selectors import roles_in
from schakel.core import uploads
from schakel.core.person_data import validate_no_person_data
from schakel.core.validators import (
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    Errors,
    check_length,
    collect,
    validate_no_control_characters,
)
from schakel.network.models import Collaboration, Organisation
from schakel.regional_meetings import permissions, schedule
from schakel.regional_meetings.activities import MeetingActivity
from schakel.regional_meetings.choices import ActionStatus, AttachmentPart, MeetingStatus
from schakel.regional_meetings.models import (
    ActionPoint,
    AgendaItem,
    Decision,
    Meeting,
    MeetingAttachment,
    MeetingSeries,
    WorkingGroup,
)

MAX_INTERVAL_WEEKS = 52
MAX_COUNT = 200
MIN_DURATION, MAX_DURATION = 15, 12 * 60


def _text(errors: Errors, name: str, value: str, *, maximum: int, required: bool = True) -> None:
    if required and not value.strip():
        errors.setdefault(name, []).append(_("Vul dit veld in."))
        return
    check_length(errors, name, value, maximum)
    collect(errors, name, validate_no_control_characters, value)
    collect(errors, name, validate_no_person_data, value)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _require_edit(
    membership: Membership, collaboration: Collaboration, group: WorkingGroup | None
) -> None:
    if not permissions.may_edit(membership, roles_in(membership, collaboration), group):
        raise PermissionDenied


def _check_group(collaboration: Collaboration, group: WorkingGroup | None) -> None:
    if group is not None and group.collaboration_id != collaboration.pk:
        raise PermissionDenied


def _member_organisation(
    errors: Errors, name: str, collaboration: Collaboration, org: Organisation | None
) -> None:
    if org is not None and not collaboration.members.filter(pk=org.pk).exists():
        errors.setdefault(name, []).append(
            _("Kies een organisatie die lid is van het samenwerkingsverband.")
        )


# Working groups ---------------------------------------------------------------------------


def group_save(
    *,
    membership: Membership,
    collaboration: Collaboration,
    group: WorkingGroup | None = None,
    name: str,
    theme: str,
    purpose: str,
    members: Iterable[Membership],
) -> WorkingGroup:
    if not permissions.may_keep_groups(roles_in(membership, collaboration)):
        raise PermissionDenied
    members = list(members)
    errors: Errors = {}
    _text(errors, "name", name, maximum=NAME_MAX_LENGTH)
    _text(errors, "theme", theme, maximum=NAME_MAX_LENGTH, required=False)
    _text(errors, "purpose", purpose, maximum=TEXT_MAX_LENGTH, required=False)
    member_orgs = set(collaboration.members.values_list("pk", flat=True))
    if any(m.organisation_id not in member_orgs for m in members):
        errors.setdefault("members", []).append(
            _("Leden van een werkgroep werken voor een organisatie in het samenwerkingsverband.")
        )
    _raise(errors)
    with transaction.atomic():
        if group is None:
            group = WorkingGroup(collaboration=collaboration)
        group.name, group.theme, group.purpose = name.strip(), theme.strip(), purpose.strip()
        group.save()
        before = set(group.members.values_list("pk", flat=True))
        group.members.set(members)
        changed = [m for m in members if m.pk not in before]
        removed = list(Membership.objects.filter(pk__in=before - {m.pk for m in members}))
        if changed or removed:
            log_processing(
                activity=MeetingActivity.NETWORK_MEETINGS,
                name="working_group_members_changed",
                by=membership.user,
                subjects=[employee(m.user) for m in changed + removed],
                attributes={"working_group": str(group.pk)},
            )
    return group


# Series and meetings ----------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesInput:
    title: str
    place: str
    first_on: date
    start_time: time
    duration_minutes: int
    interval_weeks: int
    until: date | None
    count: int | None
    working_group: WorkingGroup | None = None


def _check_series(data: SeriesInput) -> Errors:
    errors: Errors = {}
    _text(errors, "title", data.title, maximum=NAME_MAX_LENGTH)
    _text(errors, "place", data.place, maximum=NAME_MAX_LENGTH)
    if not MIN_DURATION <= data.duration_minutes <= MAX_DURATION:
        errors["duration_minutes"] = [_("Een overleg duurt 15 minuten tot 12 uur.")]
    if not 1 <= data.interval_weeks <= MAX_INTERVAL_WEEKS:
        errors["interval_weeks"] = [_("Kies om de 1 tot 52 weken.")]
    if (data.until is None) == (data.count is None):
        errors.setdefault("until", []).append(
            _("Vul een einddatum of een aantal keer in, niet allebei.")
        )
    if data.until is not None and data.until < data.first_on:
        errors.setdefault("until", []).append(_("De einddatum ligt voor de eerste datum."))
    if data.count is not None and not 1 <= data.count <= MAX_COUNT:
        errors["count"] = [_("Kies 1 tot 200 keer.")]
    return errors


def series_save(
    *,
    membership: Membership,
    collaboration: Collaboration,
    data: SeriesInput,
    series: MeetingSeries | None = None,
) -> MeetingSeries:
    """Plan a series or change it; its occurrences are generated again (``schedule``)."""
    _check_group(collaboration, data.working_group)
    _require_edit(membership, collaboration, data.working_group)
    if series is not None:
        _require_edit(membership, collaboration, series.working_group)
    _raise(_check_series(data))
    created = series is None
    with transaction.atomic():
        if series is None:
            series = MeetingSeries(collaboration=collaboration)
        for field in SeriesInput.__dataclass_fields__:
            value = getattr(data, field)
            setattr(series, field, value.strip() if isinstance(value, str) else value)
        series.save()
        schedule.regenerate(series, created=created)
    return series


def _check_when(errors: Errors, starts_at: datetime | None, duration_minutes: int) -> None:
    if starts_at is None:
        errors["starts_at"] = [_("Vul de datum en tijd in.")]
    if not MIN_DURATION <= duration_minutes <= MAX_DURATION:
        errors["duration_minutes"] = [_("Een overleg duurt 15 minuten tot 12 uur.")]


def meeting_create(
    *,
    membership: Membership,
    collaboration: Collaboration,
    title: str,
    place: str,
    starts_at: datetime,
    duration_minutes: int,
    working_group: WorkingGroup | None = None,
) -> Meeting:
    """A one-off meeting (no series)."""
    _check_group(collaboration, working_group)
    _require_edit(membership, collaboration, working_group)
    errors: Errors = {}
    _text(errors, "title", title, maximum=NAME_MAX_LENGTH)
    _text(errors, "place", place, maximum=NAME_MAX_LENGTH)
    _check_when(errors, starts_at, duration_minutes)
    _raise(errors)
    return Meeting.objects.create(
        collaboration=collaboration,
        working_group=working_group,
        title=title.strip(),
        place=place.strip(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
    )


def require_meeting_edit(membership: Membership, meeting: Meeting) -> None:
    _require_edit(membership, meeting.collaboration, meeting.working_group)


def meeting_move(
    *, membership: Membership, meeting: Meeting, starts_at: datetime, reason: str
) -> Meeting:
    require_meeting_edit(membership, meeting)
    errors: Errors = {}
    if meeting.status == MeetingStatus.CANCELLED:
        errors["starts_at"] = [_("Een geannuleerd overleg kunt u niet verplaatsen.")]
    _check_when(errors, starts_at, meeting.duration_minutes)
    _text(errors, "reason", reason, maximum=TEXT_MAX_LENGTH)
    _raise(errors)
    meeting.starts_at, meeting.reason = starts_at, reason.strip()
    meeting.status = MeetingStatus.MOVED
    meeting.save()
    return meeting


def meeting_cancel(*, membership: Membership, meeting: Meeting, reason: str) -> Meeting:
    require_meeting_edit(membership, meeting)
    errors: Errors = {}
    if meeting.status == MeetingStatus.CANCELLED:
        errors["reason"] = [_("Dit overleg is al geannuleerd.")]
    _text(errors, "reason", reason, maximum=TEXT_MAX_LENGTH)
    _raise(errors)
    meeting.status, meeting.reason = MeetingStatus.CANCELLED, reason.strip()
    meeting.save()
    return meeting


# Agenda, minutes, attachments -------------------------------------------------------------


def agenda_item_add(
    *,
    membership: Membership,
    meeting: Meeting,
    title: str,
    explanation: str,
    introduced_by: Organisation | None,
) -> AgendaItem:
    require_meeting_edit(membership, meeting)
    errors: Errors = {}
    _text(errors, "title", title, maximum=NAME_MAX_LENGTH)
    _text(errors, "explanation", explanation, maximum=TEXT_MAX_LENGTH, required=False)
    _member_organisation(errors, "introduced_by", meeting.collaboration, introduced_by)
    _raise(errors)
    with transaction.atomic():
        last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
        return AgendaItem.objects.create(
            meeting=meeting,
            position=last + 1,
            title=title.strip(),
            explanation=explanation.strip(),
            introduced_by=introduced_by,
        )


def minutes_save(*, membership: Membership, meeting: Meeting, minutes: str) -> Meeting:
    require_meeting_edit(membership, meeting)
    errors: Errors = {}
    _text(errors, "minutes", minutes, maximum=50_000, required=False)
    _raise(errors)
    meeting.minutes = minutes.strip()
    meeting.save(update_fields=["minutes", "updated_at"])
    return meeting


def attachment_add(
    *, membership: Membership, meeting: Meeting, part: str, upload: UploadedFile[bytes]
) -> MeetingAttachment:
    """Check the file by its content and size and store it; nothing stays behind when it is
    refused or recording it fails (``uploads.saved``)."""
    require_meeting_edit(membership, meeting)
    if part not in AttachmentPart.values:
        raise ValidationError({"part": [_("Kies agenda of notulen.")]})
    try:
        with uploads.saved(upload) as file, transaction.atomic():
            return MeetingAttachment.objects.create(meeting=meeting, part=part, **file.fields())
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise
        raise ValidationError({"file": error.messages}) from None


def attachment_remove(*, membership: Membership, attachment: MeetingAttachment) -> None:
    require_meeting_edit(membership, attachment.meeting)
    with transaction.atomic():
        uploads.remove(attachment)
        attachment.delete()


# Decisions and action points ---------------------------------------------------------------


def decision_add(*, membership: Membership, meeting: Meeting, text: str) -> Decision:
    require_meeting_edit(membership, meeting)
    errors: Errors = {}
    _text(errors, "text", text, maximum=TEXT_MAX_LENGTH)
    _raise(errors)
    with transaction.atomic():
        last = meeting.decisions.aggregate(last=Max("number"))["last"] or 0
        return Decision.objects.create(meeting=meeting, number=last + 1, text=text.strip())


def action_add(
    *,
    membership: Membership,
    meeting: Meeting,
    description: str,
    owner: Organisation | None,
    owner_membership: Membership | None,
    due_on: date | None,
) -> ActionPoint:
    require_meeting_edit(membership, meeting)
    errors: Errors = {}
    _text(errors, "description", description, maximum=TEXT_MAX_LENGTH)
    if owner is None:
        errors["owner"] = [_("Kies de organisatie die het actiepunt oppakt.")]
    _member_organisation(errors, "owner", meeting.collaboration, owner)
    if owner_membership is not None and (
        owner is None or owner_membership.organisation_id != owner.pk
    ):
        errors["owner_membership"] = [_("Kies iemand van de organisatie die eigenaar is.")]
    if due_on is None:
        errors["due_on"] = [_("Vul de datum in waarop het actiepunt klaar is.")]
    _raise(errors)
    assert owner is not None
    assert due_on is not None
    with transaction.atomic():
        action = ActionPoint.objects.create(
            meeting=meeting,
            description=description.strip(),
            owner=owner,
            owner_membership=owner_membership,
            due_on=due_on,
        )
        if owner_membership is not None:
            log_processing(
                activity=MeetingActivity.NETWORK_MEETINGS,
                name="network_action_point_assigned",
                by=membership.user,
                subjects=[employee(owner_membership.user)],
                attributes={"action_point": str(action.pk)},
            )
    return action


def action_set_status(*, membership: Membership, action: ActionPoint, status: str) -> ActionPoint:
    roles = roles_in(membership, action.meeting.collaboration)
    if not permissions.may_finish_action(membership, roles, action):
        raise PermissionDenied
    if status not in ActionStatus.values:
        raise ValidationError({"status": [_("Kies open of afgerond.")]})
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    return action
