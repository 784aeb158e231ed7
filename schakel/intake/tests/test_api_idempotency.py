"""``Idempotency-Key`` on POST, through the signal registration endpoint: the same key and body
replay the first answer without a second signal; another body is a 422 problem; keys are the
caller's own; an answer that changed nothing releases the key."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from schakel.accounts.services import access_token_create
from schakel.api.models import IdempotencyRecord
from schakel.intake.models import Signal
from schakel.intake.tests.signal_api_helpers import LIST, PROBLEM
from schakel.intake.tests.test_api_signals_registering import body

pytestmark = pytest.mark.django_db


def client(user: Any) -> Client:
    raw = access_token_create(user=user, name="Test", days=1)[1]
    return Client(headers={"Authorization": f"Bearer {raw}"})


def send(client: Client, data: dict[str, Any], key: str | None) -> Any:
    headers = {"Idempotency-Key": key} if key is not None else {}
    return client.post(LIST, data, content_type="application/json", headers=headers)


def test_same_key_and_body_replays_the_answer_without_a_second_signal(personas) -> None:
    police = client(personas.police_member)
    data = body(personas.municipality_a)

    first = send(police, data, "meld-2026-0001")
    second = send(police, data, "meld-2026-0001")

    assert first.status_code == 201, first.content
    assert second.status_code == 201
    # Only the id comes back: the data is read with a GET, which checks access and logs it.
    assert second.json() == {"id": first.json()["id"]}
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Signal.objects.count() == 1


def test_replay_works_with_another_token_of_the_same_user(personas) -> None:
    data = body(personas.municipality_a)

    first = send(client(personas.police_member), data, "meld-2026-0002")
    second = send(client(personas.police_member), data, "meld-2026-0002")

    assert second.json() == {"id": first.json()["id"]}
    assert Signal.objects.count() == 1


def test_the_same_key_in_another_membership_is_another_key(personas) -> None:
    from schakel.accounts.models import Membership

    police = client(personas.police_member)
    data = body(personas.municipality_a)
    send(police, data, "meld-lidmaatschap")
    Membership.objects.filter(user=personas.police_member).update(ended_at=timezone.now())

    after = send(police, data, "meld-lidmaatschap")

    assert after.status_code == 404  # no acting membership: no replay, the view decides
    assert "Idempotent-Replayed" not in after
    assert Signal.objects.count() == 1


def test_same_key_with_another_body_is_a_422_problem_and_changes_nothing(personas) -> None:
    police = client(personas.police_member)
    send(police, body(personas.municipality_a), "meld-2026-0003")

    other = send(police, body(personas.municipality_a, surname="Anders"), "meld-2026-0003")

    assert other.status_code == 422, other.content
    assert other["Content-Type"] == PROBLEM
    assert other.json()["type"] == "urn:schakel:problem:idempotency-key-reused"
    assert "Anders" not in other.content.decode()
    assert Signal.objects.count() == 1


def test_keys_are_scoped_per_caller(personas) -> None:
    data = body(personas.municipality_a)

    send(client(personas.police_member), data, "gedeelde-sleutel")
    theirs = send(client(personas.school_member), data, "gedeelde-sleutel")

    assert theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert Signal.objects.count() == 2


def test_without_a_key_every_post_acts(personas) -> None:
    police = client(personas.police_member)
    data = body(personas.municipality_a)

    send(police, data, None)
    send(police, data, None)

    assert Signal.objects.count() == 2
    assert not IdempotencyRecord.objects.exists()


def test_a_refused_request_releases_its_key(personas) -> None:
    police = client(personas.police_member)

    refused = send(police, body(personas.municipality_a, observation=""), "meld-2026-0004")
    corrected = send(police, body(personas.municipality_a), "meld-2026-0004")

    assert refused.status_code == 400
    assert corrected.status_code == 201
    assert "Idempotent-Replayed" not in corrected
    assert Signal.objects.count() == 1


def test_a_request_still_in_progress_is_a_409_and_does_not_act(personas) -> None:
    data = body(personas.municipality_a)
    police = client(personas.police_member)
    send(police, data, "meld-2026-0005")
    IdempotencyRecord.objects.update(status_code=None, body="")

    busy = send(police, data, "meld-2026-0005")

    assert busy.status_code == 409
    assert busy.json()["type"] == "urn:schakel:problem:idempotency-key-in-use"
    assert Signal.objects.count() == 1


def test_a_key_is_kept_24_hours(personas) -> None:
    police = client(personas.police_member)
    data = body(personas.municipality_a)
    send(police, data, "meld-2026-0006")
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))

    again = send(police, data, "meld-2026-0006")

    assert "Idempotent-Replayed" not in again
    assert Signal.objects.count() == 2


def test_an_unusable_key_is_a_400(personas) -> None:
    response = send(client(personas.police_member), body(personas.municipality_a), "met spatie")

    assert response.status_code == 400
    assert Signal.objects.count() == 0


def test_the_stored_answer_is_encrypted(personas) -> None:
    from django.db import connection

    send(client(personas.police_member), body(personas.municipality_a), "meld-2026-0007")

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM api_idempotencyrecord")
        (raw,) = cursor.fetchone()
    assert "directing_municipality" not in raw


def test_the_stored_fingerprint_cannot_be_recomputed_from_a_guessed_body(personas) -> None:
    import hashlib
    import json

    police = client(personas.police_member)
    data = body(personas.municipality_a)
    send(police, data, "meld-vingerafdruk")

    record = IdempotencyRecord.objects.get(key="meld-vingerafdruk")
    # A plain digest of method, path and body would let a database reader test guesses.
    guessed = b"POST\0" + LIST.encode() + b"\0" + json.dumps(data).encode()
    assert record.fingerprint != hashlib.sha256(guessed).hexdigest()
    assert len(record.fingerprint) == 64
