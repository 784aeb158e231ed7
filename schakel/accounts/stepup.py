"""Step-up re-authentication: password and second factor within the last few minutes.

Sensitive actions (exports, deletions, token creation) wrap their view in ``step_up_required``.
"""

from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

SESSION_KEY = "step_up_at"


def mark_stepped_up(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = timezone.now().isoformat()


def step_up_is_fresh(request: HttpRequest) -> bool:
    raw = request.session.get(SESSION_KEY)
    if not raw:
        return False
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        return False
    age = timezone.now() - at
    return bool(age.total_seconds() >= 0 and age <= settings.SCHAKEL_STEP_UP_MAX_AGE)


def step_up_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not step_up_is_fresh(request):
            target = (
                reverse("accounts:step_up") + "?" + urlencode({"next": request.get_full_path()})
            )
            return HttpResponseRedirect(target)
        return view(request, *args, **kwargs)

    return wrapper
