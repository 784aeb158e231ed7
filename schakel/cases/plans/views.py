"""Screens of the integrated action plan: editing the analysis and goals (with conflict
handling), versions, interventions and the owners' progress pages.

Thin like every view: fetch through a selector (reads logged), bind a form, call one service;
a concurrent change is explained and nothing typed is lost; what the acting membership may not
see or do is a 404.
"""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.cases import forms, permissions, selectors
from schakel.cases.choices import (
    InterventionKind,
    LifeDomain,
    PlanVersionStatus,
)
from schakel.cases.models import ActionPlanVersion, Case, ConsultationMeeting
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plans import services as plan_services
from schakel.cases.plans.services import PlanConflictError, latest_version
from schakel.cases.views import (
    _errors,
    _label,
    _run,
)
from schakel.core.once import token_required
from schakel.core.pages import form_methods

PLAN_CONFLICT = gettext_lazy(
    "Iemand anders heeft het plan intussen gewijzigd. Uw tekst staat hieronder; de opgeslagen "
    "versie ernaast."
)
INTERVENTION_CONFLICT = gettext_lazy(
    "Iemand anders heeft deze interventie intussen gewijzigd. Uw invoer staat hieronder; de "
    "opgeslagen versie ernaast."
)

# The action plan ------------------------------------------------------------------------------


def _plan_case(request: HttpRequest, pk: uuid.UUID) -> tuple[Membership, Case]:
    membership = acting_membership(request)
    case = selectors.case_for_action(membership=membership, pk=pk)
    if membership is None or not permissions.may_edit_plan(membership, case):
        raise Http404
    return membership, case


def _read_latest(membership: Membership, case: Case) -> ActionPlanVersion | None:
    """The latest version, read through the fetcher that logs the read."""
    latest = latest_version(case.action_plan)
    if latest is None:
        return None
    _case, version, _identity = selectors.plan_version_get_for(
        membership=membership, case_pk=case.pk, number=latest.number
    )
    return version


@dataclass(frozen=True)
class PlanRow:
    field: django_forms.BoundField
    saved: str | None


@token_required
@form_methods
def plan_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _plan_case(request, pk)
    conflict: ActionPlanVersion | None = None
    if request.method == "POST":
        form = forms.PlanForm(request.POST)
        saved: list[ActionPlanVersion] = []
        try:
            done = _run(
                form,
                lambda: saved.append(
                    plan_services.plan_update(
                        membership=membership, case=case, data=form.to_input()
                    )
                ),
            )
        except PlanConflictError:
            done = False
            conflict = _read_latest(membership, case)
            # Keep every word typed; the next save is based on what is stored now.
            data = request.POST.copy()
            based_on = forms.PlanForm.initial_for(conflict)
            for name in ("based_on_version", "based_on_revision"):
                data[name] = str(based_on[name])
            form = forms.PlanForm(data)
        if done:
            messages.success(
                request,
                _("Het plan is opgeslagen als conceptversie %(number)s.")
                % {"number": saved[0].number},
            )
            return redirect(_version_url(case, saved[0].number))
        latest = conflict or latest_version(case.action_plan)
    else:
        latest = _read_latest(membership, case)
        form = forms.PlanForm(initial=forms.PlanForm.initial_for(latest))
    rows = [
        PlanRow(bound, (getattr(conflict, bound.name) or "") if conflict is not None else None)
        for bound in form.text_fields
    ]
    context = {
        "case": case,
        "form": form,
        "rows": rows,
        "errors": _errors(form),
        "conflict": conflict,
        "conflict_message": PLAN_CONFLICT,
        "latest": latest,
    }
    return render(request, "cases/plan_edit.html", context)


def _version_url(case: Case, number: int) -> str:
    return reverse("cases:plan_version", kwargs={"pk": case.pk, "number": number})


@require_GET
def plan_versions(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    case = selectors.case_for_action(membership=membership, pk=pk)
    versions = [
        {
            **row,
            "status_label": _label(PlanVersionStatus, row["status"]),
            "adopted": row["status"] == PlanVersionStatus.ADOPTED,
        }
        for row in ActionPlanVersion.objects.filter(plan__case=case)
        .order_by("-number")
        .values(
            "number",
            "status",
            "adopted_at",
            "updated_at",
            "adopted_in__meeting_id",
            "adopted_in__meeting__starts_at",
        )
    ]
    context = {
        "case": case,
        "versions": versions,
        "may_edit_plan": permissions.may_edit_plan(membership, case),
    }
    return render(request, "cases/plan_versions.html", context)


@dataclass(frozen=True)
class SnapshotRow:
    id: str
    kind: str
    owner: str
    life_domain: str
    description: str
    starts_on: date | None
    due_on: date | None


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _snapshot_rows(items: list[dict[str, object]]) -> list[SnapshotRow]:
    return [
        SnapshotRow(
            id=str(item.get("id", "")),
            kind=_label(InterventionKind, str(item.get("kind", ""))),
            owner=str(item.get("owner_name", "")),
            life_domain=_label(LifeDomain, str(item.get("life_domain", "")))
            if item.get("life_domain")
            else "",
            description=str(item.get("description", "")),
            starts_on=_as_date(item.get("starts_on")),
            due_on=_as_date(item.get("due_on")),
        )
        for item in items
    ]


@require_GET
def plan_version(request: HttpRequest, pk: uuid.UUID, number: int) -> HttpResponse:
    membership = acting_membership(request)
    case, version, _identity = selectors.plan_version_get_for(
        membership=membership, case_pk=pk, number=number
    )
    adopted_in: dict[str, Any] | None = None
    if version.is_adopted and version.adopted_in_id is not None:
        meeting = (
            ConsultationMeeting.objects.filter(agenda_items=version.adopted_in_id)
            .values("id", "reference", "starts_at")
            .first()
        )
        if meeting is not None:
            adopted_in = dict(meeting)
    latest = latest_version(case.action_plan)
    context = {
        "case": case,
        "version": version,
        "analysis": [
            (domain.label, getattr(version, name) or "") for domain, name in ANALYSIS_FIELDS.items()
        ],
        "interventions": _snapshot_rows(selectors.interventions_in_version(version)),
        "adopted_in": adopted_in,
        "is_latest": latest is not None and latest.pk == version.pk,
        "may_edit_plan": permissions.may_edit_plan(membership, case),
    }
    return render(request, "cases/plan_version.html", context)
