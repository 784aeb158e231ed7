"""Writes on consultation meetings: schedule, agenda, invitations, confidentiality
acknowledgment, attendance, decisions and the meeting's status."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership, User
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import MeetingStatus, ParticipationKind
from schakel.cases.models import (
    AgendaItem,
    Case,
    ConsultationMeeting,
    Invitation,
    ItemDecision,
    MeetingAttendance,
    Participation,
)
from schakel.cases.services import CaseStateError, subject_of, text_errors
from schakel.intake.choices import DataCategory
from schakel.network.models import Organisation

PLACE_MAX_LENGTH = 200
# An incidental partner may read its item until at most this long after the meeting (e.g. to
# check the minutes); longer involvement is a participation decided on the case.
INVITATION_AFTER_MEETING = timedelta(days=30)


@dataclass(frozen=True)
class MeetingInput:
    starts_at: datetime
    ends_at: datetime
    place: str
    chair: User
    minute_taker: User | None = None


def _works_for(user: User | None, organisation: Organisation) -> bool:
    return (
        user is not None
        and Membership.objects.active().filter(user=user, organisation=organisation).exists()
    )


def _validate_meeting(data: MeetingInput, zvh: Organisation) -> None:
    errors: dict[str, list[str]] = {}
    # Chair and minute taker appear in documents as a function of the ZVH (staff display).
    if not _works_for(data.chair, zvh):
        errors["chair"] = [_("De voorzitter werkt voor het Zorg- en Veiligheidshuis.")]
    if data.minute_taker is not None and not _works_for(data.minute_taker, zvh):
        errors["minute_taker"] = [_("De notulist werkt voor het Zorg- en Veiligheidshuis.")]
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = [_("De eindtijd ligt vóór de begintijd.")]
    if not data.place.strip():
        errors["place"] = [_("Vul de plaats of de verbinding in.")]
    elif len(data.place) > PLACE_MAX_LENGTH:
        errors["place"] = [_("Maximaal 200 tekens.")]
    text_errors(errors, "place", data.place)
    if errors:
        raise ValidationError(errors)


def meeting_schedule(*, membership: Membership, data: MeetingInput) -> ConsultationMeeting:
    """A process director plans a consultation of their ZVH."""
    if not permissions.may_schedule_meeting(membership):
        raise PermissionDenied
    _validate_meeting(data, membership.organisation)
    with transaction.atomic():
        meeting = ConsultationMeeting.objects.create(
            zvh=membership.organisation,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            place=data.place.strip(),
            chair=data.chair,
            minute_taker=data.minute_taker,
        )
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION, name="meeting_scheduled", by=membership.user
        )
    return meeting


def meeting_set_status(
    *, membership: Membership, meeting: ConsultationMeeting, status: str
) -> ConsultationMeeting:
    if not permissions.runs_meeting(membership, meeting):
        raise PermissionDenied
    if status not in MeetingStatus.values or meeting.status != MeetingStatus.PLANNED:
        raise ValidationError({"status": [_("Deze statuswijziging is nu niet mogelijk.")]})
    with transaction.atomic():
        updated = ConsultationMeeting.objects.filter(
            pk=meeting.pk, status=MeetingStatus.PLANNED
        ).update(status=status, updated_at=timezone.now())
        if not updated:
            raise CaseStateError
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="meeting_status",
            by=membership.user,
            attributes={"status": status},
        )
    meeting.refresh_from_db()
    return meeting


def agenda_item_add(
    *, membership: Membership, meeting: ConsultationMeeting, case: Case
) -> AgendaItem:
    """Put a case of this ZVH on the agenda; its structural partners are invited to it."""
    if not permissions.may_edit_agenda(membership, meeting):
        raise PermissionDenied
    if case.zvh_id != meeting.zvh_id or case.is_closed:
        raise ValidationError({"case": [_("Deze casus kan niet op deze agenda.")]})
    meeting_day = timezone.localtime(meeting.starts_at).date()
    today = timezone.localdate()
    try:
        with transaction.atomic():
            position = (meeting.agenda_items.count() + 1) * 10
            item = AgendaItem.objects.create(meeting=meeting, case=case, position=position)
            structural = Participation.objects.filter(
                case=case, kind=ParticipationKind.STRUCTURAL, ends_on__isnull=True
            ).values_list("organisation_id", flat=True)
            Invitation.objects.bulk_create(
                Invitation(
                    agenda_item=item,
                    organisation_id=org,
                    kind=ParticipationKind.STRUCTURAL,
                    valid_from=min(today, meeting_day),
                    valid_until=max(today, meeting_day),
                    invited_by=membership.user,
                )
                for org in set(structural)
            )
            audit.log_processing(
                activity=CaseActivity.CASE_CONSULTATION,
                name="agenda_item_added",
                by=membership.user,
                subjects=[subject_of(case)],
            )
    except IntegrityError:
        raise ValidationError({"case": [_("Deze casus staat al op de agenda.")]}) from None
    return item


@dataclass(frozen=True)
class InvitationInput:
    organisation: Organisation
    valid_from: date
    valid_until: date


def invitation_add(
    *, membership: Membership, item: AgendaItem, data: InvitationInput
) -> Invitation:
    """Invite an incidental partner to one agenda item, for a period: it sees this item only,
    only then. The invitation is also recorded as an incidental participation in the case."""
    if not permissions.may_edit_agenda(membership, item.meeting):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if data.valid_until < data.valid_from:
        errors["valid_until"] = [_("De einddatum ligt vóór de begindatum.")]
    if data.valid_until < timezone.localdate():
        errors["valid_until"] = [_("Deze periode is al voorbij.")]
    latest = timezone.localtime(item.meeting.ends_at).date() + INVITATION_AFTER_MEETING
    if data.valid_until > latest:
        errors["valid_until"] = [
            _("Een incidentele uitnodiging loopt tot uiterlijk %(days)s dagen na het overleg.")
            % {"days": INVITATION_AFTER_MEETING.days}
        ]
    if data.organisation.pk in {item.case.directing_municipality_id, item.case.zvh_id}:
        errors["organisation"] = [_("Deze organisatie zit al aan tafel voor deze casus.")]
    if not data.organisation.is_active:
        errors["organisation"] = [_("Deze organisatie is niet actief.")]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                agenda_item=item,
                organisation=data.organisation,
                kind=ParticipationKind.INCIDENTAL,
                valid_from=data.valid_from,
                valid_until=data.valid_until,
                invited_by=membership.user,
            )
            Participation.objects.create(
                case=item.case,
                organisation=data.organisation,
                kind=ParticipationKind.INCIDENTAL,
                starts_on=data.valid_from,
                ends_on=data.valid_until,
                added_by=membership.user,
            )
            audit.log_processing(
                activity=CaseActivity.CASE_CONSULTATION,
                name="invitation_added",
                by=membership.user,
                subjects=[subject_of(item.case)],
                attributes={"kind": ParticipationKind.INCIDENTAL},
            )
    except IntegrityError:
        raise ValidationError(
            {"organisation": [_("Deze organisatie is al uitgenodigd voor dit agendapunt.")]}
        ) from None
    return invitation


def meeting_acknowledge(
    *, membership: Membership, meeting: ConsultationMeeting
) -> MeetingAttendance:
    """Record the confidentiality acknowledgment, the first time someone opens the meeting."""
    with transaction.atomic():
        attendance, created = MeetingAttendance.objects.get_or_create(
            meeting=meeting,
            user=membership.user,
            defaults={
                "organisation": membership.organisation,
                "acknowledged_at": timezone.now(),
            },
        )
        if created:
            audit.log_processing(
                activity=CaseActivity.CASE_CONSULTATION,
                name="meeting_confidentiality_acknowledged",
                by=membership.user,
            )
    return attendance


def has_acknowledged(*, user: User, meeting: ConsultationMeeting) -> bool:
    return MeetingAttendance.objects.filter(meeting=meeting, user=user).exists()


def attendance_record(
    *, membership: Membership, meeting: ConsultationMeeting, present: dict[object, bool]
) -> None:
    """Who was there: the chair or minute taker ticks the attendees who acknowledged."""
    if not permissions.runs_meeting(membership, meeting):
        raise PermissionDenied
    with transaction.atomic():
        for attendance in MeetingAttendance.objects.filter(meeting=meeting):
            if attendance.pk in present and attendance.present != present[attendance.pk]:
                attendance.present = present[attendance.pk]
                attendance.save(update_fields=["present", "updated_at"])
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="meeting_attendance_recorded",
            by=membership.user,
            attributes={"present": sum(present.values())},
        )


def decision_record(
    *, membership: Membership, item: AgendaItem, text: str, category: str
) -> ItemDecision:
    if not permissions.may_minute(membership, item):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if not text.strip():
        errors["text"] = [_("Vul het besluit in.")]
    text_errors(errors, "text", text)
    if category not in DataCategory.values:
        errors["category"] = [_("Kies de categorie van het besluit.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        decision = ItemDecision.objects.create(
            agenda_item=item, text=text.strip(), text_category=category, recorded_by=membership.user
        )
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="decision_recorded",
            by=membership.user,
            subjects=[subject_of(item.case)],
        )
    return decision
