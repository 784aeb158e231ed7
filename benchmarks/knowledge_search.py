#!/usr/bin/env python3
"""Benchmark of the knowledge base's full-text search over 10,000 items.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python benchmarks/knowledge_search.py                     # SQLite only
    scripts/with-postgres .venv/bin/python benchmarks/knowledge_search.py  # and PostgreSQL
    .venv/bin/python benchmarks/knowledge_search.py --postgres-url postgres://... --skip-sqlite

Each database gets its own throw-away database (a temporary SQLite file; on the given local
PostgreSQL server a new database ``schakel_bench_<random>``, dropped afterwards) in a child
process with a time limit (``--timeout``), so the benchmark always stops.

The child migrates, makes eight collaborations and a searcher who is a member of two, and
``--items`` knowledge items (10 % national, the rest spread over the collaborations) with
generated Dutch text: a title of 4–8 words, a summary of 20–40 and a text of 150–300 words,
drawn from a vocabulary of about 1,500 words (20 frequent ones, such as "radicalisering", in most
items; the rest, many of them compounds, with falling frequency, as in real text), and
1–3 of 20 themes. Items and versions are written with ``bulk_create``; on SQLite each item's
index entry through ``schakel.knowledge.search.index``, as the services write it; on PostgreSQL
one ``UPDATE`` fills every vector with the same expression (10,000 single updates take minutes
and leave as many dead rows). Then ``ANALYZE`` (PostgreSQL: ``VACUUM ANALYZE``).

Figures: the time of one search as the list page does it (``selectors.search_for`` for the
searcher: the count and the first page of 20, best first), for a mix of queries (frequent and
rare words, inflected forms, two and three words, with and without a kind filter), repeated
``--searches`` times after a warm-up; p50, p95 and max. Target (issue 14): p95 <= 50 ms.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from processing_log import (
    calibration_line,
    machine_line,
    redact,
    throwaway_postgres_database,
)

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 50.0
PAGE = 20
WARM_UP = 20


def _split(text: str) -> list[str]:
    return text.split()


FREQUENT = _split(
    "radicalisering gemeente politie signalen aanpak jongeren samenwerking veiligheid partners "
    "netwerk casus regio school zorg meldpunt professionals extremisme online werkwijze"
)
WORDS = _split(
    "aandacht aanbod aanpakken aanwijzing achtergrond advies afspraak afstemming afweging "
    "alliantie ambtenaar analyse beeldvorming begeleiding beheer belang bereik beschermen "
    "besluit bestuur betrokken bevoegdheid bewustwording bijeenkomst bijdrage boodschap "
    "buurt burgemeester communicatie contact crisis cultuur dader debat deelname delen "
    "deskundigheid dienst digitaal dreiging druk eenheid effect ervaring evaluatie expertise "
    "familie financiering forum functionaris gedrag geweld gezin grondslag groep handboek "
    "handelen herkenning hulpverlening identiteit ideologie informatie inzet jeugdwerk "
    "jihadisme juridisch kader kennis keten kwetsbaar leefwereld leerplicht leraar "
    "maatregel media melding methode moskee motief nazorg normen omgeving onderwijs "
    "ondersteuning ontwikkeling opleiding opschaling ouders overleg partner personeel "
    "platform polarisatie preventie privacy proces protocol radicaal rechtsstaat rapport "
    "reclassering regie risico rol samenleving scholing signalering sleutelfiguur sociaal "
    "spanning stap structuur taxatie terrorisme toezicht training uitwisseling vaardigheid "
    "verband vertrouwen verwijzing voorlichting vraag weerbaarheid wijk wijkagent "
    "woningcorporatie zorgen zorgpartner zorgverlening aanslag activisme agressie "
    "antisemitisme bedreiging bewijs complot desinformatie discriminatie doelgroep "
    "eenzaamheid escalatie gemeenschap haat hulpvraag intimidatie isolement jongerenwerk "
    "loyaliteit mentor migratie nieuwsbrief omslag overtuiging propaganda psychisch "
    "rechts links rekrutering reflectie religie rouw schaamte sociale-media spanningen "
    "stigma strafrecht teleurstelling uitreis veerkracht verdieping vijandbeeld vrijheid "
    "wantrouwen wereldbeeld zelfbeeld zingeving zoektocht"
)
INFLECTED = _split(
    "gemeenten signaal protocollen handboeken jongere scholen partner meldingen "
    "professional extremistische radicale bijeenkomsten maatregelen risico's"
)
PREFIXES = _split(
    "jeugd veiligheids zorg buurt school straat familie keten signaal risico gemeente "
    "wijk online politie regio netwerk kennis beleid opvang preventie partner crisis "
    "melding inzet toezicht hulp werk gebieds casus sport"
)
ROOTS = _split(
    "aanpak overleg plan team regisseur beeld analyse training coach agent werker centrum "
    "route kaart moment kader beleid netwerk signaal functie taak proces cijfers advies "
    "gesprek verslag raad dienst project budget monitor protocol"
)
# Compounds make the vocabulary large (about 1,200 words), drawn with falling frequency.
VOCABULARY = WORDS + [p + r for p in PREFIXES for r in ROOTS if p != r]
WEIGHTS = [1 / (rank + 10) for rank in range(len(VOCABULARY))]
THEMES = [f"Thema {n}" for n in range(1, 21)]
QUERIES = [
    "radicalisering",
    "gemeenten",
    "jongere",
    "protocollen",
    "handboeken",
    "online radicalisering",
    "signalen school",
    "polarisatie",
    "antisemitisme",
    "desinformatie complot",
    "wijkagent meldpunt",
    "professional extremisme aanpak",
    "veerkracht",
    "maatregelen",
    "uitreis",
    "samenwerking partners regio",
    "jeugdaanpak",
    "buurtregisseur wijkagent",
    "casusoverleg",
    "sportcoach",
]


def _text(rng: random.Random, words: int) -> str:
    chosen = []
    for _ in range(words):
        pool = rng.random()
        if pool < 0.05:
            chosen.append(rng.choice(FREQUENT))
        elif pool < 0.07:
            chosen.append(rng.choice(INFLECTED))
        else:
            chosen.append(rng.choices(VOCABULARY, WEIGHTS)[0])
    return " ".join(chosen).capitalize() + "."


# On PostgreSQL the loader fills every item's vector at once, with the expression of
# ``schakel.knowledge.search.index`` (the themes' names after the summary).
PG_BULK_INDEX = """
UPDATE knowledge_knowledgeitem i SET search_vector =
    setweight(to_tsvector('dutch', i.title), 'A')
    || setweight(to_tsvector('dutch', i.summary || ' ' || coalesce(t.names, '')), 'B')
    || setweight(to_tsvector('dutch', v.body), 'C'),
    rank_vector = setweight(to_tsvector('dutch', i.title), 'A')
    || setweight(to_tsvector('dutch', i.summary || ' ' || coalesce(t.names, '')), 'B')
FROM knowledge_knowledgeversion v
LEFT JOIN (
    SELECT l.knowledgeitem_id, string_agg(th.name, ' ') AS names
    FROM knowledge_knowledgeitem_themes l JOIN knowledge_theme th ON th.id = l.theme_id
    GROUP BY l.knowledgeitem_id
) t ON t.knowledgeitem_id = v.item_id
WHERE v.item_id = i.id AND v.is_current
"""


# --- parent --------------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    if args.child:
        child(args)
        return 0
    postgres_url = args.postgres_url or os.environ.get("DATABASE_URL", "")
    if not postgres_url.startswith(("postgres://", "postgresql://")):
        postgres_url = ""
    results = []
    if not args.skip_sqlite:
        folder = Path(tempfile.mkdtemp(prefix="schakel-bench-"))
        try:
            results.append(run_child(args, f"sqlite:///{folder / 'bench.sqlite3'}"))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if postgres_url:
        with throwaway_postgres_database(postgres_url) as url:
            results.append(run_child(args, url))
    print()
    print(machine_line())
    print(calibration_line())
    ok = True
    for result in results:
        ok &= report(result)
    return 0 if ok or not args.strict else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--postgres-url", default="")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per database")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_child(args: argparse.Namespace, database_url: str) -> dict[str, Any]:
    import subprocess

    command = [
        sys.executable,
        __file__,
        "--child",
        database_url,
        "--items",
        str(args.items),
        "--searches",
        str(args.searches),
    ]
    env = {**os.environ, "DATABASE_URL": database_url}
    try:
        done = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            command, env=env, stdout=subprocess.PIPE, text=True, timeout=args.timeout, check=True
        )
    except subprocess.TimeoutExpired:
        return {"database": redact(database_url), "error": f"stopped after {args.timeout} s"}
    except subprocess.CalledProcessError as failed:
        return {"database": redact(database_url), "error": f"exit status {failed.returncode}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    ok = bool(result["p95_ms"] <= TARGET_P95_MS)
    print(
        f"   {result['items']:,} items loaded in {result['load_s']:.0f} s; the searcher sees "
        f"{result['visible']:,}"
    )
    print(
        f"   search ({result['searches']} searches, count + first page of {PAGE}): "
        f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
        f"max {result['max_ms']:.1f} ms  (target p95 <= {TARGET_P95_MS:.0f} ms: "
        f"{'met' if ok else 'MISSED'})"
    )
    print("   per query (median ms, hits):")
    for query, (median, hits) in result["per_query"].items():
        print(f"     {query:<36} {median:6.1f}  {hits:>6,}")
    return ok


# --- child: one database -------------------------------------------------------------------


def child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = args.child
    if args.child.startswith("sqlite"):
        import sqlite3

        sqlite3.connect(args.child.removeprefix("sqlite:///")).execute("PRAGMA journal_mode=WAL")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    membership = load(args.items)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    load_s = time.perf_counter() - started
    result = measure(membership, args.searches)
    result.update(
        database=f"{connection.vendor} {redact(args.child)}", items=args.items, load_s=load_s
    )
    print(json.dumps(result))


def load(count: int) -> Any:
    from django.db import connection, transaction

    from schakel.accounts.choices import Role
    from schakel.accounts.models import Membership, User
    from schakel.collaboration.models import CollaborationRole
    from schakel.knowledge import search
    from schakel.knowledge.choices import KnowledgeKind
    from schakel.knowledge.models import KnowledgeItem, KnowledgeVersion, Theme
    from schakel.network.models import Collaboration, Organisation

    rng = random.Random(14)
    organisation = Organisation.objects.create(name="Gemeente Bankdam", mailbox="b@x.invalid")
    user = User.objects.create_user(
        email="bench@voorbeeld.invalid", password=None, full_name="Bench", function_title="Test"
    )
    membership = Membership.objects.create(
        user=user, organisation=organisation, role=Role.MUNICIPAL_LEAD, valid_from="2020-01-01"
    )
    collaborations = [Collaboration.objects.create(name=f"Verband {n}") for n in range(8)]
    for collaboration in collaborations[:2]:
        CollaborationRole.objects.create(
            collaboration=collaboration, membership=membership, kind="secretary"
        )
    themes = [Theme.objects.create(name=name) for name in THEMES]
    kinds = list(KnowledgeKind.values)
    through = KnowledgeItem.themes.through
    for start in range(0, count, 1000):
        with transaction.atomic():
            items = [
                KnowledgeItem(
                    collaboration=None if rng.random() < 0.1 else rng.choice(collaborations),
                    kind=rng.choice(kinds),
                    title=_text(rng, rng.randint(4, 8)).rstrip("."),
                    summary=_text(rng, rng.randint(20, 40)),
                    owner_organisation=organisation,
                )
                for _ in range(min(1000, count - start))
            ]
            KnowledgeItem.objects.bulk_create(items)
            versions = [
                KnowledgeVersion(
                    item=item,
                    number=1,
                    body=_text(rng, rng.randint(150, 300)),
                    note="Eerste versie.",
                    created_by=membership,
                )
                for item in items
            ]
            KnowledgeVersion.objects.bulk_create(versions)
            links = []
            for item in items:
                for theme in rng.sample(themes, rng.randint(1, 3)):
                    links.append(through(knowledgeitem_id=item.pk, theme_id=theme.pk))
            through.objects.bulk_create(links)
            if connection.vendor == "postgresql":
                continue  # one statement for all items below: the same vector as ``index``
            names = {t.pk: t.name for t in themes}
            chosen: dict[Any, list[tuple[Any, str]]] = {}
            for link in links:
                chosen.setdefault(link.knowledgeitem_id, []).append(
                    (link.theme_id, names[link.theme_id])
                )
            for item, version in zip(items, versions, strict=True):
                search.index(item, body=version.body, themes=chosen[item.pk])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(PG_BULK_INDEX)
    return Membership.objects.select_related("user", "organisation").get(pk=membership.pk)


def measure(membership: Any, searches: int) -> dict[str, Any]:
    from schakel.knowledge.selectors import Filters, items_visible_to, search_for

    queries = [Filters(q=q) for q in QUERIES] + [
        Filters(q="radicalisering", kind="factsheet"),
        Filters(q="jongeren online", kind="protocol"),
    ]

    def once(filters: Filters) -> tuple[float, int]:
        started = time.perf_counter()
        found = search_for(membership, filters)
        hits = found.count()
        list(found[:PAGE])
        return (time.perf_counter() - started) * 1000, hits

    for n in range(WARM_UP):
        once(queries[n % len(queries)])
    timings: list[float] = []
    per_query: dict[str, list[float]] = {}
    hits_of: dict[str, int] = {}
    for n in range(searches):
        filters = queries[n % len(queries)]
        label = filters.q + (f" [{filters.kind}]" if filters.kind else "")
        ms, hits = once(filters)
        timings.append(ms)
        per_query.setdefault(label, []).append(ms)
        hits_of[label] = hits
    quantiles = statistics.quantiles(timings, n=100, method="inclusive")
    return {
        "searches": searches,
        "visible": items_visible_to(membership).count(),
        "p50_ms": statistics.median(timings),
        "p95_ms": quantiles[94],
        "max_ms": max(timings),
        "per_query": {k: (statistics.median(v), hits_of[k]) for k, v in per_query.items()},
    }


if __name__ == "__main__":
    sys.exit(main())
