"""How common a name is changes what an exact agreement on it weighs (pure, no database)."""

from dataclasses import replace
from datetime import date

import numpy as np

from schakel.intake.convergence import layout, levels
from schakel.intake.convergence.duplicates import ESTIMATE_FROM
from schakel.intake.convergence.encoding import Identity, encode
from schakel.intake.convergence.frequencies import LISTED_FROM, Frequencies
from schakel.intake.convergence.model import MatchModel, default_model

# Fictional: one common name registered for many different people, and rare ones.
COMMON = [Identity("Jan", "", "Jansen", date(1960 + i, 1, 1 + i)) for i in range(12)]
RARE = [
    Identity("Ilse", "", "Wouterhoeve", date(1991, 5, 4)),
    Identity("Tjeerd", "", "Ruigveen", date(1983, 2, 9)),
    Identity("Noor", "el", "Amrani", date(2003, 4, 9)),
    Identity("Marit", "", "Zandvoorde", date(1977, 10, 30)),
]


def columns(identities: list[Identity]) -> layout.Columns:
    return layout.Columns(layout.from_bytes([encode(i).features for i in identities]))


def probability(model: MatchModel, first: Identity, second: Identity) -> float:
    left, right = columns([first]), columns([second])
    rows = np.zeros(1, np.int64)
    pair_levels = levels.compare(left, rows, right, rows)
    extra = model.frequency_bits(model.surprise(left), rows, pair_levels)
    return float(model.probability(model.weights(pair_levels) + extra.sum(axis=1))[0])


def test_only_values_shared_by_enough_registrations_are_listed():
    counted = Frequencies.count(columns(COMMON + RARE))
    assert sorted(counted.listed["given_names"].values()) == [len(COMMON)]
    assert sorted(counted.listed["surname"].values()) == [len(COMMON)]
    assert counted.unlisted["surname"] == 1.0
    assert len(COMMON) >= LISTED_FROM
    assert Frequencies.from_dict(counted.as_dict()) == counted


def counted_as_estimated(model: MatchModel) -> MatchModel:
    """The model with counts from these registrations, as if among 2,000 (the fewest a model is
    estimated on): "Jan Jansen" 12 times is then common, a name seen once is rare."""
    counted = Frequencies.count(columns(COMMON + RARE))
    return replace(model, frequencies=replace(counted, population=ESTIMATE_FROM))


def test_a_shared_common_name_weighs_less_than_a_shared_rare_one():
    without = default_model()
    model = counted_as_estimated(without)
    common = (Identity("Jan", "", "Jansen", None), COMMON[0])
    rare = (Identity("Ilse", "", "Wouterhoeve", None), RARE[0])
    # Without counts both pairs are at the same levels, so equally probable.
    assert probability(without, *common) == probability(without, *rare)
    assert probability(model, *common) < probability(without, *common)
    assert probability(model, *rare) > probability(without, *rare)


def test_only_exact_agreements_are_adjusted():
    model = counted_as_estimated(default_model())
    typo = (Identity("Jan", "", "Jansem", date(1960, 1, 1)), COMMON[0])
    left, right = columns([typo[0]]), columns([typo[1]])
    rows = np.zeros(1, np.int64)
    pair_levels = levels.compare(left, rows, right, rows)
    extra = model.frequency_bits(model.surprise(left), rows, pair_levels)[0]
    named = {c.name: bits for c, bits in zip(levels.COMPARISONS, extra, strict=True)}
    assert named["given_names"] < 0  # "Jan", exact and common
    assert named["surname"] == 0  # "Jansem" is a typo: not exact
    assert named["date_of_birth"] == 0
