"""What ``convergence.py`` prints: each database's figures against the targets, and splink."""

from typing import Any

QUERY_P95_TARGET_MS = 10.0
RECALL_TARGET = 0.98
PRECISION_TARGET = 0.97
BATCH_TARGET_S = 60.0
MEMORY_TARGET_MIB = 2048.0


def _rate(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.4f}"


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    q, b = result["queries"], result.get("batch", {})
    query_ok = q["p95_ms"] <= QUERY_P95_TARGET_MS
    print(
        f"   stored                 {result['records']:,} signals of {result['persons']:,} "
        f"persons; {result['blocking_keys']:,} blocking keys; loaded in {result['load_s']:.0f} s"
    )
    print(
        f"   one new signal         median {q['median_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms, "
        f"max {q['max_ms']:.1f} ms over {q['count']:,} (target p95 <= "
        f"{QUERY_P95_TARGET_MS:.0f} ms: {_verdict(query_ok)})"
    )
    print(
        f"     of which (medians)   encode {q['encode_median_ms']:.2f} ms, candidates "
        f"{q['candidates_median_ms']:.1f} ms, score {q['score_median_ms']:.1f} ms; candidates "
        f"per signal median {q['candidates_median']:.0f}, p95 {q['candidates_p95']:.0f}, "
        f"max {q['candidates_max']:,}"
    )
    print(
        f"   queries                recall (both bands) {_rate(q['both']['recall'])}, "
        f"precision (upper band) {_rate(q['likely']['precision'])}"
    )
    if "error" in b or not b:
        print(f"   batch: ERROR {b.get('error', 'not run')}")
        return False
    batch_ok = b["seconds"] <= BATCH_TARGET_S and b["peak_rss_mib"] <= MEMORY_TARGET_MIB
    recall_ok = (b["both"]["recall"] or 0) >= RECALL_TARGET
    precision_ok = (b["likely"]["precision"] or 0) >= PRECISION_TARGET
    print(
        f"   batch, all signals     {b['seconds']:.1f} s (reading {b['read_s']:.1f} s), peak "
        f"{b['peak_rss_mib']:,.0f} MiB (targets <= {BATCH_TARGET_S:.0f} s, <= "
        f"{MEMORY_TARGET_MIB:,.0f} MiB: {_verdict(batch_ok)}); {b['stats']['pairs_compared']:,}"
        f" pairs compared; largest block {b['stats']['largest_block']}, "
        f"{b['stats']['blocks_skipped']} skipped"
    )
    print(
        f"   batch: both bands      recall {_rate(b['both']['recall'])} (target >= "
        f"{RECALL_TARGET}: {_verdict(recall_ok)}), precision {_rate(b['both']['precision'])}; "
        f"on linkable pairs recall {_rate(b['both_linkable']['recall'])}"
    )
    print(
        f"   batch: upper band      precision {_rate(b['likely']['precision'])} (target >= "
        f"{PRECISION_TARGET}: {_verdict(precision_ok)}), recall {_rate(b['likely']['recall'])}"
    )
    return bool(query_ok and batch_ok and recall_ok and precision_ok)


def report_side_by_side(side: dict[str, Any] | None) -> None:
    if side is None:
        print("\n   splink: skipped (--skip-splink)")
        return
    print(f"\n== The same {side.get('records', 0):,}-record deduplication, side by side")
    if "error" in side:
        print(f"   could not run: {side['error']}")
        return
    for row in side["schakel"]:
        print(
            f"   Schakel ({row['what']:<34}) recall {_rate(row['recall'])}  precision "
            f"{_rate(row['precision'])}  F1 {_rate(row['f1'])}  {side['schakel_s']:6.1f} s"
        )
    splink = side["splink"]
    if "error" in splink:
        print(f"   splink: could not run: {splink['error']}")
        return
    for row in splink["thresholds"]:
        print(
            f"   splink {splink['version']} p >= {row['threshold']:<23} recall "
            f"{_rate(row['recall'])}  precision {_rate(row['precision'])}  F1 "
            f"{_rate(row['f1'])}  {splink['seconds']:6.1f} s"
        )
