"""Functional administration of users and memberships, in Schakel's own UI.

Everything a functional admin may not see answers 404, exactly like something that does not exist.
"""

import uuid
from functools import partial

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts import mfa, permissions, selectors, services
from schakel.accounts.acting import acting_user
from schakel.accounts.admin_forms import (
    MembershipCreateForm,
    MembershipPeriodForm,
    UserCreateForm,
    UserUpdateForm,
)
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.organisations.selectors import (
    organisation_get_for_admin,
    organisations_managed_by,
)
from schakel.accounts.organisations.views import confirm_page, form_page
from schakel.accounts.permissions import admin_required
from schakel.accounts.stepup import step_up_required
from schakel.core.pages import done_on_post, form_methods, page_of
from schakel.network.models import Organisation


def _user_url(target: User) -> str:
    return reverse("admin_accounts:user", kwargs={"pk": target.pk})


def _confirm(
    request: HttpRequest, *, title: str, question: str, submit: str, back: str
) -> HttpResponse:
    return confirm_page(
        request, title=title, question=question, submit=submit, cancel_url=back, section="users"
    )


def _assistable_target(user: User, pk: uuid.UUID) -> User:
    """The account whose access the admin may hand back (MFA reset, unlock); else 404."""
    target = selectors.user_get_for_admin(user=user, pk=pk)
    if not permissions.may_assist_account(
        actor=user, target=target, member_elsewhere=selectors.is_member_elsewhere(target)
    ):
        raise Http404
    return target


def _organisation_filter(request: HttpRequest, user: User) -> Organisation | None:
    raw = request.GET.get("organisatie")
    if not raw:
        return None
    try:
        return organisation_get_for_admin(user=user, pk=uuid.UUID(raw))
    except ValueError as error:
        raise Http404 from error


@admin_required
@require_GET
def users(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    organisation = _organisation_filter(request, user)
    page = page_of(request, selectors.user_list_for_admin(user=user, organisation=organisation))
    locked = selectors.locked_emails(emails=[u.email for u in page])
    context = {"page": page, "locked": locked, "organisation": organisation}
    return render(request, "accounts/admin_users.html", context)


@admin_required
@form_methods
@step_up_required
def user_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = UserCreateForm(request.POST or None, organisations=organisations_managed_by(user=user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.user_create(
            by=user,
            email=data["email"],
            full_name=data["full_name"],
            function_title=data["function_title"],
            organisation=data["organisation"],
            role=Role(data["role"]),
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            password=data["password"],
        )
        messages.success(request, _("Het account is aangemaakt."))
        return redirect(_user_url(created))
    back = reverse("admin_accounts:users")
    return form_page(request, form, title=_("Nieuwe gebruiker"), cancel_url=back, section="users")


@admin_required
@require_GET
def user_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    target = selectors.user_get_for_admin(user=user, pk=pk)
    context = {
        "target": target,
        "locked": target.email in selectors.locked_emails(emails=[target.email]),
        "has_mfa": mfa.has_confirmed_device(target),
        "may_edit": permissions.may_edit_account(
            actor=user, target=target, member_elsewhere=selectors.is_member_elsewhere(target)
        ),
        "may_assist": permissions.may_assist_account(
            actor=user, target=target, member_elsewhere=selectors.is_member_elsewhere(target)
        ),
    }
    return render(request, "accounts/admin_user_detail.html", context)


@admin_required
@form_methods
@step_up_required
def user_update(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    target = selectors.user_get_for_admin(user=user, pk=pk)
    if not permissions.may_edit_account(
        actor=user, target=target, member_elsewhere=selectors.is_member_elsewhere(target)
    ):
        raise Http404
    may_change_active = permissions.may_change_active_flag(actor=user, target=target)
    form = UserUpdateForm(request.POST or None, target=target, may_change_active=may_change_active)
    if request.method == "POST" and form.is_valid():
        services.user_update(by=user, user=target, **form.cleaned_data)
        messages.success(request, _("De gegevens van de gebruiker zijn opgeslagen."))
        return redirect(_user_url(target))
    title = _("Gegevens van de gebruiker wijzigen")
    return form_page(request, form, title=title, cancel_url=_user_url(target), section="users")


@admin_required
@form_methods
@step_up_required
def user_reset_mfa(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    target = _assistable_target(user, pk)
    done = _(
        "De tweede factor is verwijderd. Bij de volgende inlog stelt de gebruiker een nieuwe in."
    )
    reset = partial(services.user_reset_mfa, by=user, user=target)
    if response := done_on_post(request, reset, done, _user_url(target)):
        return response
    return _confirm(
        request,
        title=_("Tweede factor opnieuw laten instellen"),
        question=_("Wilt u de authenticator-app en de herstelcodes van %(name)s verwijderen?")
        % {"name": target.full_name},
        submit=_("Tweede factor verwijderen"),
        back=_user_url(target),
    )


@admin_required
@form_methods
@step_up_required
def user_unlock(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    target = _assistable_target(user, pk)
    done = _("Het account is ontgrendeld. De gebruiker kan weer inloggen.")
    unlock = partial(services.user_unlock, by=user, user=target)
    if response := done_on_post(request, unlock, done, _user_url(target)):
        return response
    return _confirm(
        request,
        title=_("Account ontgrendelen"),
        question=_("Wilt u de blokkade na te veel mislukte inlogpogingen van %(name)s opheffen?")
        % {"name": target.full_name},
        submit=_("Ontgrendelen"),
        back=_user_url(target),
    )


@admin_required
@form_methods
@step_up_required
def membership_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    target = selectors.user_get_for_admin(user=user, pk=pk)
    form = MembershipCreateForm(
        request.POST or None, organisations=organisations_managed_by(user=user)
    )
    if request.method == "POST" and form.is_valid():
        services.membership_create(by=user, user=target, **form.cleaned_data)
        messages.success(request, _("Het lidmaatschap is toegevoegd."))
        return redirect(_user_url(target))
    title = _("Lidmaatschap toevoegen voor %(name)s") % {"name": target.full_name}
    return form_page(request, form, title=title, cancel_url=_user_url(target), section="users")


def _membership_label(membership: Membership) -> str:
    return _("%(role)s bij %(organisation)s") % {
        "role": membership.get_role_display(),
        "organisation": membership.organisation.name,
    }


@admin_required
@form_methods
@step_up_required
def membership_update(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    membership = selectors.membership_get_for_admin(user=user, pk=pk)
    initial = {"valid_from": membership.valid_from, "valid_until": membership.valid_until}
    form = MembershipPeriodForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.membership_update(by=user, membership=membership, **form.cleaned_data)
        messages.success(request, _("De periode van het lidmaatschap is opgeslagen."))
        return redirect(_user_url(membership.user))
    title = _("Periode wijzigen: %(membership)s") % {"membership": _membership_label(membership)}
    back = _user_url(membership.user)
    return form_page(request, form, title=title, cancel_url=back, section="users")


@admin_required
@form_methods
@step_up_required
def membership_end(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    membership = selectors.membership_get_for_admin(user=user, pk=pk)
    end = partial(services.membership_end, by=user, membership=membership)
    done = _("Het lidmaatschap is beëindigd.")
    if response := done_on_post(request, end, done, _user_url(membership.user)):
        return response
    return _confirm(
        request,
        title=_("Lidmaatschap beëindigen"),
        question=_("Wilt u het lidmaatschap „%(membership)s” van %(name)s nu beëindigen?")
        % {"membership": _membership_label(membership), "name": membership.user.full_name},
        submit=_("Beëindigen"),
        back=_user_url(membership.user),
    )
