"""The online research log: list, record a plan before searching, read, record the outcome.

Only the municipal lead and the privacy officer of a municipality see the log; only the lead
records. Anything else is a 404. Reads and writes go through the selectors and services, which
also write the processing log.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.core.pages import form_methods, page_of
from schakel.intake import online_selectors, online_services, permissions, selectors, services
from schakel.intake.models import OnlineResearchEntry
from schakel.intake.online_forms import ResearchCompleteForm, ResearchStartForm


@dataclass(frozen=True)
class Row:
    """What the list shows of an entry: no content, and the recorder as a function only."""

    pk: uuid.UUID
    created_at: datetime
    legal_basis: str
    outcome: str
    recorded_by: str


def _lead(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None or not permissions.may_record_online_research(membership):
        raise Http404
    return membership


def _row(entry: OnlineResearchEntry) -> Row:
    return Row(
        pk=entry.pk,
        created_at=entry.created_at,
        legal_basis=entry.get_legal_basis_display(),
        outcome=entry.get_outcome_display() if entry.outcome else _("nog niet afgerond"),
        recorded_by=staff_display(entry.recorded_by, entry.municipality),
    )


def _page(request: HttpRequest, membership: Membership) -> Page[OnlineResearchEntry]:
    entries = online_selectors.online_research_list_for(membership=membership)
    return page_of(request, entries)


def _form_context(form: ResearchStartForm | ResearchCompleteForm) -> dict[str, Any]:
    form.describe_errors()
    return {"form": form, "error_links": form.error_links() if form.errors else []}


def _preselected_signal(request: HttpRequest, membership: Membership) -> uuid.UUID | None:
    """The ?signaal= id when the lead may name it; anything else is silently ignored."""
    raw = request.GET.get("signaal", "")
    try:
        pk = uuid.UUID(raw)
    except ValueError:
        return None
    allowed = selectors.signals_for_research(membership=membership)
    return pk if allowed.filter(pk=pk).exists() else None


def _completed_already(request: HttpRequest, entry: OnlineResearchEntry) -> HttpResponse:
    messages.info(request, _("Dit onderzoek is al afgerond."))
    return redirect("intake:online:detail", pk=entry.pk)


@require_GET
def research_list(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None or not permissions.may_view_online_research(membership):
        raise Http404
    page = _page(request, membership)
    context = {
        "page": page,
        "rows": [_row(entry) for entry in page],
        "may_record": permissions.may_record_online_research(membership),
    }
    return render(request, "intake/online_list.html", context)


@form_methods
def research_start(request: HttpRequest) -> HttpResponse:
    membership = _lead(request)
    signals = selectors.signals_for_research(membership=membership)
    if request.method == "POST":
        form = ResearchStartForm(request.POST, signals=signals)
        if form.is_valid():
            try:
                entry = online_services.online_research_start(
                    membership=membership, plan=form.plan()
                )
            except ValidationError as error:
                form.add_service_errors(error)
            except PermissionDenied as error:
                raise Http404 from error
            else:
                messages.success(
                    request,
                    _(
                        "Het plan is vastgelegd. Zoek alleen in openbaar toegankelijke bronnen "
                        "en leg daarna de uitkomst vast, ook als u niets vindt."
                    ),
                )
                return redirect("intake:online:detail", pk=entry.pk)
    else:
        form = ResearchStartForm(
            initial={"signal": _preselected_signal(request, membership)}, signals=signals
        )
    return render(request, "intake/online_start.html", _form_context(form))


@require_GET
def research_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None or not permissions.may_view_online_research(membership):
        raise Http404
    entry = online_selectors.online_research_get_for(membership=membership, pk=pk)
    context: dict[str, Any] = {
        "entry": entry,
        "recorded_by": staff_display(entry.recorded_by, entry.municipality),
        "may_complete": permissions.may_complete_online_research(membership, entry),
    }
    if context["may_complete"]:
        context.update(_form_context(ResearchCompleteForm()))
    return render(request, "intake/online_detail.html", context)


@form_methods
def research_complete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _lead(request)
    entry = online_selectors.online_research_get_for(membership=membership, pk=pk)
    if entry.is_completed:
        return _completed_already(request, entry)
    if not permissions.may_complete_online_research(membership, entry):
        raise Http404
    form = ResearchCompleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            online_services.online_research_complete(
                entry=entry, membership=membership, **form.outcome_values()
            )
        except services.AlreadyDecidedError:
            return _completed_already(request, entry)
        except ValidationError as error:
            form.add_service_errors(error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("De uitkomst van het online onderzoek is vastgelegd."))
            return redirect("intake:online:detail", pk=entry.pk)
    context = {"entry": entry, **_form_context(form)}
    return render(request, "intake/online_complete.html", context)
