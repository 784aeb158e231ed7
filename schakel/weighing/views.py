"""Screens of the weighing: sessions, putting a person on the agenda, the team's decision.

Views are thin: they fetch through a selector (which scopes to the acting membership and logs
reads of person data), bind a form, call one service and redirect or render. Anything the acting
membership may not see or do is a 404. Lists show no person data; only the item page does.

This module holds the session list and scheduling, and the helpers the other weighing views
share; a session's page and agenda are in ``agenda_views``, an item's page and the decision in
``decision_views``.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.core.forms import error_summary
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of
from schakel.network.models import Organisation
from schakel.weighing import forms, selectors, services
from schakel.weighing.models import WeighingArrangement, WeighingItem, WeighingSession

# The session list shows this many follow-ups; the count shows all.
FOLLOW_UP_SIZE = 50


def _table_membership(request: HttpRequest) -> Membership:
    """The acting membership, when it takes part at a weighing table at all."""
    membership = acting_membership(request)
    if membership is None or membership.role not in TABLE_ROLES:
        raise Http404
    return membership


def _session_url(session: WeighingSession) -> str:
    return reverse("weighing:session_detail", kwargs={"pk": session.pk})


def _apply_service_errors(error: ValidationError, form: Form) -> None:
    """Each of the service's Dutch messages next to its field; others at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    hidden: set[str] = getattr(form, "hidden_names", set())
    for key, texts in error.message_dict.items():
        if key in form.fields and key not in hidden and key not in form.errors:
            form.add_error(key, texts)
        elif key not in form.errors:
            form.add_error(None, texts)


# Who is at the table, shown by function and organisation ---------------------------------------


def _table_organisations(
    user_ids: Iterable[uuid.UUID],
) -> dict[uuid.UUID, list[Organisation]]:
    """Per user, the organisations they take part for (table roles, active), in one query."""
    found: dict[uuid.UUID, list[Organisation]] = {}
    rows = (
        Membership.objects.active()
        .filter(user_id__in=set(user_ids), role__in=TABLE_ROLES)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    for row in rows:
        found.setdefault(row.user_id, []).append(row.organisation)
    return found


def _display(user: User, organisations: list[Organisation], preferred: set[uuid.UUID]) -> str:
    """Staff display with the organisation the person sits at this table for."""
    for organisation in organisations:
        if organisation.pk in preferred:
            return staff_display(user, organisation)
    if organisations:
        return staff_display(user, organisations[0])
    return user.function_title.strip() or _("Medewerker")


def _session_table(session: WeighingSession) -> set[uuid.UUID]:
    return {org.pk for org in session.participants.all()} | {session.arrangement.facilitator_id}


# Session list ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    session: WeighingSession
    chair: str
    item_count: int


@dataclass(frozen=True)
class FollowUpRow:
    item: WeighingItem
    reference: str
    is_due: bool


@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    membership = _table_membership(request)
    sessions = selectors.session_list_for(membership=membership).prefetch_related(
        Prefetch("participants", queryset=Organisation.objects.only("id"))
    )
    page = page_of(request, sessions)
    on_page: list[WeighingSession] = list(page)
    counts = dict(
        selectors.items_visible_to(membership=membership)
        .filter(session_id__in=[s.pk for s in on_page])
        .values("session_id")
        .annotate(n=Count("id"))
        .values_list("session_id", "n")
    )
    organisations = _table_organisations(s.chair_id for s in on_page)
    rows = [
        SessionRow(
            session=s,
            chair=_display(s.chair, organisations.get(s.chair_id, []), _session_table(s)),
            item_count=counts.get(s.pk, 0),
        )
        for s in on_page
    ]
    follow_ups = selectors.follow_ups_for(membership=membership)
    shown = list(follow_ups[: FOLLOW_UP_SIZE + 1])
    today = timezone.localdate()
    context = {
        "page": page,
        "rows": rows,
        "may_schedule": selectors.arrangements_for(membership=membership).exists(),
        "follow_ups": [
            FollowUpRow(
                item=item,
                reference=item.reference,
                is_due=item.follow_up_on is not None and item.follow_up_on <= today,
            )
            for item in shown[:FOLLOW_UP_SIZE]
        ],
        "follow_up_count": follow_ups.count() if len(shown) > FOLLOW_UP_SIZE else len(shown),
    }
    return render(request, "weighing/session_list.html", context)


# Scheduling -----------------------------------------------------------------------------------


def _chosen_arrangement(
    request: HttpRequest, options: list[WeighingArrangement]
) -> WeighingArrangement | None:
    """The arrangement in the request (posted or from step one), or the only one there is."""
    value = request.POST.get("afspraak") if request.method == "POST" else None
    value = value or request.GET.get("afspraak")
    if not value:
        return options[0] if len(options) == 1 else None
    for option in options:
        if str(option.pk) == value:
            return option
    if request.method == "POST":
        raise Http404
    return None


@token_required
@form_methods
def session_create(request: HttpRequest) -> HttpResponse:
    membership = _table_membership(request)
    options = list(
        selectors.arrangements_for(membership=membership)
        .select_related("facilitator")
        .order_by("name")
    )
    if not options:
        raise Http404
    arrangement = _chosen_arrangement(request, options)
    if arrangement is None:
        step = forms.ArrangementChoiceForm(
            request.GET if "afspraak" in request.GET else None,
            arrangements=selectors.arrangements_for(membership=membership),
        )
        if step.is_bound:
            step.is_valid()
        context = {"form": step, "errors": error_summary(step) if step.is_bound else []}
        return render(request, "weighing/session_arrangement.html", context)
    data = request.POST if request.method == "POST" else None
    form = forms.SessionForm(data, membership=membership, arrangement=arrangement)
    errors: list[Any] = []
    if data is not None:
        if form.is_valid():
            try:
                session = services.session_schedule(membership=membership, data=form.to_input())
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                _apply_service_errors(error, form)
            else:
                messages.success(
                    request,
                    _("Het wegingsoverleg %(reference)s is gepland.")
                    % {"reference": session.reference},
                )
                return redirect(_session_url(session))
        errors = error_summary(form)
    context = {
        "form": form,
        "errors": errors,
        "arrangement": arrangement,
        "several_arrangements": len(options) > 1,
    }
    return render(request, "weighing/session_form.html", context)
