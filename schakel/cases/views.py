"""Screens of cases (list, detail, management) and the role dashboard; the action plan's
screens are in ``plan_views``.

Views are thin: they fetch through a selector (scoped to the acting membership; opening a case,
a plan version or an intervention logs the read), bind a form, call one service and redirect
or render. Anything the acting membership may not see or do is a 404. A service's refusal is
shown next to the fields, with the person's input kept; a concurrent change is explained and
nothing typed is lost.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.cases import forms, permissions, selectors
from schakel.cases.choices import (
    OPEN_PHASES,
)
from schakel.cases.models import Case, Participation
from schakel.cases.sections import case_sections
from schakel.cases.services import CaseStateError
from schakel.cases.timeline import phase_steps
from schakel.core.forms import ErrorItem, add_service_errors, error_summary
from schakel.core.pages import page_of, query_without_page
from schakel.intake.choices import Relation, Sex
from schakel.network.models import Organisation

CASE_CHANGED = gettext_lazy(
    "Dit kan nu niet meer: de casus is intussen gewijzigd of afgesloten. Er is niets opgeslagen."
)


def _label(choices: type[Any], value: str) -> str:
    """The label of a stored choice; an unknown value is shown as it is."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _case_url(case: Case) -> str:
    return reverse("cases:case_detail", kwargs={"pk": case.pk})


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


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
    except CaseStateError:
        form.add_error(None, str(CASE_CHANGED))
        return False
    return True


def _errors(form: django_forms.Form) -> list[ErrorItem]:
    return error_summary(form) if form.is_bound else []


def _table_organisations(case: Case, *also: uuid.UUID) -> QuerySet[Organisation]:
    """Who is at the table: the directing municipality, the ZVH and the organisations with a
    running participation (and, when changing, the organisations already chosen)."""
    day = timezone.localdate()
    running = Participation.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day), case_id=case.pk, starts_on__lte=day
    ).values("organisation_id")
    chosen = [case.directing_municipality_id, case.zvh_id, *also]
    return Organisation.objects.filter(
        Q(pk__in=chosen) | Q(pk__in=running, is_active=True)
    ).order_by("name")


# Case list ------------------------------------------------------------------------------------


def _table_membership(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None or membership.role not in TABLE_ROLES:
        raise Http404
    return membership


@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    membership = _table_membership(request)
    filter_form = forms.CaseFilterForm(request.GET)
    phase, due_soon = filter_form.values()
    cases = selectors.case_list_for(membership=membership)
    if phase:
        cases = cases.filter(phase=phase)
    if due_soon:
        soon = timezone.localdate() + selectors.DUE_SOON
        cases = cases.filter(
            Q(next_review_on__lte=soon)
            | Q(reassessment_due_on__lte=soon)
            | Q(reconsider_informing_on__lte=soon),
            phase__in=OPEN_PHASES,
        )
    context = {
        "filter_form": filter_form,
        "page": page_of(request, cases),
        "query": query_without_page(request),
        "filtered": bool(phase or due_soon),
    }
    return render(request, "cases/case_list.html", context)


# Case detail ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipationRow:
    participation: Participation
    running: bool
    may_end: bool


def _participation_rows(view: selectors.CaseView) -> list[ParticipationRow]:
    today = timezone.localdate()
    rows = []
    for p in view.participations:
        # A closed case has no running participation left, whatever its end date says.
        closed = view.case.is_closed
        running = not closed and p.starts_on <= today and (p.ends_on is None or p.ends_on >= today)
        ended = closed or (p.ends_on is not None and p.ends_on < today)
        rows.append(ParticipationRow(p, running, view.may_manage and not ended))
    return rows


@require_GET
def case_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    view = selectors.case_get_for(membership=membership, pk=pk, with_timeline=True)
    case, identity = view.case, view.identity
    director = (
        staff_display(case.process_director, case.zvh) if case.process_director is not None else ""
    )
    context = {
        "view": view,
        "case": case,
        "identity": identity,
        "sex": _label(Sex, identity.sex) if identity.sex else "",
        "related_persons": [
            {"relation": _label(Relation, p.relation), "person": p}
            for p in identity.related_persons
        ],
        "process_director": director,
        "participations": _participation_rows(view),
        "latest_version": view.versions[0] if view.versions else None,
        "today": timezone.localdate(),
        # The directing municipality registers data-subject requests about its case.
        "may_register_request": permissions.directs_case(membership, case),
        "case_sections": case_sections(membership, case),
        "phase_steps": phase_steps(case),
    }
    return render(request, "cases/case_detail.html", context)
