"""Screens of the weighing: sessions, putting a person on the agenda, the team's decision.

Views are thin: they fetch through a selector (which scopes to the acting membership and logs
reads of person data), bind a form, call one service and redirect or render. Anything the acting
membership may not see or do is a 404. Lists show no person data; only the item page does.
"""

import copy
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.cases.access import cases_visible_to
from schakel.cases.services import process_directors_of, zvh_for
from schakel.core.forms import error_summary
from schakel.core.pages import form_methods, page_of
from schakel.intake.choices import DataCategory, Relation, SignalStatus
from schakel.intake.choices import Sex as SexChoice
from schakel.intake.models import Signal
from schakel.intake.selectors import signal_list_for
from schakel.network.models import Organisation
from schakel.weighing import forms, permissions, selectors, services
from schakel.weighing.choices import OUTCOMES_WITH_DATE
from schakel.weighing.models import WeighingArrangement, WeighingItem, WeighingSession

# The session list shows this many follow-ups; the count shows all.
FOLLOW_UP_SIZE = 50


def _table_membership(request: HttpRequest) -> Membership:
    """The acting membership, when it takes part at a weighing table at all."""
    membership = acting_membership(request)
    if membership is None or membership.role not in TABLE_ROLES:
        raise Http404
    return membership


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def reference_of(item: WeighingItem) -> str:
    return str(item.pk).split("-")[0].upper()


def _session_url(session: WeighingSession) -> str:
    return reverse("weighing:session_detail", kwargs={"pk": session.pk})


def _item_url(item: WeighingItem) -> str:
    return reverse("weighing:item_detail", kwargs={"pk": item.pk})


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
                reference=reference_of(item),
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
    items = selectors.items_of_session_for(membership=membership, session=session)
    return {
        "session": session,
        "participants": participants,
        "chair": _display(session.chair, chair_orgs, table),
        "rows": [ItemRow(item=item, reference=reference_of(item)) for item in items],
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
                % {"reference": reference_of(item)},
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


# Item detail and the decision ---------------------------------------------------------------


def _could_decide(membership: Membership, item: WeighingItem) -> bool:
    """Whether this membership would decide the item if nobody had yet (a conflict, not a
    404, when someone else was first)."""
    undecided = copy.copy(item)
    undecided.outcome = ""
    return permissions.may_decide_item(membership, undecided)


def _decision_form(
    membership: Membership, item: WeighingItem, data: Any = None
) -> forms.DecisionForm:
    zvh = zvh_for(item.directing_municipality_id)
    return forms.DecisionForm(
        data,
        criteria=list(selectors.active_criteria()),
        directors=process_directors_of(zvh) if zvh is not None else [],
        zvh=zvh,
        membership=membership,
    )


def _case_link(membership: Membership, item: WeighingItem) -> dict[str, str] | None:
    case = cases_visible_to(membership=membership).filter(opened_from=item).first()
    if case is None:
        return None
    try:
        url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        url = ""
    return {"reference": case.reference, "url": url}


@dataclass(frozen=True)
class RelatedRow:
    relation: str
    name: str
    date_of_birth: date | None


def _item_context(
    membership: Membership,
    view: selectors.ItemView,
    form: forms.DecisionForm | None = None,
    conflict: dict[str, Any] | None = None,
) -> dict[str, Any]:
    item = view.item
    session = item.session
    may_decide = permissions.may_decide_item(membership, item)
    if may_decide and form is None:
        form = _decision_form(membership, item)
    decided_by = ""
    if item.decided_by_id is not None and item.decided_by is not None:
        table = _session_table(session) | {item.directing_municipality_id}
        organisations = _table_organisations([item.decided_by_id]).get(item.decided_by_id, [])
        decided_by = _display(item.decided_by, organisations, table)
    identity = view.identity
    return {
        "item": item,
        "reference": reference_of(item),
        "session": session,
        "identity": identity,
        "sex": _label(SexChoice, identity.sex) if identity.sex else "",
        "related_persons": [
            RelatedRow(_label(Relation, r.relation), r.name, r.date_of_birth)
            for r in identity.related_persons
        ],
        "signals": view.signals,
        "criteria": view.criteria,
        "justification_category": _label(DataCategory, item.justification_category),
        "decided_by": decided_by,
        "case": _case_link(membership, item) if item.is_decided else None,
        "may_decide": may_decide,
        "form": form if may_decide else None,
        "errors": error_summary(form) if form is not None and form.is_bound else [],
        "conflict": conflict,
    }


@require_GET
def item_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _table_membership(request)
    view = selectors.item_get_for(membership=membership, pk=pk)
    return render(request, "weighing/item_detail.html", _item_context(membership, view))


@require_POST
def item_decide(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _table_membership(request)
    # No person data is read to record the decision; a page shown again reads (and logs) it.
    item = (
        selectors.items_visible_to(membership=membership)
        .select_related("session__arrangement", "directing_municipality")
        .filter(pk=pk)
        .first()
    )
    if item is None or not _could_decide(membership, item):
        raise Http404
    form = _decision_form(membership, item, request.POST)
    conflict = item.is_decided
    if not conflict and form.is_valid():
        try:
            services.item_decide(membership=membership, item=item, data=form.to_input())
        except PermissionDenied as error:
            raise Http404 from error
        except services.AlreadyDecidedError:
            conflict = True
        except ValidationError as error:
            _apply_service_errors(error, form)
        else:
            messages.success(request, _("Het besluit van de weging is vastgelegd."))
            return redirect(_item_url(item))
    view = selectors.item_get_for(membership=membership, pk=pk)
    if conflict:
        context = _item_context(membership, view, conflict=form.summary())
        return render(request, "weighing/item_detail.html", context, status=409)
    context = _item_context(membership, view, form=form)
    return render(request, "weighing/item_detail.html", context)
