"""Lockout helpers around django-axes: failures of the password and of the second factor count."""

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.utils import reset
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest


def username_from_request(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """Lock per account, case-insensitively, whether the attempt came from a form or a signal."""
    value = ""
    if credentials:
        value = str(credentials.get("username") or credentials.get("email") or "")
    if not value:
        value = str(request.POST.get("email", "")) if request.method == "POST" else ""
    return value.strip().lower()


def is_locked(request: HttpRequest, email: str) -> bool:
    return bool(AxesProxyHandler.is_locked(request, credentials={"username": email}))


def record_second_factor_failure(request: HttpRequest, email: str) -> None:
    user_login_failed.send(sender=__name__, credentials={"username": email}, request=request)


def clear_failures(email: str) -> None:
    reset(username=email)


def client_username(request: HttpRequest) -> str:
    return str(get_client_username(request) or "")
