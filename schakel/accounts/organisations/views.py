"""Partner directory for everyone; administration of organisations for admins (else 404)."""

import uuid
from functools import partial
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_user
from schakel.accounts.organisations import forms, permissions, selectors, services
from schakel.accounts.permissions import admin_required, superuser_required
from schakel.core.pages import done_on_post, form_methods, page_of
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation


def form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    title: str,
    cancel_url: str,
    section: str = "organisations",
    **extra: Any,
) -> HttpResponse:
    """One template for every administration form: title, fields, save and cancel."""
    context = {"form": form, "title": title, "cancel_url": cancel_url, "section": section}
    context.update(extra)
    return render(request, "network/admin_form.html", context)


def confirm_page(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    submit: str,
    cancel_url: str,
    section: str = "organisations",
    **extra: Any,
) -> HttpResponse:
    """One template for every administration question: "do you want to …?", yes or cancel."""
    context = {"title": title, "question": question, "submit_label": submit}
    context.update(cancel_url=cancel_url, section=section, **extra)
    return render(request, "network/admin_confirm.html", context)


def _kind_groups(organisations: QuerySet[Organisation]) -> list[tuple[str, list[Organisation]]]:
    """Group by kind in the order the kinds are enumerated (municipality first)."""
    order = {value: index for index, value in enumerate(OrganisationKind.values)}
    ordered = sorted(organisations, key=lambda o: (order.get(o.kind, len(order)), o.name))
    return [
        (str(OrganisationKind(kind).label), list(items))
        for kind, items in groupby(ordered, key=lambda o: o.kind)
    ]


# Partner directory ---------------------------------------------------------------------------


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    organisations = selectors.directory_for(user=acting_user(request))
    return render(request, "network/directory.html", {"groups": _kind_groups(organisations)})


@require_GET
def directory_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    organisation = selectors.directory_organisation_get(user=acting_user(request), pk=pk)
    return render(request, "network/directory_detail.html", {"organisation": organisation})


# Organisations -------------------------------------------------------------------------------


def _detail_url(organisation: Organisation) -> str:
    return reverse("network:admin_organisation", kwargs={"pk": organisation.pk})


@admin_required
@require_GET
def admin_organisations(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    page = page_of(request, selectors.organisation_list_for_admin(user=user))
    context = {"page": page, "may_create": permissions.may_create_organisation(user)}
    return render(request, "network/admin_organisations.html", context)


@superuser_required
@form_methods
def admin_organisation_create(request: HttpRequest) -> HttpResponse:
    form = forms.OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(by=acting_user(request), **form.cleaned_data)
        messages.success(request, _("De organisatie is aangemaakt."))
        return redirect(_detail_url(organisation))
    cancel = reverse("network:admin_organisations")
    return form_page(request, form, title=_("Nieuwe organisatie"), cancel_url=cancel)


@admin_required
@require_GET
def admin_organisation_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    organisation = selectors.organisation_get_for_admin(user=user, pk=pk)
    may_set_area = permissions.may_set_service_area(user, organisation)
    context = {
        "organisation": organisation,
        "options": organisation.intervention_options.all(),
        "may_set_service_area": may_set_area,
        "served": selectors.served_municipalities(user=user, zvh=organisation)
        if may_set_area
        else [],
    }
    return render(request, "network/admin_organisation_detail.html", context)


@admin_required
@form_methods
def admin_organisation_update(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    organisation = selectors.organisation_get_for_admin(user=user, pk=pk)
    form_class = forms.organisation_form_class(user)
    form = form_class(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        services.organisation_update(by=user, organisation=organisation, changes=changes)
        messages.success(request, _("De gegevens van de organisatie zijn opgeslagen."))
        return redirect(_detail_url(organisation))
    title = _("Gegevens van %(name)s wijzigen") % {"name": organisation.name}
    return form_page(request, form, title=title, cancel_url=_detail_url(organisation))


@superuser_required
@form_methods
def admin_service_area(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    zvh = selectors.organisation_get_for_admin(user=user, pk=pk)
    if not permissions.may_set_service_area(user, zvh):
        raise Http404
    initial = {"municipalities": selectors.served_municipalities(user=user, zvh=zvh)}
    candidates = selectors.service_area_candidates(user=user, zvh=zvh)
    form = forms.ServiceAreaForm(request.POST or None, initial=initial, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        municipalities = form.cleaned_data["municipalities"]
        services.zvh_service_area_set(by=user, zvh=zvh, municipalities=municipalities)
        messages.success(request, _("Het werkgebied is opgeslagen."))
        return redirect(_detail_url(zvh))
    title = _("Werkgebied van %(name)s") % {"name": zvh.name}
    return form_page(request, form, title=title, cancel_url=_detail_url(zvh))


# Intervention options ------------------------------------------------------------------------


@admin_required
@form_methods
def admin_option_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    organisation = selectors.organisation_get_for_admin(user=user, pk=pk)
    form = forms.InterventionOptionForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        services.intervention_option_create(by=user, organisation=organisation, **form.cleaned_data)
        messages.success(request, _("De interventiemogelijkheid is toegevoegd."))
        return redirect(_detail_url(organisation))
    title = _("Interventiemogelijkheid toevoegen")
    return form_page(request, form, title=title, cancel_url=_detail_url(organisation))


@admin_required
@form_methods
def admin_option_update(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    option = selectors.intervention_option_get_for_admin(user=user, pk=pk)
    form = forms.InterventionOptionForm(
        request.POST or None, organisation=option.organisation, option=option
    )
    if request.method == "POST" and form.is_valid():
        services.intervention_option_update(by=user, option=option, **form.cleaned_data)
        messages.success(request, _("De interventiemogelijkheid is opgeslagen."))
        return redirect(_detail_url(option.organisation))
    title = _("Interventiemogelijkheid wijzigen")
    return form_page(request, form, title=title, cancel_url=_detail_url(option.organisation))


@admin_required
@form_methods
def admin_option_delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    option = selectors.intervention_option_get_for_admin(user=user, pk=pk)
    organisation = option.organisation
    done = _("De interventiemogelijkheid is verwijderd.")
    delete = partial(services.intervention_option_delete, by=user, option=option)
    if response := done_on_post(request, delete, done, _detail_url(organisation)):
        return response
    question = _("Wilt u „%(option)s” van %(organisation)s verwijderen?") % {
        "option": option.name,
        "organisation": organisation.name,
    }
    title = _("Interventiemogelijkheid verwijderen")
    return confirm_page(
        request,
        title=title,
        question=question,
        submit=_("Verwijderen"),
        cancel_url=_detail_url(organisation),
    )


# Regions and collaborations (platform operator) ----------------------------------------------


@superuser_required
@require_GET
def admin_regions(request: HttpRequest) -> HttpResponse:
    regions = selectors.region_list_for_admin(user=acting_user(request))
    return render(request, "network/admin_regions.html", {"regions": regions})


@superuser_required
@form_methods
def admin_region_edit(request: HttpRequest, pk: uuid.UUID | None = None) -> HttpResponse:
    user = acting_user(request)
    region = selectors.region_get_for_admin(user=user, pk=pk) if pk else None
    form = forms.RegionForm(request.POST or None, instance=region)
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["name"]
        if region is None:
            services.region_create(by=user, name=name)
        else:
            services.region_update(by=user, region=region, name=name)
        messages.success(request, _("De regio is opgeslagen."))
        return redirect("network:admin_regions")
    title = _("Nieuwe regio") if region is None else _("Regio wijzigen")
    cancel = reverse("network:admin_regions")
    return form_page(request, form, title=title, cancel_url=cancel, section="regions")


@superuser_required
@require_GET
def admin_collaborations(request: HttpRequest) -> HttpResponse:
    collaborations = selectors.collaboration_list_for_admin(user=acting_user(request))
    context = {"collaborations": collaborations}
    return render(request, "network/admin_collaborations.html", context)


@superuser_required
@form_methods
def admin_collaboration_edit(request: HttpRequest, pk: uuid.UUID | None = None) -> HttpResponse:
    user = acting_user(request)
    collaboration = selectors.collaboration_get_for_admin(user=user, pk=pk) if pk else None
    form = forms.CollaborationForm(request.POST or None, instance=collaboration)
    if request.method == "POST" and form.is_valid():
        if collaboration is None:
            services.collaboration_create(by=user, **form.cleaned_data)
        else:
            services.collaboration_update(by=user, collaboration=collaboration, **form.cleaned_data)
        messages.success(request, _("Het samenwerkingsverband is opgeslagen."))
        return redirect("network:admin_collaborations")
    title = _("Nieuw samenwerkingsverband") if collaboration is None else collaboration.name
    cancel = reverse("network:admin_collaborations")
    return form_page(request, form, title=title, cancel_url=cancel, section="collaborations")
