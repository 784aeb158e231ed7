"""Screens that act on one data-subject request at the contact point: the identity, extension,
decision and withdrawal forms (posted from the detail page, which shows again with the errors)
and the access export. Step-up where a write or an export asks for it.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.models import Membership
from schakel.accounts.stepup import step_up_required
from schakel.core.forms import error_summary
from schakel.core.pages import form_methods
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests import decisions, forms, rules, selectors, services
from schakel.privacy.requests.access_export_render import (
    FORMATS,
    access_export_produce,
)
from schakel.privacy.requests.views import _detail, _membership, _run


def _handle_post(
    request: HttpRequest,
    pk: uuid.UUID,
    key: str,
    form_class: type[django_forms.Form],
    call: Callable[[Membership, SubjectRequest, Any], object],
    done: str,
) -> HttpResponse:
    membership = _membership(request)
    subject_request = selectors.request_for_action(membership=membership, pk=pk)
    form = form_class(request.POST)
    if _run(form, lambda: call(membership, subject_request, form)):
        messages.success(request, done)
        return redirect("privacy:request_detail", pk=pk)
    return _detail(request, membership, pk, bound={key: form}, status=400)


@require_POST
def request_identity(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _handle_post(
        request,
        pk,
        "identity",
        forms.IdentityForm,
        lambda m, r, f: services.request_verify_identity(
            membership=m,
            request=r,
            verified_on=f.cleaned_data["identity_verified_on"],
            note=f.cleaned_data["identity_verification_note"],
        ),
        _("De vaststelling van de identiteit is vastgelegd."),
    )


@require_POST
def request_extend(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _handle_post(
        request,
        pk,
        "extension",
        forms.ExtensionForm,
        lambda m, r, f: services.request_extend(membership=m, request=r, data=f.to_input()),
        _("De termijn is verlengd."),
    )


@require_POST
def request_decide(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _handle_post(
        request,
        pk,
        "decision",
        forms.DecisionForm,
        lambda m, r, f: decisions.request_decide(membership=m, request=r, data=f.to_input()),
        _("Het besluit is vastgelegd; het verzoek is afgehandeld."),
    )


@form_methods
def request_withdraw(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    subject_request = selectors.request_for_action(membership=membership, pk=pk)
    form = forms.WithdrawalForm(request.POST if request.method == "POST" else None)
    if _run(
        form, lambda: services.request_withdraw(membership=membership, request=subject_request)
    ):
        messages.success(request, _("Het verzoek is als ingetrokken afgehandeld."))
        return redirect("privacy:request_detail", pk=pk)
    context = {
        "subject_request": subject_request,
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "is_open": rules.is_open(subject_request),
    }
    return render(request, "privacy/requests/request_withdraw.html", context)


@require_GET
@step_up_required
def request_export(request: HttpRequest, pk: uuid.UUID, export_format: str) -> HttpResponse:
    membership = _membership(request)
    subject_request = selectors.request_for_action(membership=membership, pk=pk)
    if export_format not in FORMATS:
        raise Http404
    try:
        download = access_export_produce(
            membership=membership, request=subject_request, export_format=export_format
        )
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("privacy:request_detail", pk=pk)
    response = HttpResponse(download.content, content_type=download.content_type)
    # The file name holds the request's reference only, never a name.
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    response["Cache-Control"] = "no-store"
    return response
