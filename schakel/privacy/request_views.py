"""Screens of data-subject requests: the contact point's list, registration and detail (with
the identity, extension, decision and withdrawal forms and the access export), and the
organisations' inbox of requests for input.

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
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.acting import acting_membership
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.accounts.stepup import step_up_required
from schakel.core.forms import error_summary
from schakel.core.pages import form_methods, page_of
from schakel.privacy import request_forms as forms
from schakel.privacy import request_selectors as selectors
from schakel.privacy import request_services as services
from schakel.privacy.access_export_render import (
    FORMATS,
    access_export_produce,
    export_refusal_for,
)
from schakel.privacy.choices import ContributionStatus
from schakel.privacy.models import RequestContribution, SubjectRequest

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
        forms.add_service_errors(error, form)
        return False
    except services.RequestStateError:
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


@dataclass(frozen=True)
class InboxItem:
    contribution: RequestContribution
    request: SubjectRequest
    open: bool
    term: Term


# The contact point's list ----------------------------------------------------------------------


@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if membership.role not in services.HANDLER_ROLES:
        raise Http404
    rows = selectors.request_list_for(membership=membership).annotate(
        contribution_count=Count("contributions"),
        answered_count=Count(
            "contributions", filter=Q(contributions__status=ContributionStatus.ANSWERED)
        ),
    )
    page = page_of(request, rows)
    today = timezone.localdate()
    items = [ListItem(r, services.is_open(r), Term(services.days_left(r, today))) for r in page]
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


@form_methods
def request_register(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    case_pk, signal_pk = _uuid_param(request, "case"), _uuid_param(request, "signal")
    if case_pk is None and signal_pk is None:
        return _register_start(request, membership)
    origin = selectors.origin_for(membership=membership, case_pk=case_pk, signal_pk=signal_pk)
    contact_point = services.contact_point_for(origin)
    if membership.role not in services.HANDLER_ROLES or (
        membership.organisation_id != contact_point.pk
    ):
        refusal = services.NotContactPointError(contact_point)
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
    identity = selectors.origin_identity(membership=membership, origin=origin)
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "origin": origin,
        "identity": identity,
        "contact_point": contact_point,
        "deadline_example": services.deadline_for(timezone.localdate()),
    }
    return render(request, "privacy/requests/request_form.html", context)


def _register_start(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Without a case or signal: ask for its reference (a privacy officer has no case page)."""
    if membership.role not in services.HANDLER_ROLES:
        raise Http404
    form = forms.ReferenceForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        origin = selectors.origin_by_reference(
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
    is_open = services.is_open(subject_request)
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
        "term": Term(services.days_left(subject_request, today)),
        "is_open": is_open,
        "may_extend": may_extend,
        "extension_closed_reason": _extension_closed(subject_request, today, is_open),
        "latest_extension": services.latest_extension(subject_request.received_on),
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


def _handle_post(
    request: HttpRequest,
    pk: uuid.UUID,
    key: str,
    form_class: type[django_forms.Form],
    call: Callable[[Membership, SubjectRequest, Any], object],
    done: str,
) -> HttpResponse:
    membership = _membership(request)
    subject_request = selectors.request_for_action(membership=membership, pk=pk)
    form = form_class(request.POST)
    if _run(form, lambda: call(membership, subject_request, form)):
        messages.success(request, done)
        return redirect("privacy:request_detail", pk=pk)
    return _detail(request, membership, pk, bound={key: form}, status=400)


@require_POST
def request_identity(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _handle_post(
        request,
        pk,
        "identity",
        forms.IdentityForm,
        lambda m, r, f: services.request_verify_identity(
            membership=m,
            request=r,
            verified_on=f.cleaned_data["identity_verified_on"],
            note=f.cleaned_data["identity_verification_note"],
        ),
        _("De vaststelling van de identiteit is vastgelegd."),
    )


@require_POST
def request_extend(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _handle_post(
        request,
        pk,
        "extension",
        forms.ExtensionForm,
        lambda m, r, f: services.request_extend(membership=m, request=r, data=f.to_input()),
        _("De termijn is verlengd."),
    )


@require_POST
def request_decide(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _handle_post(
        request,
        pk,
        "decision",
        forms.DecisionForm,
        lambda m, r, f: services.request_decide(membership=m, request=r, data=f.to_input()),
        _("Het besluit is vastgelegd; het verzoek is afgehandeld."),
    )


@form_methods
def request_withdraw(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    subject_request = selectors.request_for_action(membership=membership, pk=pk)
    form = forms.WithdrawalForm(request.POST if request.method == "POST" else None)
    if _run(
        form, lambda: services.request_withdraw(membership=membership, request=subject_request)
    ):
        messages.success(request, _("Het verzoek is als ingetrokken afgehandeld."))
        return redirect("privacy:request_detail", pk=pk)
    context = {
        "subject_request": subject_request,
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "is_open": services.is_open(subject_request),
    }
    return render(request, "privacy/requests/request_withdraw.html", context)


@require_GET
@step_up_required
def request_export(request: HttpRequest, pk: uuid.UUID, export_format: str) -> HttpResponse:
    membership = _membership(request)
    subject_request = selectors.request_for_action(membership=membership, pk=pk)
    if export_format not in FORMATS:
        raise Http404
    try:
        download = access_export_produce(
            membership=membership, request=subject_request, export_format=export_format
        )
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("privacy:request_detail", pk=pk)
    response = HttpResponse(download.content, content_type=download.content_type)
    # The file name holds the request's reference only, never a name.
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    response["Cache-Control"] = "no-store"
    return response


# Input of the organisations that took part -----------------------------------------------------


@require_GET
def request_inbox(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if membership.role not in services.CONTRIBUTOR_ROLES:
        raise Http404
    rows = selectors.contribution_inbox_for(membership=membership)
    page = page_of(request, rows)
    today = timezone.localdate()
    items = [
        InboxItem(
            contribution=c,
            request=c.request,
            open=c.status == ContributionStatus.OPEN and services.is_open(c.request),
            term=Term(services.days_left(c.request, today)),
        )
        for c in page
    ]
    return render(request, "privacy/requests/request_inbox.html", {"page": page, "items": items})


@form_methods
def request_contribution(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    view = selectors.contribution_get_for(membership=membership, pk=pk)
    contribution = view.contribution
    initial: dict[str, Any] = {}
    if contribution.holds_data is not None:
        initial = {
            "holds_data": "yes" if contribution.holds_data else "no",
            "input": contribution.input or "",
            "objects_to_disclosure": contribution.objects_to_disclosure,
        }
    form = forms.ContributionForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if _run(
        form,
        lambda: services.contribution_answer(
            membership=membership, contribution=contribution, data=form.to_input()
        ),
    ):
        messages.success(request, _("Uw inbreng is opgeslagen; het contactpunt ziet hem."))
        return redirect("privacy:request_contribution", pk=pk)
    context = {
        "view": view,
        "contribution": contribution,
        "subject_request": view.request,
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "is_open": services.is_open(view.request),
        "term": Term(services.days_left(view.request)),
        "answered_by": staff_display(contribution.answered_by, contribution.organisation)
        if contribution.answered_by
        else "",
    }
    return render(request, "privacy/requests/request_contribution.html", context)
