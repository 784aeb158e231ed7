"""Writes on the integrated action plan: edit the analysis and goals, add, change and remove
interventions, adopt a version in a meeting, and the owners' progress updates.

A version adopted in a meeting is frozen: the next edit starts a new draft version (a copy).
Edits carry the revision they were based on; when someone saved in between, the edit is
refused with ``PlanConflictError`` and nothing is lost — the caller shows both.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import (
    InterventionKind,
    InterventionStatus,
    LifeDomain,
    MeetingStatus,
    PlanVersionStatus,
)
from schakel.cases.models import ActionPlan, ActionPlanVersion, AgendaItem, Case, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.services import CaseStateError, at_the_table, subject_of, text_errors
from schakel.network.models import Organisation


class PlanConflictError(Exception):
    """Someone else saved the plan (or the intervention) since this edit was started."""


def _log(membership: Membership, case: Case, name: str, **attributes: str | int) -> None:
    audit.log_processing(
        activity=CaseActivity.ACTION_PLAN,
        name=name,
        by=membership.user,
        subjects=[subject_of(case)],
        attributes=attributes or None,
    )


def latest_version(plan: ActionPlan) -> ActionPlanVersion | None:
    return plan.versions.order_by("-number").first()


def _draft_for_edit(*, plan: ActionPlan, membership: Membership) -> ActionPlanVersion:
    """The draft to edit: the open draft, or a copy of the latest adopted version."""
    latest = (
        ActionPlanVersion.objects.select_for_update().filter(plan=plan).order_by("-number").first()
    )
    if latest is not None and latest.status == PlanVersionStatus.DRAFT:
        return latest
    copied = {name: getattr(latest, name) for name in ANALYSIS_FIELDS.values()} if latest else {}
    return ActionPlanVersion.objects.create(
        plan=plan,
        number=(latest.number + 1) if latest else 1,
        goals=latest.goals if latest else None,
        created_by=membership.user,
        updated_by=membership.user,
        **copied,
    )


def _touch(draft: ActionPlanVersion) -> None:
    """A change to the draft's interventions is a change to the draft: an adoption based on an
    older revision is refused."""
    ActionPlanVersion.objects.filter(pk=draft.pk).update(
        revision=F("revision") + 1, updated_at=timezone.now()
    )


def _lock_open_case(case: Case) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.is_closed:
        raise CaseStateError
    return locked


@dataclass(frozen=True)
class PlanInput:
    """The analysis per life domain and the goals, and the version/revision the edit began from
    (none for a plan without versions)."""

    analysis: dict[str, str]
    goals: str
    based_on_version: uuid.UUID | None
    based_on_revision: int | None


def plan_update(*, membership: Membership, case: Case, data: PlanInput) -> ActionPlanVersion:
    if not permissions.may_edit_plan(membership, case):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    for domain, text in data.analysis.items():
        if domain not in LifeDomain.values:
            errors.setdefault("analysis", []).append(_("Onbekend leefgebied."))
        text_errors(errors, f"analysis_{domain}", text)
    text_errors(errors, "goals", data.goals)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock_open_case(case)
        plan = ActionPlan.objects.get(case=case)
        latest = (
            ActionPlanVersion.objects.select_for_update()
            .filter(plan=plan)
            .order_by("-number")
            .first()
        )
        expected = (latest.pk, latest.revision) if latest else (None, None)
        if expected != (data.based_on_version, data.based_on_revision):
            raise PlanConflictError
        version = _draft_for_edit(plan=plan, membership=membership)
        for domain, text in data.analysis.items():
            setattr(version, f"analysis_{domain}", text.strip() or None)
        version.goals = data.goals.strip() or None
        version.updated_by = membership.user
        version.revision = F("revision") + 1
        version.save()
        version.refresh_from_db()
        _log(membership, case, "plan_updated", version=version.number)
    return version


@dataclass(frozen=True)
class InterventionInput:
    kind: str
    owner: Organisation
    description: str
    starts_on: date
    due_on: date
    life_domain: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _validate_intervention(data: InterventionInput, case: Case) -> None:
    errors: dict[str, list[str]] = {}
    if data.owner.pk not in at_the_table(case):
        errors["owner"] = [_("De eigenaar is een organisatie aan tafel bij deze casus.")]
    if data.kind not in InterventionKind.values:
        errors["kind"] = [_("Kies de soort interventie.")]
    if data.life_domain and data.life_domain not in LifeDomain.values:
        errors["life_domain"] = [_("Kies een leefgebied.")]
    if not data.description.strip():
        errors["description"] = [_("Beschrijf de interventie.")]
    text_errors(errors, "description", data.description)
    if data.due_on < data.starts_on:
        errors["due_on"] = [_("De einddatum ligt vóór de startdatum.")]
    if not data.owner.is_active:
        errors["owner"] = [_("Deze organisatie is niet actief.")]
    if errors:
        raise ValidationError(errors)


def intervention_add(
    *, membership: Membership, case: Case, data: InterventionInput
) -> Intervention:
    if not permissions.may_edit_plan(membership, case):
        raise PermissionDenied
    _validate_intervention(data, case)
    with transaction.atomic():
        _lock_open_case(case)
        plan = ActionPlan.objects.get(case=case)
        version = _draft_for_edit(plan=plan, membership=membership)
        _touch(version)
        intervention = Intervention.objects.create(
            plan=plan,
            kind=data.kind,
            owner=data.owner,
            life_domain=data.life_domain,
            description=data.description.strip(),
            starts_on=data.starts_on,
            due_on=data.due_on,
            added_in=version,
        )
        _log(membership, case, "intervention_added", kind=data.kind)
    return intervention


def intervention_change(
    *,
    membership: Membership,
    intervention: Intervention,
    data: InterventionInput,
    based_on_revision: int,
) -> Intervention:
    """Change what an intervention is (kind, owner, text, dates): a plan edit."""
    case = intervention.plan.case
    if not permissions.may_edit_plan(membership, case):
        raise PermissionDenied
    _validate_intervention(data, case)
    with transaction.atomic():
        _lock_open_case(case)
        _touch(_draft_for_edit(plan=intervention.plan, membership=membership))
        updated = Intervention.objects.filter(
            pk=intervention.pk, revision=based_on_revision, removed_in__isnull=True
        ).update(
            kind=data.kind,
            owner=data.owner,
            life_domain=data.life_domain,
            description=data.description.strip(),
            starts_on=data.starts_on,
            due_on=data.due_on,
            revision=F("revision") + 1,
            updated_at=timezone.now(),
        )
        if not updated:
            raise PlanConflictError
        _log(membership, case, "intervention_changed", kind=data.kind)
    intervention.refresh_from_db()
    return intervention


def intervention_remove(
    *, membership: Membership, intervention: Intervention, based_on_revision: int
) -> Intervention:
    case = intervention.plan.case
    if not permissions.may_edit_plan(membership, case):
        raise PermissionDenied
    with transaction.atomic():
        _lock_open_case(case)
        version = _draft_for_edit(plan=intervention.plan, membership=membership)
        _touch(version)
        updated = Intervention.objects.filter(
            pk=intervention.pk, revision=based_on_revision, removed_in__isnull=True
        ).update(removed_in=version, revision=F("revision") + 1, updated_at=timezone.now())
        if not updated:
            raise PlanConflictError
        _log(membership, case, "intervention_removed")
    intervention.refresh_from_db()
    return intervention


def _snapshot(plan: ActionPlan) -> list[dict[str, str]]:
    return [
        {
            "id": str(i.pk),
            "kind": i.kind,
            "owner": str(i.owner_id),
            "owner_name": i.owner.name,
            "life_domain": i.life_domain,
            "description": i.description,
            "starts_on": i.starts_on.isoformat(),
            "due_on": i.due_on.isoformat(),
        }
        for i in plan.interventions.filter(removed_in__isnull=True).select_related("owner")
    ]


class MeetingNotHeldError(CaseStateError):
    """A plan is adopted in a meeting that has been held, or that is being held now."""

    detail = gettext_lazy(
        "Het plan is niet vastgesteld: het overleg is nog niet gehouden. Een plan wordt "
        "vastgesteld in een overleg dat is gehouden, of dat nu wordt gehouden (bevestig dat dan "
        "uitdrukkelijk)."
    )


def plan_adopt(
    *,
    membership: Membership,
    item: AgendaItem,
    based_on_revision: int,
    meeting_in_progress: bool = False,
) -> ActionPlanVersion:
    """The meeting adopts the draft: it is frozen with the interventions as they stand. Only in
    a meeting that was held, or that the person says is being held now (``meeting_in_progress``):
    never ahead of a planned meeting by accident."""
    if not permissions.may_minute(membership, item):
        raise PermissionDenied
    if item.meeting.status != MeetingStatus.HELD and not meeting_in_progress:
        raise MeetingNotHeldError
    case = item.case
    with transaction.atomic():
        _lock_open_case(case)
        plan = ActionPlan.objects.get(case=case)
        draft = (
            ActionPlanVersion.objects.select_for_update()
            .filter(plan=plan, status=PlanVersionStatus.DRAFT)
            .first()
        )
        if draft is None:
            raise ValidationError({"plan": [_("Er is geen conceptversie om vast te stellen.")]})
        if draft.revision != based_on_revision:
            raise PlanConflictError
        draft.status = PlanVersionStatus.ADOPTED
        draft.adopted_at = timezone.now()
        draft.adopted_in = item
        draft.interventions_snapshot = _snapshot(plan)
        draft.revision = draft.revision + 1
        draft.updated_by = membership.user
        draft.save()
        _log(membership, case, "plan_adopted", version=draft.number)
    return draft


def intervention_update_progress(
    *,
    membership: Membership,
    intervention: Intervention,
    status: str,
    outcome: str,
    based_on_revision: int,
) -> Intervention:
    """The owning organisation reports progress: status and outcome."""
    if not permissions.may_update_intervention(membership, intervention):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if status not in InterventionStatus.values:
        errors["status"] = [_("Kies de status.")]
    text_errors(errors, "outcome", outcome)
    if status in (InterventionStatus.COMPLETED, InterventionStatus.STOPPED) and not outcome.strip():
        errors["outcome"] = [_("Beschrijf het resultaat.")]
    if errors:
        raise ValidationError(errors)
    case = intervention.plan.case
    with transaction.atomic():
        _lock_open_case(case)
        now = timezone.now()
        changes: dict[str, object] = {
            "outcome": outcome.strip() or None,
            "revision": F("revision") + 1,
            "updated_at": now,
        }
        if status != intervention.status:
            changes.update(status=status, status_changed_at=now)
        updated = Intervention.objects.filter(
            pk=intervention.pk, revision=based_on_revision, removed_in__isnull=True
        ).update(**changes)
        if not updated:
            raise PlanConflictError
        _log(membership, case, "intervention_progress", status=status)
    intervention.refresh_from_db()
    return intervention
