"""The stored form of one encoding: a fixed-size record of keyed hashes and keyed Bloom filters.

One numpy structured type, so that thousands of stored encodings become column arrays in one
``frombuffer`` and are compared without a Python loop. Every ``u4`` field is a 32-bit keyed hash
(HMAC-SHA256 truncated, never 0; 0 means "not known"); Bloom filters are ``u8`` words; the
birth-year fields are bit sets over keyed positions of the years. Nothing here is a plain
identifier. ``VERSION`` changes whenever the layout or the encoding does; stored encodings of
another version are rebuilt by ``manage.py rebuild_identity_encodings``.
"""

from typing import Any

import numpy as np
import numpy.typing as npt

VERSION = 3

NAME_SLOTS = 3  # given names (and surname parts) compared one by one
GROUP_SLOTS = 4  # known-variant groups of the given names
BLOOM_BITS = 512
BLOOM_WORDS = BLOOM_BITS // 64
YEAR_FIRST = 1880
YEAR_SLOTS = 192
YEAR_WORDS = YEAR_SLOTS // 64
DATE_DIGITS = 8
DATE_SWAPS = (0, 1, 2, 4, 6)  # neighbouring digits within YYYY, MM and DD
BSN_DIGITS = 9
ACCOUNT_SLOTS = 2

# Given-name flags.
KNOWN = 1
ONLY_INITIALS = 2

# Kinds of birth information.
BIRTH_NONE = 0
BIRTH_DATE = 1
BIRTH_YEAR = 2
BIRTH_RANGE = 3

u4, u8, u1 = np.uint32, np.uint64, np.uint8

FEATURES = np.dtype(
    [
        ("g_flags", u1),
        ("g_count", u1),  # how many given names (not initials)
        ("g_exact", u4),
        ("g_folded", u4),
        ("g_sorted", u4),
        ("g_names", u4, (NAME_SLOTS,)),
        ("g_groups", u4, (GROUP_SLOTS,)),
        ("g_sounds", u4, (NAME_SLOTS,)),
        ("g_initials", u4),
        ("g_initial", u4),
        ("g_bloom", u8, (BLOOM_WORDS,)),
        ("s_count", u1),  # how many surname parts
        ("s_exact", u4),
        ("s_core", u4),
        ("s_unglued", u4),
        ("s_parts", u4, (NAME_SLOTS,)),
        ("s_sounds", u4, (NAME_SLOTS,)),
        ("s_bloom", u8, (BLOOM_WORDS,)),
        ("d_kind", u1),
        ("d_full", u4),
        ("d_unordered", u4),
        ("d_monthday", u4),
        ("d_masked", u4, (DATE_DIGITS,)),
        ("d_swapped", u4, (len(DATE_SWAPS),)),
        ("d_years", u8, (YEAR_WORDS,)),
        ("d_near", u8, (YEAR_WORDS,)),
        ("sex", u4),
        ("bsn", u4),
        ("bsn_masked", u4, (BSN_DIGITS,)),
        ("a_handles", u4, (ACCOUNT_SLOTS,)),
        ("a_platforms", u4, (ACCOUNT_SLOTS,)),
    ]
)
ITEMSIZE = FEATURES.itemsize

Features = npt.NDArray[np.void]


def empty(count: int = 1) -> Features:
    return np.zeros(count, dtype=FEATURES)


def from_bytes(blobs: list[bytes]) -> Features:
    """Stored encodings (each ``ITEMSIZE`` bytes) as one array."""
    joined = b"".join(blobs)
    if len(joined) != len(blobs) * ITEMSIZE:
        raise ValueError("encodings of an unexpected length: rebuild them")
    return np.frombuffer(joined, dtype=FEATURES).copy()


# Where each field sits in the comparison kernel's two row-major matrices: every 64-bit field
# side by side in the wide one, every other field (widened to 32 bits) in the narrow one. One
# row's fields then lie together in memory, and the kernel takes two arrays per side.
def _places() -> dict[str, tuple[bool, int, int]]:
    places: dict[str, tuple[bool, int, int]] = {}
    used = {True: 0, False: 0}
    for name in FEATURES.names or ():
        field = FEATURES[name]
        wide = field.base == np.dtype(u8)
        width = int(np.prod(field.shape))
        places[name] = (wide, used[wide], width)
        used[wide] += width
    return places


PLACES = _places()  # field: (in the wide matrix, first column, columns)
NARROW_WIDTH = sum(width for wide, _, width in PLACES.values() if not wide)
WIDE_WIDTH = sum(width for wide, _, width in PLACES.values() if wide)


class Columns:
    """Many encodings as the kernel's two matrices (``narrow``: 32-bit, ``wide``: 64-bit
    columns, one row per encoding); ``columns[name]`` is a field's view into them."""

    def __init__(self, records: Features | None = None, *, size: int = 0) -> None:
        """From the records, or empty for ``size`` rows to ``fill`` (reading in chunks)."""
        self.size = len(records) if records is not None else size
        self.narrow = np.zeros((self.size, NARROW_WIDTH), dtype=u4)
        self.wide = np.zeros((self.size, WIDE_WIDTH), dtype=u8)
        if records is not None:
            self.fill(0, records)

    def fill(self, start: int, records: Features) -> None:
        """Put the records in rows ``start`` onwards."""
        end = start + len(records)
        for name, (wide, first, width) in PLACES.items():
            matrix = self.wide if wide else self.narrow
            matrix[start:end, first : first + width] = records[name].reshape(len(records), width)

    def head(self, size: int) -> "Columns":
        """The first ``size`` rows (a copy)."""
        first = Columns(size=size)
        first.narrow[:] = self.narrow[:size]
        first.wide[:] = self.wide[:size]
        return first

    def __getitem__(self, name: str) -> npt.NDArray[Any]:
        wide, first, width = PLACES[name]
        matrix = self.wide if wide else self.narrow
        shape = FEATURES[name].shape
        return matrix[:, first] if not shape else matrix[:, first : first + width]

    def __len__(self) -> int:
        return self.size
