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
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.cases import forms, permissions, selectors, services
from schakel.cases.choices import (
    OPEN_PHASES,
    ParticipationKind,
)
from schakel.cases.models import Case, Participation
from schakel.cases.services import REASSESSMENT_INTERVAL, CaseStateError
from schakel.core.forms import ErrorItem, error_summary
from schakel.core.pages import form_methods, page_of, query_without_page
from schakel.intake.choices import Relation, Sex
from schakel.network.models import Organisation
from schakel.privacy.supervision import accesses_for_case

# The dashboard shows this many rows per section, and says when there are more.
DASHBOARD_ROWS = 20

CASE_CHANGED = gettext_lazy(
    "Dit kan nu niet meer: de casus is intussen gewijzigd of afgesloten. Er is niets opgeslagen."
)


def _label(choices: type[Any], value: str) -> str:
    """The label of a stored choice; an unknown value is shown as it is."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def case_reference(case_id: uuid.UUID) -> str:
    """A case's reference from its id alone (lists load no case row)."""
    return Case(pk=case_id).reference


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
        forms.add_service_errors(error, form)
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
    view = selectors.case_get_for(membership=membership, pk=pk)
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
        # The directing municipality sees every privacy officer's supervision access.
        "shows_supervision": permissions.directs_case(membership, case),
        "supervision_accesses": accesses_for_case(membership=membership, case=case),
    }
    return render(request, "cases/case_detail.html", context)


# Managing a case ------------------------------------------------------------------------------


def _managed_case(request: HttpRequest, pk: uuid.UUID) -> tuple[Membership, Case]:
    """A visible case the acting membership may manage (no person data is read)."""
    membership = acting_membership(request)
    case = selectors.case_for_action(membership=membership, pk=pk)
    if membership is None or not permissions.may_manage_case(membership, case):
        raise Http404
    return membership, case


@dataclass
class FormPage:
    """What the generic case form page shows."""

    title: str
    submit: str
    intro: list[str] = field(default_factory=list)
    warning: str = ""


def _form_page(
    request: HttpRequest,
    case: Case,
    form: django_forms.Form,
    page: FormPage,
    template: str = "cases/case_form.html",
    **extra: object,
) -> HttpResponse:
    context = {
        "case": case,
        "form": form,
        "errors": _errors(form),
        "page": page,
        "cancel_url": _case_url(case),
        **extra,
    }
    return render(request, template, context)


def _done(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(_case_url(case))


def _possible_partners(case: Case) -> QuerySet[Organisation]:
    """Active organisations not yet taking part (a running or planned participation)."""
    taking_part = case.participations.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate())
    ).values("organisation_id")
    return (
        Organisation.objects.filter(is_active=True)
        .exclude(pk__in=[case.directing_municipality_id, case.zvh_id])
        .exclude(pk__in=taking_part)
        .order_by("name")
    )


@form_methods
def case_participation_add(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.ParticipationForm(
        _posted(request),
        organisations=_possible_partners(case),
        initial={"kind": ParticipationKind.STRUCTURAL, "starts_on": timezone.localdate()},
    )
    if _run(
        form,
        lambda: services.participation_add(membership=membership, case=case, data=form.to_input()),
    ):
        return _done(request, case, _("De deelname is toegevoegd."))
    page = FormPage(
        title=_("Deelnemer toevoegen"),
        submit=_("Deelnemer toevoegen"),
        intro=[
            _(
                "Leden van een structurele deelnemer zien de hele casus zolang de deelname "
                "loopt en de casus open is."
            )
        ],
    )
    return _form_page(request, case, form, page)


@form_methods
def case_participation_end(
    request: HttpRequest, pk: uuid.UUID, participation_pk: uuid.UUID
) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    participation = (
        case.participations.select_related("organisation").filter(pk=participation_pk).first()
    )
    if participation is None:
        raise Http404
    participation.case = case
    form = forms.ParticipationEndForm(_posted(request), initial={"ends_on": timezone.localdate()})
    if _run(
        form,
        lambda: services.participation_end(
            membership=membership,
            participation=participation,
            ends_on=form.cleaned_data["ends_on"],
        ),
    ):
        return _done(request, case, _("De deelname is beëindigd."))
    page = FormPage(
        title=_("Deelname beëindigen"),
        submit=_("Deelname beëindigen"),
        intro=[
            _("Deelnemer: %(organisation)s (%(kind)s).")
            % {
                "organisation": participation.organisation.name,
                "kind": participation.get_kind_display().lower(),
            },
            _("Na de laatste dag ziet deze organisatie de casus niet meer."),
        ],
    )
    return _form_page(request, case, form, page)


@form_methods
def case_informing(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    initial: dict[str, Any] = {}
    if request.method == "GET":
        # The form shows the current note: opening it is a (logged) read of the case.
        current = selectors.case_get_for(membership=membership, pk=pk).case
        initial = {
            "status": current.informing_status,
            "informed_on": current.informed_on,
            "informed_by": current.informed_by_id,
            "note": current.informing_note or "",
            "reconsider_on": current.reconsider_informing_on,
        }
    form = forms.InformingForm(
        _posted(request), organisations=_table_organisations(case), initial=initial
    )
    if _run(
        form,
        lambda: services.case_record_informing(
            membership=membership, case=case, data=form.to_input()
        ),
    ):
        return _done(request, case, _("Het informeren van de persoon is vastgelegd."))
    page = FormPage(title=_("Informeren van de persoon"), submit=_("Opslaan"))
    return _form_page(request, case, form, page, "cases/case_informing.html")


@form_methods
def case_review(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.ReviewForm(_posted(request), initial={"next_review_on": case.next_review_on})
    if _run(
        form,
        lambda: services.case_schedule_review(
            membership=membership, case=case, next_review_on=form.cleaned_data["next_review_on"]
        ),
    ):
        return _done(request, case, _("De evaluatie is gepland."))
    page = FormPage(
        title=_("Evaluatie plannen"),
        submit=_("Opslaan"),
        intro=[_("Op de evaluatiedatum verschijnt de casus op het overzicht.")],
    )
    return _form_page(request, case, form, page)


@form_methods
def case_reassess(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.ReassessForm(_posted(request), latest=timezone.localdate() + REASSESSMENT_INTERVAL)
    if _run(
        form,
        lambda: services.case_reassess(
            membership=membership, case=case, next_due_on=form.cleaned_data["next_due_on"]
        ),
    ):
        return _done(request, case, _("De herbeoordeling is vastgelegd."))
    page = FormPage(
        title=_("Herbeoordelen"),
        submit=_("Voortgezette bespreking is nodig"),
        intro=[
            _(
                "Minstens jaarlijks wordt beoordeeld of voortgezette bespreking nog nodig is. "
                "Is dat zo, leg dan de volgende herbeoordeling vast. Is dat niet zo, schaal de "
                "casus dan af of sluit hem af."
            )
        ],
    )
    return _form_page(request, case, form, page, last_reassessed=case.last_reassessed_on)


@form_methods
def case_to_monitoring(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.ConfirmForm(_posted(request))
    if _run(form, lambda: services.case_to_monitoring(membership=membership, case=case)):
        return _done(request, case, _("De casus is in de fase monitoring."))
    page = FormPage(
        title=_("Naar monitoring"),
        submit=_("Naar monitoring"),
        intro=[
            _(
                "Het plan van aanpak loopt: de casus gaat van casusoverleg naar monitoring. "
                "De deelnemers houden toegang."
            )
        ],
    )
    return _form_page(request, case, form, page)


@form_methods
def case_deescalate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.DeescalateForm(_posted(request))
    if _run(
        form,
        lambda: services.case_deescalate(
            membership=membership,
            case=case,
            destination=form.cleaned_data["destination"],
            aftercare_until=form.cleaned_data["aftercare_until"],
        ),
    ):
        return _done(request, case, _("De casus is afgeschaald en in de fase nazorg."))
    page = FormPage(
        title=_("Afschalen"),
        submit=_("Afschalen"),
        intro=[_("Leg vast waarheen wordt afgeschaald en hoe lang de nazorg duurt.")],
    )
    return _form_page(request, case, form, page)


@form_methods
def case_close(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.CloseForm(_posted(request))
    if _run(
        form,
        lambda: services.case_close(
            membership=membership,
            case=case,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        ),
    ):
        return _done(request, case, _("De casus is afgesloten."))
    page = FormPage(
        title=_("Casus afsluiten"),
        submit=_("Casus definitief afsluiten"),
        warning=_(
            "Na het afsluiten eindigen alle deelnames: de partners verliezen de toegang tot de "
            "casus. De bewaartermijn gaat vandaag in. Afsluiten kan niet ongedaan worden gemaakt."
        ),
    )
    return _form_page(request, case, form, page)


# The role dashboard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    rows: list[Any]
    more: bool


def _section(queryset: QuerySet[Any]) -> Section:
    rows = list(queryset[: DASHBOARD_ROWS + 1])
    return Section(rows=rows[:DASHBOARD_ROWS], more=len(rows) > DASHBOARD_ROWS)


@dataclass(frozen=True)
class RoleDashboard:
    cases: Section
    overdue_interventions: Section
    reviews_due: Section
    reassessments_due: Section
    informing_to_reconsider: Section
    meetings: Section
    today: date
    rows: int


def role_dashboard(membership: Membership | None) -> RoleDashboard | None:
    """The cases part of the dashboard for the table roles (no person data); None otherwise."""
    if membership is None or membership.role not in TABLE_ROLES:
        return None
    board = selectors.dashboard_for(membership=membership)
    overdue = _section(board.overdue_interventions)
    overdue = Section(
        rows=[
            {"intervention": i, "case_reference": case_reference(i.plan.case_id)}
            for i in overdue.rows
        ],
        more=overdue.more,
    )
    return RoleDashboard(
        cases=_section(board.cases),
        overdue_interventions=overdue,
        reviews_due=_section(board.reviews_due),
        reassessments_due=_section(board.reassessments_due),
        informing_to_reconsider=_section(board.informing_to_reconsider),
        meetings=_section(board.meetings),
        today=timezone.localdate(),
        rows=DASHBOARD_ROWS,
    )
