"""The functional admin's pages for the legal-basis catalogue (under /beheer/grondslagen/).

Functional admins of any organisation (and the platform operator) keep the one platform-wide
catalogue; everyone else gets 404. Every change needs a fresh step-up and is logged by the
service. A basis disclosures refer to keeps its code and is deactivated, never deleted.
"""

import uuid
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_user
from schakel.accounts.organisations.views import confirm_page
from schakel.accounts.permissions import admin_required
from schakel.accounts.stepup import step_up_required
from schakel.audit.models import ProcessingActivity
from schakel.core.forms import error_summary
from schakel.core.pages import done_on_post, form_methods
from schakel.legal.models import LegalBasis
from schakel.network.choices import OrganisationKind
from schakel.privacy.catalogue import services
from schakel.privacy.catalogue.forms import LegalBasisForm

SECTION = "legal_bases"


def _basis(pk: uuid.UUID) -> LegalBasis:
    basis = LegalBasis.objects.filter(pk=pk).first()
    if basis is None:
        raise Http404
    return basis


def _label(choices: type[OrganisationKind], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _list_url() -> str:
    return reverse("privacy:basis_list")


@admin_required
@require_GET
def basis_list(request: HttpRequest) -> HttpResponse:
    bases = (
        LegalBasis.objects.annotate(disclosure_count=Count("disclosures"))
        .prefetch_related(
            Prefetch(
                "processing_activities",
                queryset=ProcessingActivity.objects.order_by("name").only("key", "name"),
            )
        )
        .order_by("-is_active", "position", "name")
    )
    rows = [
        {
            "basis": basis,
            "kinds": [_label(OrganisationKind, kind) for kind in basis.organisation_kinds],
        }
        for basis in bases
    ]
    return render(request, "privacy/catalogue/basis_list.html", {"rows": rows, "section": SECTION})


def _form_page(
    request: HttpRequest, form: LegalBasisForm, *, title: str, basis: LegalBasis | None
) -> HttpResponse:
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "title": title,
        "basis": basis,
        "cancel_url": _list_url(),
        "section": SECTION,
    }
    return render(request, "privacy/catalogue/basis_form.html", context)


@admin_required
@form_methods
@step_up_required
def basis_create(request: HttpRequest) -> HttpResponse:
    form = LegalBasisForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.basis_create(by=acting_user(request), data=form.to_input())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De grondslag is toegevoegd."))
            return redirect(_list_url())
    return _form_page(request, form, title=_("Nieuwe grondslag"), basis=None)


@admin_required
@form_methods
@step_up_required
def basis_update(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    basis = _basis(pk)
    in_use = services.is_in_use(basis)
    form = LegalBasisForm(
        request.POST if request.method == "POST" else None, basis=basis, in_use=in_use
    )
    if form.is_bound and form.is_valid():
        try:
            services.basis_update(by=acting_user(request), basis=basis, data=form.to_input())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De grondslag is opgeslagen."))
            return redirect(_list_url())
    return _form_page(request, form, title=_("Grondslag wijzigen"), basis=basis)


def _confirm(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    submit: str,
    explanation: str = "",
    harmless: bool = False,
) -> HttpResponse:
    return confirm_page(
        request,
        title=title,
        question=question,
        submit=submit,
        cancel_url=_list_url(),
        section=SECTION,
        explanation=explanation,
        harmless=harmless,
    )


@admin_required
@form_methods
@step_up_required
def basis_deactivate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    basis = _basis(pk)
    deactivate = partial(services.basis_set_active, basis=basis, active=False)
    done = _("De grondslag is niet meer actief.")
    if response := done_on_post(
        request, lambda: deactivate(by=acting_user(request)), done, _list_url()
    ):
        return response
    return _confirm(
        request,
        title=_("Grondslag op inactief zetten"),
        question=_("Wilt u de grondslag %(name)s op inactief zetten?") % {"name": basis.name},
        explanation=_(
            "Partners kunnen er dan geen nieuwe verstrekkingen op doen. Verstrekkingen die al "
            "op deze grondslag zijn gedaan, blijven hem noemen."
        ),
        submit=_("Op inactief zetten"),
    )


@admin_required
@form_methods
@step_up_required
def basis_activate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    basis = _basis(pk)
    activate = partial(services.basis_set_active, basis=basis, active=True)
    done = _("De grondslag is weer actief.")
    if response := done_on_post(
        request, lambda: activate(by=acting_user(request)), done, _list_url()
    ):
        return response
    return _confirm(
        request,
        title=_("Grondslag weer actief maken"),
        question=_("Wilt u de grondslag %(name)s weer actief maken?") % {"name": basis.name},
        explanation=_("Partners kunnen er dan weer verstrekkingen op doen."),
        submit=_("Actief maken"),
        harmless=True,
    )


@admin_required
@form_methods
@step_up_required
def basis_delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    basis = _basis(pk)
    if services.is_in_use(basis):
        messages.error(
            request,
            _(
                "Deze grondslag is gebruikt voor verstrekkingen en wordt niet verwijderd; zet "
                "hem op inactief."
            ),
        )
        return redirect(_list_url())
    if request.method == "POST":
        try:
            services.basis_delete(by=acting_user(request), basis=basis)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De grondslag is verwijderd."))
        return redirect(_list_url())
    return _confirm(
        request,
        title=_("Grondslag verwijderen"),
        question=_("Wilt u de grondslag %(name)s verwijderen?") % {"name": basis.name},
        explanation=_(
            "Er is nooit een verstrekking op gedaan; verwijderen kan niet ongedaan worden gemaakt."
        ),
        submit=_("Verwijderen"),
    )
