"""The batch pass: deduplicate every stored encoding at once, with numpy.

1. Read all encodings (Bloom filters as bytes, keyed keys as integers) into column arrays, and
   the blocking keys as (key, encoding id) pairs sorted by key.
2. Every block (the encodings sharing one key) of at most ``max_block`` members yields all its
   pairs; larger blocks are skipped and counted.
3. A vectorised replica of ``comparison.compare`` (same constants, read from that module)
   scores the pairs: popcounts of AND-ed Bloom filters give the Dice coefficients.
4. Pairs clearly above the threshold (by ``MARGIN`` points or more) are found; pairs within
   ``MARGIN`` points of it are scored again, one by one, with the engine's own ``compare``,
   which decides. The vectorised score differs from ``compare`` only by rounding (at most a
   point; ``agreement`` checks this on a sample in every run), so the result is the engine's.

Nothing here reads a name, date of birth or BSN: only what ``IdentityEncoding`` and
``BlockingKey`` hold.
"""

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence import comparison as cmp
from schakel.intake.convergence.encoding import Encoding

MARGIN = 3  # score points below the threshold that still go to the exact comparison
CHUNK_PAIRS = 2_000_000

IntArray = npt.NDArray[np.int64]
WordArray = npt.NDArray[np.uint64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


@dataclass
class EncodingArrays:
    """All encodings as columns; row ``i`` is the encoding with id ``ids[i]``."""

    ids: IntArray
    given: WordArray  # (n, words) — the Bloom filter bytes viewed as 64-bit words
    surname: WordArray
    dob: WordArray
    given_count: IntArray  # popcounts
    surname_count: IntArray
    dob_count: IntArray
    dob_key: IntArray
    dob_unordered_key: IntArray
    given_ordered_key: IntArray
    given_sorted_key: IntArray
    prefix_key: IntArray
    prefix_known: BoolArray
    sex_key: IntArray
    sex_known: BoolArray
    bsn_key: IntArray
    bsn_known: BoolArray

    def __len__(self) -> int:
        return len(self.ids)

    def row_of(self, encoding_ids: IntArray) -> IntArray:
        rows: IntArray = np.searchsorted(self.ids, encoding_ids)
        return rows

    def encoding(self, row: int) -> Encoding:
        """The engine's ``Encoding`` of one row (bit-identical to ``bloom_from_bytes``)."""

        def key(values: IntArray, known: BoolArray | None = None) -> int | None:
            if known is not None and not known[row]:
                return None
            return int(values[row])

        return Encoding(
            given_names=int.from_bytes(self.given[row].tobytes(), "big"),
            surname=int.from_bytes(self.surname[row].tobytes(), "big"),
            date_of_birth=int.from_bytes(self.dob[row].tobytes(), "big"),
            date_of_birth_key=int(self.dob_key[row]),
            date_of_birth_unordered_key=int(self.dob_unordered_key[row]),
            given_names_ordered_key=key(self.given_ordered_key),
            given_names_sorted_key=key(self.given_sorted_key),
            surname_prefix_key=key(self.prefix_key, self.prefix_known),
            sex_key=key(self.sex_key, self.sex_known),
            bsn_key=key(self.bsn_key, self.bsn_known),
            blocking_keys=frozenset(),
        )


def _words(blobs: list[Any], width: int) -> WordArray:
    joined = b"".join(blobs)
    if len(joined) != len(blobs) * width:
        raise ValueError("Bloom filters of unexpected length")
    words: WordArray = np.frombuffer(joined, dtype=np.uint64).reshape(len(blobs), width // 8)
    return words


def _popcount(words: WordArray) -> IntArray:
    counts: IntArray = np.bitwise_count(words).sum(axis=1, dtype=np.int64)
    return counts


def _keys(values: list[Any]) -> tuple[IntArray, BoolArray]:
    known = np.array([v is not None for v in values], dtype=np.bool_)
    keys = np.array([0 if v is None else v for v in values], dtype=np.int64)
    return keys, known


def arrays_from_rows(rows: list[tuple[Any, ...]], widths: tuple[int, int, int]) -> EncodingArrays:
    """From rows of (id, given bloom, surname bloom, dob bloom, dob key, dob unordered key,
    given ordered key, given sorted key, prefix key, sex key, bsn key)."""
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True)) if rows else [[]] * 11
    given = _words(list(columns[1]), widths[0])
    surname = _words(list(columns[2]), widths[1])
    dob = _words(list(columns[3]), widths[2])
    prefix, prefix_known = _keys(list(columns[8]))
    sex, sex_known = _keys(list(columns[9]))
    bsn, bsn_known = _keys(list(columns[10]))
    ordered, _ordered_known = _keys(list(columns[6]))
    sorted_, _sorted_known = _keys(list(columns[7]))
    return EncodingArrays(
        ids=np.array(columns[0], dtype=np.int64),
        given=given,
        surname=surname,
        dob=dob,
        given_count=_popcount(given),
        surname_count=_popcount(surname),
        dob_count=_popcount(dob),
        dob_key=np.array(columns[4], dtype=np.int64),
        dob_unordered_key=np.array(columns[5], dtype=np.int64),
        given_ordered_key=ordered,
        given_sorted_key=sorted_,
        prefix_key=prefix,
        prefix_known=prefix_known,
        sex_key=sex,
        sex_known=sex_known,
        bsn_key=bsn,
        bsn_known=bsn_known,
    )


# --- the vectorised score ------------------------------------------------------------------


def _dice(words: WordArray, counts: IntArray, a: IntArray, b: IntArray) -> FloatArray:
    both = np.bitwise_count(words[a] & words[b]).sum(axis=1, dtype=np.int64)
    total = counts[a] + counts[b]
    dice: FloatArray = np.where(total > 0, 2 * both / np.maximum(total, 1), 0.0)
    return dice


def _name_similarity(words: WordArray, counts: IntArray, a: IntArray, b: IntArray) -> FloatArray:
    both = np.bitwise_count(words[a] & words[b]).sum(axis=1, dtype=np.int64)
    total = counts[a] + counts[b]
    smallest = np.minimum(counts[a], counts[b])
    largest = np.maximum(counts[a], counts[b])
    dice = np.where(total > 0, 2 * both / np.maximum(total, 1), 0.0)
    overlap = np.where(smallest > 0, both / np.maximum(smallest, 1), 0.0)
    contained = (
        (dice < cmp.CONTAINED)
        & (smallest > 0)
        & (largest <= cmp.CONTAINED_MAX_RATIO * smallest)
        & (overlap >= cmp.CONTAINED_OVERLAP)
    )
    similarity: FloatArray = np.round(np.where(contained, cmp.CONTAINED, dice), 2)
    return similarity


def scores(arrays: EncodingArrays, a: IntArray, b: IntArray) -> IntArray:
    """``compare(a, b).score`` for many pairs of rows at once (up to rounding)."""
    given = _name_similarity(arrays.given, arrays.given_count, a, b)
    surname = _name_similarity(arrays.surname, arrays.surname_count, a, b)
    dob = np.where(
        arrays.dob_key[a] == arrays.dob_key[b],
        1.0,
        np.where(
            arrays.dob_unordered_key[a] == arrays.dob_unordered_key[b],
            cmp.DOB_TRANSPOSED,
            np.where(
                _dice(arrays.dob, arrays.dob_count, a, b) >= cmp.DOB_ONE_DIGIT_DICE,
                cmp.DOB_ONE_DIGIT,
                0.0,
            ),
        ),
    )
    value = (
        cmp.WEIGHT_GIVEN_NAMES * given
        + cmp.WEIGHT_SURNAME * surname
        + cmp.WEIGHT_DATE_OF_BIRTH * dob
    )
    sex_differs = (
        arrays.sex_known[a] & arrays.sex_known[b] & (arrays.sex_key[a] != arrays.sex_key[b])
    )
    value = value - np.where(sex_differs, cmp.SEX_DIFFERS_PENALTY, 0.0)
    bsn_both = arrays.bsn_known[a] & arrays.bsn_known[b]
    bsn_equal = bsn_both & (arrays.bsn_key[a] == arrays.bsn_key[b])
    value = np.where(
        bsn_equal, 1.0, np.where(bsn_both, np.minimum(value, cmp.BSN_DIFFERS_CAP), value)
    )
    result: IntArray = np.clip(np.rint(value * 100), 0, 100).astype(np.int64)
    return result


# --- blocks and pairs ----------------------------------------------------------------------


@dataclass
class BlockStats:
    blocks: int = 0
    blocks_compared: int = 0
    blocks_skipped: int = 0
    rows_in_skipped_blocks: int = 0
    largest_block: int = 0
    pairs_compared: int = 0


def block_pairs(
    keys: IntArray, members: IntArray, max_block: int, stats: BlockStats
) -> Iterator[tuple[IntArray, IntArray]]:
    """All pairs (as row numbers, smaller first) within each block, in chunks.

    ``keys`` sorted; ``members[i]`` is the row of the encoding holding ``keys[i]``.
    """
    if len(keys) == 0:
        return
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    sizes = np.diff(np.append(starts, len(keys)))
    stats.blocks = len(sizes)
    stats.largest_block = int(sizes.max())
    oversized = sizes > max_block
    stats.blocks_skipped = int(oversized.sum())
    stats.rows_in_skipped_blocks = int(sizes[oversized].sum())
    stats.blocks_compared = int(((sizes >= 2) & ~oversized).sum())
    for size in np.unique(sizes[(sizes >= 2) & ~oversized]):
        block_starts = starts[sizes == size]
        left, right = np.triu_indices(int(size), k=1)
        per_chunk = max(1, CHUNK_PAIRS // len(left))
        for first in range(0, len(block_starts), per_chunk):
            chunk = block_starts[first : first + per_chunk, None]
            a = members[(chunk + left).ravel()]
            b = members[(chunk + right).ravel()]
            stats.pairs_compared += len(a)
            yield np.minimum(a, b), np.maximum(a, b)


@dataclass
class BatchResult:
    """Pairs (as encoding ids, smaller first) scored at or above the threshold."""

    pairs: set[tuple[int, int]] = field(default_factory=set)
    stats: BlockStats = field(default_factory=BlockStats)
    prefiltered_pairs: int = 0
    exact_comparisons: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def deduplicate(
    arrays: EncodingArrays,
    block_keys: IntArray,
    block_encoding_ids: IntArray,
    *,
    threshold: int,
    max_block: int,
    compare: Callable[[Encoding, Encoding], cmp.Comparison] = cmp.compare,
) -> BatchResult:
    """Every pair within the blocks scoring at or above ``threshold`` (by ``compare``)."""
    result = BatchResult()
    started = time.perf_counter()
    members = arrays.row_of(block_encoding_ids)
    width = np.int64(len(arrays))
    codes: list[IntArray] = []
    fast: list[IntArray] = []
    for a, b in block_pairs(block_keys, members, max_block, result.stats):
        pair_scores = scores(arrays, a, b)
        near = pair_scores >= threshold - MARGIN
        codes.append(a[near] * width + b[near])
        fast.append(pair_scores[near])
    all_codes = np.concatenate(codes) if codes else np.empty(0, np.int64)
    all_fast = np.concatenate(fast) if fast else np.empty(0, np.int64)
    unique, first = np.unique(all_codes, return_index=True)
    fast_scores = all_fast[first]
    result.prefiltered_pairs = len(unique)
    result.seconds["blocks and vectorised scores"] = time.perf_counter() - started

    # Clearly above the threshold: accepted; within MARGIN of it: ``compare`` decides.
    started = time.perf_counter()
    sure = unique[fast_scores >= threshold + MARGIN]
    unique = unique[fast_scores < threshold + MARGIN]
    for code in sure.tolist():
        row_a, row_b = divmod(code, int(width))
        result.pairs.add((int(arrays.ids[row_a]), int(arrays.ids[row_b])))
    cache: dict[int, Encoding] = {}

    def encoding(row: int) -> Encoding:
        found = cache.get(row)
        if found is None:
            found = cache[row] = arrays.encoding(row)
        return found

    for code in unique.tolist():
        row_a, row_b = divmod(code, int(width))
        if compare(encoding(row_a), encoding(row_b)).score >= threshold:
            result.pairs.add((int(arrays.ids[row_a]), int(arrays.ids[row_b])))
    result.exact_comparisons = len(unique)
    result.seconds["exact scores"] = time.perf_counter() - started
    return result


def agreement(arrays: EncodingArrays, a: IntArray, b: IntArray) -> tuple[int, int]:
    """How many of the given pairs the vectorised score puts within 1 point of ``compare``,
    and the largest difference seen (a self-check, printed with the results)."""
    vectorised = scores(arrays, a, b)
    worst = 0
    close = 0
    for row_a, row_b, fast in zip(a.tolist(), b.tolist(), vectorised.tolist(), strict=True):
        exact = cmp.compare(arrays.encoding(row_a), arrays.encoding(row_b)).score
        difference = abs(exact - fast)
        worst = max(worst, difference)
        close += difference <= 1
    return close, worst
