"""A form is handled once: the signal form's one-time token makes a double submit (or a
replayed POST) register one signal, and the second submit shows the first one's result."""

import re

import pytest

from schakel.intake.models import Signal
from schakel.intake.tests.signal_view_helpers import CREATE, detail, form_data, text

pytestmark = pytest.mark.django_db


def token_of(page: str) -> str:
    found = re.search(r'name="_formulier" value="([^"]+)"', page)
    assert found, "the form has no one-time token"
    return found.group(1)


def test_the_same_form_submitted_twice_registers_one_signal(personas, signed_in) -> None:
    client = signed_in(personas.police_member)
    token = token_of(client.get(CREATE).content.decode())
    data = {**form_data(personas.municipality_a), "_formulier": token}

    first = client.post(CREATE, data)
    second = client.post(CREATE, data)

    signal = Signal.objects.get()
    assert first.status_code == 302
    assert second.status_code == 302
    assert second["Location"] == first["Location"] == detail(signal)
    assert "Dit formulier was al verstuurd en is één keer verwerkt." in text(
        client.get(second["Location"])
    )


def test_each_rendering_of_the_form_has_its_own_token(personas, signed_in) -> None:
    client = signed_in(personas.police_member)
    first = token_of(client.get(CREATE).content.decode())
    second = token_of(client.get(CREATE).content.decode())
    assert first != second

    client.post(CREATE, {**form_data(personas.municipality_a), "_formulier": first})
    client.post(CREATE, {**form_data(personas.municipality_a), "_formulier": second})

    assert Signal.objects.count() == 2


def test_a_refused_submit_gives_the_token_back(personas, signed_in) -> None:
    client = signed_in(personas.police_member)
    token = token_of(client.get(CREATE).content.decode())

    refused = client.post(
        CREATE, {**form_data(personas.municipality_a, observation=""), "_formulier": token}
    )
    corrected = client.post(CREATE, {**form_data(personas.municipality_a), "_formulier": token})

    assert refused.status_code == 200
    assert corrected.status_code == 302
    assert Signal.objects.count() == 1


def test_another_users_token_is_not_theirs(personas, signed_in) -> None:
    police = signed_in(personas.police_member)
    token = token_of(police.get(CREATE).content.decode())
    police.post(CREATE, {**form_data(personas.municipality_a), "_formulier": token})

    school = signed_in(personas.school_member)
    school.post(CREATE, {**form_data(personas.municipality_a), "_formulier": token})

    assert Signal.objects.count() == 2


def test_a_duplicate_while_the_first_still_runs_says_so_and_acts_not(
    personas, signed_in, monkeypatch
) -> None:
    from django.core.cache import cache

    from schakel.core import once

    monkeypatch.setattr(once, "WAIT_SECONDS", 0.0)
    client = signed_in(personas.police_member)
    token = token_of(client.get(CREATE).content.decode())
    cache.set(f"formulier:{personas.police_member.pk}:{token}", once.PENDING, 60)

    response = client.post(CREATE, {**form_data(personas.municipality_a), "_formulier": token})

    assert response.status_code == 409
    assert "Dit formulier is al verstuurd" in text(response)
    assert Signal.objects.count() == 0


def test_a_signal_form_without_its_token_is_refused_and_keeps_empty_sections_folded(
    personas, signed_in
) -> None:
    client = signed_in(personas.police_member)
    client.handler.enforce_csrf_checks = True  # as a browser: the form-token check applies
    page = client.get(CREATE).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert csrf is not None
    data = {**form_data(personas.municipality_a), "csrfmiddlewaretoken": csrf.group(1)}

    stale = client.post(CREATE, data)

    assert stale.status_code == 200
    shown = text(stale)
    assert "Dit formulier is verlopen" in shown
    assert not Signal.objects.exists()
    # The empty rows of accounts and people around the person get no error of their own, so
    # their folded sections stay closed; only the form as a whole is said to have expired.
    assert shown.count("Dit formulier is verlopen") == 1
    assert re.findall(r"<details[^>]*\bopen\b", shown) == []
