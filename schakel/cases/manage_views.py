"""Managing a case: partners at the table, informing the person, review, reassessment, monitoring,
de-escalation and closure. Only the directing municipality's leads (else 404)."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.cases import forms, lifecycle_services, permissions, selectors, services
from schakel.cases.choices import (
    ParticipationKind,
)
from schakel.cases.models import Case
from schakel.cases.services import REASSESSMENT_INTERVAL
from schakel.cases.views import _case_url, _errors, _posted, _run, _table_organisations
from schakel.core import confirm
from schakel.core.forms import cleaned_values
from schakel.core.pages import form_methods
from schakel.network.models import Organisation

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


def _form_step(
    request: HttpRequest,
    case: Case,
    form: django_forms.Form,
    save: Callable[[], object],
    done: str,
    page: FormPage,
    template: str = "cases/case_form.html",
    **extra: object,
) -> HttpResponse:
    """Save a valid form through the service and go back to the case saying ``done``; else show
    the form page (again, with what the form or the service refused)."""
    if _run(form, save):
        return _done(request, case, done)
    return _form_page(request, case, form, page, template, **extra)


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
    return _form_step(
        request,
        case,
        form,
        lambda: services.participation_add(membership=membership, case=case, data=form.to_input()),
        _("De deelname is toegevoegd."),
        page,
    )


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
    who = _("Deelnemer: %(organisation)s (%(kind)s).") % {
        "organisation": participation.organisation.name,
        "kind": participation.get_kind_display().lower(),
    }
    after = _("Na de laatste dag ziet deze organisatie de casus niet meer.")
    return _form_step(
        request,
        case,
        form,
        lambda: services.participation_end(
            membership=membership, participation=participation, **cleaned_values(form, "ends_on")
        ),
        _("De deelname is beëindigd."),
        FormPage(_("Deelname beëindigen"), _("Deelname beëindigen"), [who, after]),
    )


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
    return _form_step(
        request,
        case,
        form,
        lambda: lifecycle_services.case_record_informing(
            membership=membership, case=case, data=form.to_input()
        ),
        _("Het informeren van de persoon is vastgelegd."),
        FormPage(title=_("Informeren van de persoon"), submit=_("Opslaan")),
        "cases/case_informing.html",
    )


@form_methods
def case_review(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.ReviewForm(_posted(request), initial={"next_review_on": case.next_review_on})
    intro = _("Op de evaluatiedatum verschijnt de casus op het overzicht.")
    return _form_step(
        request,
        case,
        form,
        lambda: lifecycle_services.case_schedule_review(
            membership=membership, case=case, **cleaned_values(form, "next_review_on")
        ),
        _("De evaluatie is gepland."),
        FormPage(_("Evaluatie plannen"), _("Opslaan"), [intro]),
    )


@form_methods
def case_reassess(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.ReassessForm(_posted(request), latest=timezone.localdate() + REASSESSMENT_INTERVAL)
    intro = _(
        "Minstens jaarlijks wordt beoordeeld of voortgezette bespreking nog nodig is. "
        "Is dat zo, leg dan de volgende herbeoordeling vast. Is dat niet zo, schaal de "
        "casus dan af of sluit hem af."
    )
    page = FormPage(_("Herbeoordelen"), _("Voortgezette bespreking is nodig"), [intro])
    return _form_step(
        request,
        case,
        form,
        lambda: lifecycle_services.case_reassess(
            membership=membership, case=case, **cleaned_values(form, "next_due_on")
        ),
        _("De herbeoordeling is vastgelegd."),
        page,
        last_reassessed=case.last_reassessed_on,
    )


@form_methods
def case_to_monitoring(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    intro = _(
        "Het plan van aanpak loopt: de casus gaat van casusoverleg naar monitoring. "
        "De deelnemers houden toegang."
    )
    return _form_step(
        request,
        case,
        forms.ConfirmForm(_posted(request)),
        lambda: lifecycle_services.case_to_monitoring(membership=membership, case=case),
        _("De casus is in de fase monitoring."),
        FormPage(_("Naar monitoring"), _("Naar monitoring"), [intro]),
    )


@form_methods
def case_deescalate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.DeescalateForm(_posted(request))
    intro = _("Leg vast waarheen wordt afgeschaald en hoe lang de nazorg duurt.")
    page = FormPage(_("Afschalen"), _("Afschalen"), [intro])
    question = confirm.Confirmation(
        title=_("Afschalen controleren"),
        submit=_("Bevestigen: casus afschalen"),
        back_url=_case_url(case),
        what=[
            _(
                "Casus %(reference)s gaat naar de fase nazorg. Het casusoverleg over deze casus "
                "stopt; de nazorg loopt tot de ingevulde datum."
            )
            % {"reference": case.reference}
        ],
        irreversible=_("Afschalen kan niet worden teruggedraaid."),
    )
    if response := confirm.review_first(
        request, form, question, edit=lambda: _form_page(request, case, form, page)
    ):
        return response
    return _form_step(
        request,
        case,
        form,
        lambda: lifecycle_services.case_deescalate(
            membership=membership,
            case=case,
            **cleaned_values(form, "destination", "aftercare_until"),
        ),
        _("De casus is afgeschaald en in de fase nazorg."),
        page,
    )


@form_methods
def case_close(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, case = _managed_case(request, pk)
    form = forms.CloseForm(_posted(request))
    warning = _(
        "Na het afsluiten eindigen alle deelnames: de partners verliezen de toegang tot de "
        "casus. De bewaartermijn gaat vandaag in. Afsluiten kan niet ongedaan worden gemaakt."
    )
    page = FormPage(_("Casus afsluiten"), _("Verder"), warning=warning)
    question = confirm.Confirmation(
        title=_("Afsluiten controleren"),
        submit=_("Bevestigen: casus definitief afsluiten"),
        back_url=_case_url(case),
        what=[_("Casus %(reference)s wordt afgesloten.") % {"reference": case.reference}],
        irreversible=warning,
    )
    if response := confirm.review_first(
        request, form, question, edit=lambda: _form_page(request, case, form, page)
    ):
        return response
    return _form_step(
        request,
        case,
        form,
        lambda: lifecycle_services.case_close(
            membership=membership, case=case, **cleaned_values(form, "reason", "note")
        ),
        _("De casus is afgesloten."),
        page,
    )
