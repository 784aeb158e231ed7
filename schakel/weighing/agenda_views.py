"""The page of one weighing session: its agenda, putting a person on it, closing the session.

The agenda shows references only, no person data; the signals offered to put on it are the
meldpunt's own residents' that may be weighed, listed without names but with what tells them
apart (received, reporter, domain, phenomenon, status, urgency), which is logged.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.forms import ModelChoiceField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.core.forms import error_summary
from schakel.core.pages import form_methods
from schakel.intake.choices import SignalStatus
from schakel.intake.log_subjects import person
from schakel.intake.models import Signal
from schakel.intake.selectors import signal_list_for
from schakel.weighing import forms, permissions, selectors, services
from schakel.weighing.activities import WeighingActivity
from schakel.weighing.choices import OUTCOMES_WITH_DATE
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.views import (
    _apply_service_errors,
    _display,
    _session_url,
    _table_membership,
    _table_organisations,
)

# Session detail and putting a person on the agenda ------------------------------------------


def weighable_signals(membership: Membership, session: WeighingSession) -> QuerySet[Signal]:
    """The meldpunt's own residents' signals that may go to this weighing (as
    ``services.may_be_weighed`` decides, set-based): no person fields are loaded."""
    latest_outcome = (
        WeighingItem.objects.filter(subject_id=OuterRef("subject_id"))
        .order_by("-created_at")
        .values("outcome")[:1]
    )
    on_agenda = WeighingItem.objects.filter(session=session).values("subject_id")
    return (
        signal_list_for(membership=membership)
        .filter(
            directing_municipality_id=membership.organisation_id,
            person_data_deleted_at__isnull=True,
        )
        .annotate(latest_outcome=Subquery(latest_outcome))
        .filter(
            Q(status__in=services.WEIGHABLE_STATUSES)
            | Q(status=SignalStatus.LINKED_TO_WEIGHING, latest_outcome__in=OUTCOMES_WITH_DATE)
        )
        .exclude(Q(subject_id__isnull=False) & Q(subject_id__in=on_agenda))
    )


@dataclass(frozen=True)
class ItemRow:
    item: WeighingItem
    reference: str


def _log_signals_offered(membership: Membership, form: forms.ItemAddForm) -> None:
    """The signals offered show their status, phenomenon and reporter: one read per person
    offered, in one write."""
    field = form.fields["signal"]
    assert isinstance(field, ModelChoiceField)
    queryset = field.queryset
    offered = list(queryset.values_list("pk", flat=True)) if queryset is not None else []
    if queryset is not None:
        # The page shows exactly the signals logged: one that becomes weighable meanwhile waits
        # for the next rendering.
        field.queryset = queryset.filter(pk__in=offered)
    audit.record_reads(
        name="weighing_signals_offered_read",
        by=membership.user,
        reads=[audit.Read(WeighingActivity.WEIGHING, person(Signal(pk=pk))) for pk in offered],
    )


def _session_context(
    membership: Membership,
    session: WeighingSession,
    add_form: forms.ItemAddForm | None = None,
) -> dict[str, Any]:
    participants = list(session.participants.order_by("name"))
    table = {org.pk for org in participants} | {session.arrangement.facilitator_id}
    chair_orgs = _table_organisations([session.chair_id]).get(session.chair_id, [])
    may_add = permissions.may_add_item(membership, session)
    if may_add and add_form is None:
        add_form = forms.ItemAddForm(signals=weighable_signals(membership, session))
    if add_form is not None:
        _log_signals_offered(membership, add_form)
    items = selectors.items_of_session_for(membership=membership, session=session)
    return {
        "session": session,
        "participants": participants,
        "chair": _display(session.chair, chair_orgs, table),
        "rows": [ItemRow(item=item, reference=item.reference) for item in items],
        "may_add": may_add,
        "add_form": add_form,
        "add_errors": error_summary(add_form) if add_form is not None and add_form.is_bound else [],
        "has_signals": add_form is not None and add_form.has_signals,
        "may_close": permissions.may_close_session(membership, session),
    }


@require_GET
def session_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _table_membership(request)
    session = selectors.session_get_for(membership=membership, pk=pk)
    return render(request, "weighing/session_detail.html", _session_context(membership, session))


@require_POST
def item_add(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _table_membership(request)
    session = selectors.session_get_for(membership=membership, pk=pk)
    if not permissions.may_add_item(membership, session):
        raise Http404
    form = forms.ItemAddForm(request.POST, signals=weighable_signals(membership, session))
    if form.is_valid():
        try:
            item = services.item_add(
                membership=membership, session=session, signal=form.cleaned_data["signal"]
            )
        except PermissionDenied as error:
            raise Http404 from error
        except services.AlreadyDecidedError:
            messages.error(
                request,
                _("Dit signaal is intussen al voor een weging aangemeld. Kies een ander signaal."),
            )
            return redirect(_session_url(session))
        except ValidationError as error:
            _apply_service_errors(error, form)
        else:
            messages.success(
                request,
                _("De persoon staat op de agenda als wegingspunt %(reference)s.")
                % {"reference": item.reference},
            )
            return redirect(_session_url(session))
    context = _session_context(membership, session, add_form=form)
    return render(request, "weighing/session_detail.html", context)


@form_methods
def session_close(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _table_membership(request)
    session = selectors.session_get_for(membership=membership, pk=pk)
    if not permissions.may_close_session(membership, session):
        raise Http404
    if request.method == "POST":
        try:
            services.session_close(membership=membership, session=session)
        except PermissionDenied as error:
            raise Http404 from error
        except services.AlreadyDecidedError:
            messages.error(request, _("Het wegingsoverleg was intussen al gesloten."))
        else:
            messages.success(
                request,
                _("Het wegingsoverleg %(reference)s is gesloten.")
                % {"reference": session.reference},
            )
        return redirect(_session_url(session))
    undecided = (
        selectors.items_of_session_for(membership=membership, session=session)
        .filter(outcome="")
        .count()
    )
    context = {"session": session, "undecided": undecided}
    return render(request, "weighing/session_close.html", context)
