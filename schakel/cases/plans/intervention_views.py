"""Intervention pages: adding, changing and removing an intervention in the plan, its detail
with progress, and the list of interventions across the cases one may see."""

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.cases import forms, permissions, selectors
from schakel.cases.access import has_full_access
from schakel.cases.choices import (
    OPEN_INTERVENTION_STATUSES,
)
from schakel.cases.list_reads import log_intervention_rows
from schakel.cases.manage_views import _done
from schakel.cases.models import Intervention
from schakel.cases.plans import services as plan_services
from schakel.cases.plans.services import PlanConflictError
from schakel.cases.plans.views import INTERVENTION_CONFLICT, _plan_case
from schakel.cases.views import (
    _case_url,
    _errors,
    _posted,
    _run,
    _table_membership,
    _table_organisations,
)
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of, query_without_page

# Interventions --------------------------------------------------------------------------------


@token_required
@form_methods
def intervention_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _plan_case(request, pk)
    today = timezone.localdate()
    form = forms.InterventionForm(
        _posted(request),
        owners=_table_organisations(case),
        initial={"starts_on": today},
    )
    added: list[Intervention] = []
    if _run(
        form,
        lambda: added.append(
            plan_services.intervention_add(membership=membership, case=case, data=form.to_input())
        ),
    ):
        # Back to the plan's interventions, with a link to the one just added.
        detail = reverse("cases:intervention_detail", kwargs={"pk": added[0].pk})
        messages.success(
            request,
            format_html(
                '{} <a class="utrecht-link" href="{}">{}</a>',
                _("De interventie is aan het plan toegevoegd."),
                detail,
                _("Interventie bekijken"),
            ),
        )
        return redirect(_case_url(case) + "#interventies")
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
    log_intervention_rows(
        membership=membership, interventions=page.object_list, name="intervention_list_read"
    )
    today = timezone.localdate()
    rows = [
        {
            "intervention": i,
            "case_reference": i.plan.case.reference,
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
