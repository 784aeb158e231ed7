"""Screens of data-subject requests: the contact point's list, registration and detail (its
forms and the access export: ``requests.action_views``; the organisations' inbox of requests for
input: ``requests.inbox_views``).

Views are thin: a selector fetches (404 outside the membership's reach; detail reads are
logged), a form parses, one service call writes. Everything works without JavaScript.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.core.forms import add_service_errors, error_summary
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of
from schakel.privacy.choices import ContributionStatus
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests import forms, origins, rules, selectors, services
from schakel.privacy.requests.access_export_render import (
    export_refusal_for,
)

REQUEST_CLOSED = gettext_lazy(
    "Dit kan niet meer: het verzoek is intussen afgehandeld. Er is niets opgeslagen."
)


def _membership(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    return membership


def _run(form: django_forms.Form, call: Callable[[], object]) -> bool:
    """Call the service for a valid form and put its refusal on the form; True when done."""
    if not form.is_bound or not form.is_valid():
        return False
    try:
        call()
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    except rules.RequestStateError:
        form.add_error(None, str(REQUEST_CLOSED))
        return False
    return True


@dataclass(frozen=True)
class Term:
    """How the due date stands, in words (never colour alone)."""

    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def text(self) -> str:
        if self.days_left < 0:
            days = -self.days_left
            return ngettext(
                "%(days)s dag over de termijn", "%(days)s dagen over de termijn", days
            ) % {"days": days}
        if self.days_left == 0:
            return _("vandaag uiterlijk")
        return ngettext("nog %(days)s dag", "nog %(days)s dagen", self.days_left) % {
            "days": self.days_left
        }


@dataclass(frozen=True)
class ListItem:
    request: SubjectRequest
    open: bool
    term: Term


# The contact point's list ----------------------------------------------------------------------


@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if membership.role not in rules.HANDLER_ROLES:
        raise Http404
    rows = selectors.request_list_for(membership=membership).annotate(
        contribution_count=Count("contributions"),
        answered_count=Count(
            "contributions", filter=Q(contributions__status=ContributionStatus.ANSWERED)
        ),
    )
    page = page_of(request, rows)
    today = timezone.localdate()
    items = [ListItem(r, rules.is_open(r), Term(rules.days_left(r, today))) for r in page]
    overdue = sum(1 for item in items if item.open and item.term.overdue)
    context = {"page": page, "items": items, "overdue": overdue}
    return render(request, "privacy/requests/request_list.html", context)


# Registration ----------------------------------------------------------------------------------


def _uuid_param(request: HttpRequest, name: str) -> uuid.UUID | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise Http404 from None


@token_required
@form_methods
def request_register(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    case_pk, signal_pk = _uuid_param(request, "case"), _uuid_param(request, "signal")
    if case_pk is None and signal_pk is None:
        return _register_start(request, membership)
    origin = origins.origin_for(membership=membership, case_pk=case_pk, signal_pk=signal_pk)
    contact_point = rules.contact_point_for(origin)
    if membership.role not in rules.HANDLER_ROLES or (
        membership.organisation_id != contact_point.pk
    ):
        refusal = rules.NotContactPointError(contact_point)
        context = {"message": refusal.message, "origin": origin}
        return render(
            request, "privacy/requests/request_not_contact_point.html", context, status=403
        )
    form = forms.RegistrationForm(
        request.POST if request.method == "POST" else None,
        initial={"received_on": timezone.localdate()},
    )
    created: list[SubjectRequest] = []
    if _run(
        form,
        lambda: created.append(
            services.request_register(membership=membership, origin=origin, data=form.to_input())
        ),
    ):
        messages.success(
            request,
            _(
                "Het verzoek is geregistreerd. Alle organisaties die deelnamen zijn om inbreng "
                "gevraagd."
            ),
        )
        return redirect("privacy:request_detail", pk=created[0].pk)
    identity = origins.origin_identity(membership=membership, origin=origin)
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "origin": origin,
        "identity": identity,
        "contact_point": contact_point,
        "deadline_example": rules.deadline_for(timezone.localdate()),
    }
    return render(request, "privacy/requests/request_form.html", context)


def _register_start(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Without a case or signal: ask for its reference (a privacy officer has no case page)."""
    if membership.role not in rules.HANDLER_ROLES:
        raise Http404
    form = forms.ReferenceForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        origin = origins.origin_by_reference(
            membership=membership, reference=form.cleaned_data["reference"]
        )
        if origin is not None:
            name, pk = ("case", origin.case.pk) if origin.case else ("signal", origin.signal.pk)  # type: ignore[union-attr]
            return redirect(f"{reverse('privacy:request_register')}?{name}={pk}")
        form.add_error(
            "reference",
            _("Geen casus of signaal met dit kenmerk gevonden dat u kunt openen."),
        )
    context = {"form": form, "errors": error_summary(form) if form.is_bound else []}
    return render(request, "privacy/requests/request_start.html", context)


# Detail and handling ---------------------------------------------------------------------------


def _detail(
    request: HttpRequest,
    membership: Membership,
    pk: uuid.UUID,
    *,
    bound: dict[str, django_forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    view = selectors.request_get_for(membership=membership, pk=pk)
    subject_request = view.request
    bound = bound or {}
    today = timezone.localdate()
    is_open = rules.is_open(subject_request)
    may_extend = (
        is_open and subject_request.extended_until is None and today <= subject_request.deadline_on
    )
    identity_form = bound.get("identity") or forms.IdentityForm(
        initial={"identity_verified_on": today}
    )
    extension_form = bound.get("extension") or forms.ExtensionForm(initial={"informed_on": today})
    decision_form = bound.get("decision") or forms.DecisionForm(initial={"decided_on": today})
    errors = [item for form in bound.values() for item in error_summary(form)]
    own = next(
        (c for c in view.contributions if c.organisation_id == membership.organisation_id), None
    )
    context = {
        "view": view,
        "subject_request": subject_request,
        "identity": view.identity,
        "term": Term(rules.days_left(subject_request, today)),
        "is_open": is_open,
        "may_extend": may_extend,
        "extension_closed_reason": _extension_closed(subject_request, today, is_open),
        "latest_extension": rules.latest_extension(subject_request.received_on),
        "identity_form": identity_form,
        "extension_form": extension_form,
        "decision_form": decision_form,
        "errors": errors,
        "export_refusal": export_refusal_for(membership, subject_request),
        "own_contribution": own,
        "registered_by": staff_display(
            subject_request.registered_by, subject_request.contact_point
        ),
        "verified_by": staff_display(
            subject_request.identity_verified_by, subject_request.contact_point
        )
        if subject_request.identity_verified_by
        else "",
        "decided_by": staff_display(subject_request.decided_by, subject_request.contact_point)
        if subject_request.decided_by
        else "",
        "contributions": [
            {
                "contribution": c,
                "answered_by": staff_display(c.answered_by, c.organisation)
                if c.answered_by
                else "",
            }
            for c in view.contributions
        ],
    }
    return render(request, "privacy/requests/request_detail.html", context, status=status)


def _extension_closed(subject_request: SubjectRequest, today: Any, is_open: bool) -> str:
    if not is_open:
        return _("Het verzoek is afgehandeld.")
    if subject_request.extended_until is not None:
        return _("De termijn is al verlengd; verlengen kan maar één keer.")
    if today > subject_request.deadline_on:
        return _(
            "De oorspronkelijke termijn is verstreken; verlengen kan niet meer. Besluit zo snel "
            "mogelijk."
        )
    return ""


@require_GET
def request_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _detail(request, _membership(request), pk)
