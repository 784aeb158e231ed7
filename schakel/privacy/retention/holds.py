"""Legal holds (bewaarplicht): they block the sweep for one person, or for a whole kind.

A privacy officer places a hold with a reason and an end date, for a person their organisation
has to do with (found by a case or signal reference, never by name), or for a kind of data (for
instance the processing log during an incident). An open data-subject request holds its person's
data as well, until it is decided: nothing is deleted while a request about it is answered.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.cases.models import Case
from schakel.core.dates import add_months
from schakel.core.references import normalise
from schakel.intake.models import Signal, Subject
from schakel.legal.choices import RetentionKind
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.choices import OPEN_REQUEST_STATUSES
from schakel.privacy.models import LegalHold

MAX_HOLD_YEARS = 10


def active_holds(today: date) -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(lifted_at=None, starts_on__lte=today, ends_on__gte=today)


def held_subjects(today: date) -> QuerySet[Subject]:
    """Persons whose data the sweep must leave alone today: a running hold or an open request."""
    return Subject.objects.filter(
        Q(legal_holds__in=active_holds(today)) | Q(requests__status__in=OPEN_REQUEST_STATUSES)
    )


def kind_is_held(kind: str, today: date) -> bool:
    return active_holds(today).filter(kind=kind).exists()


def holds_in_scope(membership: Membership) -> QuerySet[LegalHold]:
    """The holds a privacy officer sees: those placed by their organisation."""
    if membership.role != Role.PRIVACY_OFFICER:
        return LegalHold.objects.none()
    return LegalHold.objects.filter(organisation=membership.organisation)


def _subject_for_reference(membership: Membership, reference: str) -> Subject:
    """The person behind a case reference (CAS-2026-0042) or signal reference (SIG-2026-0042)
    that the officer's organisation has to do with; anything else is "not found"."""
    found = normalise(reference)
    not_found = ValidationError(
        {"reference": [_("Geen casus of signaal met deze referentie gevonden.")]}
    )
    if found is None or not found.startswith(("CAS-", "SIG-")):
        raise not_found
    org = membership.organisation
    if found.startswith("CAS-"):
        case = (
            Case.objects.filter(reference=found)
            .filter(
                Q(directing_municipality=org) | Q(zvh=org) | Q(participations__organisation=org)
            )
            .distinct()
            .first()
        )
        if case is None:
            raise not_found
        return case.subject
    signal = (
        Signal.objects.filter(reference=found)
        .filter(Q(registering_organisation=org) | Q(directing_municipality=org))
        .filter(person_data_deleted_at=None)
        .first()
    )
    if signal is None:
        raise not_found
    if signal.subject_id is None:
        # The hold needs the person, not just this signal: later signals about them join it.
        signal.subject = Subject.objects.create()
        signal.save(update_fields=["subject", "updated_at"])
    assert signal.subject is not None
    return signal.subject


@dataclass(frozen=True)
class HoldInput:
    reference: str  # a case or signal reference; empty for a hold on a kind
    kind: str  # a RetentionKind for a hold on a kind; empty for a person
    reason: str
    starts_on: date | None
    ends_on: date | None


def _validate(data: HoldInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if bool(data.reference.strip()) == bool(data.kind):
        errors["reference"] = [
            _("Vul een referentie van een casus of signaal in, of kies een soort gegevens.")
        ]
    if data.kind and data.kind not in RetentionKind.values:
        errors["kind"] = [_("Onbekende soort gegevens.")]
    reason = data.reason.strip()
    if len(reason) < 10:
        errors["reason"] = [_("Licht de reden van de bewaarplicht toe (minstens 10 tekens).")]
    elif len(reason) > 2000 or "\x00" in reason:
        errors["reason"] = [_("De reden is te lang of bevat ongeldige tekens.")]
    today = timezone.localdate()
    if data.ends_on is None:
        errors["ends_on"] = [_("Vul de einddatum van de bewaarplicht in.")]
    elif data.ends_on < (data.starts_on or today):
        errors["ends_on"] = [_("De einddatum ligt vóór de begindatum.")]
    elif data.ends_on > add_months(today, 12 * MAX_HOLD_YEARS):
        errors["ends_on"] = [
            _(
                "Een bewaarplicht duurt hoogstens %(years)s jaar; leg zo nodig later een nieuwe "
                "vast."
            )
            % {"years": MAX_HOLD_YEARS}
        ]
    if data.starts_on is not None and data.starts_on > today:
        errors["starts_on"] = [_("Een bewaarplicht gaat vandaag of eerder in.")]
    return errors


def hold_place(*, membership: Membership, data: HoldInput) -> LegalHold:
    if membership.role != Role.PRIVACY_OFFICER:
        raise PermissionDenied
    errors = _validate(data)
    if errors:
        raise ValidationError(errors)
    assert data.ends_on is not None
    with transaction.atomic():
        subject = _subject_for_reference(membership, data.reference) if data.reference else None
        hold = LegalHold.objects.create(
            subject=subject,
            kind=data.kind if subject is None else "",
            organisation=membership.organisation,
            placed_by=membership.user,
            reason=data.reason.strip(),
            starts_on=data.starts_on or timezone.localdate(),
            ends_on=data.ends_on,
        )
        audit.log_processing(
            activity=PrivacyActivity.RETENTION,
            name="legal_hold_place",
            by=membership.user,
            subjects=[audit.Subject(SubjectType.PERSON, str(subject.pk))] if subject else [],
            attributes={"scope": "person" if subject else data.kind, "ends_on": str(hold.ends_on)},
        )
    return hold


def hold_get_for(*, membership: Membership, pk: uuid.UUID) -> LegalHold:
    """One hold of the officer's organisation, with its reason: reading it is logged."""
    from django.http import Http404

    hold = holds_in_scope(membership).filter(pk=pk).first()
    if hold is None:
        raise Http404
    audit.log_processing(
        activity=PrivacyActivity.RETENTION,
        name="legal_hold_read",
        by=membership.user,
        subjects=[audit.Subject(SubjectType.PERSON, str(hold.subject_id))]
        if hold.subject_id
        else [],
        attributes={"scope": "person" if hold.subject_id else hold.kind},
    )
    return hold


def hold_lift(*, membership: Membership, hold: LegalHold) -> LegalHold:
    """End a hold before its end date (the hold stays on record)."""
    if (
        membership.role != Role.PRIVACY_OFFICER
        or hold.organisation_id != membership.organisation_id
    ):
        raise PermissionDenied
    with transaction.atomic():
        locked = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if locked.lifted_at is not None or locked.ends_on < timezone.localdate():
            raise ValidationError(_("Deze bewaarplicht is al beëindigd."))
        locked.lifted_at = timezone.now()
        locked.lifted_by = membership.user
        locked.save(update_fields=["lifted_at", "lifted_by", "updated_at"])
        audit.log_processing(
            activity=PrivacyActivity.RETENTION,
            name="legal_hold_lift",
            by=membership.user,
            subjects=(
                [audit.Subject(SubjectType.PERSON, str(locked.subject_id))]
                if locked.subject_id
                else []
            ),
            attributes={"scope": "person" if locked.subject_id else locked.kind},
        )
    return locked
