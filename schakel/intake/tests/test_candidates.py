"""Finding candidates: stored signals sharing a blocking key, the most recent first, bounded,
without the signal itself; on each database (the query differs per vendor)."""

from datetime import date

import pytest

from schakel.intake.convergence import engine
from schakel.intake.convergence.encoding import encode
from schakel.intake.signal_input import identity_of_input
from schakel.intake.tests.factories import register, signal_input

pytestmark = pytest.mark.django_db


def test_candidates_are_the_newest_sharing_a_key_without_the_signal_itself(personas, monkeypatch):
    same = [register(personas.police_member, residence=personas.municipality_a) for _ in range(4)]
    other = register(
        personas.police_member,
        residence=personas.municipality_a,
        given_names="Wessel",
        surname_prefix="",
        surname="Oosterkamp",
        date_of_birth=date(1979, 11, 2),
    )
    encoding = encode(identity_of_input(signal_input(residence=personas.municipality_a)))
    newest = same[-1].signal

    found = engine.candidates(encoding, exclude_signal_id=newest.pk)
    assert found.signal_ids == [r.signal.pk for r in reversed(same[:-1])]
    assert other.signal.pk not in found.signal_ids
    assert found.columns.size == 3

    monkeypatch.setattr(engine, "MAX_CANDIDATES", 2)
    bounded = engine.candidates(encoding, exclude_signal_id=newest.pk)
    assert bounded.signal_ids == [same[2].signal.pk, same[1].signal.pk]
    assert engine.candidates(encoding).signal_ids == [newest.pk, same[2].signal.pk]
