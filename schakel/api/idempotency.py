"""``Idempotency-Key`` on POST: the same key, body and caller give the same answer once more,
never a second change.

- The first request with a key claims it by inserting a row with a unique (caller, key); a
  concurrent duplicate waits for that insert (the database's unique index) and then finds the
  row, so two requests never both act.
- A successful answer (2xx) is remembered — its status, ``Location`` and only the ``id`` of
  what it created or changed, never the rest of its body, which may name people — and replayed
  for the same caller, key, method, path and body for 24 hours, with ``Idempotent-Replayed:
  true``. Whoever wants the data reads it with a GET, which checks access again and logs the
  read like any other. An answer that changed nothing (4xx, 5xx) releases the key, so a
  corrected request may use it again.
- The same key with another body, method or path: ``422`` problem
  ``urn:schakel:problem:idempotency-key-reused``; while the first request still runs: ``409``
  problem ``urn:schakel:problem:idempotency-key-in-use``.
- Keys are scoped per caller: the user behind the token or session *in the acting membership*.
  Another user's key, or the same user's key in another membership, is another key; a user
  without an acting membership (memberships ended, say) gets no replay — the view answers as it
  would without a key.
"""

import hashlib
import json
import re
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.http.request import RawPostDataException
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.request import Request

from schakel.accounts.acting import acting_membership
from schakel.api.models import IdempotencyRecord
from schakel.api.problems import ProblemType

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEEP = timedelta(hours=24)
FINGERPRINT_SALT = "schakel.api.idempotency.fingerprint"
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
REUSED = ProblemType(
    "idempotency-key-reused",
    422,
    "Idempotency-Key al gebruikt voor een ander verzoek",
    "Idempotency-Key reused",
)
IN_USE = ProblemType(
    "idempotency-key-in-use", 409, "Idempotency-Key nog in behandeling", "Idempotency-Key in use"
)


class KeyProblemError(Exception):
    """A key that cannot be used for this request (the base views answer it as a problem)."""

    def __init__(self, problem: ProblemType, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


class ReplayError(Exception):
    """The stored answer to a request with this key; given again instead of acting."""

    def __init__(self, record: IdempotencyRecord) -> None:
        super().__init__("replay")
        self.record = record


def _fingerprint(request: Request) -> str:
    # Keyed (HMAC with the instance's secret): a plain hash of a body would let whoever reads
    # the table confirm a guessed body — a BSN has only 10⁹ values.
    method, path = request.method or "", request.path
    message = method.encode() + b"\0" + path.encode() + b"\0" + _body(request)
    return salted_hmac(FINGERPRINT_SALT, message, algorithm="sha256").hexdigest()


def _body(request: Request) -> bytes:
    """The request's body; for a multipart body, which is read as a stream and not kept (a file
    upload), its fields in order and each file's name and SHA-256 instead."""
    try:
        return request._request.body
    except RawPostDataException:
        pass
    parts: list[bytes] = []
    for name in sorted(request.POST):
        for value in request.POST.getlist(name):
            parts.append(f"{name}={value}".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
            parts.append(f"{name}:{upload.name}:{digest.hexdigest()}".encode())
    return b"\0".join(parts)


def _caller(request: Request) -> str | None:
    membership = acting_membership(request._request)
    if membership is None:
        return None
    # A fixed-length digest of who acts in which membership (the column holds 64 characters).
    scope = f"user:{request.user.pk}:membership:{membership.pk}"
    return hashlib.sha256(scope.encode()).hexdigest()


def claim(request: Request) -> IdempotencyRecord | None:
    """The claimed key of this POST (None: sent without one). Raises ``ReplayError`` with the stored
    answer, or a problem for a key reused with another request or still in use."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not KEY_PATTERN.match(key):
        raise exceptions.ValidationError(
            {HEADER: [_("Een Idempotency-Key is 1 tot 255 zichtbare ASCII-tekens lang.")]}
        )
    caller = _caller(request)
    if caller is None:
        return None
    now = timezone.now()
    IdempotencyRecord.objects.filter(created_at__lt=now - KEEP).delete()
    fingerprint = _fingerprint(request)
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(
                caller=caller, key=key, fingerprint=fingerprint, created_at=now
            )
    except IntegrityError:
        pass
    found = IdempotencyRecord.objects.filter(caller=caller, key=key).first()
    if found is None:  # released meanwhile: the other request changed nothing
        raise KeyProblemError(
            IN_USE, _("Deze Idempotency-Key is zojuist gebruikt; stuur het verzoek opnieuw.")
        )
    if found.fingerprint != fingerprint:
        raise KeyProblemError(
            REUSED,
            _(
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk "
                "nieuw verzoek een nieuwe sleutel."
            ),
        )
    if found.status_code is None:
        raise KeyProblemError(
            IN_USE,
            _("Een verzoek met deze Idempotency-Key wordt nog verwerkt; probeer het zo opnieuw."),
        )
    raise ReplayError(found)


def remember(record: IdempotencyRecord, response: Any) -> None:
    """Store a successful answer to replay it; release the key of one that changed nothing."""
    if not 200 <= response.status_code < 300:
        record.delete()
        return
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    record.status_code = response.status_code
    record.content_type = response.get("Content-Type", "")
    record.location = response.get("Location", "")
    record.body = json.dumps({"id": _id_of(response)})
    record.save(update_fields=["status_code", "content_type", "location", "body"])


def _id_of(response: Any) -> Any:
    """The ``id`` in a JSON answer (None when there is none): all a replay repeats."""
    try:
        data = json.loads(response.content)
    except ValueError:
        return None
    return data.get("id") if isinstance(data, dict) else None


def release(record: IdempotencyRecord) -> None:
    IdempotencyRecord.objects.filter(pk=record.pk).delete()


def replayed(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(
        record.body.encode(), status=record.status_code, content_type="application/json"
    )
    if record.location:
        response["Location"] = record.location
    response[REPLAYED_HEADER] = "true"
    return response
