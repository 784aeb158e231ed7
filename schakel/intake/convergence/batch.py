"""Comparing many encodings with each other at once, in memory (numpy).

Used by the duplicate finder, the model estimation and the benchmark. Every pair of encodings
that shares a blocking key (for a broad key: when one of the two seeks with it) is compared
once, with the same level code as a single new signal. The pairs are enumerated per block and
split into partitions by the smaller row number, so that one partition's unique pairs fit in
memory; partitions are spread over worker processes that share the arrays (fork).

One scan yields both what estimation needs (how many pairs had each pattern of levels) and
what scoring needs (the pairs whose weight may reach a band, with their pattern), so a model
can be estimated and applied without comparing the pairs twice.
"""

import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from schakel.intake.convergence import levels as lv
from schakel.intake.convergence.encoding import Encoding
from schakel.intake.convergence.layout import Columns
from schakel.intake.convergence.levels import decode
from schakel.intake.convergence.model import MatchModel
from schakel.intake.convergence.training import PatternCounts

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
CHUNK_PAIRS = 1_000_000
MAX_BLOCK = 2_000
PAIRS_PER_PARTITION = 30_000_000


@dataclass
class Blocks:
    """Blocking keys, the row of the encoding holding each, and whether that row seeks with
    it (always for selective keys; for a broad key only when the row needs it), sorted by key.
    Two rows are compared when they share a key and at least one of them seeks with it."""

    keys: IntArray
    rows: npt.NDArray[np.int32]
    seeks: npt.NDArray[np.bool_]

    @classmethod
    def from_encodings(cls, encodings: list[Encoding]) -> "Blocks":
        keys: list[int] = []
        rows: list[int] = []
        seeks: list[bool] = []
        for row, encoding in enumerate(encodings):
            keys.extend(encoding.keys)
            rows.extend([row] * len(encoding.keys))
            seeks.extend([True] * len(encoding.keys))
            keys.extend(encoding.broad_keys)
            rows.extend([row] * len(encoding.broad_keys))
            seeks.extend(encoding.broad_keys.values())
        return cls.sorted(
            np.array(keys, dtype=np.int64),
            np.array(rows, dtype=np.int32),
            np.array(seeks, dtype=np.bool_),
        )

    @classmethod
    def sorted(
        cls, keys: IntArray, rows: npt.NDArray[np.int32], seeks: npt.NDArray[np.bool_]
    ) -> "Blocks":
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], rows[order], seeks[order])


@dataclass
class BlockStats:
    blocks: int = 0
    blocks_compared: int = 0
    blocks_skipped: int = 0
    rows_in_skipped_blocks: int = 0
    largest_block: int = 0
    pair_occurrences: int = 0
    pairs_compared: int = 0
    partitions: int = 1


@dataclass
class Plan:
    """The usable blocks: those where every member seeks (all their pairs are compared), and
    the broad ones where only some do (each seeker is compared with every other member)."""

    starts: IntArray
    sizes: IntArray
    mixed_starts: IntArray
    mixed_sizes: IntArray
    partitions: int
    stats: BlockStats


def plan(blocks: Blocks, *, max_block: int = MAX_BLOCK) -> Plan:
    stats = BlockStats()
    keys = blocks.keys
    if len(keys) == 0:
        empty = np.empty(0, np.int64)
        return Plan(empty, empty, empty, empty, 1, stats)
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    sizes = np.diff(np.append(starts, len(keys)))
    seekers = np.add.reduceat(blocks.seeks.astype(np.int64), starts)
    # A block of more than max_block members is skipped, a broad one too: a registration that
    # seeks there says too little (a surname alone) to tell that many people apart.
    oversized = sizes > max_block
    stats.blocks = len(sizes)
    stats.largest_block = int(sizes.max())
    stats.blocks_skipped = int(oversized.sum())
    stats.rows_in_skipped_blocks = int(sizes[oversized].sum())
    usable = (sizes >= 2) & ~oversized & (seekers > 0)
    stats.blocks_compared = int(usable.sum())
    everyone = usable & (seekers == sizes)
    mixed = usable & (seekers < sizes)
    stats.pair_occurrences = int(
        (sizes[everyone] * (sizes[everyone] - 1) // 2).sum()
        + (seekers[mixed] * (sizes[mixed] - 1)).sum()
    )
    stats.partitions = max(1, -(-stats.pair_occurrences // PAIRS_PER_PARTITION))
    return Plan(
        starts[everyone], sizes[everyone], starts[mixed], sizes[mixed], stats.partitions, stats
    )


def _everyone_pairs(blocks: Blocks, block_plan: Plan) -> Iterator[tuple[IntArray, IntArray]]:
    """In the blocks where every member seeks: all pairs (entry numbers), in chunks."""
    for size in np.unique(block_plan.sizes):
        block_starts = block_plan.starts[block_plan.sizes == size]
        left, right = np.triu_indices(int(size), k=1)
        per_chunk = max(1, CHUNK_PAIRS // len(left))
        for first in range(0, len(block_starts), per_chunk):
            chunk = block_starts[first : first + per_chunk, None]
            yield (chunk + left).ravel(), (chunk + right).ravel()


def _seeker_pairs(blocks: Blocks, block_plan: Plan) -> Iterator[tuple[IntArray, IntArray]]:
    """In the broad blocks: every seeking entry with every other entry of its block (entry
    numbers), in chunks."""
    if not len(block_plan.mixed_starts):
        return
    sizes = block_plan.mixed_sizes
    entry_block = np.repeat(np.arange(len(sizes)), sizes)
    entries = np.repeat(block_plan.mixed_starts, sizes) + (
        np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    )
    seeking = blocks.seeks[entries]
    seeker_entries, seeker_blocks = entries[seeking], entry_block[seeking]
    counts = sizes[seeker_blocks]
    per_chunk = max(1, CHUNK_PAIRS // max(int(counts.max()), 1))
    for first in range(0, len(seeker_entries), per_chunk):
        who = seeker_entries[first : first + per_chunk]
        many = counts[first : first + per_chunk]
        start = block_plan.mixed_starts[seeker_blocks[first : first + per_chunk]]
        offsets = np.arange(int(many.sum())) - np.repeat(np.cumsum(many) - many, many)
        yield np.repeat(who, many), np.repeat(start, many) + offsets


def partition_pairs(
    blocks: Blocks, block_plan: Plan, partition: int
) -> Iterator[tuple[IntArray, IntArray]]:
    """The unique pairs (smaller row first) of one partition, in chunks."""
    rows = blocks.rows.astype(np.int64)
    width = np.int64(int(rows.max()) + 1 if len(rows) else 1)
    partitions = block_plan.partitions
    codes: list[IntArray] = []
    for generator in (_everyone_pairs, _seeker_pairs):
        for i, j in generator(blocks, block_plan):
            a, b = rows[i], rows[j]
            low, high = np.minimum(a, b), np.maximum(a, b)
            keep = (low != high) & (low % partitions == partition)
            codes.append(low[keep] * width + high[keep])
    if not codes:
        return
    unique = np.concatenate(codes)
    del codes
    if not len(unique):
        return
    unique.sort()
    unique = unique[np.concatenate(([True], unique[1:] != unique[:-1]))]
    for first in range(0, len(unique), CHUNK_PAIRS):
        part = unique[first : first + CHUNK_PAIRS]
        yield part // width, part % width


@dataclass
class Scan:
    """Pattern counts of every candidate pair, and the pairs kept (weight at or above
    ``keep_from``) with their pattern codes."""

    counts: PatternCounts = field(default_factory=PatternCounts.empty)
    a: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    b: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    codes: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    pairs: int = 0


# Shared with forked workers (copy-on-write), never pickled.
_shared: dict[str, Any] = {}


def _scan_partitions(partitions: list[int]) -> Scan:
    columns: Columns = _shared["columns"]
    blocks: Blocks = _shared["blocks"]
    block_plan: Plan = _shared["plan"]
    table: FloatArray = _shared["table"]
    keep_from: float = _shared["keep_from"]
    model: MatchModel | None = _shared["model"]
    surprise = _shared["surprise"]
    result = Scan()
    kept: list[tuple[IntArray, IntArray, IntArray]] = []
    for partition in partitions:
        for a, b in partition_pairs(blocks, block_plan, partition):
            pair_levels = lv.compare(columns, a, columns, b)
            codes = lv.pattern_codes(pair_levels)
            result.counts.add_codes(codes)
            result.pairs += len(a)
            weights = table[codes]
            if model is not None:
                weights = weights + model.frequency_bits(surprise, a, pair_levels).sum(axis=1)
            keep = weights >= keep_from
            kept.append((a[keep], b[keep], codes[keep]))
    if kept:
        result.a = np.concatenate([k[0] for k in kept])
        result.b = np.concatenate([k[1] for k in kept])
        result.codes = np.concatenate([k[2] for k in kept])
    return result


def scan(
    columns: Columns,
    blocks: Blocks,
    *,
    table: FloatArray,
    keep_from: float,
    max_block: int = MAX_BLOCK,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    frequencies_of: MatchModel | None = None,
) -> tuple[Scan, BlockStats]:
    """Compare every candidate pair once (``workers`` processes); a pair is kept when its
    weight (with the name frequencies of ``frequencies_of``, if given) reaches ``keep_from``."""
    block_plan = plan(blocks, max_block=max_block)
    _shared.update(
        columns=columns,
        blocks=blocks,
        plan=block_plan,
        table=table,
        keep_from=keep_from,
        model=frequencies_of,
        surprise=frequencies_of.surprise(columns) if frequencies_of is not None else None,
    )
    jobs = [[p] for p in range(block_plan.partitions)]
    total = Scan()
    parts: list[Scan] = []
    try:
        if workers > 1 and len(jobs) > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(min(workers, len(jobs))) as pool:
                for part in pool.imap_unordered(_scan_partitions, jobs):
                    parts.append(part)
                    if progress is not None:
                        progress(part.pairs)
        else:
            for job in jobs:
                part = _scan_partitions(job)
                parts.append(part)
                if progress is not None:
                    progress(part.pairs)
    finally:
        _shared.clear()
    for part in parts:
        total.counts.merge(part.counts)
        total.pairs += part.pairs
    if parts:
        total.a = np.concatenate([p.a for p in parts])
        total.b = np.concatenate([p.b for p in parts])
        total.codes = np.concatenate([p.codes for p in parts])
    block_plan.stats.pairs_compared = total.pairs
    return total, block_plan.stats


@dataclass
class Scored:
    """Pairs at or above a probability, with their pattern codes (for explanations)."""

    a: IntArray
    b: IntArray
    probability: FloatArray
    codes: IntArray
    stats: BlockStats


def score_scan(
    found: Scan, model: MatchModel, *, minimum: float, stats: BlockStats, columns: Columns
) -> Scored:
    """The kept pairs under ``model`` (with its name frequencies), at or above ``minimum``, the
    most probable first."""
    weights = model.pattern_weights()[found.codes]
    if model.frequencies is not None:
        extra = model.frequency_bits(model.surprise(columns), found.a, decode(found.codes))
        weights = weights + extra.sum(axis=1)
    probability = model.probability(weights)
    keep = np.flatnonzero(probability >= minimum)
    keep = keep[np.argsort(-probability[keep], kind="stable")]
    return Scored(found.a[keep], found.b[keep], probability[keep], found.codes[keep], stats)


def deduplicate(
    columns: Columns,
    blocks: Blocks,
    model: MatchModel,
    *,
    minimum: float,
    max_block: int = MAX_BLOCK,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Scored:
    """Every pair of encodings within the blocks with a match probability of ``minimum`` or
    more under ``model``."""
    model = replace(model, population=max(model.population, len(columns)))
    found, stats = scan(
        columns,
        blocks,
        table=model.pattern_weights(),
        keep_from=model.weight_for(minimum),
        max_block=max_block,
        workers=workers,
        progress=progress,
        frequencies_of=model,
    )
    return score_scan(found, model, minimum=minimum, stats=stats, columns=columns)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
