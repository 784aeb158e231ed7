"""What ``cases.py`` prints: each database's latency and query counts against the targets."""

from typing import Any

P95_TARGET_MS = 50.0
PERSONAS = ("lead", "director", "partner")
PERSONA_LABELS = {
    "lead": "municipal lead",
    "director": "process director",
    "partner": "partner member",
}
MEASURES = (
    "selector list",
    "selector detail",
    "UI list",
    "UI detail",
    "API list",
    "API detail",
)


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    rows = result["rows"]
    print(
        f"   loaded                 {rows['cases']:,} cases, {rows['signals']:,} signals, "
        f"{rows['interventions']:,} interventions, {result['organisations']} organisations; "
        f"{rows['participations']:,} participations, {rows['items']:,} agenda items, "
        f"{rows['versions']:,} plan versions, {rows['subjects']:,} subjects, "
        f"{rows['related']:,} related persons, {result['meetings']:,} meetings "
        f"(in {result['load_s']:.0f} s)"
    )
    visible = ", ".join(f"{PERSONA_LABELS[p]} {result['visible'][p]:,}" for p in PERSONAS)
    print(f"   cases visible          {visible}")
    ok = True
    print(f"   latency (ms)           median     p95     max   target p95 <= {P95_TARGET_MS:.0f}")
    for persona in PERSONAS:
        for measure in MEASURES:
            figure = result["latency"][persona].get(measure)
            label = f"{PERSONA_LABELS[persona]}, {measure}"
            if figure is None:
                continue
            if "error" in figure:
                print(f"     {label:<38} ERROR: {figure['error']}")
                ok = False
                continue
            met = figure["p95_ms"] <= P95_TARGET_MS and figure["failures"] == 0
            ok &= met
            failures = f"  {figure['failures']} not 200" if figure["failures"] else ""
            print(
                f"     {label:<38} {figure['median_ms']:6.1f} {figure['p95_ms']:7.1f} "
                f"{figure['max_ms']:7.1f}   {_verdict(met)}{failures}"
            )
    counts = result["query_counts"]
    print(f"   queries per request    {result['small_cases']} cases / all cases   target: equal")
    for persona in PERSONAS:
        for measure in MEASURES:
            small = counts["small"][persona].get(measure)
            full = counts["full"][persona].get(measure)
            if small is None or full is None:
                continue
            label = f"{PERSONA_LABELS[persona]}, {measure}"
            if isinstance(small, str) or isinstance(full, str):
                ok = False
                print(f"     {label:<38} ERROR: {small if isinstance(small, str) else full}")
                continue
            met = small == full
            ok &= met
            print(f"     {label:<38} {small:6} / {full:<6}   {_verdict(met)}")
    for note in result["missing"]:
        print(f"   not measured           {note}")
    locust = result.get("locust")
    if locust is not None:
        print(report_locust(locust))
    return ok


def report_locust(locust: dict[str, Any]) -> str:
    if "skipped" in locust:
        return f"   locust                 skipped: {locust['skipped']}"
    if "error" in locust:
        return f"   locust                 ERROR: {locust['error']}"
    lines = [
        f"   locust                 {locust['users']} API users, no think time, "
        f"{locust['seconds']} s, gunicorn {locust['workers']} workers (CONN_MAX_AGE "
        f"{locust['conn_max_age']}): {locust['rps']:.1f} requests/s in all, "
        f"{locust['failures']} failures"
    ]
    for name, row in locust["endpoints"].items():
        lines.append(
            f"     {name:<38} {row['requests']:>7,} requests  {row['rps']:6.1f}/s  median "
            f"{row['median_ms']:.0f} ms  p95 {row['p95_ms']:.0f} ms  failures {row['failures']}"
        )
    return "\n".join(lines)
