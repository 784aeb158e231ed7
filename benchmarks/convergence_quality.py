#!/usr/bin/env python3
"""Recall and precision of the convergence engine on the synthetic registrations, in memory.

    .venv/bin/python benchmarks/convergence_quality.py --records 100000 --seed tuning
    .venv/bin/python benchmarks/convergence_quality.py --records 1000000 --seed held-out

Generates the records (``convergence_people``), encodes them (worker processes), estimates the
model on them as ``estimate_match_model`` does (``u`` from random pairs, ``m`` by EM on the
candidate pairs, starting from the shipped model or ``--start hand``), and prints blocking
recall, the precision/recall curve of the match probability, the figures of both bands, recall
per error kind, and how much of each stage took. ``--write-default`` stores the estimated model
as the shipped default (only from the tuning seed).
"""

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from convergence_identities import identity  # noqa: E402
from convergence_people import (  # noqa: E402
    HELD_OUT_SEED,
    TUNING_SEED,
    Record,
    all_records,
    linkable,
    make_population,
    planted_pairs,
    quality,
)

from schakel.intake.convergence import batch, duplicates, training  # noqa: E402
from schakel.intake.convergence.layout import Columns, from_bytes  # noqa: E402
from schakel.intake.convergence.model import MatchModel, default_model  # noqa: E402

CURVE = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)


def encode_all(records: list[Record], workers: int) -> tuple[Columns, batch.Blocks]:
    encoded = duplicates.encode_many([identity(r) for r in records], workers=workers)
    columns = Columns(from_bytes([encoding.features for encoding in encoded]))
    return columns, batch.Blocks.from_encodings(encoded)


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    seed = {"tuning": TUNING_SEED, "held-out": HELD_OUT_SEED}.get(args.seed)
    seed = int(args.seed) if seed is None else seed
    timings: dict[str, float] = {}
    started = time.perf_counter()
    population = make_population(seed, args.records, args.records)
    records = all_records(seed, population, args.records)
    planted = planted_pairs(population.record_person, args.records)
    timings["generate"] = time.perf_counter() - started

    start = training.starting_model() if args.start == "hand" else default_model()
    if args.likely is not None:
        start.likely = args.likely
    if args.possible is not None:
        start.possible = args.possible
    found = duplicates.find(
        [identity(r) for r in records],
        start=start,
        estimate=not args.no_estimate,
        minimum=CURVE[0],
        workers=args.workers,
        seed=seed,
    )
    model = found.model
    model.label = f"synthetic-{args.seed}-{args.records}"
    timings.update(found.timings)
    scored = found.scored
    pairs = list(zip(scored.a.tolist(), scored.b.tolist(), strict=True))
    probability = scored.probability
    curve = []
    for threshold in CURVE:
        hit = {pair for pair, p in zip(pairs, probability, strict=True) if p >= threshold}
        curve.append({"threshold": threshold, **quality(hit, planted)})
    likely = {pair for pair, p in zip(pairs, probability, strict=True) if p >= model.likely}
    both = {pair for pair, p in zip(pairs, probability, strict=True) if p >= model.possible}
    linkable_pairs = {pair for pair in planted if linkable(records[pair[0]], records[pair[1]])}
    blocked_pairs = set()
    if not args.skip_blocking:
        _columns, blocks = encode_all(records, args.workers)
        blocked_pairs = _blocked_truth(blocks, planted, args.max_block)
    return {
        "seed": seed,
        "records": len(records),
        "persons": len(population.persons),
        "planted": len(planted),
        "linkable": len(linkable_pairs),
        "blocking_recall": len(blocked_pairs) / max(len(planted), 1),
        "blocking_recall_linkable": len(blocked_pairs & linkable_pairs)
        / max(len(linkable_pairs), 1),
        "block_stats": vars(scored.stats),
        "model": {**model.as_dict(), "frequencies": None},
        "likely": quality(likely, planted),
        "both_bands": quality(both, planted),
        "both_bands_recall_linkable": len(both & linkable_pairs) / max(len(linkable_pairs), 1),
        "curve": curve,
        "recall_by_kind": _recall_by_kind(records, planted, both),
        "false_by_kind": _false_positive_kinds(records, population.persons, both - planted),
        "timings": timings,
    }


def _blocked_truth(
    blocks: batch.Blocks, planted: set[tuple[int, int]], max_block: int
) -> set[tuple[int, int]]:
    """The planted pairs that share at least one usable block."""
    width = 10_000_000
    truth = np.array(sorted(a * width + b for a, b in planted), dtype=np.int64)
    found: list[np.ndarray] = []
    block_plan = batch.plan(blocks, max_block=max_block)
    for partition in range(block_plan.partitions):
        for a, b in batch.partition_pairs(blocks, block_plan, partition):
            codes = a * width + b
            found.append(codes[np.isin(codes, truth)])
    hits = np.concatenate(found) if found else np.empty(0, np.int64)
    return {(int(c // width), int(c % width)) for c in hits.tolist()}


def _recall_by_kind(
    records: list[Record], planted: set[tuple[int, int]], found: set[tuple[int, int]]
) -> dict[str, Any]:
    seen: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for pair in planted:
        kinds = set(records[pair[0]].variations) | set(records[pair[1]].variations)
        for kind in kinds or {"none"}:
            seen[kind] += 1
            hit[kind] += pair in found
    return {k: {"pairs": seen[k], "recall": round(hit[k] / seen[k], 4)} for k in sorted(seen)}


def _false_positive_kinds(
    records: list[Record], persons: list[Any], false: set[tuple[int, int]]
) -> dict[str, int]:
    """What the wrongly found pairs are: relatives (same surname, close birth) or strangers."""
    kinds: Counter[str] = Counter()
    for a, b in false:
        pa, pb = persons[records[a].person], persons[records[b].person]
        if pa.surname == pb.surname and pa.date_of_birth == pb.date_of_birth:
            kinds["twins or namesakes born the same day"] += 1
        elif pa.surname == pb.surname and abs(pa.date_of_birth.year - pb.date_of_birth.year) <= 8:
            kinds["same surname, born within 8 years (siblings)"] += 1
        elif pa.surname == pb.surname:
            kinds["same surname"] += 1
        else:
            kinds["other"] += 1
    return dict(kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", default="tuning", help="tuning, held-out or a number")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-estimate", action="store_true", help="use the model as it is")
    parser.add_argument("--skip-blocking", action="store_true", help="no blocking recall")
    parser.add_argument("--max-block", type=int, default=batch.MAX_BLOCK)
    parser.add_argument("--start", choices=("default", "hand"), default="default")
    parser.add_argument("--likely", type=float, default=None)
    parser.add_argument("--possible", type=float, default=None)
    parser.add_argument("--json-out", default="")
    parser.add_argument("--write-default", action="store_true")
    args = parser.parse_args()
    result = evaluate(args)
    print(json.dumps({k: v for k, v in result.items() if k != "model"}, indent=1))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.write_default:
        if args.seed != "tuning":
            sys.exit("--write-default only from the tuning seed")
        # Without the name counts: they are keyed to this run, not to an instance.
        model = MatchModel.from_dict({**result["model"], "frequencies": None})
        model.label = "default"
        from schakel.intake.convergence.model import DEFAULT_MODEL_FILE

        DEFAULT_MODEL_FILE.write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"wrote {DEFAULT_MODEL_FILE}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
