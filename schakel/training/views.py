"""Pages of the trainings: the catalogue, a training with its sessions, adding a training and
planning a session, a session's page, Mijn trainingen and the budget.

Every page needs an acting membership; what it may not see is a 404. The allocation, register,
cancel, attendance and certificate pages are in ``session_views``.
"""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership, acting_user
from schakel.accounts.models import Membership
from schakel.core.forms import shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of, posted, save_valid, success_redirect
from schakel.training import forms, selectors, services
from schakel.training.choices import TargetGroup
from schakel.training.models import TrainingSession
from schakel.training.permissions import may_register_in


def member(request: HttpRequest) -> Membership:
    """The acting membership; without one there is nothing here (404)."""
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    return membership


def session_url(session: TrainingSession) -> str:
    return reverse("training:session_detail", kwargs={"pk": session.pk})


def target_labels(values: list[str]) -> list[str]:
    labels = dict(TargetGroup.choices)
    return [str(labels.get(value, value)) for value in values]


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    membership = member(request)
    trainings = page_of(request, selectors.trainings_for(membership))
    upcoming = selectors.upcoming_sessions_for(membership)[:20]
    context = {
        "page": trainings,
        "rows": [(t, target_labels(t.target_groups)) for t in trainings],
        "upcoming": upcoming,
        "may_add": selectors.managed_collaborations(membership).exists()
        or acting_user(request).is_superuser,
        "may_budget": selectors.may_see_budget(membership),
    }
    return render(request, "training/catalogue.html", context)


@token_required
@form_methods
def training_create(request: HttpRequest) -> HttpResponse:
    membership = member(request)
    user = acting_user(request)
    collaborations = selectors.managed_collaborations(membership).order_by("name")
    if not collaborations.exists() and not user.is_superuser:
        raise Http404
    form = forms.TrainingForm(
        posted(request), collaborations=collaborations, national=user.is_superuser
    )
    saved = save_valid(
        form,
        lambda: services.training_create(by=user, membership=membership, data=form.to_input()),
        fields={"cost_cents": "cost"},
        forbidden_is_404=True,
    )
    if saved:
        return success_redirect(
            request,
            _("De training „%(title)s” staat in de catalogus.") % {"title": saved.value.title},
            reverse("training:training_detail", kwargs={"pk": saved.value.pk}),
        )
    return render(
        request, "training/training_form.html", {"form": form, "errors": shown_errors(form)}
    )


@require_GET
def training_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    training = selectors.training_for(membership, pk)
    sessions = selectors.sessions_for(membership).filter(training=training)
    plannable = selectors.managed_collaborations(membership)
    if training.collaboration_id:
        plannable = plannable.filter(pk=training.collaboration_id)
    context = {
        "training": training,
        "targets": target_labels(training.target_groups),
        "sessions": sessions,
        "may_plan": plannable.exists(),
    }
    return render(request, "training/training_detail.html", context)


@token_required
@form_methods
def session_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    training = selectors.training_for(membership, pk)
    collaborations = selectors.managed_collaborations(membership).order_by("name")
    if training.collaboration_id:
        collaborations = collaborations.filter(pk=training.collaboration_id)
    if not collaborations.exists():
        raise Http404
    form = forms.SessionForm(posted(request), collaborations=collaborations)
    saved = save_valid(
        form,
        lambda: services.session_plan(
            by=acting_user(request), membership=membership, training=training, data=form.to_input()
        ),
        fields={"starts_at": "day"},
        forbidden_is_404=True,
    )
    if saved:
        return success_redirect(
            request, _("De sessie is gepland. Wijs nu de plaatsen toe."), session_url(saved.value)
        )
    context = {"form": form, "errors": shown_errors(form), "training": training}
    return render(request, "training/session_form.html", context)


@require_GET
def session_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    session = selectors.session_for(membership, pk)
    manager = selectors.manages(membership, session.collaboration)
    registrations = list(selectors.registrations_visible(membership, session))
    selectors.log_reads(acting_user(request), registrations, "training.registrations_read")
    rows = selectors.allocation_rows(session)
    registrar = may_register_in(membership, session.collaboration)
    now = timezone.now()
    context = {
        "session": session,
        "manager": manager,
        "registrar": registrar,
        "own_org_id": membership.organisation_id,
        "rows": rows,
        "allocated": sum(row.allocated for row in rows),
        "own": next((r for r in rows if r.organisation.pk == membership.organisation_id), None),
        "registrations": selectors.labelled(membership, session, registrations),
        "open": not services.registration_closed(session),
        "started": session.starts_at <= now,
    }
    return render(request, "training/session_detail.html", context)


@require_GET
def my_trainings(request: HttpRequest) -> HttpResponse:
    member(request)
    user = acting_user(request)
    registrations = list(selectors.my_registrations(user))
    selectors.log_reads(user, registrations, "training.my_registrations_read")
    rows = [(r, selectors.waiting_position(r)) for r in registrations]
    return render(request, "training/my_trainings.html", {"rows": rows})


@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    membership = member(request)
    year = forms.YearForm(request.GET).year()
    lines = selectors.budget_lines(membership, year)
    context = {
        "year": year,
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 4, -1),
        "lines": lines,
        "total_cents": sum(line.cents for line in lines),
        "total_seats": sum(line.seats for line in lines),
    }
    return render(request, "training/budget.html", context)
