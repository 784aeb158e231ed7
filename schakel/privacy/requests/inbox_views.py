"""Screens of the organisations asked for input on a data-subject request: the inbox of
requests for input and the page where an organisation records its contribution (metadata of
the request and the organisation's own input only).
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.display import staff_display
from schakel.core.forms import error_summary
from schakel.core.pages import form_methods, page_of
from schakel.privacy.choices import ContributionStatus
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests import decisions, forms, rules, selectors
from schakel.privacy.requests.views import Term, _membership, _run


@dataclass(frozen=True)
class InboxItem:
    contribution: RequestContribution
    request: SubjectRequest
    open: bool
    term: Term


# Input of the organisations that took part -----------------------------------------------------


@require_GET
def request_inbox(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if membership.role not in rules.CONTRIBUTOR_ROLES:
        raise Http404
    rows = selectors.contribution_inbox_for(membership=membership)
    page = page_of(request, rows)
    today = timezone.localdate()
    items = [
        InboxItem(
            contribution=c,
            request=c.request,
            open=c.status == ContributionStatus.OPEN and rules.is_open(c.request),
            term=Term(rules.days_left(c.request, today)),
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
        lambda: decisions.contribution_answer(
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
        "is_open": rules.is_open(view.request),
        "term": Term(rules.days_left(view.request)),
        "answered_by": staff_display(contribution.answered_by, contribution.organisation)
        if contribution.answered_by
        else "",
    }
    return render(request, "privacy/requests/request_contribution.html", context)
