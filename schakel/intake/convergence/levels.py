"""Comparison levels of pairs of encodings, for many pairs at once (numpy, no Python loop).

Each comparison (given names, surname, date of birth, sex, BSN, online account) puts a pair in
exactly one level: the first in its list whose condition holds. Level 0 is always "missing"
(not known on one side or both): it counts for nothing. The same code compares one new
signal with its candidates and a million stored signals with each other, so a suggestion and
the duplicate finder can never disagree.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence import layout
from schakel.intake.convergence.layout import Columns

Index = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Levels = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Comparison:
    name: str
    levels: tuple[str, ...]

    def level(self, name: str) -> int:
        return self.levels.index(name)


GIVEN_NAMES = Comparison(
    "given_names",
    ("missing", "exact", "folded", "reordered", "contained", "shares_name", "variant", "close",
     "sounds_alike", "similar", "initials", "first_initial", "other_field", "different"),
)  # fmt: skip
SURNAME = Comparison(
    "surname",
    ("missing", "exact", "folded", "shares_part", "close", "sounds_alike", "similar",
     "other_field", "different"),
)  # fmt: skip
DATE_OF_BIRTH = Comparison(
    "date_of_birth",
    ("missing", "exact", "day_month_swapped", "one_digit", "digits_transposed",
     "year_off_by_one", "year", "in_range", "near_year", "same_year", "different"),
)  # fmt: skip
SEX = Comparison("sex", ("missing", "equal", "different"))
BSN = Comparison("bsn", ("missing", "equal", "one_digit", "different"))
ACCOUNT = Comparison("account", ("missing", "equal", "different"))
COMPARISONS = (GIVEN_NAMES, SURNAME, DATE_OF_BIRTH, SEX, BSN, ACCOUNT)
# A pair's levels as one number (mixed radix), so that pairs can be counted per pattern.
SIZES = np.array([len(c.levels) for c in COMPARISONS], dtype=np.int64)
RADIX = np.concatenate(([1], np.cumprod(SIZES[:-1]))).astype(np.int64)
PATTERNS = int(np.prod(SIZES))

CLOSE = 0.80  # Dice coefficient of the bigram Bloom filters
SIMILAR = 0.60
# A name shared with a much longer list of names is no evidence: a registration must not
# resemble everyone whose names it strings together (a search by registration).
GIVEN_NAMES_MAX = 3
SURNAME_PARTS_MAX = 2


class Pairs:
    """Field values of the left and right encoding of each pair, gathered once, on demand."""

    def __init__(self, left: Columns, a: Index, right: Columns, b: Index) -> None:
        self.left, self.a, self.right, self.b = left, a, right, b
        self._left: dict[str, npt.NDArray[Any]] = {}
        self._right: dict[str, npt.NDArray[Any]] = {}

    def x(self, name: str) -> npt.NDArray[Any]:
        found = self._left.get(name)
        if found is None:
            found = self._left[name] = np.take(self.left[name], self.a, axis=0)
        return found

    def y(self, name: str) -> npt.NDArray[Any]:
        found = self._right.get(name)
        if found is None:
            found = self._right[name] = np.take(self.right[name], self.b, axis=0)
        return found

    def both(self, name: str) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        return self.x(name), self.y(name)

    def reversed(self) -> "Pairs":
        other = Pairs(self.right, self.b, self.left, self.a)
        other._left, other._right = self._right, self._left
        return other

    def equal(self, name: str) -> Bools:
        x, y = self.both(name)
        result: Bools = (x == y) & (x != 0)
        return result

    def slot_hits(self, left_name: str, right_name: str | None = None) -> Bools:
        """(pairs, left slots, right slots): a nonzero left slot equals a right slot."""
        x, y = self.x(left_name), self.y(right_name or left_name)
        hits: Bools = (x[:, :, None] == y[:, None, :]) & (x[:, :, None] != 0)
        return hits

    def any_equal(self, left_name: str, right_name: str | None = None) -> Bools:
        """Some nonzero slot of the left field equals some slot of the right field."""
        result: Bools = self.slot_hits(left_name, right_name).any(axis=(1, 2))
        return result

    def contained(self, name: str, hits: Bools) -> Bools:
        """Every nonzero slot on one side is found on the other (and neither side is empty)."""
        x, y = self.both(name)
        x_in_y = ((x == 0) | hits.any(axis=2)).all(axis=1)
        y_in_x = ((y == 0) | hits.any(axis=1)).all(axis=1)
        result: Bools = (x[:, 0] != 0) & (y[:, 0] != 0) & (x_in_y | y_in_x)
        return result

    def intersects(self, left_name: str, right_name: str) -> Bools:
        result: Bools = (self.x(left_name) & self.y(right_name)).any(axis=1)
        return result

    def dice(self, name: str, bits: str) -> npt.NDArray[np.float64]:
        x, y = self.both(name)
        shared = np.bitwise_count(x & y).sum(axis=1, dtype=np.int32)
        total = np.take(getattr(self.left, bits), self.a) + np.take(
            getattr(self.right, bits), self.b
        )
        result: npt.NDArray[np.float64] = 2 * shared / np.maximum(total, 1)
        return result


def _select(conditions: list[tuple[Bools, int]], different: int) -> Levels:
    levels: Levels = np.select(
        [c for c, _ in conditions], [np.uint8(v) for _, v in conditions], np.uint8(different)
    ).astype(np.uint8)
    return levels


def _comparable_counts(p: Pairs, name: str, most: int) -> Bools:
    """The longer list has at most ``most`` names, or at most twice the shorter one."""
    x, y = p.both(name)
    small, large = np.minimum(x, y).astype(np.int16), np.maximum(x, y).astype(np.int16)
    result: Bools = (large <= most) | (large <= 2 * small)
    return result


def _given_names(p: Pairs) -> Levels:
    c = GIVEN_NAMES.level
    flags_a, flags_b = p.both("g_flags")
    comparable = _comparable_counts(p, "g_count", GIVEN_NAMES_MAX)
    known = ((flags_a & layout.KNOWN) != 0) & ((flags_b & layout.KNOWN) != 0)
    one_initials = ((flags_a | flags_b) & layout.ONLY_INITIALS) != 0
    dice = p.dice("g_bloom", "g_bits")
    other_field = p.any_equal("g_names", "s_parts") | p.reversed().any_equal("g_names", "s_parts")
    hits = p.slot_hits("g_names")
    return _select(
        [
            (~known, c("missing")),
            (p.equal("g_exact"), c("exact")),
            (p.equal("g_folded"), c("folded")),
            (p.equal("g_sorted"), c("reordered")),
            (comparable & p.contained("g_names", hits), c("contained")),
            (comparable & hits.any(axis=(1, 2)), c("shares_name")),
            (comparable & p.any_equal("g_groups"), c("variant")),
            (dice >= CLOSE, c("close")),
            (comparable & p.any_equal("g_sounds"), c("sounds_alike")),
            (dice >= SIMILAR, c("similar")),
            (one_initials & p.equal("g_initials"), c("initials")),
            (one_initials & p.equal("g_initial"), c("first_initial")),
            (other_field, c("other_field")),
        ],
        c("different"),
    )


def _surname(p: Pairs) -> Levels:
    c = SURNAME.level
    comparable = _comparable_counts(p, "s_count", SURNAME_PARTS_MAX)
    core_a, core_b = p.both("s_core")
    known = (core_a != 0) & (core_b != 0)
    dice = p.dice("s_bloom", "s_bits")
    other_field = p.any_equal("s_parts", "g_names") | p.reversed().any_equal("s_parts", "g_names")
    return _select(
        [
            (~known, c("missing")),
            (p.equal("s_exact"), c("exact")),
            (p.equal("s_core") | p.equal("s_unglued"), c("folded")),
            (comparable & p.any_equal("s_parts"), c("shares_part")),
            (dice >= CLOSE, c("close")),
            (comparable & p.any_equal("s_sounds"), c("sounds_alike")),
            (dice >= SIMILAR, c("similar")),
            (other_field, c("other_field")),
        ],
        c("different"),
    )


def _date_of_birth(p: Pairs) -> Levels:
    c = DATE_OF_BIRTH.level
    kind_a, kind_b = p.both("d_kind")
    known = (kind_a != layout.BIRTH_NONE) & (kind_b != layout.BIRTH_NONE)
    dates = (kind_a == layout.BIRTH_DATE) & (kind_b == layout.BIRTH_DATE)
    ranged = (kind_a == layout.BIRTH_RANGE) | (kind_b == layout.BIRTH_RANGE)
    overlap = p.intersects("d_years", "d_years")
    near = p.intersects("d_near", "d_years")
    return _select(
        [
            (~known, c("missing")),
            (dates & p.equal("d_full"), c("exact")),
            (dates & p.equal("d_unordered"), c("day_month_swapped")),
            (dates & _slot_equal(p, "d_masked"), c("one_digit")),
            (dates & _slot_equal(p, "d_swapped"), c("digits_transposed")),
            (dates & p.equal("d_monthday") & near, c("year_off_by_one")),
            (~dates & ~ranged & overlap, c("year")),
            (~dates & ranged & overlap, c("in_range")),
            (~dates & near, c("near_year")),
            (dates & overlap, c("same_year")),
        ],
        c("different"),
    )


def _slot_equal(p: Pairs, name: str) -> Bools:
    """Some slot equals the same slot on the other side (a digit masked at the same place)."""
    x, y = p.both(name)
    result: Bools = ((x == y) & (x != 0)).any(axis=1)
    return result


def _known_pair(p: Pairs, name: str, comparison: Comparison) -> Levels:
    x, y = p.both(name)
    known = (x != 0) & (y != 0)
    c = comparison.level
    return _select([(~known, c("missing")), (x == y, c("equal"))], c("different"))


def _bsn(p: Pairs) -> Levels:
    x, y = p.both("bsn")
    known = (x != 0) & (y != 0)
    c = BSN.level
    return _select(
        [
            (~known, c("missing")),
            (x == y, c("equal")),
            (_slot_equal(p, "bsn_masked"), c("one_digit")),
        ],
        c("different"),
    )


def _account(p: Pairs) -> Levels:
    """Equal handle on the same platform; a different one on a platform both name; else
    nothing to compare."""
    c = ACCOUNT.level
    return _select(
        [
            (p.any_equal("a_handles"), c("equal")),
            (p.any_equal("a_platforms"), c("different")),
        ],
        c("missing"),
    )


FUNCTIONS = {
    GIVEN_NAMES.name: _given_names,
    SURNAME.name: _surname,
    DATE_OF_BIRTH.name: _date_of_birth,
    SEX.name: lambda p: _known_pair(p, "sex", SEX),
    BSN.name: _bsn,
    ACCOUNT.name: _account,
}


def known(columns: Columns, name: str) -> Bools:
    """Which encodings have anything for one comparison."""
    found: Bools
    if name == GIVEN_NAMES.name:
        found = (columns["g_flags"] & layout.KNOWN) != 0
    elif name == SURNAME.name:
        found = columns["s_core"] != 0
    elif name == DATE_OF_BIRTH.name:
        found = columns["d_kind"] != layout.BIRTH_NONE
    elif name == ACCOUNT.name:
        found = columns["a_handles"][:, 0] != 0
    else:
        found = columns[name] != 0
    return found


def compare_one(name: str, left: Columns, a: Index, right: Columns, b: Index) -> Levels:
    return FUNCTIONS[name](Pairs(left, a, right, b))


def compare(left: Columns, a: Index, right: Columns, b: Index) -> Levels:
    """The level of each comparison for each pair (``left[a[i]]``, ``right[b[i]]``): an array
    of shape (pairs, comparisons)."""
    if not len(a):
        return np.empty((0, len(COMPARISONS)), dtype=np.uint8)
    p = Pairs(left, a, right, b)
    result: Levels = np.stack([FUNCTIONS[c.name](p) for c in COMPARISONS], axis=1)
    return result


def pattern_codes(levels: Levels) -> npt.NDArray[np.int64]:
    codes: npt.NDArray[np.int64] = (levels.astype(np.int64) * RADIX).sum(axis=1)
    return codes


def decode(codes: npt.NDArray[np.int64]) -> Levels:
    result: Levels = ((codes[:, None] // RADIX) % SIZES).astype(np.uint8)
    return result
