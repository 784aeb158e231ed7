"""Writes on a case: opening it from a weighing, participations, informing the person,
reviews and reassessment, de-escalation and closure.

Each service checks the acting membership, validates with Dutch messages, writes in one
transaction and logs the processing in that transaction (one record per person).
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership, User
from schakel.accounts.organisations.selectors import process_directors_of, zvh_for
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.cases import permissions
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import (
    CasePhase,
    ParticipationKind,
)
from schakel.cases.models import ActionPlan, Case, Invitation, Participation
from schakel.core import validators
from schakel.core.errors import StateError
from schakel.core.validators import check_length, collect
from schakel.intake.models import Subject
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation
from schakel.weighing.models import WeighingItem

# The weighing team's organisations that become structural participants of a new case.
STRUCTURAL_FROM_WEIGHING = (OrganisationKind.POLICE, OrganisationKind.PUBLIC_PROSECUTION)

# Continued discussion is reassessed at least yearly.
REASSESSMENT_INTERVAL = timedelta(days=365)


class CaseStateError(StateError):
    """The case changed (or is closed) since the page was loaded; nothing was changed."""


def subject_of(case: Case) -> audit.Subject:
    return audit.Subject(SubjectType.PERSON, str(case.subject_id))


def text_errors(errors: dict[str, list[str]], name: str, value: str) -> None:
    check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
    collect(errors, name, validators.validate_no_control_characters, value)


def at_the_table(case: Case) -> set[uuid.UUID]:
    """The organisations at the table for a case today or later: the directing municipality,
    the ZVH and every participation that has not ended."""
    today = timezone.localdate()
    taking_part = Participation.objects.filter(case=case).exclude(ends_on__lt=today)
    return {
        case.directing_municipality_id,
        case.zvh_id,
        *taking_part.values_list("organisation_id", flat=True),
    }


def case_open_from_weighing(
    *, membership: Membership, item: WeighingItem, process_director: User | None
) -> Case:
    """Open the case after an "include" decision: direction with the municipality of residence,
    the process with its ZVH; the session's police and OM join structurally. Called by
    ``weighing.services.item_decide`` inside its transaction (``cases.inclusion``)."""
    zvh = zvh_for(item.directing_municipality_id)
    if zvh is None:
        raise ValidationError(
            {"outcome": [_("De woongemeente heeft geen Zorg- en Veiligheidshuis in Schakel.")]}
        )
    # One open case per person: the subject row serialises concurrent inclusions.
    Subject.objects.select_for_update().get(pk=item.subject_id)
    if Case.objects.filter(subject_id=item.subject_id).exclude(phase=CasePhase.CLOSED).exists():
        raise ValidationError({"outcome": [_("Voor deze persoon loopt al een casus.")]})
    directors = process_directors_of(zvh)
    if process_director is None and len(directors) == 1:
        process_director = directors[0]
    if process_director is not None and process_director not in directors:
        raise ValidationError(
            {"process_director": [_("Kies een procesregisseur van het Zorg- en Veiligheidshuis.")]}
        )
    now = timezone.now()
    today = timezone.localdate()
    case = Case.objects.create(
        subject_id=item.subject_id,
        directing_municipality_id=item.directing_municipality_id,
        zvh=zvh,
        process_director=process_director,
        opened_from=item,
        opened_at=now,
        reassessment_due_on=today + REASSESSMENT_INTERVAL,
    )
    ActionPlan.objects.create(case=case)
    # The police and the OM of the weighing stay at the table; anyone else joins by decision
    # of the directing municipality or the ZVH (a participation or an invitation).
    partners = item.session.participants.filter(kind__in=STRUCTURAL_FROM_WEIGHING)
    Participation.objects.bulk_create(
        Participation(
            case=case,
            organisation=org,
            kind=ParticipationKind.STRUCTURAL,
            starts_on=today,
            added_by=membership.user,
        )
        for org in partners
    )
    audit.log_processing(
        activity=CaseActivity.CASE_CONSULTATION,
        name="case_opened",
        by=membership.user,
        subjects=[subject_of(case)],
    )
    return case


def _check_open(case: Case) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.is_closed:
        raise CaseStateError
    return locked


@dataclass(frozen=True)
class ParticipationInput:
    organisation: Organisation
    kind: str
    starts_on: date
    ends_on: date | None = None


def participation_add(
    *, membership: Membership, case: Case, data: ParticipationInput
) -> Participation:
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if data.kind not in ParticipationKind.values:
        errors["kind"] = [_("Kies structureel of incidenteel.")]
    if data.ends_on is not None and data.ends_on < data.starts_on:
        errors["ends_on"] = [_("De einddatum ligt vóór de begindatum.")]
    if data.kind == ParticipationKind.INCIDENTAL and data.ends_on is None:
        errors["ends_on"] = [_("Een incidentele deelname heeft een einddatum.")]
    if not data.organisation.is_active:
        errors["organisation"] = [_("Deze organisatie is niet actief.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _check_open(case)
        participation = Participation.objects.create(
            case=case,
            organisation=data.organisation,
            kind=data.kind,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            added_by=membership.user,
        )
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="participation_added",
            by=membership.user,
            subjects=[subject_of(case)],
            attributes={"kind": data.kind},
        )
    return participation


def participation_end(
    *, membership: Membership, participation: Participation, ends_on: date
) -> Participation:
    case = participation.case
    if not permissions.may_manage_case(membership, case):
        raise PermissionDenied
    if ends_on < participation.starts_on:
        raise ValidationError({"ends_on": [_("De einddatum ligt vóór de begindatum.")]})
    with transaction.atomic():
        _check_open(case)
        participation.ends_on = ends_on
        participation.save(update_fields=["ends_on", "updated_at"])
        if participation.kind == ParticipationKind.INCIDENTAL:
            # The invitations of the organisation to this case's items end with it.
            invitations = Invitation.objects.filter(
                agenda_item__case=case,
                organisation_id=participation.organisation_id,
                kind=ParticipationKind.INCIDENTAL,
            )
            invitations.filter(valid_from__gt=ends_on).delete()
            invitations.filter(valid_until__gt=ends_on).update(
                valid_until=ends_on, updated_at=timezone.now()
            )
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="participation_ended",
            by=membership.user,
            subjects=[subject_of(case)],
        )
    return participation
