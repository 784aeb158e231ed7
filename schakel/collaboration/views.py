"""Pages of the regional collaborations: the list of the acting membership's collaborations,
each collaboration's home page, its roles and the weighing arrangements it hosts.

A collaboration is reached only by its members (``selectors.collaboration_for``; the platform
operator sees every one): any other gets a 404, as for anything unknown. Staff appear as
function – organisation – mailbox. The policy plan's pages are in ``plan_views``.
"""

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.collaboration import permissions, selectors, services
from schakel.collaboration.choices import kind_explanation
from schakel.collaboration.forms import HostingForm, RoleAssignForm
from schakel.collaboration.models import CollaborationRole, HostedWeighing
from schakel.collaboration.sections import collaboration_sections
from schakel.core.forms import add_service_errors, shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods
from schakel.network.models import Collaboration


@dataclass(frozen=True)
class Seat:
    """The acting membership at one collaboration: what it may do there."""

    membership: Membership | None
    collaboration: Collaboration
    roles: frozenset[str]
    may_manage: bool
    may_administer: bool


def _is_superuser(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_superuser", False))


def seat(request: HttpRequest, pk: uuid.UUID) -> Seat:
    """The collaboration as the acting membership sees it; 404 for a non-member."""
    membership = acting_membership(request)
    superuser = _is_superuser(request)
    collaboration = selectors.visible_for(membership, pk, is_superuser=superuser)
    roles = selectors.roles_in(membership, collaboration)
    return Seat(
        membership=membership,
        collaboration=collaboration,
        roles=roles,
        may_manage=permissions.may_manage(roles),
        may_administer=permissions.may_administer(
            membership,
            roles,
            is_superuser=superuser,
            member_ids=selectors.member_ids(collaboration),
        ),
    )


def administering_seat(request: HttpRequest, pk: uuid.UUID) -> Seat:
    found = seat(request, pk)
    if not found.may_administer:
        raise Http404
    return found


def _home(collaboration: Collaboration) -> str:
    return reverse("collaboration:detail", kwargs={"pk": collaboration.pk})


@require_GET
def collaboration_list(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    collaborations = (
        selectors.visible_to(membership, is_superuser=_is_superuser(request))
        .prefetch_related("members")
        .order_by("name")
    )
    return render(
        request,
        "collaboration/list.html",
        {"collaborations": collaborations, "membership": membership},
    )


@require_GET
def collaboration_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    found = seat(request, pk)
    collaboration = found.collaboration
    sections = collaboration_sections(found.membership, collaboration, found.roles)
    context = {
        "seat": found,
        "collaboration": collaboration,
        "explanation": kind_explanation(collaboration.kind),
        "members": collaboration.members.order_by("name"),
        "role_rows": selectors.role_rows(collaboration),
        "plan": selectors.plan_of(collaboration),
        "hosted": selectors.hosted_weighings(collaboration),
        "sections": sections,
    }
    return render(request, "collaboration/detail.html", context)


@token_required
@form_methods
def roles(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    found = administering_seat(request, pk)
    collaboration = found.collaboration
    candidates = selectors.role_candidates(collaboration)
    form = RoleAssignForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_assign(
                by=request.user,  # type: ignore[arg-type]
                collaboration=collaboration,
                membership=form.cleaned_data["membership"],
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De rol is toegekend."))
            return redirect("collaboration:roles", pk=collaboration.pk)
    context = {
        "seat": found,
        "collaboration": collaboration,
        "role_rows": selectors.role_rows(collaboration),
        "form": form,
        "errors": shown_errors(form),
    }
    return render(request, "collaboration/roles.html", context)


@token_required
@form_methods
def role_end(request: HttpRequest, pk: uuid.UUID, role_pk: uuid.UUID) -> HttpResponse:
    found = administering_seat(request, pk)
    role = get_object_or_404(
        CollaborationRole.objects.select_related("membership__user", "membership__organisation"),
        pk=role_pk,
        collaboration=found.collaboration,
    )
    if request.method == "POST":
        services.role_end(by=request.user, role=role)  # type: ignore[arg-type]
        messages.success(request, _("De rol is beëindigd."))
        return redirect("collaboration:roles", pk=found.collaboration.pk)
    row = next((r for r in selectors.role_rows(found.collaboration) if r.role.pk == role.pk), None)
    if row is None:  # the role of a membership that has ended: nothing to end here
        raise Http404
    return render(
        request,
        "collaboration/role_end.html",
        {"collaboration": found.collaboration, "row": row},
    )


@token_required
@form_methods
def hosting(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    found = administering_seat(request, pk)
    collaboration = found.collaboration
    form = HostingForm(
        request.POST or None, arrangements=selectors.hostable_arrangements(collaboration)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.hosting_add(
                collaboration=collaboration, arrangement=form.cleaned_data["arrangement"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het verband faciliteert nu deze weging."))
            return redirect(_home(collaboration) + "#weging")
    context = {
        "collaboration": collaboration,
        "hosted": selectors.hosted_weighings(collaboration),
        "form": form,
        "errors": shown_errors(form),
    }
    return render(request, "collaboration/hosting.html", context)


@token_required
@form_methods
def hosting_end(request: HttpRequest, pk: uuid.UUID, hosted_pk: uuid.UUID) -> HttpResponse:
    found = administering_seat(request, pk)
    hosted = get_object_or_404(
        HostedWeighing.objects.select_related("arrangement"),
        pk=hosted_pk,
        collaboration=found.collaboration,
    )
    if request.method == "POST":
        services.hosting_end(hosted=hosted)
        messages.success(request, _("Het verband faciliteert deze weging niet meer."))
        return redirect(_home(found.collaboration) + "#weging")
    return render(
        request,
        "collaboration/hosting_end.html",
        {"collaboration": found.collaboration, "hosted": hosted},
    )
