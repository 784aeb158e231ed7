"""Writes of the weighing: schedule a session, put a person on it, record the decision, close.

Each service checks the acting membership, validates, writes in one transaction and logs the
processing of person data in that same transaction (one record per person).
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership, User
from schakel.audit import services as audit
from schakel.core import validators
from schakel.core.errors import StateError
from schakel.core.validators import check_length, collect
from schakel.intake.choices import DataCategory, SignalStatus
from schakel.intake.models import Signal, Subject
from schakel.intake.services import person
from schakel.network.models import Organisation
from schakel.weighing import permissions
from schakel.weighing.activities import WeighingActivity
from schakel.weighing.choices import OUTCOMES_WITH_DATE, SessionStatus, WeighingOutcome
from schakel.weighing.follow_up import follow_up, in_approach
from schakel.weighing.models import (
    ItemCriterion,
    WeighingArrangement,
    WeighingCriterion,
    WeighingItem,
    WeighingSession,
)
from schakel.weighing.selectors import subject_of

# Signals that can still be brought to a weighing.
WEIGHABLE_STATUSES = (SignalStatus.NEW, SignalStatus.UNDER_REVIEW)


class AlreadyDecidedError(StateError):
    """Someone else recorded the decision first; nothing was changed."""


def _text_errors(errors: dict[str, list[str]], name: str, value: str) -> None:
    check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
    collect(errors, name, validators.validate_no_control_characters, value)


@dataclass(frozen=True)
class SessionInput:
    arrangement: WeighingArrangement
    held_at: datetime
    chair: User
    participants: list[Organisation]


def session_schedule(*, membership: Membership, data: SessionInput) -> WeighingSession:
    """Plan a weighing session; the team has at least a municipality, the police and the OM."""
    if not permissions.may_schedule_session(membership, data.arrangement):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    kinds = {org.kind for org in data.participants}
    if not kinds >= permissions.REQUIRED_PARTICIPANT_KINDS:
        errors["participants"] = [
            _("Aan een weging nemen ten minste een gemeente, de politie en het OM deel.")
        ]
    chair_orgs = set(
        Membership.objects.active()
        .filter(user=data.chair, role__in=TABLE_ROLES)
        .values_list("organisation_id", flat=True)
    )
    allowed = {org.pk for org in data.participants} | {data.arrangement.facilitator_id}
    if not chair_orgs & allowed:
        errors["chair"] = [
            _("De voorzitter werkt voor een deelnemende of de faciliterende organisatie.")
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        session = WeighingSession.objects.create(
            arrangement=data.arrangement,
            held_at=data.held_at,
            chair=data.chair,
            created_by=membership.user,
        )
        session.participants.set(data.participants)
        audit.log_processing(
            activity=WeighingActivity.WEIGHING,
            name="weighing_session_scheduled",
            by=membership.user,
            attributes={"participants": len(data.participants)},
        )
    return session


def _lock_open_session(session: WeighingSession) -> WeighingSession:
    """Lock the session row; a decision or a new item never lands in a session closed
    meanwhile."""
    locked = WeighingSession.objects.select_for_update().get(pk=session.pk)
    if not locked.is_open:
        raise AlreadyDecidedError
    return locked


def may_be_weighed(signal: Signal) -> bool:
    """New or in handling; or weighed before with "more information" or "re-weigh" as the
    latest outcome, and not in an open case."""
    if not signal.has_person_data:
        return False
    if signal.subject_id is not None and in_approach(signal.subject_id):
        return False  # new information about a person in a case goes to the case's table
    if signal.status in WEIGHABLE_STATUSES:
        return True
    if signal.status != SignalStatus.LINKED_TO_WEIGHING or signal.subject_id is None:
        return False
    latest = (
        WeighingItem.objects.filter(subject_id=signal.subject_id).order_by("-created_at").first()
    )
    return latest is not None and latest.outcome in OUTCOMES_WITH_DATE


def item_add(*, membership: Membership, session: WeighingSession, signal: Signal) -> WeighingItem:
    """Put the person of a signal on the agenda, with every weighable signal about them.

    A signal not yet linked to others gets its own subject. The signals are marked as linked to
    a weighing, which stops their expiry (the case's terms apply from now on).
    """
    if not permissions.may_add_item(membership, session):
        raise PermissionDenied
    if signal.directing_municipality_id != membership.organisation_id or not may_be_weighed(signal):
        raise ValidationError(
            {"signal": [_("Dit signaal kan niet (meer) voor een weging worden aangemeld.")]}
        )
    with transaction.atomic():
        _lock_open_session(session)
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        if not may_be_weighed(locked):
            raise AlreadyDecidedError
        subject = locked.subject
        if subject is None:
            subject = Subject.objects.create()
            locked.subject = subject
            locked.save(update_fields=["subject", "updated_at"])
        if WeighingItem.objects.filter(session=session, subject=subject).exists():
            raise ValidationError(
                {"signal": [_("Deze persoon staat al op de agenda van deze weging.")]}
            )
        signals = list(
            Signal.objects.select_for_update().filter(
                subject=subject,
                directing_municipality_id=membership.organisation_id,
                status__in=(*WEIGHABLE_STATUSES, SignalStatus.LINKED_TO_WEIGHING),
                person_data_deleted_at__isnull=True,
            )
        )
        item = WeighingItem.objects.create(
            session=session,
            subject=subject,
            directing_municipality_id=membership.organisation_id,
            added_by=membership.user,
        )
        item.signals.set(signals)
        now = timezone.now()
        Signal.objects.filter(pk__in=[s.pk for s in signals]).update(
            status=SignalStatus.LINKED_TO_WEIGHING, status_changed_at=now, updated_at=now
        )
        audit.log_processing(
            activity=WeighingActivity.WEIGHING,
            name="weighing_item_added",
            by=membership.user,
            subjects=[subject_of(item), *(person(s) for s in signals)],
            attributes={"signals": len(signals)},
        )
    return item


@dataclass(frozen=True)
class DecisionInput:
    outcome: str
    justification: str
    justification_category: str = DataCategory.ORDINARY
    criteria_notes: dict[uuid.UUID, str] = field(default_factory=dict)
    follow_up_on: date | None = None
    process_director: User | None = None


def validate_decision(data: DecisionInput) -> None:
    errors: dict[str, list[str]] = {}
    if data.outcome not in WeighingOutcome.values:
        errors["outcome"] = [_("Kies de uitkomst van de weging.")]
    if not data.justification.strip():
        errors["justification"] = [
            _("Onderbouw de noodzaak, proportionaliteit en subsidiariteit van het besluit.")
        ]
    _text_errors(errors, "justification", data.justification)
    if data.justification_category not in DataCategory.values:
        errors["justification_category"] = [_("Kies de categorie van de onderbouwing.")]
    if not data.criteria_notes:
        errors["criteria"] = [_("Geef aan welke criteria zijn overwogen.")]
    known = set(WeighingCriterion.objects.filter(is_active=True).values_list("pk", flat=True))
    for key, note in data.criteria_notes.items():
        if key not in known:
            errors.setdefault("criteria", []).append(_("Onbekend criterium."))
        _text_errors(errors, "criteria", note)
    if data.outcome in OUTCOMES_WITH_DATE:
        if data.follow_up_on is None:
            errors["follow_up_on"] = [_("Vul de datum in waarop de weging een vervolg krijgt.")]
        elif data.follow_up_on <= timezone.localdate():
            errors["follow_up_on"] = [_("Kies een datum na vandaag.")]
    if errors:
        raise ValidationError(errors)


def item_decide(*, membership: Membership, item: WeighingItem, data: DecisionInput) -> WeighingItem:
    """Record the team's decision with its justification; including opens a case."""
    if not permissions.may_decide_item(membership, item):
        raise PermissionDenied
    validate_decision(data)
    take_up = follow_up().take_up
    with transaction.atomic():
        _lock_open_session(item.session)
        locked = WeighingItem.objects.select_for_update().get(pk=item.pk)
        if locked.outcome:
            raise AlreadyDecidedError
        locked.outcome = data.outcome
        locked.justification = data.justification.strip()
        locked.justification_category = data.justification_category
        locked.follow_up_on = data.follow_up_on if data.outcome in OUTCOMES_WITH_DATE else None
        locked.decided_at = timezone.now()
        locked.decided_by = membership.user
        locked.save()
        ItemCriterion.objects.bulk_create(
            ItemCriterion(item=locked, criterion_id=key, note=note.strip() or None)
            for key, note in data.criteria_notes.items()
        )
        audit.log_processing(
            activity=WeighingActivity.WEIGHING,
            name="weighing_item_decided",
            by=membership.user,
            subjects=[subject_of(locked)],
            attributes={"outcome": data.outcome},
        )
        if data.outcome == WeighingOutcome.INCLUDE:
            take_up(membership, locked, data.process_director)
    return locked


def session_close(*, membership: Membership, session: WeighingSession) -> WeighingSession:
    """Close the session; participants no longer see its items. Undecided items stay open for
    the directing municipality to bring to a next session."""
    if not permissions.may_close_session(membership, session):
        raise PermissionDenied
    with transaction.atomic():
        now = timezone.now()
        updated = WeighingSession.objects.filter(
            Q(pk=session.pk), Q(status=SessionStatus.OPEN)
        ).update(status=SessionStatus.CLOSED, closed_at=now)
        if not updated:
            raise AlreadyDecidedError
        # Undecided persons go back to the meldpunt, to be brought to a next session: the
        # signals this session's undecided items hold, unless a decided item or an open case
        # holds them too.
        undecided = WeighingItem.objects.filter(session=session, outcome="")
        returned = list(
            Signal.objects.filter(
                pk__in=WeighingItem.signals.through.objects.filter(
                    weighingitem__in=undecided
                ).values("signal_id"),
                status=SignalStatus.LINKED_TO_WEIGHING,
            )
            .exclude(
                pk__in=WeighingItem.signals.through.objects.exclude(
                    weighingitem__outcome=""
                ).values("signal_id")
            )
            .exclude(subject_id__in=follow_up().subjects_in_approach())
            .only("pk")
        )
        Signal.objects.filter(pk__in=[s.pk for s in returned]).update(
            status=SignalStatus.UNDER_REVIEW, status_changed_at=now, updated_at=now
        )
        if returned:
            audit.log_processing(
                activity=WeighingActivity.WEIGHING,
                name="weighing_signals_returned",
                by=membership.user,
                subjects=[person(s) for s in returned],
            )
        audit.log_processing(
            activity=WeighingActivity.WEIGHING, name="weighing_session_closed", by=membership.user
        )
    session.refresh_from_db()
    return session
