"""Comparison levels of pairs of encodings: the comparisons and their levels, and the call
into the compiled kernel (``kernel``) that puts each pair in them.

Each comparison (given names, surname, date of birth, sex, BSN, online account) puts a pair in
exactly one level: the first in its list whose condition holds. Level 0 is always "missing"
(not known on one side or both): it counts for nothing. The same code compares one new
signal with its candidates and a million stored signals with each other, so a suggestion and
the duplicate finder can never disagree.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence import kernel, layout
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
if tuple(c.levels for c in COMPARISONS) != kernel.LEVEL_ORDER:
    raise RuntimeError("levels.COMPARISONS and kernel.LEVEL_ORDER differ: update both together")


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
    """The levels of one comparison only."""
    column = [c.name for c in COMPARISONS].index(name)
    result: Levels = compare(left, a, right, b)[:, column]
    return result


def compare(left: Columns, a: Index, right: Columns, b: Index) -> Levels:
    """The level of each comparison for each pair (``left[a[i]]``, ``right[b[i]]``): an array
    of shape (pairs, comparisons)."""
    result: Levels = kernel.compare_pairs(left, right, np.asarray(a), np.asarray(b))
    return result


def pattern_codes(levels: Levels) -> npt.NDArray[np.int64]:
    codes: npt.NDArray[np.int64] = (levels.astype(np.int64) * RADIX).sum(axis=1)
    return codes


def decode(codes: npt.NDArray[np.int64]) -> Levels:
    result: Levels = ((codes[:, None] // RADIX) % SIZES).astype(np.uint8)
    return result
