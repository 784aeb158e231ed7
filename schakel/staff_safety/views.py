"""Screens of staff safety: my incidents, recording one, an incident's page and its follow-up,
the organisation's overview and figures, the protocol, and the designation of safety officers.

Everything is scoped to the acting membership's organisation; whoever may not see a thing gets
a 404. Every read of incident data is logged before the page is rendered (``selectors``).
"""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.acting import acting_membership, acting_user
from schakel.accounts.models import Membership
from schakel.core.forms import error_summary
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of
from schakel.staff_safety import aggregates, forms, permissions, selectors, services
from schakel.staff_safety.choices import IncidentStatus, SupportKind
from schakel.staff_safety.models import Incident, SafetyOfficer


def _membership(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    return membership


def _apply_service_errors(error: ValidationError, form: Form) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for key, texts in error.message_dict.items():
        if key in form.fields and key not in form.errors:
            form.add_error(key, texts)
        elif key not in form.errors:
            form.add_error(None, texts)


def _detail_url(incident: Incident) -> str:
    return reverse("staff_safety:incident_detail", kwargs={"pk": incident.pk})


@require_GET
def my_incidents(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    page = page_of(request, selectors.mine(membership=membership).select_related("staff_member"))
    selectors.record_list_reads(
        acting_user(request), name="staff_incident_list_read", incidents=page
    )
    context = {
        "page": page,
        "may_see_overview": permissions.may_see_overview(membership),
        "may_see_aggregates": permissions.may_see_aggregates(membership),
        "may_manage": permissions.may_manage(membership),
    }
    return render(request, "staff_safety/my_incidents.html", context)


@token_required
@form_methods
def incident_create(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    colleagues = (
        selectors.colleagues_of(membership=membership)
        if permissions.may_record_for_others(membership)
        else None
    )
    data = request.POST if request.method == "POST" else None
    form = forms.IncidentForm(data, colleagues=colleagues)
    errors: list[Any] = []
    if data is not None:
        if form.is_valid():
            try:
                incident = services.incident_record(membership=membership, data=form.to_input())
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                _apply_service_errors(error, form)
            else:
                messages.success(request, _("De melding is vastgelegd."))
                return redirect(_detail_url(incident))
        errors = error_summary(form)
    protocol = selectors.protocol_of(organisation_id=membership.organisation_id)
    context = {
        "form": form,
        "errors": errors,
        "protocol": protocol,
        "on_behalf": colleagues is not None,
    }
    return render(request, "staff_safety/incident_form.html", context)


@require_GET
def incident_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    incident = selectors.incident_get_for(membership=membership, pk=pk, by=acting_user(request))
    assert membership is not None
    access = selectors.access_to(membership, incident)
    context = {
        "incident": incident,
        "full": access == selectors.Access.FULL,
        "may_follow_up": permissions.is_safety_officer(membership),
        "support_labels": ", ".join(str(SupportKind(k).label) for k in incident.support),
    }
    return render(request, "staff_safety/incident_detail.html", context)


def _follow_up_initial(incident: Incident) -> dict[str, Any]:
    return {
        "police_report_filed": incident.police_report_filed,
        "police_report_on": incident.police_report_on,
        "employer_details_used": incident.employer_details_used,
        "employer_details_note": incident.employer_details_note,
        "support": incident.support,
        "support_note": incident.support_note,
        "status": incident.status,
    }


@token_required
@form_methods
def incident_follow_up(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    if not permissions.is_safety_officer(membership):
        raise Http404
    incident = selectors.incident_get_for(membership=membership, pk=pk, by=acting_user(request))
    data = request.POST if request.method == "POST" else None
    form = forms.FollowUpForm(data, initial=_follow_up_initial(incident))
    errors: list[Any] = []
    if data is not None:
        if form.is_valid():
            try:
                services.incident_follow_up(
                    membership=membership,
                    incident=incident,
                    data=form.follow_up(),
                    status=form.cleaned_data["status"],
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                _apply_service_errors(error, form)
            else:
                messages.success(request, _("De opvolging is opgeslagen."))
                return redirect(_detail_url(incident))
        errors = error_summary(form)
    context = {"form": form, "errors": errors, "incident": incident}
    return render(request, "staff_safety/follow_up_form.html", context)


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if not permissions.may_see_overview(membership):
        raise Http404
    rows = selectors.incidents_visible_to(membership=membership).select_related("staff_member")
    status = request.GET.get("status", "")
    if status in IncidentStatus.values:
        rows = rows.filter(status=status)
    page = page_of(request, rows)
    selectors.record_list_reads(
        acting_user(request), name="staff_incident_overview_read", incidents=page
    )
    context = {
        "page": page,
        "full": permissions.is_safety_officer(membership),
        "status": status,
        "statuses": IncidentStatus.choices,
    }
    return render(request, "staff_safety/overview.html", context)


@require_GET
def figures(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if not permissions.may_see_aggregates(membership):
        raise Http404
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("jaar", this_year))
    except ValueError:
        year = this_year
    if not 2000 <= year <= this_year:
        year = this_year
    table = aggregates.table_for(organisation_id=membership.organisation_id, year=year)
    selectors.log_aggregate_read(by=acting_user(request), year=year)
    context = {
        "table": table,
        "years": range(this_year, this_year - 5, -1),
        "hidden": aggregates.HIDDEN,
    }
    return render(request, "staff_safety/figures.html", context)


@require_GET
def protocol(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    context = {
        "protocol": selectors.protocol_of(organisation_id=membership.organisation_id),
        "organisation": membership.organisation,
        "may_manage": permissions.may_manage(membership),
    }
    return render(request, "staff_safety/protocol.html", context)


@token_required
@form_methods
def protocol_edit(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if not permissions.may_manage(membership):
        raise Http404
    current = selectors.protocol_of(organisation_id=membership.organisation_id)
    initial = (
        {name: getattr(current, name) for name in forms.ProtocolForm.base_fields}
        if current
        else {
            "employer_name": membership.organisation.name,
            "report_mailbox": membership.organisation.mailbox,
        }
    )
    data = request.POST if request.method == "POST" else None
    form = forms.ProtocolForm(data, initial=initial)
    errors: list[Any] = []
    if data is not None:
        if form.is_valid():
            try:
                services.protocol_save(membership=membership, data=form.to_input())
            except ValidationError as error:
                _apply_service_errors(error, form)
            else:
                messages.success(request, _("Het veiligheidsprotocol is opgeslagen."))
                return redirect("staff_safety:protocol")
        errors = error_summary(form)
    return render(request, "staff_safety/protocol_form.html", {"form": form, "errors": errors})


def _designatable(membership: Membership) -> Any:
    designated = SafetyOfficer.objects.filter(ended_at__isnull=True).values("membership_id")
    return (
        Membership.objects.active()
        .filter(organisation_id=membership.organisation_id)
        .exclude(pk__in=designated)
        .select_related("user")
        .order_by("user__full_name", "role")
    )


@token_required
@form_methods
def officers(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if not permissions.may_manage(membership):
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = forms.DesignateForm(data, memberships=_designatable(membership))
    errors: list[Any] = []
    if data is not None:
        if form.is_valid():
            try:
                services.officer_designate(
                    membership=membership, target=form.cleaned_data["membership"]
                )
            except ValidationError as error:
                _apply_service_errors(error, form)
            else:
                messages.success(request, _("De veiligheidscoördinator is aangewezen."))
                return redirect("staff_safety:officers")
        errors = error_summary(form)
    designations = selectors.officers_of(organisation_id=membership.organisation_id)
    context = {"form": form, "errors": errors, "designations": designations}
    return render(request, "staff_safety/officers.html", context)


@require_POST
def officer_end(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    if not permissions.may_manage(membership):
        raise Http404
    designation = (
        selectors.officers_of(organisation_id=membership.organisation_id).filter(pk=pk).first()
    )
    if designation is None:
        raise Http404
    services.officer_end(membership=membership, designation=designation)
    messages.success(request, _("De aanwijzing is beëindigd."))
    return redirect("staff_safety:officers")
