"""The page of one weighing item and the team's decision on it: the only weighing page that
shows person data (read through the selector, which logs the read).
"""

import copy
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.models import Membership
from schakel.accounts.organisations.selectors import process_directors_of, zvh_for
from schakel.core import confirm
from schakel.core.forms import error_summary
from schakel.intake.choices import DataCategory, Relation
from schakel.intake.choices import Sex as SexChoice
from schakel.weighing import decision_forms, permissions, selectors, services
from schakel.weighing.follow_up import follow_up
from schakel.weighing.models import WeighingItem
from schakel.weighing.views import (
    _apply_service_errors,
    _display,
    _session_table,
    _table_membership,
    _table_organisations,
)


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _item_url(item: WeighingItem) -> str:
    return reverse("weighing:item_detail", kwargs={"pk": item.pk})


# Item detail and the decision ---------------------------------------------------------------


def _could_decide(membership: Membership, item: WeighingItem) -> bool:
    """Whether this membership would decide the item if nobody had yet (a conflict, not a
    404, when someone else was first)."""
    undecided = copy.copy(item)
    undecided.outcome = ""
    return permissions.may_decide_item(membership, undecided)


def _decision_form(
    membership: Membership, item: WeighingItem, data: Any = None
) -> decision_forms.DecisionForm:
    zvh = zvh_for(item.directing_municipality_id)
    return decision_forms.DecisionForm(
        data,
        criteria=list(selectors.active_criteria()),
        directors=process_directors_of(zvh) if zvh is not None else [],
        zvh=zvh,
        membership=membership,
    )


@dataclass(frozen=True)
class RelatedRow:
    relation: str
    name: str
    date_of_birth: date | None


def _item_context(
    membership: Membership,
    view: selectors.ItemView,
    form: decision_forms.DecisionForm | None = None,
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
        "reference": item.reference,
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
        "case": follow_up().link(membership, item) if item.is_decided else None,
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


def _decided(request: HttpRequest, membership: Membership, item: WeighingItem) -> HttpResponse:
    """Back to the item, with a message that links to the case the decision opened."""
    item.refresh_from_db()
    link = follow_up().link(membership, item)
    done = _("Het besluit van de weging is vastgelegd.")
    if link is not None and link.url:
        message: str = format_html(
            '{} <a class="utrecht-link" href="{}">{}</a>',
            done,
            link.url,
            _("Naar casus %(reference)s") % {"reference": link.reference},
        )
    elif link is not None:
        message = _("%(done)s Er is casus %(reference)s geopend.") % {
            "done": done,
            "reference": link.reference,
        }
    else:
        message = done
    messages.success(request, message)
    return redirect(_item_url(item))


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
    if not conflict:
        question = confirm.Confirmation(
            title=_("Besluit van de weging controleren"),
            submit=_("Bevestigen: besluit vastleggen"),
            back_url=_item_url(item),
            what=[
                _("Het besluit over wegingspunt %(reference)s wordt vastgelegd.")
                % {"reference": item.reference},
                _("Bij opname in de aanpak wordt meteen een casus geopend."),
            ],
            irreversible=_("Het besluit kan daarna niet meer worden gewijzigd."),
        )

        def edit() -> HttpResponse:
            view = selectors.item_get_for(membership=membership, pk=pk)
            context = _item_context(membership, view, form=form)
            return render(request, "weighing/item_detail.html", context)

        if response := confirm.review_first(request, form, question, edit=edit):
            return response
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
            return _decided(request, membership, item)
    view = selectors.item_get_for(membership=membership, pk=pk)
    if conflict:
        context = _item_context(membership, view, conflict=form.summary())
        return render(request, "weighing/item_detail.html", context, status=409)
    context = _item_context(membership, view, form=form)
    return render(request, "weighing/item_detail.html", context)
