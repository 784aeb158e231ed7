"""Screens of the meldpunt: register and follow signals, the inbox, match suggestions, the
privacy officer's metadata list and the list of phenomena.

Views are thin: they fetch through a selector (which scopes to the acting membership and logs
reads of person data), bind a form, call one service and redirect or render. Anything the acting
membership may not see or do is a 404.
"""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.acting import acting_membership, acting_user
from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.accounts.permissions import superuser_required
from schakel.core.forms import ErrorItem, error_summary
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of
from schakel.intake import (
    admin_services,
    forms,
    inbox_forms,
    list_reads,
    permissions,
    selectors,
    services,
    suggestion_selectors,
)
from schakel.intake.account_forms import AccountFormSet
from schakel.intake.choices import (
    DataCategory,
    Relation,
    ReportedBy,
    Sex,
    SignalStatus,
    SourceDomain,
    SourceOpenness,
    Urgency,
)
from schakel.intake.display import signal_born_text
from schakel.intake.log_subjects import person
from schakel.intake.models import MatchSuggestion, Signal
from schakel.intake.suggestion_rows import suggestion_rows

# The inbox shows this many open suggestions and expiring signals; the counts show all.
INBOX_SECTION_SIZE = 50


def _label(choices: type[Any], value: str) -> str:
    """The label of a stored choice; an unknown value is shown as it is."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _as_date(value: str | None) -> date | str:
    """Dates of birth are stored encrypted as ISO text."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


# Registration ---------------------------------------------------------------------------------


def _detail_url(signal: Signal) -> str:
    return reverse("intake:signal_detail", kwargs={"pk": signal.pk})


@token_required
@form_methods
def signal_create(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None or not permissions.may_register_signal(membership):
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = forms.SignalForm(data, membership=membership)
    formset = forms.RelatedPersonFormSet(data, prefix="omgeving")
    accounts = AccountFormSet(data, prefix="account")
    errors: list[ErrorItem] = []
    if data is not None:
        valid = [form.is_valid(), formset.is_valid(), accounts.is_valid()]
        if all(valid):
            try:
                registration = services.signal_register(
                    membership=membership,
                    data=form.to_input(formset.to_inputs(), accounts.to_inputs()),
                )
            except ValidationError as error:
                forms.add_service_errors(error, form=form, formset=formset, accounts=accounts)
            else:
                signal = registration.signal
                messages.success(
                    request,
                    _("Het signaal is geregistreerd met kenmerk %(reference)s.")
                    % {"reference": signal.reference},
                )
                return redirect(_detail_url(signal))
        errors = error_summary(form, (accounts, formset))
    context = {
        "form": form,
        "formset": formset,
        "accounts": accounts,
        "errors": errors,
        "open": form.open_sections(formset, accounts),
    }
    return render(request, "intake/signal_form.html", context)


# Own organisation's signals -----------------------------------------------------------------


@require_GET
def signal_list(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None or not (
        permissions.may_register_signal(membership) or permissions.is_meldpunt(membership)
    ):
        raise Http404
    page = page_of(request, selectors.signal_list_for(membership=membership))
    list_reads.record_list_reads(
        acting_user(request), name="signal_list_read", reads=list_reads.signal_reads(page)
    )
    context = {
        "page": page,
        "may_register": permissions.may_register_signal(membership),
        "is_meldpunt": permissions.is_meldpunt(membership),
    }
    return render(request, "intake/signal_list.html", context)


# Signal detail ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    status: str
    label: str
    needs_note: bool


def _transitions(signal: Signal) -> list[Transition]:
    allowed = services.HANDLING_TRANSITIONS.get(SignalStatus(signal.status), set())
    found = []
    if SignalStatus.UNDER_REVIEW in allowed:
        label = (
            _("Heropenen")
            if signal.status == SignalStatus.CLOSED_WITHOUT_ACTION
            else _("In behandeling nemen")
        )
        found.append(Transition(SignalStatus.UNDER_REVIEW, label, False))
    if SignalStatus.CLOSED_WITHOUT_ACTION in allowed:
        found.append(
            Transition(SignalStatus.CLOSED_WITHOUT_ACTION, _("Afsluiten zonder actie"), True)
        )
    return found


def _detail_context(
    membership: Membership, signal: Signal, status_form: inbox_forms.SignalStatusForm | None = None
) -> dict[str, Any]:
    directs = permissions.directs(membership, signal)
    registering = permissions.follows_as_registrant(membership, signal)
    may_handle = permissions.may_handle_signal(membership, signal)
    suggestions: list[MatchSuggestion] = []
    if directs:
        suggestions = list(
            suggestion_selectors.suggestion_list_for(membership=membership).filter(
                Q(signal=signal) | Q(earlier_signal=signal)
            )
        )
        # This signal's read is logged by the fetcher; the other signals' persons here.
        list_reads.record_list_reads(
            membership.user,  # loaded by the signal's fetcher
            name="signal_suggestions_read",
            reads=[
                read
                for read in list_reads.suggestion_reads(suggestions)
                if read.subject != person(signal)
            ],
        )
    related = [
        {
            "relation": _label(Relation, r.relation),
            "name": r.name,
            "date_of_birth": _as_date(r.date_of_birth),
        }
        for r in signal.loaded_related_persons  # type: ignore[attr-defined]
    ]
    return {
        "signal": signal,
        "date_of_birth": _as_date(signal.date_of_birth),
        "born": signal_born_text(signal),
        "online_accounts": getattr(signal, "loaded_online_accounts", []),
        "sex": _label(Sex, signal.sex) if signal.sex else "",
        "openness": _label(SourceOpenness, signal.online_source_openness)
        if signal.online_source_openness
        else "",
        "related_persons": related,
        "registered_by": staff_display(signal.registered_by, signal.registering_organisation),
        "directs": directs,
        "known_at": selectors.known_at_meldpunten(signal=signal)
        if registering and not directs
        else [],
        "suggestions": suggestion_rows(suggestions, membership=membership),
        "may_handle": may_handle,
        "transitions": _transitions(signal) if may_handle else [],
        "status_form": status_form or inbox_forms.SignalStatusForm(),
        "status_errors": error_summary(status_form) if status_form else [],
    }


@require_GET
def signal_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    signal = selectors.signal_get_for(membership=membership, pk=pk)
    assert membership is not None  # the fetcher found nothing otherwise
    return render(request, "intake/signal_detail.html", _detail_context(membership, signal))


STATUS_DONE = {
    SignalStatus.UNDER_REVIEW: gettext_lazy("Het signaal is in behandeling genomen."),
    SignalStatus.CLOSED_WITHOUT_ACTION: gettext_lazy("Het signaal is afgesloten zonder actie."),
}


@require_POST
def signal_status(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    signal = selectors.signal_get_for(membership=membership, pk=pk)
    if membership is None or not permissions.may_handle_signal(membership, signal):
        raise Http404
    form = inbox_forms.SignalStatusForm(request.POST)
    if form.is_valid():
        status = SignalStatus(form.cleaned_data["status"])
        seen = form.cleaned_data["seen_status"]
        try:
            if seen and seen != signal.status:
                raise services.AlreadyDecidedError
            services.signal_set_status(
                signal=signal, membership=membership, status=status, note=form.cleaned_data["note"]
            )
        except services.AlreadyDecidedError:
            messages.error(
                request,
                _("Iemand anders heeft de status intussen gewijzigd. Dit is de huidige status."),
            )
            return redirect(_detail_url(signal))
        except ValidationError as error:
            for key, texts in error.message_dict.items():
                form.add_error("note" if key == "note" else None, texts)
        else:
            messages.success(request, str(STATUS_DONE[status]))
            return redirect(_detail_url(signal))
    context = _detail_context(membership, signal, status_form=form)
    return render(request, "intake/signal_detail.html", context)


# Inbox --------------------------------------------------------------------------------------


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None or not permissions.is_meldpunt(membership):
        raise Http404
    filter_form = inbox_forms.InboxFilterForm(request.GET)
    work = selectors.inbox_for(membership=membership, filters=filter_form.filters())
    page = page_of(request, work.signals)
    query = request.GET.copy()
    query.pop("pagina", None)
    suggestions = list(work.open_suggestions[:INBOX_SECTION_SIZE])
    expiring = list(work.expiring[:INBOX_SECTION_SIZE])
    list_reads.record_list_reads(
        acting_user(request),
        name="inbox_read",
        reads=[
            *list_reads.signal_reads([*page, *expiring]),
            *list_reads.suggestion_reads(suggestions),
        ],
    )
    context = {
        "filter_form": filter_form,
        "page": page,
        "query": query.urlencode(),
        "suggestions": suggestion_rows(suggestions, membership=membership),
        "suggestion_count": work.open_suggestions.count(),
        "expiring": expiring,
        "expiring_count": work.expiring.count(),
        "expiring_before": work.expiring_before,
        "warning_days": settings.SCHAKEL_EXPIRY_WARNING_DAYS,
        "section_size": INBOX_SECTION_SIZE,
    }
    return render(request, "intake/inbox.html", context)


# Privacy officer: metadata only -------------------------------------------------------------


def _metadata_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "status_label": _label(SignalStatus, row["status"]),
        "source_domain_label": _label(SourceDomain, row["source_domain"]),
        "urgency_label": _label(Urgency, row["urgency"]),
        "reported_by_label": _label(ReportedBy, row["reported_by"]),
        "category_label": _label(DataCategory, row["observation_category"]),
    }


@require_GET
def privacy_signals(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise Http404
    page = page_of(request, selectors.signal_metadata_for_privacy_officer(membership=membership))
    rows = [_metadata_row(row) for row in page]
    list_reads.record_list_reads(
        acting_user(request), name="signal_list_read", reads=list_reads.signal_id_reads(rows)
    )
    return render(request, "intake/privacy_signals.html", {"page": page, "rows": rows})


# Phenomena (platform operator) --------------------------------------------------------------


@superuser_required
@require_GET
def phenomena(request: HttpRequest) -> HttpResponse:
    items = admin_services.phenomenon_list_for_admin(user=acting_user(request))
    return render(request, "intake/phenomena.html", {"phenomena": items})


@superuser_required
@form_methods
def phenomenon_edit(request: HttpRequest, pk: uuid.UUID | None = None) -> HttpResponse:
    user = acting_user(request)
    phenomenon = admin_services.phenomenon_get_for_admin(user=user, pk=pk) if pk else None
    form = inbox_forms.PhenomenonForm(request.POST or None, instance=phenomenon)
    if request.method == "POST" and form.is_valid():
        admin_services.phenomenon_save(by=user, data=form.to_data(), phenomenon=phenomenon)
        messages.success(request, _("Het fenomeen is opgeslagen."))
        return redirect("intake:phenomena")
    context = {
        "form": form,
        "title": _("Nieuw fenomeen") if phenomenon is None else _("Fenomeen wijzigen"),
        "cancel_url": reverse("intake:phenomena"),
        "section": "phenomena",
    }
    return render(request, "network/admin_form.html", context)
