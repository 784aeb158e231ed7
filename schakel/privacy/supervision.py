"""Toezichtsinzage: a privacy officer opens the content of one case after recording a reason.

- Only for cases the officer's organisation has to do with: it directs the case, is its ZVH,
  or has (or had) a participation in it. Any other reference is "not found".
- The reason is required (at least ``REASON_MIN_LENGTH`` characters); the access runs for a fixed
  period (``SCHAKEL_SUPERVISION_ACCESS_HOURS``, default 4 hours) and only for the officer who
  opened it. Opening it needs a fresh step-up (the view) and is logged; every time the content
  page is shown is logged too (``PrivacyActivity.SUPERVISION``, subject = the case's person).
- The directing municipality sees every access on its cases: when, by whom (function and
  organisation, never the name), why and until when.
- The officer sees what their organisation could see of the case: everything when it directs the
  case or is its ZVH; as a partner only the disclosures it made or received; after an incidental
  participation only the agenda items it was invited to and its own interventions.
- The normal case pages stay closed to privacy officers (``cases.access``): this is the only way.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.choices import ParticipationKind
from schakel.cases.models import (
    ActionPlanVersion,
    AgendaItem,
    Case,
    Disclosure,
    Intervention,
    Invitation,
    ItemDecision,
    Participation,
)
from schakel.cases.services import subject_of
from schakel.core import validators
from schakel.core.references import normalise
from schakel.core.validators import check_length, collect
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.models import SupervisionAccess

REASON_MIN_LENGTH = 20
DEFAULT_HOURS = 4
# How many cases in scope the form offers to pick from (the rest by reference).
PICK_LIST_SIZE = 100


def access_period() -> timedelta:
    return timedelta(
        hours=int(getattr(settings, "SCHAKEL_SUPERVISION_ACCESS_HOURS", DEFAULT_HOURS))
    )


def _is_officer(membership: Membership | None) -> bool:
    return membership is not None and membership.role == Role.PRIVACY_OFFICER


def cases_in_scope(*, membership: Membership | None) -> QuerySet[Case]:
    """Cases the officer's organisation directs, runs as ZVH or takes (or took) part in."""
    if membership is None or not _is_officer(membership):
        return Case.objects.none()
    org = membership.organisation_id
    taking_part = Participation.objects.filter(organisation_id=org).values("case_id")
    return Case.objects.filter(
        Q(directing_municipality_id=org) | Q(zvh_id=org) | Q(pk__in=taking_part)
    )


def pick_list(*, membership: Membership) -> list[Case]:
    """The most recently opened cases in scope, metadata only, for the form's list."""
    return list(
        cases_in_scope(membership=membership)
        .select_related("directing_municipality")
        .only(
            "id",
            "reference",
            "phase",
            "opened_at",
            "directing_municipality_id",
            "directing_municipality__name",
        )
        .order_by("-opened_at")[:PICK_LIST_SIZE]
    )


def case_by_reference(*, membership: Membership, reference: str) -> Case | None:
    found = normalise(reference)
    if found is None:
        return None
    return cases_in_scope(membership=membership).filter(reference=found).first()


def _validate_reason(reason: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if len(reason.strip()) < REASON_MIN_LENGTH:
        errors["reason"] = [
            _("Leg vast waarom u de inhoud van deze casus wilt inzien, in minstens %(min)s tekens.")
            % {"min": REASON_MIN_LENGTH}
        ]
    check_length(errors, "reason", reason, validators.TEXT_MAX_LENGTH)
    collect(errors, "reason", validators.validate_no_control_characters, reason)
    return errors


def supervision_open(
    *, membership: Membership, reference: str = "", case_id: uuid.UUID | None = None, reason: str
) -> SupervisionAccess:
    """Record the reason and open the case for this officer for the fixed period.

    The case is named by its reference (CAS-2026-0042) or picked from the cases in scope; anything
    outside the scope gives the same message as a reference that does not exist.
    """
    if not _is_officer(membership):
        raise Http404
    errors = _validate_reason(reason)
    case: Case | None = None
    if case_id is not None:
        case = cases_in_scope(membership=membership).filter(pk=case_id).first()
    elif reference.strip():
        case = case_by_reference(membership=membership, reference=reference)
    else:
        errors["reference"] = [_("Vul de referentie van de casus in of kies een casus.")]
    if case is None and "reference" not in errors:
        errors["reference"] = [
            _("Geen casus met deze referentie gevonden bij de casussen van uw organisatie.")
        ]
    if errors:
        raise ValidationError(errors)
    assert case is not None
    now = timezone.now()
    with transaction.atomic():
        access = SupervisionAccess.objects.create(
            case=case,
            officer=membership.user,
            organisation=membership.organisation,
            reason=reason.strip(),
            granted_at=now,
            valid_until=now + access_period(),
        )
        audit.log_processing(
            activity=PrivacyActivity.SUPERVISION,
            name="supervision_access_granted",
            by=membership.user,
            subjects=[subject_of(case)],
            attributes={
                "access": str(access.pk),
                "case": str(case.pk),
                "hours": int(access_period().total_seconds() // 3600),
            },
        )
    return access


def accesses_of_officer(*, membership: Membership) -> QuerySet[SupervisionAccess]:
    """The officer's own accesses (newest first), without the case content."""
    if not _is_officer(membership):
        return SupervisionAccess.objects.none()
    return (
        SupervisionAccess.objects.filter(
            officer_id=membership.user_id, organisation_id=membership.organisation_id
        )
        .select_related("case")
        .only("id", "case_id", "granted_at", "valid_until", "case__id", "officer_id")
        .order_by("-granted_at")
    )


def valid_access(*, membership: Membership | None, pk: uuid.UUID) -> SupervisionAccess:
    """The officer's own access while it runs; anything else is 404."""
    if membership is None or not _is_officer(membership):
        raise Http404
    now = timezone.now()
    access = (
        SupervisionAccess.objects.filter(
            pk=pk,
            officer_id=membership.user_id,
            organisation_id=membership.organisation_id,
            granted_at__lte=now,
            valid_until__gt=now,
        )
        .select_related(
            "case__directing_municipality",
            "case__zvh",
            "case__informed_by",
            "case__process_director",
        )
        .first()
    )
    if access is None:
        raise Http404
    return access


@dataclass
class SupervisionCaseView:
    access: SupervisionAccess
    full_case: bool
    case: Case
    participations: list[Participation]
    agenda_items: list[AgendaItem]
    versions: list[ActionPlanVersion]
    interventions: list[Intervention]
    process_director: str


def supervision_case_get(*, membership: Membership | None, pk: uuid.UUID) -> SupervisionCaseView:
    """The whole content of the case of a running access; the read is logged first."""
    access = valid_access(membership=membership, pk=pk)
    assert membership is not None
    case = access.case
    audit.log_processing(
        activity=PrivacyActivity.SUPERVISION,
        name="supervision_case_read",
        by=membership.user,
        subjects=[subject_of(case)],
        attributes={"access": str(access.pk), "case": str(case.pk)},
    )
    org = access.organisation_id
    # The officer supervises what their organisation could see: the directing municipality and
    # the ZVH see every disclosure, a partner the ones it made or received; a partner that only
    # took part incidentally sees only the items it was invited to and its own interventions.
    steers = org in (case.directing_municipality_id, case.zvh_id)
    full_case = (
        steers
        or case.participations.filter(
            organisation_id=org, kind=ParticipationKind.STRUCTURAL
        ).exists()
    )
    disclosures = Disclosure.objects.select_related(
        "from_organisation", "legal_basis", "disclosed_by", "corrects"
    ).prefetch_related("recipients")
    if not steers:
        received = Disclosure.recipients.through.objects.filter(organisation_id=org)
        disclosures = disclosures.filter(
            Q(from_organisation_id=org) | Q(pk__in=received.values("disclosure_id"))
        )
    items = case.agenda_items.all()
    if not full_case:
        items = items.filter(
            pk__in=Invitation.objects.filter(organisation_id=org).values("agenda_item_id")
        )
    items = (
        items.select_related("meeting")
        .prefetch_related(
            Prefetch("decisions", queryset=ItemDecision.objects.select_related("recorded_by")),
            Prefetch("disclosures", queryset=disclosures),
        )
        .order_by("-meeting__starts_at")
    )
    plan = getattr(case, "action_plan", None)
    versions: list[ActionPlanVersion] = []
    interventions: list[Intervention] = []
    if plan is not None:
        owned = plan.interventions.all() if full_case else plan.interventions.filter(owner_id=org)
        versions = list(plan.versions.order_by("-number")) if full_case else []
        interventions = list(owned.select_related("owner").order_by("due_on"))
    director = case.process_director
    return SupervisionCaseView(
        access=access,
        full_case=full_case,
        case=case,
        participations=list(case.participations.select_related("organisation")),
        agenda_items=list(items),
        versions=versions,
        interventions=interventions,
        process_director=staff_display(director, case.zvh) if director is not None else "",
    )


@dataclass(frozen=True)
class AccessRow:
    granted_at: datetime
    valid_until: datetime
    officer: str
    reason: str
    running: bool


def accesses_for_case(*, membership: Membership | None, case: Case) -> list[AccessRow]:
    """What the directing municipality sees on its case: every supervision access (the officer
    as function and organisation only). Nobody else sees them here."""
    if not permissions.directs_case(membership, case):
        return []
    now = timezone.now()
    accesses = SupervisionAccess.objects.filter(case=case).select_related("officer", "organisation")
    return [
        AccessRow(
            granted_at=access.granted_at,
            valid_until=access.valid_until,
            officer=staff_display(access.officer, access.organisation),
            reason=access.reason,
            running=access.granted_at <= now < access.valid_until,
        )
        for access in accesses.order_by("-granted_at")
    ]
