"""Writes of the staff-safety register, each in one transaction with its log record: if the
record cannot be written, nothing changes (fail closed)."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership, User
from schakel.audit import services as audit
from schakel.core import validators
from schakel.core.person_data import validate_no_person_data
from schakel.staff_safety import permissions, selectors
from schakel.staff_safety.activities import StaffSafetyActivity
from schakel.staff_safety.choices import IncidentChannel, IncidentKind, IncidentStatus, SupportKind
from schakel.staff_safety.models import Incident, SafetyOfficer, SafetyProtocol

Errors = dict[str, list[str]]
NAME_MAX = 200


@dataclass(frozen=True)
class FollowUpInput:
    police_report_filed: bool = False
    police_report_on: date | None = None
    employer_details_used: bool = False
    employer_details_note: str = ""
    support: tuple[str, ...] = ()
    support_note: str = ""


@dataclass(frozen=True)
class IncidentInput:
    staff_member: User | None  # None: the recorder themself
    occurred_on: date | None
    kind: str
    channel: str
    description: str
    follow_up: FollowUpInput = field(default_factory=FollowUpInput)


def _add(errors: Errors, name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


def _check_text(errors: Errors, name: str, value: str, *, required: bool) -> None:
    if required and not value.strip():
        _add(errors, name, _("Beschrijf wat er is gebeurd."))
        return
    validators.check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
    validators.collect(errors, name, validators.validate_no_control_characters, value)
    validators.collect(errors, name, validate_no_person_data, value)


def _check_follow_up(errors: Errors, data: FollowUpInput, occurred_on: date | None) -> None:
    today = timezone.localdate()
    if data.police_report_filed:
        if data.police_report_on is None:
            _add(errors, "police_report_on", _("Vul de datum van de aangifte in."))
        elif data.police_report_on > today:
            _add(errors, "police_report_on", _("Deze datum ligt in de toekomst."))
        elif occurred_on is not None and data.police_report_on < occurred_on:
            _add(errors, "police_report_on", _("De aangifte kan niet vóór het incident liggen."))
    elif data.police_report_on is not None or data.employer_details_used:
        _add(
            errors,
            "police_report_filed",
            _("Vink „Aangifte gedaan” aan, of laat de datum en de werkgeversgegevens leeg."),
        )
    unknown = set(data.support) - set(SupportKind.values)
    if unknown:
        _add(errors, "support", _("Kies een van de mogelijkheden die er staan."))
    _check_text(errors, "employer_details_note", data.employer_details_note, required=False)
    _check_text(errors, "support_note", data.support_note, required=False)


def _follow_up_fields(data: FollowUpInput) -> dict[str, object]:
    return {
        "police_report_filed": data.police_report_filed,
        "police_report_on": data.police_report_on if data.police_report_filed else None,
        "employer_details_used": data.employer_details_used and data.police_report_filed,
        "employer_details_note": data.employer_details_note.strip(),
        "support": sorted(set(data.support)),
        "support_note": data.support_note.strip(),
    }


def incident_record(*, membership: Membership, data: IncidentInput) -> Incident:
    """Record an incident about oneself, or — as a manager — about a colleague of the same
    organisation."""
    recorder = membership.user
    staff_member = data.staff_member or recorder
    errors: Errors = {}
    if staff_member.pk != recorder.pk:
        if not permissions.may_record_for_others(membership):
            raise PermissionDenied
        colleagues = selectors.colleagues_of(membership=membership)
        if not colleagues.filter(pk=staff_member.pk).exists():
            _add(errors, "staff_member", _("Kies een medewerker van uw eigen organisatie."))
    if data.occurred_on is None:
        _add(errors, "occurred_on", _("Vul de datum van het incident in."))
    else:
        validators.collect(
            errors, "occurred_on", validators.validate_not_in_future, data.occurred_on
        )
    if data.kind not in IncidentKind.values:
        _add(errors, "kind", _("Kies de soort incident."))
    if data.channel not in IncidentChannel.values:
        _add(errors, "channel", _("Kies hoe het incident plaatsvond."))
    _check_text(errors, "description", data.description, required=True)
    _check_follow_up(errors, data.follow_up, data.occurred_on)
    if errors or data.occurred_on is None:
        raise ValidationError(errors)
    with transaction.atomic():
        incident = Incident.objects.create(
            organisation_id=membership.organisation_id,
            staff_member=staff_member,
            recorded_by=recorder,
            occurred_on=data.occurred_on,
            kind=data.kind,
            channel=data.channel,
            description=data.description.strip(),
            **_follow_up_fields(data.follow_up),
        )
        audit.log_processing(
            activity=StaffSafetyActivity.STAFF_INCIDENTS,
            name="staff_incident_recorded",
            by=recorder,
            subjects=[selectors.subject_of(incident)],
            attributes={"kind": incident.kind, "on_behalf": staff_member.pk != recorder.pk},
        )
    return incident


def incident_follow_up(
    *, membership: Membership, incident: Incident, data: FollowUpInput, status: str
) -> Incident:
    """The safety officer's follow-up: police report, support offered, status."""
    if not permissions.is_safety_officer(membership):
        raise PermissionDenied
    if incident.organisation_id != membership.organisation_id:
        raise PermissionDenied
    errors: Errors = {}
    if status not in IncidentStatus.values:
        _add(errors, "status", _("Kies een status."))
    _check_follow_up(errors, data, incident.occurred_on)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Incident.objects.select_for_update().get(pk=incident.pk)
        for name, value in _follow_up_fields(data).items():
            setattr(locked, name, value)
        if status == IncidentStatus.CLOSED and locked.status != IncidentStatus.CLOSED:
            locked.closed_at = timezone.now()
        elif status != IncidentStatus.CLOSED:
            locked.closed_at = None
        locked.status = status
        locked.save()
        audit.log_processing(
            activity=StaffSafetyActivity.STAFF_INCIDENTS,
            name="staff_incident_updated",
            by=membership.user,
            subjects=[selectors.subject_of(locked)],
            attributes={"status": status},
        )
    return locked


def officer_designate(*, membership: Membership, target: Membership) -> SafetyOfficer:
    if not permissions.may_manage(membership):
        raise PermissionDenied
    active = Membership.objects.active().filter(organisation_id=membership.organisation_id)
    if not active.filter(pk=target.pk).exists():
        raise ValidationError(
            {"membership": [_("Kies een actief lidmaatschap van uw organisatie.")]}
        )
    with transaction.atomic():
        if SafetyOfficer.objects.filter(membership=target, ended_at__isnull=True).exists():
            raise ValidationError({"membership": [_("Deze medewerker is al aangewezen.")]})
        designation = SafetyOfficer.objects.create(membership=target, designated_by=membership.user)
        audit.log_processing(
            activity=StaffSafetyActivity.SAFETY_OFFICERS,
            name="safety_officer_designated",
            by=membership.user,
            subjects=[audit.employee(User(pk=target.user_id))],
        )
    return designation


def officer_end(*, membership: Membership, designation: SafetyOfficer) -> None:
    if not permissions.may_manage(membership):
        raise PermissionDenied
    if designation.membership.organisation_id != membership.organisation_id:
        raise PermissionDenied
    with transaction.atomic():
        ended = SafetyOfficer.objects.filter(pk=designation.pk, ended_at__isnull=True).update(
            ended_at=timezone.now(), ended_by=membership.user
        )
        if ended:
            audit.log_processing(
                activity=StaffSafetyActivity.SAFETY_OFFICERS,
                name="safety_officer_ended",
                by=membership.user,
                subjects=[audit.employee(User(pk=designation.membership.user_id))],
            )


@dataclass(frozen=True)
class ProtocolInput:
    report_mailbox: str
    officer_function: str
    officer_mailbox: str
    employer_name: str
    employer_address: str
    when_threatened: str
    public_documents: str = ""


def _check_no_staff(errors: Errors, membership: Membership, data: ProtocolInput) -> None:
    """The protocol is read by all staff and its mailboxes go into letters and reports: it names
    no one. Refused: the full name of anyone with an active membership of the organisation in any
    text, and anyone's personal (sign-in) address as a mailbox."""
    names = [
        " ".join(name.split()).casefold()
        for name in selectors.colleagues_of(membership=membership).values_list(
            "full_name", flat=True
        )
        if len(name.split()) > 1
    ]
    for field_name in ProtocolInput.__dataclass_fields__:
        text = " ".join(str(getattr(data, field_name)).split()).casefold()
        if any(name in text for name in names):
            _add(
                errors,
                field_name,
                _("Noem geen namen van medewerkers: alleen functies en algemene mailboxen."),
            )
    for field_name in ("report_mailbox", "officer_mailbox"):
        address = str(getattr(data, field_name)).strip()
        if address and User.objects.filter(email__iexact=address).exists():
            _add(
                errors,
                field_name,
                _("Dit is het persoonlijke adres van een medewerker: kies een algemene mailbox."),
            )


def protocol_save(*, membership: Membership, data: ProtocolInput) -> SafetyProtocol:
    """The functional admin writes the protocol (functions and mailboxes, no names)."""
    if not permissions.may_manage(membership):
        raise PermissionDenied
    errors: Errors = {}
    required = {
        "report_mailbox": data.report_mailbox,
        "officer_function": data.officer_function,
        "officer_mailbox": data.officer_mailbox,
        "employer_name": data.employer_name,
        "employer_address": data.employer_address,
        "when_threatened": data.when_threatened,
    }
    for name, value in required.items():
        if not value.strip():
            _add(errors, name, _("Vul dit veld in."))
    for name in ("report_mailbox", "officer_mailbox"):
        value = getattr(data, name).strip()
        if value:
            validators.collect(errors, name, validate_email, value)
    for name in ("officer_function", "employer_name"):
        validators.check_length(errors, name, getattr(data, name), NAME_MAX)
    for name in ("employer_address", "when_threatened", "public_documents"):
        validators.check_length(errors, name, getattr(data, name), validators.TEXT_MAX_LENGTH)
        validators.collect(
            errors, name, validators.validate_no_control_characters, getattr(data, name)
        )
    for name in ("officer_function", "when_threatened", "public_documents"):
        validators.collect(errors, name, validate_no_person_data, getattr(data, name))
    _check_no_staff(errors, membership, data)
    if errors:
        raise ValidationError(errors)
    values = {name: str(getattr(data, name)).strip() for name in ProtocolInput.__dataclass_fields__}
    with transaction.atomic():
        protocol, _created = SafetyProtocol.objects.update_or_create(
            organisation_id=membership.organisation_id,
            defaults={**values, "updated_by": membership.user},
        )
    return protocol
