"""Personal access tokens in the UI: list, create (after step-up, shown once) and revoke."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from schakel.accounts import services
from schakel.accounts.models import PersonalAccessToken, User
from schakel.accounts.stepup import step_up_required
from schakel.api import selectors
from schakel.api.token_forms import AccessTokenCreateForm

STATUS_ACTIVE = gettext_lazy("Actief")
STATUS_EXPIRED = gettext_lazy("Verlopen")
STATUS_REVOKED = gettext_lazy("Ingetrokken")


@dataclass(frozen=True)
class TokenRow:
    token: PersonalAccessToken
    status: str | Promise
    usable: bool


def _status(token: PersonalAccessToken, now: datetime) -> TokenRow:
    if token.revoked_at is not None:
        return TokenRow(token, STATUS_REVOKED, usable=False)
    if token.expires_at <= now:
        return TokenRow(token, STATUS_EXPIRED, usable=False)
    return TokenRow(token, STATUS_ACTIVE, usable=True)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the MFA middleware admits only signed-in users here
    return user


@require_GET
def token_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = [_status(token, now) for token in selectors.access_tokens_of(user=_user(request))]
    return render(request, "api/token_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@step_up_required
def token_create(request: HttpRequest) -> HttpResponse:
    form = AccessTokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, raw = services.access_token_create(
            user=_user(request), name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
        # Rendered, not redirected: the plain value exists only in this response (no-store).
        return render(request, "api/token_created.html", {"token": token, "raw": raw})
    return render(request, "api/token_create.html", {"form": form})


@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = _user(request)
    token = selectors.access_token_get_for_user(user=user, pk=pk)
    row = _status(token, timezone.now())
    if request.method == "POST":
        if token.revoked_at is None:
            services.access_token_revoke(user=user, token=token)
            message = _("Het token „%(name)s” is ingetrokken.") % {"name": token.name}
            messages.success(request, message)
        return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"row": row})
