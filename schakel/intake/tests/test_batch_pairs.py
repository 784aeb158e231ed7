"""Which pairs the batch compares: every pair that shares a blocking key once, for a broad key
only when one of the two seeks with it (pure, no database)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schakel.intake.convergence import batch

# (row, key, seeks) entries: a few keys so that blocks of several rows, shared by several
# keys, and rows holding one key twice (selective and broad) all occur.
entries = st.lists(
    st.tuples(st.integers(0, 24), st.integers(0, 6), st.booleans()), min_size=0, max_size=80
)


def _blocks(found: list[tuple[int, int, bool]]) -> batch.Blocks:
    return batch.Blocks.sorted(
        np.array([key for _, key, _ in found], dtype=np.int64),
        np.array([row for row, _, _ in found], dtype=np.int32),
        np.array([seeks for _, _, seeks in found], dtype=np.bool_),
    )


def _expected(found: list[tuple[int, int, bool]], max_block: int) -> set[tuple[int, int]]:
    """Brute force: a block of more than ``max_block`` members is skipped."""
    sizes: dict[int, int] = {}
    for _, key, _seeks in found:
        sizes[key] = sizes.get(key, 0) + 1
    usable = {key: size <= max_block for key, size in sizes.items()}
    pairs = set()
    for row_a, key_a, seeks_a in found:
        for row_b, key_b, seeks_b in found:
            shared = key_a == key_b and usable[key_a]
            if shared and row_a < row_b and (seeks_a or seeks_b):
                pairs.add((row_a, row_b))
    return pairs


def _enumerated(blocks: batch.Blocks, max_block: int) -> list[tuple[int, int]]:
    plan = batch.plan(blocks, max_block=max_block)
    found: list[tuple[int, int]] = []
    for partition in range(plan.partitions):
        for a, b in batch.partition_pairs(blocks, plan, partition):
            found.extend(zip(a.tolist(), b.tolist(), strict=True))
    return found


@settings(max_examples=300, deadline=None)
@given(entries, st.integers(2, 12), st.integers(1, 40))
def test_every_pair_that_shares_a_key_is_enumerated_once(found, max_block, per_partition):
    with pytest.MonkeyPatch.context() as patch:
        # Small partitions: the pairs are split over several.
        patch.setattr(batch, "PAIRS_PER_PARTITION", per_partition)
        enumerated = _enumerated(_blocks(found), max_block)
    assert len(enumerated) == len(set(enumerated))
    assert set(enumerated) == _expected(found, max_block)


def test_a_broad_block_compares_its_seekers_with_everyone_but_not_the_others_together():
    # Key 1 is broad: rows 0 and 1 seek with it, rows 2, 3 and 4 do not.
    found = [(0, 1, True), (1, 1, True), (2, 1, False), (3, 1, False), (4, 1, False)]
    blocks = _blocks(found)
    plan = batch.plan(blocks)
    assert plan.stats.pair_occurrences == 2 * 4
    assert sorted(_enumerated(blocks, batch.MAX_BLOCK)) == [
        (0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4),
    ]  # fmt: skip


def test_a_block_nobody_seeks_with_and_an_oversized_block_are_skipped():
    nobody = [(0, 1, False), (1, 1, False)]
    oversized = [(row, 2, True) for row in range(5)]
    blocks = _blocks(nobody + oversized)
    plan = batch.plan(blocks, max_block=4)
    assert plan.stats.blocks_skipped == 1
    assert plan.stats.rows_in_skipped_blocks == 5
    assert _enumerated(blocks, 4) == []
