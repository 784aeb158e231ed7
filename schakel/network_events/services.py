"""Writes of network events: plan, change, record, cancel, learning points and follow-ups.

Each write checks who may do it (``PermissionDenied``: a 404 on a page and in the API), checks
every text for recognisable person data (``schakel.core.person_data``) and its length with Dutch
messages per field (``ValidationError``), runs in one transaction and is written to the
processing log (the participants are staff data). The log holds counts and ids, never texts.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.collaboration.selectors import roles_in
from schakel.core.errors import StateError
from schakel.core.person_data import validate_no_person_data
from schakel.core.validators import (
    TEXT_MAX_LENGTH,
    Errors,
    check_length,
    collect,
    validate_no_control_characters,
)
from schakel.network.models import Collaboration, Organisation
from schakel.network_events import permissions, selectors
from schakel.network_events.activities import NetworkEventActivity
from schakel.network_events.choices import EventKind, EventStatus, FollowUpStatus
from schakel.network_events.models import FollowUp, LearningPoint, NetworkEvent

TITLE_MAX = 200
LOCATION_MAX = 300
THEME_MAX = 100


class EventNotPlannedError(StateError):
    detail = _("Er is niets opgeslagen: deze bijeenkomst is niet meer gepland.")


class EventNotHeldError(StateError):
    detail = _(
        "Er is niets opgeslagen: leerpunten en vervolgacties komen bij een bijeenkomst met een "
        "verslag."
    )


class FollowUpDoneError(StateError):
    detail = _("Er is niets opgeslagen: deze vervolgactie is al afgerond.")


@dataclass(frozen=True)
class EventInput:
    kind: str
    title: str
    starts_at: dt.datetime
    location: str
    online: bool
    organiser: Organisation
    purpose: str
    case_material: str
    organisations: Sequence[Organisation]
    participants: Sequence[Membership]


@dataclass(frozen=True)
class LearningPointInput:
    text: str
    theme: str
    organisations: Sequence[Organisation]


@dataclass(frozen=True)
class FollowUpInput:
    text: str
    owner: Organisation
    due_on: dt.date


def _check_text(errors: Errors, name: str, value: str, maximum: int, *, required: bool) -> None:
    if required and not value.strip():
        errors.setdefault(name, []).append(str(_("Vul dit veld in.")))
        return
    check_length(errors, name, value, maximum)
    collect(errors, name, validate_no_control_characters, value)
    collect(errors, name, validate_no_person_data, value)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _member_ids(collaboration: Collaboration) -> set[object]:
    return set(selectors.member_organisations(collaboration).values_list("pk", flat=True))


def _check_event(
    membership: Membership, collaboration: Collaboration, data: EventInput, roles: frozenset[str]
) -> None:
    errors: Errors = {}
    if data.kind not in EventKind.values:
        errors["kind"] = [str(_("Kies een soort bijeenkomst."))]
    _check_text(errors, "title", data.title, TITLE_MAX, required=True)
    _check_text(errors, "location", data.location, LOCATION_MAX, required=True)
    _check_text(errors, "purpose", data.purpose, TEXT_MAX_LENGTH, required=True)
    _check_text(errors, "case_material", data.case_material, TEXT_MAX_LENGTH, required=False)
    organisers = selectors.organiser_choices(membership, collaboration, roles)
    if not organisers.filter(pk=data.organiser.pk).exists():
        errors["organiser"] = [str(_("Kies als organisator een organisatie die u mag kiezen."))]
    members = _member_ids(collaboration)
    if not data.organisations:
        errors["organisations"] = [str(_("Kies ten minste één deelnemende organisatie."))]
    elif any(org.pk not in members for org in data.organisations):
        errors["organisations"] = [
            str(_("Kies alleen organisaties die lid zijn van het samenwerkingsverband."))
        ]
    chosen = {org.pk for org in data.organisations}
    allowed = set(selectors.staff_choices(collaboration).values_list("pk", flat=True))
    if any(m.pk not in allowed or m.organisation_id not in chosen for m in data.participants):
        errors["participants"] = [
            str(_("Kies alleen medewerkers van de deelnemende organisaties."))
        ]
    _raise(errors)


def _log(
    membership: Membership,
    name: str,
    event: NetworkEvent,
    participants: Sequence[Membership] = (),
) -> None:
    """One record, or one per participating employee whose participation was written."""
    audit.log_processing(
        activity=NetworkEventActivity.NETWORK_EVENTS,
        name=name,
        by=membership.user,
        subjects=[audit.employee(m.user) for m in participants],
        attributes={"event": str(event.pk), "participants": len(participants)},
    )


def _require_manager(membership: Membership, event: NetworkEvent) -> None:
    if not permissions.may_manage_event(
        membership, event, roles_in(membership, event.collaboration)
    ):
        raise PermissionDenied


def event_plan(
    *, membership: Membership, collaboration: Collaboration, data: EventInput
) -> NetworkEvent:
    roles = roles_in(membership, collaboration)
    if not permissions.may_plan(membership, collaboration, roles):
        raise PermissionDenied
    _check_event(membership, collaboration, data, roles)
    with transaction.atomic():
        event = NetworkEvent.objects.create(
            collaboration=collaboration,
            kind=data.kind,
            title=data.title.strip(),
            starts_at=data.starts_at,
            location=data.location.strip(),
            online=data.online,
            organiser=data.organiser,
            purpose=data.purpose.strip(),
            case_material=data.case_material.strip(),
            created_by=membership.user,
        )
        event.organisations.set(data.organisations)
        event.participants.set(data.participants)
        _log(membership, "network_event_planned", event, data.participants)
    return event


def _locked(event: NetworkEvent) -> NetworkEvent:
    return NetworkEvent.objects.select_for_update().select_related("collaboration").get(pk=event.pk)


def event_update(*, membership: Membership, event: NetworkEvent, data: EventInput) -> NetworkEvent:
    _require_manager(membership, event)
    _check_event(membership, event.collaboration, data, roles_in(membership, event.collaboration))
    with transaction.atomic():
        locked = _locked(event)
        if not locked.is_planned:
            raise EventNotPlannedError
        for name in ("kind", "starts_at", "online", "organiser"):
            setattr(locked, name, getattr(data, name))
        locked.title = data.title.strip()
        locked.location = data.location.strip()
        locked.purpose = data.purpose.strip()
        locked.case_material = data.case_material.strip()
        locked.save()
        locked.organisations.set(data.organisations)
        locked.participants.set(data.participants)
        _log(membership, "network_event_changed", locked, data.participants)
    return locked


def event_record(*, membership: Membership, event: NetworkEvent, discussion: str) -> NetworkEvent:
    """The record of what was discussed; the event is held from now on. A held event's record
    can be corrected; a cancelled one has none."""
    _require_manager(membership, event)
    errors: Errors = {}
    _check_text(errors, "discussion", discussion, TEXT_MAX_LENGTH, required=True)
    if event.starts_at > timezone.now():
        errors.setdefault("discussion", []).append(
            str(_("Leg het verslag vast vanaf het begin van de bijeenkomst."))
        )
    _raise(errors)
    with transaction.atomic():
        locked = _locked(event)
        if locked.status == EventStatus.CANCELLED:
            raise EventNotPlannedError
        locked.discussion = discussion.strip()
        locked.status = EventStatus.HELD
        locked.recorded_at = timezone.now()
        locked.save(update_fields=["discussion", "status", "recorded_at", "updated_at"])
        _log(membership, "network_event_recorded", locked)
    return locked


def event_cancel(*, membership: Membership, event: NetworkEvent) -> NetworkEvent:
    _require_manager(membership, event)
    with transaction.atomic():
        locked = _locked(event)
        if not locked.is_planned:
            raise EventNotPlannedError
        locked.status = EventStatus.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancelled_at", "updated_at"])
        _log(membership, "network_event_cancelled", locked)
    return locked


def _check_organisations(
    errors: Errors, name: str, event: NetworkEvent, chosen: Iterable[Organisation]
) -> None:
    members = _member_ids(event.collaboration)
    if any(org.pk not in members for org in chosen):
        errors[name] = [
            str(_("Kies alleen organisaties die lid zijn van het samenwerkingsverband."))
        ]


def learning_point_add(
    *, membership: Membership, event: NetworkEvent, data: LearningPointInput
) -> LearningPoint:
    _require_manager(membership, event)
    errors: Errors = {}
    _check_text(errors, "text", data.text, TEXT_MAX_LENGTH, required=True)
    _check_text(errors, "theme", data.theme, THEME_MAX, required=True)
    _check_organisations(errors, "organisations", event, data.organisations)
    _raise(errors)
    with transaction.atomic():
        if not _locked(event).is_held:
            raise EventNotHeldError
        point = LearningPoint.objects.create(
            event=event, text=data.text.strip(), theme=data.theme.strip()
        )
        point.organisations.set(data.organisations)
        _log(membership, "network_learning_point_added", event)
    return point


def follow_up_add(*, membership: Membership, event: NetworkEvent, data: FollowUpInput) -> FollowUp:
    _require_manager(membership, event)
    errors: Errors = {}
    _check_text(errors, "text", data.text, TEXT_MAX_LENGTH, required=True)
    _check_organisations(errors, "owner", event, [data.owner])
    _raise(errors)
    with transaction.atomic():
        if not _locked(event).is_held:
            raise EventNotHeldError
        follow_up = FollowUp.objects.create(
            event=event, text=data.text.strip(), owner=data.owner, due_on=data.due_on
        )
        _log(membership, "network_follow_up_added", event)
    return follow_up


def follow_up_complete(*, membership: Membership, follow_up: FollowUp) -> FollowUp:
    roles = roles_in(membership, follow_up.event.collaboration)
    if not permissions.may_complete_follow_up(membership, follow_up, roles):
        raise PermissionDenied
    with transaction.atomic():
        locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if locked.status != FollowUpStatus.OPEN:
            raise FollowUpDoneError
        locked.status = FollowUpStatus.DONE
        locked.completed_at = timezone.now()
        locked.save(update_fields=["status", "completed_at", "updated_at"])
        _log(membership, "network_follow_up_completed", follow_up.event)
    locked.event = follow_up.event
    locked.owner = follow_up.owner
    return locked
