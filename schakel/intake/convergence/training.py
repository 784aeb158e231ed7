"""Estimating the match model from the encodings themselves, as splink does.

- ``u`` from random pairs: almost all of them are two different persons, so how often each
  level occurs among them is ``u`` (per comparison, among pairs that both have the field).
- ``m`` and the share of matches by expectation maximisation over the candidate pairs that
  blocking produces (``u`` fixed): each pair's probability of being a match under the current
  ``m``, then ``m`` as the levels' frequencies among pairs weighted by that probability, again
  until it settles. The previous model enters as a prior worth ``PRIOR_PAIRS`` matched pairs,
  so that a small instance keeps the shipped figures and a large one learns its own.

Pairs are counted per pattern (the levels of all comparisons at once): a million pairs have a
few thousand patterns, so every iteration is quick.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence import levels as lv
from schakel.intake.convergence.layout import Columns
from schakel.intake.convergence.model import FLOOR, MatchModel

PRIOR_PAIRS = 1000.0
# A BSN or an account on one platform belongs to one person: two different persons share one
# only by a registration error. That chance is set, not measured (in a small instance random
# pairs hold too many registrations of one person to measure it).
IDENTIFIERS = frozenset({"bsn", "account"})
IDENTIFIER_SHARED = 1e-5
U_PSEUDO_COUNT = 0.5

Counts = npt.NDArray[np.float64]


@dataclass
class PatternCounts:
    """How many pairs had each pattern of levels."""

    counts: Counts

    @classmethod
    def empty(cls) -> "PatternCounts":
        return cls(np.zeros(lv.PATTERNS))

    def add(self, levels: lv.Levels, weight: float = 1.0) -> None:
        self.add_codes(lv.pattern_codes(levels), weight)

    def add_codes(self, codes: npt.NDArray[np.int64], weight: float = 1.0) -> None:
        self.counts += weight * np.bincount(codes, minlength=lv.PATTERNS)

    def merge(self, other: "PatternCounts") -> None:
        self.counts += other.counts

    @property
    def total(self) -> float:
        return float(self.counts.sum())

    def nonzero(self) -> tuple[lv.Levels, Counts]:
        codes = np.flatnonzero(self.counts)
        return lv.decode(codes), self.counts[codes]


def _shares(per_level: Counts) -> list[float]:
    """Frequencies to shares, "missing" left out (and set to 1: it counts for nothing)."""
    per_level = per_level + U_PSEUDO_COUNT
    per_level[0] = 0.0
    share = per_level / per_level[1:].sum()
    share[0] = 1.0
    return [float(v) for v in share]


def known_counts(columns: Columns) -> dict[str, int]:
    return {c.name: int(lv.known(columns, c.name).sum()) for c in lv.COMPARISONS}


def without_matches(
    u: dict[str, list[float]], m: dict[str, list[float]], per_record: float, known: dict[str, int]
) -> dict[str, list[float]]:
    """``u`` with the matched pairs taken out that random pairs hold by chance.

    Among the pairs of the ``known[c]`` encodings that have a field, at most a share
    ``per_record / (known[c] - 1)`` are one person; for a rare field (accounts, BSNs) in a
    small instance that share is large enough to make an equal identifier look common."""
    cleaned: dict[str, list[float]] = {}
    for comparison in lv.COMPARISONS:
        name = comparison.name
        share = min(per_record / max(known.get(name, 0) - 1, 1), 0.5)
        values = (np.array(u[name]) - share * np.array(m[name])) / (1 - share)
        values = np.clip(values, FLOOR, None)
        if name in IDENTIFIERS:
            values[1] = min(values[1], IDENTIFIER_SHARED)
        values[0] = 0.0
        values = values / values[1:].sum()
        values[0] = 1.0
        cleaned[name] = [float(v) for v in values]
    return cleaned


def random_level_frequencies(
    columns: Columns, pairs: int, seed: int, chunk: int = 500_000
) -> dict[str, list[float]]:
    """``u`` per comparison: the levels of ``pairs`` random pairs of different encodings that
    both have something for that comparison (so that rare fields, accounts and BSNs, are
    measured on as many pairs as common ones)."""
    rng = np.random.default_rng(seed)
    found: dict[str, list[float]] = {}
    for comparison in lv.COMPARISONS:
        rows = np.flatnonzero(lv.known(columns, comparison.name))
        per_level = np.zeros(len(comparison.levels))
        done = 0
        while len(rows) >= 2 and done < pairs:
            n = min(chunk, pairs - done)
            a = rng.integers(0, len(rows), n)
            b = rng.integers(0, len(rows) - 1, n)
            b = np.where(b >= a, b + 1, b)
            levels = lv.compare_one(comparison.name, columns, rows[a], columns, rows[b])
            per_level += np.bincount(levels, minlength=len(comparison.levels))
            done += n
        found[comparison.name] = _shares(per_level)
    return found


@dataclass
class EmResult:
    m: dict[str, list[float]]
    match_share: float  # among the pairs it ran on
    matches: float  # expected number of matched pairs among them
    iterations: int


def _weights(levels: lv.Levels, m: dict[str, list[float]], u: dict[str, list[float]]) -> Counts:
    weight = np.zeros(len(levels))
    for column, comparison in enumerate(lv.COMPARISONS):
        ratio = np.log2(
            np.clip(np.array(m[comparison.name]), FLOOR, 1)
            / np.clip(np.array(u[comparison.name]), FLOOR, 1)
        )
        ratio[0] = 0.0
        weight += ratio[levels[:, column]]
    return weight


def _posterior(weight: Counts, share: float) -> Counts:
    prior = math.log2(share / (1 - share))
    result: Counts = 1 / (1 + np.exp2(-np.clip(weight + prior, -60, 60)))
    return result


def expectation_maximisation(
    levels: lv.Levels,
    counts: Counts,
    u: dict[str, list[float]],
    start: dict[str, list[float]],
    *,
    estimate: frozenset[str],
    iterations: int = 60,
    tolerance: float = 1e-5,
    prior_pairs: float = PRIOR_PAIRS,
) -> EmResult:
    """EM for ``m`` of the comparisons in ``estimate`` (the others count for nothing here:
    they are what the pairs were chosen on) and the share of matches, ``u`` fixed."""
    ignored = [i for i, c in enumerate(lv.COMPARISONS) if c.name not in estimate]
    levels = levels.copy()
    levels[:, ignored] = 0
    m = {name: list(values) for name, values in start.items()}
    share = 0.1
    done = 0
    for step in range(1, iterations + 1):
        done = step
        posterior = _posterior(_weights(levels, m, u), share)
        weighted = counts * posterior
        new_share = float(np.clip(weighted.sum() / max(counts.sum(), 1), 1e-9, 0.99))
        new_m = dict(m)
        for column, comparison in enumerate(lv.COMPARISONS):
            if comparison.name not in estimate:
                continue
            observed = np.bincount(
                levels[:, column], weights=weighted, minlength=len(comparison.levels)
            )
            prior = np.array(start[comparison.name]) * prior_pairs
            total = observed + prior
            total[0] = 0.0
            share_m = total / max(total[1:].sum(), FLOOR)
            share_m[0] = 1.0
            new_m[comparison.name] = [float(v) for v in share_m]
        change = max(abs(a - b) for name in m for a, b in zip(m[name], new_m[name], strict=True))
        change = max(change, abs(new_share - share))
        m, share = new_m, new_share
        if change < tolerance:
            break
    matches = float((counts * _posterior(_weights(levels, m, u), share)).sum())
    return EmResult(m=m, match_share=share, matches=matches, iterations=done)


@dataclass(frozen=True)
class Session:
    """EM on the candidate pairs that agree on an anchor, for the other comparisons' ``m``."""

    name: str
    anchor: dict[str, tuple[str, ...]]  # comparison → levels that count as agreeing

    def chosen(self, levels: lv.Levels) -> npt.NDArray[np.bool_]:
        keep = np.ones(len(levels), dtype=np.bool_)
        for name, agreeing in self.anchor.items():
            comparison = next(c for c in lv.COMPARISONS if c.name == name)
            column = lv.COMPARISONS.index(comparison)
            codes = [comparison.level(level) for level in agreeing]
            keep &= np.isin(levels[:, column], codes)
        return keep

    def agreement(self, m: dict[str, list[float]]) -> float:
        """How often two registrations of one person agree on the anchor (by ``m``)."""
        chance = 1.0
        for name, agreeing in self.anchor.items():
            comparison = next(c for c in lv.COMPARISONS if c.name == name)
            if set(agreeing) >= set(comparison.levels):
                continue  # every pair qualifies: no restriction
            chance *= sum(m[name][comparison.level(level)] for level in agreeing)
        return chance

    @property
    def estimates(self) -> frozenset[str]:
        return frozenset(c.name for c in lv.COMPARISONS if c.name not in self.anchor)


# As splink's training sessions: never estimate m for what the pairs were chosen on, nor for
# what that choice implies (equal given names imply the same sex: among such pairs sex agrees
# for namesakes too, and would pull them into the matches).
SESSIONS = (
    Session("date of birth equal", {"date_of_birth": ("exact",)}),
    Session(
        "names equal",
        {
            "given_names": ("exact", "folded", "reordered"),
            "surname": ("exact", "folded"),
            "sex": ("missing", "equal", "different"),
        },
    ),
)


def fit(
    *,
    blocked: PatternCounts,
    u: dict[str, list[float]],
    known: dict[str, int],
    population: int,
    start: MatchModel,
    label: str,
    progress: Callable[[int], None] | None = None,
) -> MatchModel:
    """``fit_once``, then again with ``u`` cleaned of the matches among the random pairs."""
    first = fit_once(
        blocked=blocked, u=u, population=population, start=start, label=label, progress=progress
    )
    cleaned = without_matches(u, first.m, first.matches_per_record, known)
    return fit_once(blocked=blocked, u=cleaned, population=population, start=start, label=label)


def fit_once(
    *,
    blocked: PatternCounts,
    u: dict[str, list[float]],
    population: int,
    start: MatchModel,
    label: str,
    progress: Callable[[int], None] | None = None,
) -> MatchModel:
    """A new model with the given ``u``; ``m`` from one EM session per anchor (each
    comparison's ``m`` averaged over the sessions that estimate it, weighted by their expected
    matches); the prior from the share of matches among all candidates."""
    levels, counts = blocked.nonzero()
    estimates: dict[str, list[tuple[float, list[float]]]] = {}
    session_matches: list[tuple[Session, float]] = []
    notes: dict[str, Any] = {"candidate_pairs": blocked.total}
    for step, session in enumerate(SESSIONS, start=1):
        keep = session.chosen(levels)
        if counts[keep].sum() < 10:
            continue
        result = expectation_maximisation(
            levels[keep], counts[keep], u, start.m, estimate=session.estimates
        )
        for name in session.estimates:
            estimates.setdefault(name, []).append((result.matches, result.m[name]))
        session_matches.append((session, result.matches))
        notes[session.name] = {
            "pairs": float(counts[keep].sum()),
            "match_share": result.match_share,
            "iterations": result.iterations,
        }
        if progress is not None:
            progress(step)
    m = {name: list(values) for name, values in start.m.items()}
    for name, found in estimates.items():
        total = sum(weight for weight, _values in found) or 1.0
        m[name] = [sum(w * v[i] for w, v in found) / total for i in range(len(found[0][1]))]
    # All matched pairs: those agreeing on an anchor, divided by how often a match agrees on
    # it (its m, from the other session). Blocking holds every pair agreeing on an anchor.
    totals = [found / max(session.agreement(m), FLOOR) for session, found in session_matches]
    matches = float(np.mean(totals)) if totals else start.matches_per_record * population / 2
    matches_per_record = 2 * matches / max(population, 1)
    notes["matched_pairs"] = matches
    return MatchModel(
        m=m,
        u=u,
        matches_per_record=float(np.clip(matches_per_record, 0.01, 5.0)),
        likely=start.likely,
        possible=start.possible,
        label=label,
        trained_on=population,
        notes=notes,
    )


def starting_model() -> MatchModel:
    """Hand-set figures to start EM from when there is no model yet (only used to make the
    shipped model; the levels' order is that of ``levels.COMPARISONS``)."""
    guesses: dict[str, Iterable[float]] = {
        "given_names": (1, 0.55, 0.1, 0.03, 0.08, 0.03, 0.04, 0.04, 0.01, 0.01, 0.03, 0.02,
                        0.005, 0.01),
        "surname": (1, 0.6, 0.15, 0.05, 0.08, 0.03, 0.03, 0.005, 0.05),
        "date_of_birth": (1, 0.75, 0.02, 0.04, 0.02, 0.02, 0.03, 0.03, 0.01, 0.01, 0.07),
        "sex": (1, 0.98, 0.02),
        "bsn": (1, 0.93, 0.04, 0.03),
        "account": (1, 0.9, 0.1),
    }  # fmt: skip
    m: dict[str, list[float]] = {}
    u: dict[str, list[float]] = {}
    for comparison in lv.COMPARISONS:
        values = list(guesses[comparison.name])
        total = sum(values[1:])
        m[comparison.name] = [1.0] + [v / total for v in values[1:]]
        u[comparison.name] = [1.0] + [1.0 / (len(values) - 1)] * (len(values) - 1)
    return MatchModel(
        m=m,
        u=u,
        matches_per_record=0.3,
        likely=0.9,
        possible=0.2,
        label="start",
    )
