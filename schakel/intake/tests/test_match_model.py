"""Estimating the match model from an instance's own encodings, and using it."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from schakel.audit.models import LogRecord
from schakel.intake.convergence import engine, layout
from schakel.intake.convergence.model import default_model
from schakel.intake.convergence.stored import read_all
from schakel.intake.management.commands import estimate_match_model
from schakel.intake.models import BlockingKey, IdentityEncoding, MatchModelVersion
from schakel.intake.tests.factories import register

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("Daan Pieter", "Hoogeveld", date(2004, 3, 17)),
    ("Fatima", "Amrani", date(1999, 11, 23)),
    ("Sanne", "Bakker", date(1979, 8, 30)),
    ("Pieter", "Visser", date(1971, 12, 30)),
    ("Lotte", "Duinhaver", date(1995, 6, 1)),
    ("Youssef", "Yilmaz", date(2001, 7, 2)),
]


@pytest.fixture
def registered(personas):
    for given, surname, born in PEOPLE:
        for spelling in (surname, surname + "e"):
            register(
                personas.police_member,
                residence=personas.municipality_a,
                given_names=given,
                surname_prefix="",
                surname=spelling,
                date_of_birth=born,
            )


def test_too_few_encodings_keep_the_shipped_model(registered) -> None:
    with pytest.raises(CommandError, match="Te weinig signalen"):
        call_command("estimate_match_model", "--no-progress")
    assert engine.active_model().label == default_model().label


def test_the_estimated_model_is_stored_used_and_logged(registered, personas, monkeypatch) -> None:
    monkeypatch.setattr(estimate_match_model, "ESTIMATE_FROM", 5)
    out = io.StringIO()

    call_command("estimate_match_model", "--no-progress", "--workers", "1", stdout=out)

    version = MatchModelVersion.objects.get()
    assert version.trained_on == 2 * len(PEOPLE)
    assert engine.active_model().label == version.label
    assert "Opgeslagen en in gebruik" in out.getvalue()
    assert LogRecord.objects.filter(name="match_model_estimated").exists()
    # Registrations now get suggestions from the new model.
    again = register(
        personas.police_member,
        residence=personas.municipality_a,
        given_names="Lotte",
        surname_prefix="",
        surname="Duinhaver",
        date_of_birth=date(1995, 6, 1),
    )
    assert again.suggestions
    assert {s.explanation["model"] for s in again.suggestions} == {version.label}
    # Every name here is registered twice: too rare to be listed, and no hash is printed.
    frequencies = version.parameters["frequencies"]
    assert frequencies["listed"] == {"given_names": {}, "surname": {}}
    assert frequencies["population"] == 2 * len(PEOPLE)
    assert "Namen die minstens 5 keer voorkomen: 0 voornamen, 0 achternamen." in out.getvalue()
    assert "listed" not in out.getvalue()


def test_a_dry_run_stores_nothing(registered, monkeypatch) -> None:
    monkeypatch.setattr(estimate_match_model, "ESTIMATE_FROM", 5)
    call_command("estimate_match_model", "--no-progress", "--dry-run", stdout=io.StringIO())
    assert not MatchModelVersion.objects.exists()


def test_reading_all_encodings_gives_each_row_its_own_keys(registered) -> None:
    encodings = list(IdentityEncoding.objects.order_by("id"))
    columns, blocks = read_all()

    assert len(columns) == len(encodings)
    for row, encoding in enumerate(encodings):
        expected = layout.Columns(layout.from_bytes([bytes(encoding.features)]))
        assert (columns.narrow[row] == expected.narrow[0]).all()
        stored = set(BlockingKey.objects.filter(encoding=encoding).values_list("key", "seeks"))
        mine = blocks.rows == row
        pairs = zip(blocks.keys[mine].tolist(), blocks.seeks[mine].tolist(), strict=True)
        assert set(pairs) == stored
    # Up to an id: only those encodings, and only their keys.
    first, _ = read_all(up_to_id=encodings[2].pk)
    assert len(first) == 3
