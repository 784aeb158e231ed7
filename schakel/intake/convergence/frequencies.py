"""How common a name is among the registrations: sharing a common name is weaker evidence than
sharing a rare one (term-frequency adjustment, as splink's "tf adjustments").

Counted over keyed hashes — the exact given names and the exact surname — never over names.
Only a value shared by at least ``LISTED_FROM`` registrations is listed, with its count; a
rarer value, or one never seen, counts as often as the unlisted values do on average. So the
stored table says nothing about one registration, and nothing of a deleted registration stays
in it once the model is estimated again. An exact agreement on a value of frequency ``p`` gets
``log2(u_exact / p)`` bits on top of the exact level's weight (at most ``LIMIT`` either way).
"""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence import levels as lv
from schakel.intake.convergence.layout import Columns

# The comparisons whose exact level is adjusted, and the field holding the value's hash.
FIELDS = {lv.GIVEN_NAMES.name: "g_exact", lv.SURNAME.name: "s_exact"}
LISTED_FROM = 5
LIMIT = 10.0  # bits

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass
class Frequencies:
    population: int
    listed: dict[str, dict[int, int]] = field(default_factory=dict)
    unlisted: dict[str, float] = field(default_factory=dict)  # average count of the others
    # The listed values as sorted arrays per comparison, built once (a lookup per new signal).
    _sorted: dict[str, tuple[IntArray, FloatArray]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def count(cls, columns: Columns) -> "Frequencies":
        found = cls(population=len(columns))
        for comparison, name in FIELDS.items():
            values = columns[name]
            values, counts = np.unique(values[values != 0], return_counts=True)
            listed = counts >= LISTED_FROM
            found.listed[comparison] = dict(
                zip(values[listed].tolist(), counts[listed].tolist(), strict=True)
            )
            rare = counts[~listed]
            found.unlisted[comparison] = float(rare.mean()) if len(rare) else 1.0
        return found

    def surprise(self, columns: Columns) -> dict[str, FloatArray]:
        """Per comparison and row: log2(1 / p) of the row's value (0 where unknown)."""
        result: dict[str, FloatArray] = {}
        for comparison, name in FIELDS.items():
            values = columns[name].astype(np.int64)
            keys, counts = self._lookup(comparison)
            place = np.clip(np.searchsorted(keys, values), 0, max(len(keys) - 1, 0))
            hit = (keys[place] == values) if len(keys) else np.zeros(len(values), np.bool_)
            count = np.where(hit, counts[place] if len(keys) else 0.0, self.unlisted[comparison])
            bits = np.log2(max(self.population, 1) / np.maximum(count, 1.0))
            result[comparison] = np.where(values != 0, bits, 0.0)
        return result

    def _lookup(self, comparison: str) -> tuple[IntArray, FloatArray]:
        found = self._sorted.get(comparison)
        if found is None:
            table = self.listed.get(comparison, {})
            keys = np.array(sorted(table), dtype=np.int64)
            counts = np.array([table[k] for k in keys.tolist()], dtype=np.float64)
            found = self._sorted[comparison] = (keys, counts)
        return found

    def adjustment(
        self,
        u: dict[str, list[float]],
        surprise: dict[str, FloatArray],
        a: IntArray,
        pair_levels: lv.Levels,
    ) -> FloatArray:
        """The extra bits of each pair per comparison, shape (pairs, comparisons); ``a``: the
        pairs' rows on the side ``surprise`` was computed for."""
        extra = np.zeros((len(a), len(lv.COMPARISONS)))
        for column, comparison in enumerate(lv.COMPARISONS):
            if comparison.name not in FIELDS:
                continue
            exact = comparison.level("exact")
            hit = np.flatnonzero(pair_levels[:, column] == exact)
            u_exact = max(u[comparison.name][exact], 1e-9)
            bits = np.log2(u_exact) + surprise[comparison.name][a[hit]]
            extra[hit, column] = np.clip(bits, -LIMIT, LIMIT)
        return extra

    def as_dict(self) -> dict[str, Any]:
        return {
            "population": self.population,
            "listed_from": LISTED_FROM,
            "listed": {c: {str(k): v for k, v in t.items()} for c, t in self.listed.items()},
            "unlisted": self.unlisted,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Frequencies":
        return cls(
            population=int(data["population"]),
            listed={c: {int(k): int(v) for k, v in t.items()} for c, t in data["listed"].items()},
            unlisted={c: float(v) for c, v in data["unlisted"].items()},
        )
