"""The Fellegi–Sunter match model: how much each comparison level says, and what that makes of
a pair.

For each level of each comparison the model holds ``m`` (how often two registrations of one
person are at that level) and ``u`` (how often two registrations of different persons are).
A pair's match weight is the sum of log2(m/u) over its levels ("missing" counts for nothing);
with the prior — the expected number of other registrations of the same person
(``matches_per_record``) spread over the registrations the model was estimated on
(``trained_on``), or over the registrations compared with now (``population``) when there
are more — that gives a match probability. A young instance with fewer signals than the model
was estimated on keeps the model's prior: it must not take a shared surname for a match; a
grown one spreads it over all its signals, so that its probabilities do not inflate. Two
thresholds on it make the bands "waarschijnlijk dezelfde persoon" and "mogelijk dezelfde
persoon"; a person decides either way.

The shipped model (``default_model.json``) was estimated from synthetic registrations
(``benchmarks/convergence_people.py``, tuning seed); ``manage.py estimate_match_model``
re-estimates ``m``, ``u`` and the prior from an instance's own encodings, and counts how
common each exact name is there (``frequencies``): an exact agreement on a common name then
weighs less than one on a rare name. The shipped model has no such counts (they are keyed to an
instance).
"""

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence.frequencies import Frequencies
from schakel.intake.convergence.levels import COMPARISONS, PATTERNS, Levels, decode

DEFAULT_MODEL_FILE = Path(__file__).with_name("default_model.json")
LIKELY = "likely"
POSSIBLE = "possible"
# m and u are kept within these bounds, so that no single level can decide a pair alone.
FLOOR = 1e-6


@dataclass
class MatchModel:
    """Fellegi–Sunter parameters per comparison level, the prior and the two bands."""

    m: dict[str, list[float]]
    u: dict[str, list[float]]
    matches_per_record: float
    likely: float
    possible: float
    label: str = "default"
    trained_on: int = 0
    notes: dict[str, Any] = field(default_factory=dict)
    frequencies: Frequencies | None = None
    population: int = 0  # how many registrations a pair is drawn from now (not stored)

    def __post_init__(self) -> None:
        for comparison in COMPARISONS:
            for table in (self.m, self.u):
                values = table.get(comparison.name)
                if values is None or len(values) != len(comparison.levels):
                    raise ValueError(f"model has no valid levels for {comparison.name}")
        self._table = self._weight_table()

    def _weight_table(self) -> npt.NDArray[np.float64]:
        width = max(len(c.levels) for c in COMPARISONS)
        table = np.zeros((len(COMPARISONS), width))
        for row, comparison in enumerate(COMPARISONS):
            m = np.clip(np.array(self.m[comparison.name]), FLOOR, 1.0)
            u = np.clip(np.array(self.u[comparison.name]), FLOOR, 1.0)
            weights = np.log2(m / u)
            weights[0] = 0.0  # "missing" says nothing
            table[row, : len(weights)] = weights
        return table

    def weights(self, levels: Levels) -> npt.NDArray[np.float64]:
        """The match weight of each pair (levels of shape (pairs, comparisons))."""
        rows = np.arange(len(COMPARISONS))
        per_level: npt.NDArray[np.float64] = self._table[rows, levels.astype(np.intp)]
        result: npt.NDArray[np.float64] = per_level.sum(axis=1)
        return result

    def frequency_bits(
        self, surprise: dict[str, npt.NDArray[np.float64]] | None, a: Any, levels: Levels
    ) -> npt.NDArray[np.float64]:
        """The bits each pair's exact names add or take away for how common they are (shape
        (pairs, comparisons); zero without counts)."""
        if self.frequencies is None or surprise is None:
            return np.zeros(levels.shape)
        return self.frequencies.adjustment(self.u, surprise, a, levels)

    def surprise(self, rows: Any) -> dict[str, npt.NDArray[np.float64]] | None:
        """How rare each row's exact names are (``Frequencies.surprise``), if counted."""
        return None if self.frequencies is None else self.frequencies.surprise(rows)

    def pattern_weights(self) -> npt.NDArray[np.float64]:
        """The match weight of every pattern of levels (``levels.pattern_codes``)."""
        codes = np.arange(PATTERNS, dtype=np.int64)
        return self.weights(decode(codes))

    def level_weights(self, levels: Levels) -> npt.NDArray[np.float64]:
        rows = np.arange(len(COMPARISONS))
        result: npt.NDArray[np.float64] = self._table[rows, levels.astype(np.intp)]
        return result

    @property
    def prior_weight(self) -> float:
        """log2 of the prior odds that two registrations are one person: the expected number
        of other registrations of a person, spread over the registrations the model was
        estimated on or, when more, those compared with now (as splink's "probability two
        random records match")."""
        spread = max(self.trained_on, self.population) - 1
        chance = min(self.matches_per_record / max(spread, 1), 0.5)
        return math.log2(chance / (1 - chance))

    def weight_for(self, probability: float) -> float:
        """The match weight a pair needs for this probability."""
        return math.log2(probability / (1 - probability)) - self.prior_weight

    def probability(self, weights: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        odds = np.clip(weights + self.prior_weight, -60, 60)
        result: npt.NDArray[np.float64] = 1 / (1 + np.exp2(-odds))
        return result

    def band(self, probability: float) -> str:
        if probability >= self.likely:
            return LIKELY
        if probability >= self.possible:
            return POSSIBLE
        return ""

    def explanation(
        self, levels: Levels, probability: float, extra: npt.NDArray[np.float64] | None = None
    ) -> dict[str, Any]:
        """JSON-safe: comparison names, levels and weights only — never an identifier. ``extra``:
        the pair's bits per comparison for how common its names are."""
        weights = self.level_weights(levels.reshape(1, -1))[0]
        if extra is not None:
            weights = weights + extra
        return {
            "model": self.label,
            "probability": round(float(probability), 4),
            "band": self.band(probability),
            "parts": [
                {
                    "part": comparison.name,
                    "level": comparison.levels[int(level)],
                    "weight": round(float(weight), 2),
                }
                for comparison, level, weight in zip(COMPARISONS, levels, weights, strict=True)
            ],
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "trained_on": self.trained_on,
            "matches_per_record": self.matches_per_record,
            "bands": {LIKELY: self.likely, POSSIBLE: self.possible},
            "comparisons": {
                c.name: {"levels": list(c.levels), "m": self.m[c.name], "u": self.u[c.name]}
                for c in COMPARISONS
            },
            "notes": self.notes,
            **({"frequencies": self.frequencies.as_dict()} if self.frequencies else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "MatchModel":
        comparisons = data["comparisons"]
        for comparison in COMPARISONS:
            stored = comparisons.get(comparison.name, {}).get("levels")
            if stored != list(comparison.levels):
                raise ValueError(f"the model's levels for {comparison.name} are out of date")
        return cls(
            m={name: list(map(float, c["m"])) for name, c in comparisons.items()},
            u={name: list(map(float, c["u"])) for name, c in comparisons.items()},
            matches_per_record=float(data["matches_per_record"]),
            likely=float(data["bands"][LIKELY]),
            possible=float(data["bands"][POSSIBLE]),
            label=str(data.get("label", "")),
            trained_on=int(data.get("trained_on", 0)),
            notes=dict(data.get("notes", {})),
            frequencies=Frequencies.from_dict(data["frequencies"])
            if data.get("frequencies")
            else None,
        )

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=1, ensure_ascii=False)


@cache
def default_model() -> MatchModel:
    return MatchModel.from_dict(json.loads(DEFAULT_MODEL_FILE.read_text(encoding="utf-8")))
