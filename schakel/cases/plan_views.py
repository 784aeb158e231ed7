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
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.cases import forms, permissions, plan_services, selectors
from schakel.cases.access import has_full_access
from schakel.cases.choices import (
    OPEN_INTERVENTION_STATUSES,
    InterventionKind,
    LifeDomain,
    PlanVersionStatus,
)
from schakel.cases.models import ActionPlanVersion, Case, ConsultationMeeting, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plan_services import PlanConflictError, latest_version
from schakel.cases.views import (
    _case_url,
    _done,
    _errors,
    _label,
    _posted,
    _run,
    _table_membership,
    _table_organisations,
    case_reference,
)
from schakel.core.pages import form_methods, page_of, query_without_page

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
            .values("id", "starts_at")
            .first()
        )
        if meeting is not None:
            adopted_in = {**meeting, "reference": ConsultationMeeting(pk=meeting["id"]).reference}
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


# Interventions --------------------------------------------------------------------------------


@form_methods
def intervention_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _plan_case(request, pk)
    today = timezone.localdate()
    form = forms.InterventionForm(
        _posted(request),
        owners=_table_organisations(case),
        initial={"starts_on": today},
    )
    if _run(
        form,
        lambda: plan_services.intervention_add(
            membership=membership, case=case, data=form.to_input()
        ),
    ):
        return _done(request, case, _("De interventie is aan het plan toegevoegd."))
    context = {
        "case": case,
        "form": form,
        "errors": _errors(form),
        "title": _("Interventie toevoegen"),
        "submit": _("Interventie toevoegen"),
        "cancel_url": _case_url(case),
    }
    return render(request, "cases/intervention_form.html", context)


def _intervention_for_plan_edit(
    request: HttpRequest, pk: uuid.UUID
) -> tuple[Membership, Intervention]:
    """A current intervention of a case the acting membership may edit the plan of; reading it
    (its description) is logged by the fetcher."""
    membership = acting_membership(request)
    intervention = selectors.intervention_get_for(membership=membership, pk=pk)
    if (
        membership is None
        or not intervention.is_current
        or not permissions.may_edit_plan(membership, intervention.plan.case)
    ):
        raise Http404
    return membership, intervention


def _with_revision(data: QueryDict, revision: int) -> QueryDict:
    copied = data.copy()
    copied["based_on_revision"] = str(revision)
    return copied


@form_methods
def intervention_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, intervention = _intervention_for_plan_edit(request, pk)
    case = intervention.plan.case
    owners = _table_organisations(case, intervention.owner_id)
    conflict: Intervention | None = None
    if request.method == "POST":
        form = forms.InterventionForm(request.POST, owners=owners)
        try:
            if _run(
                form,
                lambda: plan_services.intervention_change(
                    membership=membership,
                    intervention=intervention,
                    data=form.to_input(),
                    based_on_revision=form.cleaned_data["based_on_revision"] or 0,
                ),
            ):
                return _done(request, case, _("De interventie is gewijzigd."))
        except PlanConflictError:
            conflict = selectors.intervention_get_for(membership=membership, pk=pk)
            if not conflict.is_current:
                messages.error(request, _("Deze interventie is intussen uit het plan gehaald."))
                return redirect(_case_url(case))
            form = forms.InterventionForm(
                _with_revision(request.POST, conflict.revision), owners=owners
            )
    else:
        form = forms.InterventionForm(
            initial=forms.InterventionForm.initial_for(intervention), owners=owners
        )
    context = {
        "case": case,
        "form": form,
        "errors": _errors(form),
        "title": _("Interventie wijzigen"),
        "submit": _("Wijzigingen opslaan"),
        "cancel_url": reverse("cases:intervention_detail", kwargs={"pk": intervention.pk}),
        "conflict": conflict,
        "conflict_message": INTERVENTION_CONFLICT,
    }
    return render(request, "cases/intervention_form.html", context)


@form_methods
def intervention_delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, intervention = _intervention_for_plan_edit(request, pk)
    case = intervention.plan.case
    conflict = False
    if request.method == "POST":
        form = forms.RevisionForm(request.POST)
        try:
            if _run(
                form,
                lambda: plan_services.intervention_remove(
                    membership=membership,
                    intervention=intervention,
                    based_on_revision=form.cleaned_data["based_on_revision"],
                ),
            ):
                return _done(request, case, _("De interventie is uit het plan gehaald."))
        except PlanConflictError:
            conflict = True
            intervention.refresh_from_db()
            if not intervention.is_current:
                messages.error(request, _("Deze interventie is intussen uit het plan gehaald."))
                return redirect(_case_url(case))
            form = forms.RevisionForm(initial={"based_on_revision": intervention.revision})
    else:
        form = forms.RevisionForm(initial={"based_on_revision": intervention.revision})
    context = {
        "case": case,
        "intervention": intervention,
        "form": form,
        "errors": _errors(form) if not conflict else [],
        "conflict": conflict,
    }
    return render(request, "cases/intervention_remove.html", context)


@form_methods
def intervention_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The intervention, and for its owning organisation the progress form (status, outcome)."""
    membership = acting_membership(request)
    intervention = selectors.intervention_get_for(membership=membership, pk=pk)
    assert membership is not None  # the fetcher found nothing otherwise
    may_update = permissions.may_update_intervention(membership, intervention)
    if request.method == "POST" and not may_update:
        raise Http404
    conflict: Intervention | None = None
    if request.method == "POST":
        form = forms.ProgressForm(request.POST)
        try:
            if _run(
                form,
                lambda: plan_services.intervention_update_progress(
                    membership=membership,
                    intervention=intervention,
                    status=form.cleaned_data["status"],
                    outcome=form.cleaned_data["outcome"],
                    based_on_revision=form.cleaned_data["based_on_revision"],
                ),
            ):
                messages.success(request, _("De voortgang is opgeslagen."))
                return redirect(reverse("cases:intervention_detail", kwargs={"pk": pk}))
        except PlanConflictError:
            intervention.refresh_from_db()
            conflict = intervention
            form = forms.ProgressForm(_with_revision(request.POST, intervention.revision))
    else:
        form = forms.ProgressForm(initial=forms.ProgressForm.initial_for(intervention))
    case = intervention.plan.case
    context = {
        "intervention": intervention,
        "case": case,
        "case_reference": case.reference,
        "full_access": has_full_access(membership, case),
        "may_update": may_update,
        "may_edit_plan": intervention.is_current and permissions.may_edit_plan(membership, case),
        "overdue": intervention.status in OPEN_INTERVENTION_STATUSES
        and intervention.due_on < timezone.localdate(),
        "form": form,
        "errors": _errors(form) if may_update else [],
        "conflict": conflict,
        "conflict_message": INTERVENTION_CONFLICT,
    }
    return render(request, "cases/intervention_detail.html", context)


@require_GET
def intervention_list(request: HttpRequest) -> HttpResponse:
    membership = _table_membership(request)
    filter_form = forms.InterventionFilterForm(request.GET)
    status, own = filter_form.values()
    interventions = selectors.intervention_list_for(membership=membership)
    if status:
        interventions = interventions.filter(status=status)
    if own:
        interventions = interventions.filter(owner_id=membership.organisation_id)
    page = page_of(request, interventions)
    today = timezone.localdate()
    rows = [
        {
            "intervention": i,
            "case_reference": case_reference(i.plan.case_id),
            "overdue": i.status in OPEN_INTERVENTION_STATUSES and i.due_on < today,
            "own": i.owner_id == membership.organisation_id,
        }
        for i in page
    ]
    context = {
        "filter_form": filter_form,
        "page": page,
        "rows": rows,
        "query": query_without_page(request),
        "filtered": bool(status or own),
    }
    return render(request, "cases/intervention_list.html", context)
