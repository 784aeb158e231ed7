"""Sign-in with password and TOTP, enrolment, step-up, sign-out, and the acting membership."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from schakel.accounts import acting, lockout, mfa, services
from schakel.accounts.forms import EnrolForm, LoginForm, OtpForm, StepUpForm
from schakel.accounts.middleware import start_session_clock
from schakel.accounts.models import User
from schakel.accounts.stepup import mark_stepped_up

NEXT_SESSION_KEY = "after_login_next"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("core:dashboard")


def _signed_in_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def lockout_response(
    request: HttpRequest, credentials: Any = None, *args: Any, **kw: Any
) -> HttpResponse:
    """Django-axes calls this when an account is locked: end any half sign-in, explain in Dutch."""
    if request.user.is_authenticated:
        logout(request)
    return render(request, "accounts/locked.html", status=403)


def login_view(request: HttpRequest) -> HttpResponse:
    if mfa.is_verified(request.user):
        return redirect("core:dashboard")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request)
        if user is not None:
            next_url = request.GET.get("next")
            login(request, user)  # rotates the session id
            start_session_clock(request)
            request.session[NEXT_SESSION_KEY] = _safe_next(request, next_url)
            target = (
                "accounts:mfa_verify" if mfa.has_confirmed_device(user) else "accounts:mfa_setup"
            )
            return redirect(target)
        form.add_error(None, _("Het e-mailadres of wachtwoord is onjuist."))
    return render(request, "accounts/login.html", {"form": form})


def _complete_sign_in(request: HttpRequest, user: User, device: Any) -> None:
    otp_login(request, device)
    request.session.cycle_key()
    lockout.clear_failures(user.email)
    mark_stepped_up(request)
    services.user_signed_in(user=user)


def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    if mfa.is_verified(request.user):
        return redirect("core:dashboard")
    if not mfa.has_confirmed_device(user):
        return redirect("accounts:mfa_setup")
    if lockout.is_locked(request, user.email):
        return lockout_response(request)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = mfa.verify_second_factor(user, form.cleaned_data["otp_token"])
        if device is not None:
            next_url = request.session.pop(NEXT_SESSION_KEY, None)
            _complete_sign_in(request, user, device)
            return HttpResponseRedirect(_safe_next(request, next_url))
        lockout.record_second_factor_failure(request, user.email)
        if getattr(request, "axes_locked_out", False) or lockout.is_locked(request, user.email):
            return lockout_response(request)
        form.add_error("otp_token", _("Deze code is onjuist of verlopen. Probeer het opnieuw."))
    return render(request, "accounts/mfa_verify.html", {"form": form})


def mfa_setup(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    if mfa.has_confirmed_device(user):
        # A second device can only be enrolled after an administrator reset: fail closed.
        return redirect("accounts:mfa_verify")
    if lockout.is_locked(request, user.email):
        return lockout_response(request)
    device = mfa.pending_totp_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            codes = services.mfa_enrolment_complete(user=user, device=device)
            request.session.pop(NEXT_SESSION_KEY, None)
            _complete_sign_in(request, user, device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        lockout.record_second_factor_failure(request, user.email)
        if getattr(request, "axes_locked_out", False) or lockout.is_locked(request, user.email):
            return lockout_response(request)
        form.add_error("otp_token", _("Deze code klopt niet. Controleer de tijd op uw telefoon."))
    context = {
        "form": form,
        "qr_svg": mfa.qr_svg(device),
        "secret": mfa.base32_secret(device),
    }
    return render(request, "accounts/mfa_setup.html", context)


def step_up(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    next_url = _safe_next(request, request.GET.get("next") or request.POST.get("next"))
    form = StepUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if lockout.is_locked(request, user.email):
            return lockout_response(request)
        password_ok = user.check_password(form.cleaned_data["password"])
        device = (
            mfa.verify_second_factor(user, form.cleaned_data["otp_token"]) if password_ok else None
        )
        if device is not None:
            mark_stepped_up(request)
            return HttpResponseRedirect(next_url)
        lockout.record_second_factor_failure(request, user.email)
        if getattr(request, "axes_locked_out", False) or lockout.is_locked(request, user.email):
            return lockout_response(request)
        form.add_error(None, _("Wachtwoord of code is onjuist."))
    return render(request, "accounts/step_up.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        services.user_signed_out(user=_signed_in_user(request))
    logout(request)  # flushes the server-side session
    messages.info(request, _("U bent uitgelogd."))
    return redirect("accounts:login")


@require_POST
def switch_membership(request: HttpRequest) -> HttpResponse:
    chosen = request.POST.get("membership", "")
    memberships = request.active_memberships  # type: ignore[attr-defined]
    if any(str(m.pk) == chosen for m in memberships):
        request.session[acting.SESSION_KEY] = chosen
    return redirect(_safe_next(request, request.POST.get("next")))
