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


def test_a_claim_refused_by_a_locked_cache_is_tried_again(db, personas, monkeypatch) -> None:
    # The database cache answers "not added" when its write meets a lock, though no one holds
    # the token; the first of two simultaneous submits then must not be refused as a duplicate.
    real_add = once.cache.add
    refusals = iter([False, False])
    monkeypatch.setattr(once.cache, "add", lambda *args: next(refusals, None) or real_add(*args))
    monkeypatch.setattr(once, "WAIT_STEP", 0.001)
    request = RequestFactory().post("/signalen/nieuw/", {once.FIELD: TOKEN})
    request.user = personas.police_member

    assert _middleware().process_view(request, lambda r: HttpResponse(), (), {}) is None
    assert cache.get(once._key(request, TOKEN)) == once.PENDING


def test_a_token_held_by_another_submit_is_not_claimed_twice(db, personas, monkeypatch) -> None:
    monkeypatch.setattr(once, "WAIT_SECONDS", 0.01)
    request = RequestFactory().post("/signalen/nieuw/", {once.FIELD: TOKEN})
    request.user = personas.police_member
    cache.add(once._key(request, TOKEN), once.PENDING, once.PENDING_SECONDS)

    response = _middleware().process_view(request, lambda r: HttpResponse(), (), {})

    assert response is not None
    assert response.status_code == 409
