"""One-time form tokens are claimed for signed-in users only, and a claim that never finished
frees itself: anonymous posts cannot fill the shared cache, and a killed request cannot block a
form for a day."""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from schakel.core import once

TOKEN = "a" * 32


def _middleware() -> once.SubmitOnceMiddleware:
    return once.SubmitOnceMiddleware(lambda request: HttpResponse())


def test_an_anonymous_post_claims_nothing(db) -> None:
    request = RequestFactory().post("/i18n/setlang/", {once.FIELD: TOKEN})
    request.user = AnonymousUser()

    assert _middleware().process_view(request, lambda r: HttpResponse(), (), {}) is None
    assert cache.get(f"formulier:anoniem:{TOKEN}") is None


def test_a_signed_in_claim_is_pending_only_briefly(db, personas, monkeypatch) -> None:
    seen: dict[str, int] = {}
    monkeypatch.setattr(
        once.cache, "add", lambda key, value, timeout: seen.update(t=timeout) or True
    )
    request = RequestFactory().post("/signalen/nieuw/", {once.FIELD: TOKEN})
    request.user = personas.police_member

    _middleware().process_view(request, lambda r: HttpResponse(), (), {})

    assert seen["t"] == once.PENDING_SECONDS < once.KEEP_SECONDS
