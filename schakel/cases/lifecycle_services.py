"""The life of a case after it opened: informing the person, reviews and reassessments,
monitoring, de-escalation and closure. Each write is one transaction with its log record."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
)
from schakel.cases.models import Case, Invitation, Participation
from schakel.cases.services import (
    REASSESSMENT_INTERVAL,
    CaseStateError,
    _check_open,
    subject_of,
    text_errors,
)
from schakel.network.models import Organisation


@dataclass(frozen=True)
class InformingInput:
    status: str
    informed_on: date | None = None
    informed_by: Organisation | None = None
    note: str = ""
    reconsider_on: date | None = None


def case_record_informing(*, membership: Membership, case: Case, data: InformingInput) -> Case:
    """Whether, when and by whom the person was informed, or why that waits and until when."""
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    text_errors(errors, "note", data.note)
    if data.status == InformingStatus.INFORMED:
        if data.informed_on is None:
            errors["informed_on"] = [_("Vul in wanneer de persoon is geïnformeerd.")]
        elif data.informed_on > today:
            errors["informed_on"] = [_("Deze datum ligt in de toekomst.")]
        if data.informed_by is None:
            errors["informed_by"] = [_("Kies de organisatie die de persoon heeft geïnformeerd.")]
    elif data.status == InformingStatus.DEFERRED:
        if not data.note.strip():
            errors["note"] = [_("Licht toe waarom het informeren wordt uitgesteld.")]
        if data.reconsider_on is None:
            errors["reconsider_on"] = [_("Vul in wanneer het uitstel wordt heroverwogen.")]
        elif data.reconsider_on <= today:
            errors["reconsider_on"] = [_("Kies een datum na vandaag.")]
    elif data.status != InformingStatus.UNDECIDED:
        errors["status"] = [_("Kies of de persoon is geïnformeerd.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _check_open(case)
        informed = data.status == InformingStatus.INFORMED
        deferred = data.status == InformingStatus.DEFERRED
        locked.informing_status = data.status
        locked.informed_on = data.informed_on if informed else None
        locked.informed_by = data.informed_by if informed else None
        locked.informing_note = data.note.strip() or None
        locked.reconsider_informing_on = data.reconsider_on if deferred else None
        locked.save()
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="case_informing_recorded",
            by=membership.user,
            subjects=[subject_of(locked)],
            attributes={"status": data.status},
        )
    return locked


def case_schedule_review(
    *, membership: Membership, case: Case, next_review_on: date | None
) -> Case:
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    if next_review_on is not None and next_review_on < timezone.localdate():
        raise ValidationError({"next_review_on": [_("Kies een datum vanaf vandaag.")]})
    with transaction.atomic():
        locked = _check_open(case)
        locked.next_review_on = next_review_on
        locked.save(update_fields=["next_review_on", "updated_at"])
        audit.log_processing(
            activity=CaseActivity.MONITORING,
            name="case_review_scheduled",
            by=membership.user,
            subjects=[subject_of(locked)],
        )
    return locked


def case_reassess(*, membership: Membership, case: Case, next_due_on: date) -> Case:
    """Continued discussion is still needed: record it and set the next reassessment, at most a
    year ahead. (When it is no longer needed, the case is de-escalated or closed instead.)"""
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    today = timezone.localdate()
    if not today < next_due_on <= today + REASSESSMENT_INTERVAL:
        raise ValidationError({"next_due_on": [_("Kies een datum na vandaag en binnen een jaar.")]})
    with transaction.atomic():
        locked = _check_open(case)
        locked.last_reassessed_on = today
        locked.reassessment_due_on = next_due_on
        locked.save(update_fields=["last_reassessed_on", "reassessment_due_on", "updated_at"])
        audit.log_processing(
            activity=CaseActivity.MONITORING,
            name="case_reassessed",
            by=membership.user,
            subjects=[subject_of(locked)],
        )
    return locked


def case_to_monitoring(*, membership: Membership, case: Case) -> Case:
    """The plan is running: the case moves from consultation to monitoring."""
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    with transaction.atomic():
        locked = _check_open(case)
        if locked.phase != CasePhase.CONSULTATION:
            raise CaseStateError
        locked.phase = CasePhase.MONITORING
        locked.monitoring_started_at = timezone.now()
        locked.save(update_fields=["phase", "monitoring_started_at", "updated_at"])
        audit.log_processing(
            activity=CaseActivity.MONITORING,
            name="case_phase_changed",
            by=membership.user,
            subjects=[subject_of(locked)],
            attributes={"phase": CasePhase.MONITORING},
        )
    return locked


def case_deescalate(
    *, membership: Membership, case: Case, destination: str, aftercare_until: date
) -> Case:
    """Afschaling: record where the person goes and the aftercare period."""
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if destination not in DeescalationDestination.values:
        errors["destination"] = [_("Kies waarheen wordt afgeschaald.")]
    if aftercare_until < timezone.localdate():
        errors["aftercare_until"] = [_("Kies een einddatum van de nazorg vanaf vandaag.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _check_open(case)
        if locked.phase == CasePhase.AFTERCARE:
            raise CaseStateError
        locked.phase = CasePhase.AFTERCARE
        locked.deescalated_at = timezone.now()
        locked.deescalation_destination = destination
        locked.aftercare_until = aftercare_until
        locked.save()
        audit.log_processing(
            activity=CaseActivity.MONITORING,
            name="case_deescalated",
            by=membership.user,
            subjects=[subject_of(locked)],
            attributes={"destination": destination},
        )
    return locked


def case_close(*, membership: Membership, case: Case, reason: str, note: str = "") -> Case:
    """Close the case: the reason is recorded, every participation ends today, partners lose
    access, and the retention clock starts (the retention engine reads
    ``retention_starts_on``)."""
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if reason not in ClosureReason.values:
        errors["reason"] = [_("Kies de reden van afsluiting.")]
    text_errors(errors, "note", note)
    if reason == ClosureReason.OTHER and not note.strip():
        errors["note"] = [_("Licht de reden van afsluiting toe.")]
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    with transaction.atomic():
        locked = _check_open(case)
        locked.phase = CasePhase.CLOSED
        locked.closed_at = timezone.now()
        locked.closure_reason = reason
        locked.closure_note = note.strip() or None
        locked.retention_starts_on = today
        locked.save()
        running = Participation.objects.filter(case=locked).exclude(ends_on__lte=today)
        running.filter(starts_on__gt=today).delete()
        running.update(ends_on=today, updated_at=timezone.now())
        Invitation.objects.filter(
            agenda_item__case=locked, valid_until__gt=today, valid_from__lte=today
        ).update(valid_until=today, updated_at=timezone.now())
        Invitation.objects.filter(agenda_item__case=locked, valid_from__gt=today).delete()
        audit.log_processing(
            activity=CaseActivity.MONITORING,
            name="case_closed",
            by=membership.user,
            subjects=[subject_of(locked)],
            attributes={"reason": reason},
        )
    return locked
