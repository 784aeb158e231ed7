"""The retention pages: the terms per kind (/beheer/bewaartermijnen/) and, for the privacy
officer, what will be deleted, legal holds, the deletion register and the sweep's runs.

- Terms: functional admins (acting in that role) and the platform operator change them, after
  step-up; privacy officers read the same table; everyone else gets 404.
- Everything else is for a membership acting as privacy officer (others 404) and shows metadata
  only: references, organisations, dates, counts — never names or the content of a case. The
  reason of a hold is shown on its own page, to the officers of the organisation that placed it.

The labels and rows shown (shared with the API) are in ``retention.display``.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership, acting_user
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.permissions import checked_first
from schakel.accounts.stepup import step_up_required
from schakel.core.forms import add_service_errors, error_summary
from schakel.core.pages import form_methods, page_of
from schakel.legal import terms
from schakel.legal.models import RetentionPolicy
from schakel.privacy.models import LegalHold
from schakel.privacy.retention import holds, policies, selectors
from schakel.privacy.retention.display import (
    deletion_row,
    hold_row,
    policy_changers,
    run_kinds,
    short_id,
)
from schakel.privacy.retention.forms import HoldForm, PolicyForm

# Who may come -----------------------------------------------------------------------------


def _user(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) else None


def may_edit_policies(user: User | None, membership: Membership | None) -> bool:
    """The platform operator, or a functional admin acting in that role."""
    if user is None:
        return False
    return user.is_superuser or (
        membership is not None and membership.role == Role.FUNCTIONAL_ADMIN
    )


def may_read_policies(user: User | None, membership: Membership | None) -> bool:
    return may_edit_policies(user, membership) or (
        membership is not None and membership.role == Role.PRIVACY_OFFICER
    )


def _officer(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise Http404
    return membership


def _policy_reader(request: HttpRequest) -> None:
    if not may_read_policies(_user(request), acting_membership(request)):
        raise Http404


def _policy_editor(request: HttpRequest) -> None:
    if not may_edit_policies(_user(request), acting_membership(request)):
        raise Http404


officer_only = checked_first(_officer)


policy_readers_only = checked_first(_policy_reader)


policy_editors_only = checked_first(_policy_editor)


# Terms (bewaartermijnen) ------------------------------------------------------------------


@policy_readers_only
@require_GET
def policy_list(request: HttpRequest) -> HttpResponse:
    rows = policies.policy_rows()
    changers = policy_changers([row.policy for row in rows if row.policy is not None])
    membership = acting_membership(request)
    context = {
        "rows": [
            {
                "row": row,
                "default": terms.kinds()[row.kind].default_months,
                "changed_by": changers.get(row.policy.updated_by_id)
                if row.policy and row.policy.updated_by_id
                else None,
                "changed_at": row.policy.updated_at
                if row.policy and row.policy.updated_by_id
                else None,
            }
            for row in rows
        ],
        "may_edit": may_edit_policies(_user(request), membership),
        "is_officer": membership is not None and membership.role == Role.PRIVACY_OFFICER,
        "section": "retention_policies",
    }
    return render(request, "privacy/retention/policies.html", context)


@policy_editors_only
@form_methods
@step_up_required
def policy_update(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in terms.kinds():
        raise Http404
    current = RetentionPolicy.objects.filter(kind=kind).first()
    initial = {
        "term_months": current.term_months if current else terms.kinds()[kind].default_months,
        "note": current.note if current else "",
    }
    form = PolicyForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            policies.policy_update(
                by=acting_user(request),
                kind=kind,
                months=form.cleaned_data["term_months"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("De bewaartermijn voor ‘%(kind)s’ is opgeslagen.")
                % {"kind": terms.kinds()[kind].label},
            )
            return redirect("privacy:retention_policies")
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "kind": kind,
        "label": terms.kinds()[kind].label,
        "clock_starts": terms.kinds()[kind].clock_starts,
        "action": terms.kinds()[kind].action,
        "default": terms.kinds()[kind].default_months,
        "section": "retention_policies",
    }
    return render(request, "privacy/retention/policy_form.html", context)


# What will be deleted ---------------------------------------------------------------------


@officer_only
@require_GET
def upcoming(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    outlook = selectors.outlook(membership=membership)
    context = {
        "outlook": outlook,
        "days": (outlook.until - timezone.localdate()).days,
        "row_limit": selectors.ROW_LIMIT,
        "organisation": membership.organisation,
        "section": "upcoming",
    }
    return render(request, "privacy/retention/upcoming.html", context)


# Legal holds ------------------------------------------------------------------------------


def holds_listed(membership: Membership) -> QuerySet[LegalHold]:
    """The officer's organisation's holds, running ones first; stable for paging."""
    return (
        selectors.holds_for(membership=membership)
        .select_related("organisation")
        .order_by(F("lifted_at").asc(nulls_first=True), "-ends_on", "-created_at", "pk")
    )


@officer_only
@require_GET
def hold_list(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    page = page_of(request, holds_listed(membership))
    context = {
        "page": page,
        "rows": [hold_row(hold) for hold in page],
        "organisation": membership.organisation,
        "section": "holds",
    }
    return render(request, "privacy/retention/holds.html", context)


@officer_only
@form_methods
@step_up_required
def hold_new(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    form = HoldForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            hold = holds.hold_place(membership=membership, data=form.to_input())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Bewaarplicht %(reference)s is vastgelegd.") % {"reference": hold.reference},
            )
            return redirect("privacy:retention_hold_detail", pk=hold.pk)
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "section": "holds",
    }
    return render(request, "privacy/retention/hold_form.html", context)


@officer_only
@require_GET
def hold_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _officer(request)
    hold = holds.hold_get_for(membership=membership, pk=pk)
    context = {"hold": hold, "row": hold_row(hold), "section": "holds"}
    response = render(request, "privacy/retention/hold_detail.html", context)
    response["Cache-Control"] = "no-store"
    return response


@officer_only
@form_methods
@step_up_required
def hold_lift(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _officer(request)
    hold = holds.hold_get_for(membership=membership, pk=pk)
    if request.method == "POST":
        try:
            holds.hold_lift(membership=membership, hold=hold)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Bewaarplicht %(reference)s is opgeheven.") % {"reference": hold.reference},
            )
        return redirect("privacy:retention_hold_detail", pk=hold.pk)
    context = {"hold": hold, "row": hold_row(hold), "section": "holds"}
    return render(request, "privacy/retention/hold_lift.html", context)


# The deletion register and the runs -------------------------------------------------------


@officer_only
@require_GET
def deletion_list(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    page = page_of(request, selectors.deletion_register(membership=membership))
    context = {
        "page": page,
        "rows": [deletion_row(record) for record in page],
        "section": "deletions",
    }
    return render(request, "privacy/retention/deletions.html", context)


@officer_only
@require_GET
def run_list(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    page = page_of(request, selectors.runs(membership=membership).order_by("-started_at", "pk"))
    context = {
        "page": page,
        "rows": [{"run": run, "short": short_id(run.pk), "kinds": run_kinds(run)} for run in page],
        "section": "runs",
    }
    return render(request, "privacy/retention/runs.html", context)
