"""The comparison levels of pairs of encodings, compiled (numba): the one implementation.

For each pair the kernel walks each comparison's levels in the order ``levels.COMPARISONS``
names them and stops at the first that holds, so the common cases are decided in a few steps.
The same compiled function compares one new signal with its candidates and a million stored
signals with each other, so a suggestion and the duplicate finder can never disagree.

The encodings come as the two row-major matrices of ``layout.Columns`` per side. The compiled
code is cached on disk (``NUMBA_CACHE_DIR``, by default ``var/numba-cache`` of the project) and
is valid as long as this file is unchanged, so everything it depends on is written out here:
the field places are checked against ``layout`` on import.
"""

import os
from pathlib import Path
from typing import Any

from schakel.intake.convergence import layout


def _cache_folder() -> bool:
    """Point numba at a cache folder this process can write; without one, compile per process."""
    folder = Path(
        os.environ.setdefault(
            "NUMBA_CACHE_DIR", str(Path(__file__).resolve().parents[3] / "var" / "numba-cache")
        )
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


CACHE = _cache_folder()

# numba reads NUMBA_CACHE_DIR when it is imported.
import numba  # noqa: E402
import numpy as np  # noqa: E402

CLOSE = 0.80  # Dice coefficient of the bigram Bloom filters
SIMILAR = 0.60
# A name shared with a much longer list of names is no evidence: a registration must not
# resemble everyone whose names it strings together (a search by registration).
GIVEN_NAMES_MAX = 3
SURNAME_PARTS_MAX = 2

# The first column of each field in the narrow (32-bit) matrix...
G_FLAGS, G_COUNT, G_EXACT, G_FOLDED, G_SORTED = 0, 1, 2, 3, 4
G_NAMES, G_GROUPS, G_SOUNDS, G_INITIALS, G_INITIAL = 5, 8, 12, 15, 16
S_COUNT, S_EXACT, S_CORE, S_UNGLUED, S_PARTS, S_SOUNDS = 17, 18, 19, 20, 21, 24
D_KIND, D_FULL, D_UNORDERED, D_MONTHDAY, D_MASKED, D_SWAPPED = 27, 28, 29, 30, 31, 39
SEX, BSN, BSN_MASKED, A_HANDLES, A_PLATFORMS = 44, 45, 46, 55, 57
# ... and in the wide (64-bit) one.
G_BLOOM, S_BLOOM, D_YEARS, D_NEAR = 0, 8, 16, 19
# The widths of the fields with more than one column.
NAMES, GROUPS, BLOOM, DIGITS, SWAPS, YEARS, BSN_DIGITS, ACCOUNTS = 3, 4, 8, 8, 5, 3, 9, 2
# Flags and kinds.
KNOWN, ONLY_INITIALS = 1, 2
BIRTH_NONE, BIRTH_DATE, BIRTH_RANGE = 0, 1, 3

# The level numbers the functions below return, per comparison in order (``levels`` checks on
# import that its comparisons name the same levels in the same order).
LEVEL_ORDER = (
    ("missing", "exact", "folded", "reordered", "contained", "shares_name", "variant", "close",
     "sounds_alike", "similar", "initials", "first_initial", "other_field", "different"),
    ("missing", "exact", "folded", "shares_part", "close", "sounds_alike", "similar",
     "other_field", "different"),
    ("missing", "exact", "day_month_swapped", "one_digit", "digits_transposed",
     "year_off_by_one", "year", "in_range", "near_year", "same_year", "different"),
    ("missing", "equal", "different"),
    ("missing", "equal", "one_digit", "different"),
    ("missing", "equal", "different"),
)  # fmt: skip

_EXPECTED = {
    "g_flags": (False, G_FLAGS, 1), "g_count": (False, G_COUNT, 1),
    "g_exact": (False, G_EXACT, 1), "g_folded": (False, G_FOLDED, 1),
    "g_sorted": (False, G_SORTED, 1), "g_names": (False, G_NAMES, NAMES),
    "g_groups": (False, G_GROUPS, GROUPS), "g_sounds": (False, G_SOUNDS, NAMES),
    "g_initials": (False, G_INITIALS, 1), "g_initial": (False, G_INITIAL, 1),
    "g_bloom": (True, G_BLOOM, BLOOM), "s_count": (False, S_COUNT, 1),
    "s_exact": (False, S_EXACT, 1), "s_core": (False, S_CORE, 1),
    "s_unglued": (False, S_UNGLUED, 1), "s_parts": (False, S_PARTS, NAMES),
    "s_sounds": (False, S_SOUNDS, NAMES), "s_bloom": (True, S_BLOOM, BLOOM),
    "d_kind": (False, D_KIND, 1), "d_full": (False, D_FULL, 1),
    "d_unordered": (False, D_UNORDERED, 1), "d_monthday": (False, D_MONTHDAY, 1),
    "d_masked": (False, D_MASKED, DIGITS), "d_swapped": (False, D_SWAPPED, SWAPS),
    "d_years": (True, D_YEARS, YEARS), "d_near": (True, D_NEAR, YEARS),
    "sex": (False, SEX, 1), "bsn": (False, BSN, 1), "bsn_masked": (False, BSN_MASKED, BSN_DIGITS),
    "a_handles": (False, A_HANDLES, ACCOUNTS), "a_platforms": (False, A_PLATFORMS, ACCOUNTS),
}  # fmt: skip
_FLAGS = (KNOWN, ONLY_INITIALS, BIRTH_NONE, BIRTH_DATE, BIRTH_RANGE)
if _EXPECTED != layout.PLACES or _FLAGS != (
    layout.KNOWN, layout.ONLY_INITIALS, layout.BIRTH_NONE, layout.BIRTH_DATE, layout.BIRTH_RANGE
):  # fmt: skip
    raise RuntimeError("kernel.py does not match layout.FEATURES: update its field places")


def _popcount(value: Any) -> int:
    value = value - ((value >> np.uint64(1)) & np.uint64(0x5555555555555555))
    value = (value & np.uint64(0x3333333333333333)) + (
        (value >> np.uint64(2)) & np.uint64(0x3333333333333333)
    )
    value = (value + (value >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return int((value * np.uint64(0x0101010101010101)) >> np.uint64(56))


def _dice(x: Any, i: int, y: Any, j: int, at: int) -> float:
    """Dice coefficient of the Bloom filters at column ``at`` of rows x[i] and y[j]."""
    shared = 0
    total = 0
    for w in range(at, at + BLOOM):
        shared += _popcount(x[i, w] & y[j, w])
        total += _popcount(x[i, w]) + _popcount(y[j, w])
    return 2.0 * shared / total if total > 0 else 0.0


def _equal(x: Any, i: int, y: Any, j: int, at: int) -> bool:
    return bool(x[i, at] != 0 and x[i, at] == y[j, at])


def _any_slot(x: Any, i: int, x_at: int, y: Any, j: int, y_at: int, slots: int) -> bool:
    """A nonzero slot of x[i] equals some slot of y[j]."""
    for s in range(x_at, x_at + slots):
        if x[i, s] == 0:
            continue
        for t in range(y_at, y_at + slots):
            if x[i, s] == y[j, t]:
                return True
    return False


def _same_slot(x: Any, i: int, y: Any, j: int, at: int, slots: int) -> bool:
    """A nonzero slot equals the same slot on the other side."""
    for s in range(at, at + slots):  # noqa: SIM110 (numba compiles loops, not generators)
        if x[i, s] != 0 and x[i, s] == y[j, s]:
            return True
    return False


def _within(x: Any, i: int, y: Any, j: int, at: int, slots: int) -> bool:
    """Every nonzero slot of x[i] is found in y[j]."""
    for s in range(at, at + slots):
        if x[i, s] != 0:
            found = False
            for t in range(at, at + slots):
                if x[i, s] == y[j, t]:
                    found = True
            if not found:
                return False
    return True


def _intersect(x: Any, i: int, x_at: int, y: Any, j: int, y_at: int) -> bool:
    """The birth-year bit sets share a year."""
    for w in range(YEARS):  # noqa: SIM110 (numba compiles loops, not generators)
        if x[i, x_at + w] & y[j, y_at + w]:
            return True
    return False


def _comparable(x: Any, i: int, y: Any, j: int, at: int, most: int) -> bool:
    small, large = min(int(x[i, at]), int(y[j, at])), max(int(x[i, at]), int(y[j, at]))
    return large <= most or large <= 2 * small


def _given(ln: Any, lw: Any, i: int, rn: Any, rw: Any, j: int) -> int:
    flags = ln[i, G_FLAGS] | rn[j, G_FLAGS]
    if (ln[i, G_FLAGS] & KNOWN) == 0 or (rn[j, G_FLAGS] & KNOWN) == 0:
        return 0  # missing
    if ln[i, G_EXACT] == rn[j, G_EXACT]:
        return 1  # exact
    if _equal(ln, i, rn, j, G_FOLDED):
        return 2  # folded
    if _equal(ln, i, rn, j, G_SORTED):
        return 3  # reordered
    comparable = _comparable(ln, i, rn, j, G_COUNT, GIVEN_NAMES_MAX)
    if comparable and ln[i, G_NAMES] != 0 and rn[j, G_NAMES] != 0:
        if _within(ln, i, rn, j, G_NAMES, NAMES) or _within(rn, j, ln, i, G_NAMES, NAMES):
            return 4  # contained
        if _any_slot(ln, i, G_NAMES, rn, j, G_NAMES, NAMES):
            return 5  # shares_name
    if comparable and _any_slot(ln, i, G_GROUPS, rn, j, G_GROUPS, GROUPS):
        return 6  # variant
    dice = _dice(lw, i, rw, j, G_BLOOM)
    if dice >= CLOSE:
        return 7  # close
    if comparable and _any_slot(ln, i, G_SOUNDS, rn, j, G_SOUNDS, NAMES):
        return 8  # sounds_alike
    if dice >= SIMILAR:
        return 9  # similar
    if flags & ONLY_INITIALS and _equal(ln, i, rn, j, G_INITIALS):
        return 10  # initials
    if flags & ONLY_INITIALS and _equal(ln, i, rn, j, G_INITIAL):
        return 11  # first_initial
    if _any_slot(ln, i, G_NAMES, rn, j, S_PARTS, NAMES) or _any_slot(
        rn, j, G_NAMES, ln, i, S_PARTS, NAMES
    ):
        return 12  # other_field
    return 13  # different


def _surname(ln: Any, lw: Any, i: int, rn: Any, rw: Any, j: int) -> int:
    if ln[i, S_CORE] == 0 or rn[j, S_CORE] == 0:
        return 0  # missing
    if _equal(ln, i, rn, j, S_EXACT):
        return 1  # exact
    if _equal(ln, i, rn, j, S_CORE) or _equal(ln, i, rn, j, S_UNGLUED):
        return 2  # folded
    comparable = _comparable(ln, i, rn, j, S_COUNT, SURNAME_PARTS_MAX)
    if comparable and _any_slot(ln, i, S_PARTS, rn, j, S_PARTS, NAMES):
        return 3  # shares_part
    dice = _dice(lw, i, rw, j, S_BLOOM)
    if dice >= CLOSE:
        return 4  # close
    if comparable and _any_slot(ln, i, S_SOUNDS, rn, j, S_SOUNDS, NAMES):
        return 5  # sounds_alike
    if dice >= SIMILAR:
        return 6  # similar
    if _any_slot(ln, i, S_PARTS, rn, j, G_NAMES, NAMES) or _any_slot(
        rn, j, S_PARTS, ln, i, G_NAMES, NAMES
    ):
        return 7  # other_field
    return 8  # different


def _birth(ln: Any, lw: Any, i: int, rn: Any, rw: Any, j: int) -> int:
    kind_a, kind_b = ln[i, D_KIND], rn[j, D_KIND]
    if kind_a == BIRTH_NONE or kind_b == BIRTH_NONE:
        return 0  # missing
    same_year = _intersect(lw, i, D_YEARS, rw, j, D_YEARS)
    near_year = _intersect(lw, i, D_NEAR, rw, j, D_YEARS)
    if kind_a == BIRTH_DATE and kind_b == BIRTH_DATE:
        if ln[i, D_FULL] == rn[j, D_FULL]:
            return 1  # exact
        if ln[i, D_UNORDERED] == rn[j, D_UNORDERED]:
            return 2  # day_month_swapped
        if _same_slot(ln, i, rn, j, D_MASKED, DIGITS):
            return 3  # one_digit
        if _same_slot(ln, i, rn, j, D_SWAPPED, SWAPS):
            return 4  # digits_transposed
        if ln[i, D_MONTHDAY] == rn[j, D_MONTHDAY] and near_year:
            return 5  # year_off_by_one
        return 9 if same_year else 10  # same_year, different
    if same_year:
        return 7 if kind_a == BIRTH_RANGE or kind_b == BIRTH_RANGE else 6  # in_range, year
    return 8 if near_year else 10  # near_year, different


def _sex(ln: Any, i: int, rn: Any, j: int) -> int:
    if ln[i, SEX] == 0 or rn[j, SEX] == 0:
        return 0  # missing
    return 1 if ln[i, SEX] == rn[j, SEX] else 2  # equal, different


def _bsn(ln: Any, i: int, rn: Any, j: int) -> int:
    if ln[i, BSN] == 0 or rn[j, BSN] == 0:
        return 0  # missing
    if ln[i, BSN] == rn[j, BSN]:
        return 1  # equal
    return 2 if _same_slot(ln, i, rn, j, BSN_MASKED, BSN_DIGITS) else 3  # one_digit, different


def _account(ln: Any, i: int, rn: Any, j: int) -> int:
    if _any_slot(ln, i, A_HANDLES, rn, j, A_HANDLES, ACCOUNTS):
        return 1  # equal
    if _any_slot(ln, i, A_PLATFORMS, rn, j, A_PLATFORMS, ACCOUNTS):
        return 2  # different
    return 0  # missing: no platform in common


def _compare_pairs(ln: Any, lw: Any, rn: Any, rw: Any, a: Any, b: Any, out: Any) -> None:
    for p in range(a.shape[0]):
        i, j = a[p], b[p]
        out[p, 0] = _given(ln, lw, i, rn, rw, j)
        out[p, 1] = _surname(ln, lw, i, rn, rw, j)
        out[p, 2] = _birth(ln, lw, i, rn, rw, j)
        out[p, 3] = _sex(ln, i, rn, j)
        out[p, 4] = _bsn(ln, i, rn, j)
        out[p, 5] = _account(ln, i, rn, j)


# Everything is inlined into the one compiled loop: a call that passed the matrices would count
# their references each time, many times the cost of the comparison itself.
_inline = numba.njit(cache=CACHE, nogil=True, inline="always")
for _name in (
    "_popcount", "_dice", "_equal", "_any_slot", "_same_slot", "_within", "_intersect",
    "_comparable", "_given", "_surname", "_birth", "_sex", "_bsn", "_account",
):  # fmt: skip
    globals()[_name] = _inline(globals()[_name])
_compiled = numba.njit(cache=CACHE, nogil=True)(_compare_pairs)


def compare_pairs(left: layout.Columns, right: layout.Columns, a: Any, b: Any) -> Any:
    """Levels of shape (pairs, 6) for the pairs (left[a[k]], right[b[k]])."""
    out = np.zeros((len(a), 6), dtype=np.uint8)
    if len(a):
        _compiled(left.narrow, left.wide, right.narrow, right.wide, a, b, out)
    return out
