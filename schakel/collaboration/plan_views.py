"""Pages of a collaboration's multi-year policy plan: members read it, the managing roles (chair,
coordinator, secretary) create and change it, add goals with indicators and record progress;
the export for the administrative meeting (PDF/UA, CSV) is for every member.

Free texts are checked for person data by the services; the refusal is shown in Dutch next to
the field. A non-member gets a 404 on every page; a member who may not write gets a 404 on the
writing pages.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.collaboration import export, plan_services, selectors
from schakel.collaboration.forms import GoalForm, IndicatorForm, PlanForm, ProgressForm
from schakel.collaboration.models import PolicyPlan
from schakel.collaboration.views import Seat, seat
from schakel.core.forms import add_service_errors, shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods

GOAL_FIELDS = {
    "indicator_name": "indicator_name",
    "indicator_baseline": "indicator_baseline",
    "indicator_target": "indicator_target",
    "indicator_unit": "indicator_unit",
}


def _managing_seat(request: HttpRequest, pk: uuid.UUID) -> Seat:
    found = seat(request, pk)
    if not found.may_manage:
        raise Http404
    return found


def _plan(found: Seat) -> PolicyPlan:
    plan = selectors.plan_of(found.collaboration)
    if plan is None:
        raise Http404
    return plan


def _to_plan(found: Seat) -> HttpResponse:
    return redirect("collaboration:plan", pk=found.collaboration.pk)


@require_GET
def plan_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    found = seat(request, pk)
    context = {
        "seat": found,
        "collaboration": found.collaboration,
        "plan": selectors.plan_of(found.collaboration),
    }
    return render(request, "collaboration/plan_detail.html", context)


@token_required
@form_methods
def plan_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    found = _managing_seat(request, pk)
    plan = selectors.plan_of(found.collaboration)
    form = PlanForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = plan_services.PlanInput(
            start_year=form.cleaned_data["start_year"],
            end_year=form.cleaned_data["end_year"],
            summary=form.cleaned_data["summary"],
            themes=form.themes(),
        )
        try:
            plan_services.plan_save(collaboration=found.collaboration, data=data)
        except ValidationError as error:
            add_service_errors(form, error, {"themes": "theme_1"})
        else:
            messages.success(request, _("Het beleidsplan is opgeslagen."))
            return _to_plan(found)
    context = {
        "collaboration": found.collaboration,
        "plan": plan,
        "form": form,
        "errors": shown_errors(form),
    }
    return render(request, "collaboration/plan_form.html", context)


@token_required
@form_methods
def goal_add(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    found = _managing_seat(request, pk)
    plan = _plan(found)
    form = GoalForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        indicator = (
            plan_services.IndicatorInput(
                name=data["indicator_name"],
                baseline=data["indicator_baseline"],
                target=data["indicator_target"],
                unit=data["indicator_unit"],
            )
            if form.has_indicator()
            else None
        )
        goal = plan_services.GoalInput(
            theme=data["theme"],
            title=data["title"],
            intended_result=data["intended_result"],
            indicator=indicator,
        )
        try:
            plan_services.goal_add(plan=plan, data=goal)
        except ValidationError as error:
            add_service_errors(form, error, GOAL_FIELDS)
        else:
            messages.success(request, _("Het doel is toegevoegd."))
            return _to_plan(found)
    context = {
        "collaboration": found.collaboration,
        "form": form,
        "errors": shown_errors(form),
    }
    return render(request, "collaboration/goal_form.html", context)


@token_required
@form_methods
def indicator_add(request: HttpRequest, pk: uuid.UUID, goal_pk: uuid.UUID) -> HttpResponse:
    found = _managing_seat(request, pk)
    goal = selectors.goal_of(_plan(found), goal_pk)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.indicator_add(
                goal=goal, data=plan_services.IndicatorInput(**form.cleaned_data)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De indicator is toegevoegd."))
            return _to_plan(found)
    context = {
        "collaboration": found.collaboration,
        "goal": goal,
        "form": form,
        "errors": shown_errors(form),
    }
    return render(request, "collaboration/indicator_form.html", context)


@token_required
@form_methods
def progress_add(request: HttpRequest, pk: uuid.UUID, goal_pk: uuid.UUID) -> HttpResponse:
    found = _managing_seat(request, pk)
    goal = selectors.goal_of(_plan(found), goal_pk)
    form = ProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.progress_add(
                goal=goal, data=plan_services.ProgressInput(**form.cleaned_data)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De voortgang is vastgelegd."))
            return _to_plan(found)
    context = {
        "collaboration": found.collaboration,
        "goal": goal,
        "form": form,
        "errors": shown_errors(form),
    }
    return render(request, "collaboration/progress_form.html", context)


def _download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def plan_csv(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    plan = _plan(seat(request, pk))
    return _download(
        export.plan_csv(plan),
        filename=export.filename(plan, "csv"),
        content_type=export.CSV_CONTENT_TYPE,
    )


@require_GET
def plan_pdf(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    plan = _plan(seat(request, pk))
    return _download(
        export.plan_pdf(plan), filename=export.filename(plan, "pdf"), content_type="application/pdf"
    )
