"""Pages of the network events of a collaboration: the list, one event, plan and change.

Views are thin: a selector scopes to the acting membership (an event of a collaboration the
membership does not take part in is a 404, as is an action it may not take), a form checks the
input, one service writes. The case material is shown only to those who may read it
(``selectors.access_to``). Recording, cancelling, learning points and follow-ups are in
``record_views``; the overview of learning points and its CSV in ``overview_views``.
"""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.collaboration.selectors import collaboration_for, roles_in
from schakel.core.forms import add_service_errors, shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of, posted
from schakel.network.models import Collaboration
from schakel.network_events import forms, permissions, selectors, services
from schakel.network_events.choices import EventKind, FollowUpStatus
from schakel.network_events.models import NetworkEvent


def member(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    return membership


def event_url(event: NetworkEvent) -> str:
    return reverse("network_events:event_detail", kwargs={"pk": event.pk})


def list_url(collaboration: Collaboration) -> str:
    return reverse("network_events:event_list", kwargs={"collaboration": collaboration.pk})


def managed_event(request: HttpRequest, pk: uuid.UUID) -> tuple[Membership, NetworkEvent]:
    """An event the acting membership may plan and record; 404 for anyone else."""
    membership = member(request)
    event = selectors.event_for(membership, pk)
    if not selectors.access_to(membership, event).manages:
        raise Http404
    return membership, event


@require_GET
def event_list(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership = member(request)
    found = collaboration_for(membership, collaboration)
    kind = request.GET.get("soort", "")
    kind = kind if kind in EventKind.values else ""
    held = request.GET.get("weergave") == "gehouden"
    rows = selectors.events_of(membership, found, kind=kind, upcoming=not held)
    roles = roles_in(membership, found)
    context = {
        "collaboration": found,
        "page": page_of(request, rows),
        "kind": kind,
        "kinds": EventKind.choices,
        "held": held,
        "may_plan": permissions.may_plan(membership, found, roles),
    }
    return render(request, "network_events/event_list.html", context)


@require_GET
def event_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    event = selectors.event_for(membership, pk)
    access = selectors.access_to(membership, event)
    follow_ups = list(event.follow_ups.select_related("owner"))
    roles = access.roles
    context = {
        "event": event,
        "access": access,
        "organisations": list(event.organisations.order_by("name")),
        "participants": [
            selectors.staff_label(m, membership) for m in selectors.participants_of(event)
        ],
        "learning_points": list(event.learning_points.prefetch_related("organisations")),
        "follow_ups": [
            (
                f,
                permissions.may_complete_follow_up(membership, f, roles)
                and f.status == FollowUpStatus.OPEN,
            )
            for f in follow_ups
        ],
    }
    return render(request, "network_events/event_detail.html", context)


def _event_form_page(
    request: HttpRequest,
    membership: Membership,
    collaboration: Collaboration,
    event: NetworkEvent | None,
) -> HttpResponse:
    roles = roles_in(membership, collaboration)
    initial = forms.EventForm.initial_for(event) if event else {}
    form = forms.EventForm(
        posted(request),
        initial=initial,
        membership=membership,
        collaboration=collaboration,
        roles=roles,
    )
    if form.is_bound and form.is_valid():
        try:
            if event is None:
                saved = services.event_plan(
                    membership=membership, collaboration=collaboration, data=form.to_input()
                )
                messages.success(request, _("De bijeenkomst is gepland."))
            else:
                saved = services.event_update(
                    membership=membership, event=event, data=form.to_input()
                )
                messages.success(request, _("De bijeenkomst is gewijzigd."))
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_service_errors(form, error)
        except services.EventNotPlannedError as error:
            messages.error(request, str(error.detail))
            return redirect(event_url(event)) if event else redirect(list_url(collaboration))
        else:
            return redirect(event_url(saved))
    context: dict[str, Any] = {
        "form": form,
        "errors": shown_errors(form),
        "collaboration": collaboration,
        "event": event,
        "anonymise": forms.ANONYMISE,
    }
    return render(request, "network_events/event_form.html", context)


@token_required
@form_methods
def event_plan(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership = member(request)
    found = collaboration_for(membership, collaboration)
    if not permissions.may_plan(membership, found, roles_in(membership, found)):
        raise Http404
    return _event_form_page(request, membership, found, None)


@token_required
@form_methods
def event_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, event = managed_event(request, pk)
    if not event.is_planned:
        raise Http404
    return _event_form_page(request, membership, event.collaboration, event)
