"""Full-text search of the knowledge base, on PostgreSQL and on SQLite.

- **PostgreSQL**: a ``tsvector`` column ``search_vector`` on the items' table with a GIN index
  (added by migration 0002 on PostgreSQL only), filled with ``to_tsvector('dutch', …)``: the
  title weighs most (A), the summary and themes next (B), the current version's text last (C).
  A query is read with ``websearch_to_tsquery('dutch', …)`` (all words must occur, "quotes"
  for a phrase, ``-word`` to leave out) and ranked with ``ts_rank``. Dutch word forms are found
  through PostgreSQL's Dutch Snowball stemmer (``handboeken`` finds ``handboek``).
- **SQLite**: an FTS5 table ``knowledge_search`` (also created by migration 0002) holding the
  same texts as words reduced by ``stem`` below, a small Dutch stemmer (plurals in -en and -s,
  a final -e, double vowels and consonants made single). Every query word must occur (after
  stemming), ranked with ``bm25`` (the title ten times the rest). It finds most regular word
  forms; irregular ones (``stad``/``steden``) it does not, and it knows no phrases or
  exclusions. The entry also holds, as words of columns that queries never search as text,
  the item's id (to replace the entry), its scope (national or its collaboration) and its kind
  and themes, so that counting and ranking happen in the FTS5 index alone; each page of results
  is then read through the queryset of visible items, which applies every access rule again.

The services call ``index`` after every write of an item or its versions, in the same
transaction; ``matching`` narrows a queryset of items to those that match, best first.
"""

import re
import unicodedata
import uuid
from collections.abc import Iterator
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, QuerySet, Window

# The statements, written out (no SQL is built from strings; values are parameters).
PG_INDEX = (
    "UPDATE knowledge_knowledgeitem SET search_vector = "
    "setweight(to_tsvector('dutch', %s), 'A') || "
    "setweight(to_tsvector('dutch', %s), 'B') || "
    "setweight(to_tsvector('dutch', %s), 'C'), rank_vector = "
    "setweight(to_tsvector('dutch', %s), 'A') || "
    "setweight(to_tsvector('dutch', %s), 'B') WHERE id = %s"
)
PG_MATCH = "knowledge_knowledgeitem.search_vector @@ websearch_to_tsquery('dutch', %s)"
PG_RANK = "ts_rank(knowledge_knowledgeitem.search_vector, websearch_to_tsquery('dutch', %s))"
PG_QUICK_RANK = "ts_rank(knowledge_knowledgeitem.rank_vector, websearch_to_tsquery('dutch', %s))"
# PostgreSQL's planner does not count the cost of reading each item's whole vector (stored
# compressed, apart from the row) when it weighs a sequential scan against the GIN index: for
# a word in a third of the items it chose the scan, three times slower than the index (see
# docs/benchmarks.md). For that one query only, it is told to use the index (and told the
# default again after it: within an outer transaction a savepoint does not end a SET LOCAL).
PG_USE_INDEX = "SET LOCAL enable_seqscan = off"
PG_USE_ANY = "SET LOCAL enable_seqscan = on"
# PostgreSQL: how many of the best hits by the quick rank (title, summary, themes) are ranked
# again on everything, text included; a search with at most this many hits is ranked exactly.
RERANKED = 100
FTS_DELETE = "DELETE FROM knowledge_search WHERE knowledge_search MATCH %s"
FTS_INSERT = (
    "INSERT INTO knowledge_search (item_id, scope, facets, title, content) "
    "VALUES (%s, %s, %s, %s, %s)"
)
FTS_COUNT = "SELECT count(*) FROM knowledge_search WHERE knowledge_search MATCH %s"
FTS_PAGE = (
    "SELECT item_id, -bm25(knowledge_search, 0, 0, 0, 10.0, 1.0) AS rank "
    "FROM knowledge_search WHERE knowledge_search MATCH %s "
    "ORDER BY rank DESC LIMIT %s OFFSET %s"
)
NATIONAL_TOKEN = "n"  # noqa: S105 (an index word, not a secret)
_WORD = re.compile(r"\w+")
_VOWELS = set("aeiouy")
# Suffixes taken off, longest first; what remains must keep at least three letters.
_SUFFIXES = (
    ("heden", "heid"),
    ("ingen", "ing"),
    ("ene", ""),
    ("en", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
)
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")
# Query words are used at most this many, each at most this long.
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A Dutch word reduced to what its regular forms share: ``protocollen`` → ``protocol``,
    ``factsheets`` → ``factshet``, ``radicaal`` and ``radicale`` → ``radical``."""
    w = _plain(word)
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            rest = w[: -len(suffix)]
            if suffix == "s" and rest[-1] in _VOWELS | {"j"}:
                continue
            w = rest + replacement
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS:
        w = w[:-1]
    return _DOUBLE_VOWEL.sub(r"\1", w)


def words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(_plain(text))]


def query_words(q: str) -> list[str]:
    found = [w[:MAX_WORD_LENGTH] for w in words(q) if len(w) >= 2]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


def scope_token(collaboration_id: uuid.UUID | None) -> str:
    return NATIONAL_TOKEN if collaboration_id is None else f"c{collaboration_id.hex}"


def kind_token(kind: str) -> str:
    return f"k{kind}"


def theme_token(theme_id: uuid.UUID) -> str:
    return f"t{theme_id.hex}"


def _vendor() -> str:
    return str(connection.vendor)


def needs_scopes() -> bool:
    """Whether ``matching`` narrows by ``scopes`` (SQLite); PostgreSQL searches ``items``."""
    return _vendor() == "sqlite"


def index(item: Any, *, body: str, themes: list[tuple[uuid.UUID, str]]) -> None:
    """Write the item's entry in the search index (its title, summary, themes and the text of
    its current version); ``themes`` as (id, name)."""
    extra = " ".join([item.summary, *(name for _id, name in themes)])
    with connection.cursor() as cursor:
        if _vendor() == "postgresql":
            cursor.execute(
                PG_INDEX,
                [item.title, extra, body, item.title, extra, item.pk],
            )
        elif _vendor() == "sqlite":
            key = item.pk.hex
            facets = [kind_token(item.kind), *(theme_token(pk) for pk, _name in themes)]
            cursor.execute(
                FTS_DELETE,
                [f'item_id : "{key}"'],
            )
            cursor.execute(
                FTS_INSERT,
                [
                    key,
                    scope_token(item.collaboration_id),
                    " ".join(facets),
                    " ".join(words(item.title)),
                    " ".join(words(f"{extra} {body}")),
                ],
            )


class Ranked:
    """Search results that are counted and ranked apart from reading the items: each slice is
    read through ``items`` — the visible items — so an entry that is not (or no longer)
    visible is left out.

    - SQLite (``match``): counted and ranked in the FTS5 index, narrowed there to the scopes,
      kind and theme asked for.
    - PostgreSQL (``text``): one query over the matching visible items (found through the GIN
      index) gives their count and the ``RERANKED`` best by a quick rank on a small vector of
      title, summary and themes; only those are ranked again on the whole vector, text
      included. Later hits follow in the quick rank's order. No item's whole vector is read
      unless it is among the best, so a frequent word costs little more than a rare one.
    """

    def __init__(self, items: QuerySet[Any], *, match: str = "", text: str = "") -> None:
        self.items = items
        self.match = match
        self.text = text
        self._head: list[tuple[uuid.UUID, float]] | None = None
        self._count: int | None = None

    def prefetch_related(self, *lookups: str) -> "Ranked":
        return Ranked(self.items.prefetch_related(*lookups), match=self.match, text=self.text)

    def _quick(self) -> QuerySet[Any]:
        return (
            self.items.extra(  # noqa: S610 (constant SQL, the query as a parameter)
                where=[PG_MATCH],
                params=[self.text],
                select={"quick": PG_QUICK_RANK},
                select_params=[self.text],
            )
            .order_by("-quick", "-updated_at", "pk")
            .select_related(None)
        )

    def _best(self) -> list[tuple[uuid.UUID, float]]:
        """PostgreSQL: the best ``RERANKED`` hits, ranked on everything (and the count)."""
        if self._head is None:
            quick = self._quick().annotate(total=Window(Count("*")))
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(PG_USE_INDEX)
                rows = list(quick.values_list("pk", "updated_at", "total")[:RERANKED])
                cursor.execute(PG_USE_ANY)
            self._count = int(rows[0][2]) if rows else 0
            full = dict(
                self.items.model.objects.filter(pk__in=[row[0] for row in rows])
                .extra(select={"rank": PG_RANK}, select_params=[self.text])  # noqa: S610
                .values_list("pk", "rank")
            )
            rows.sort(key=lambda row: (-full[row[0]], -row[1].timestamp()))
            self._head = [(row[0], float(full[row[0]])) for row in rows]
        return self._head

    def count(self) -> int:
        if self._count is None:
            if self.text:
                self._best()
            else:
                with connection.cursor() as cursor:
                    cursor.execute(FTS_COUNT, [self.match])
                    self._count = int(cursor.fetchone()[0])
        assert self._count is not None
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _rows(self, start: int, stop: int | None) -> list[tuple[uuid.UUID, float]]:
        if self.text:
            rows = self._best()[start:stop]
            if stop is not None and stop <= RERANKED:
                return rows
            later = self._quick().values_list("pk", "quick")[max(start, RERANKED) : stop]
            return rows + [(pk, float(rank)) for pk, rank in later]
        limit = -1 if stop is None else max(0, stop - start)
        with connection.cursor() as cursor:
            cursor.execute(FTS_PAGE, [self.match, limit, start])
            return [(uuid.UUID(hex=key), rank) for key, rank in cursor.fetchall()]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, int):
            return self[key : key + 1][0]
        rows = self._rows(key.start or 0, key.stop)
        found = {item.pk: item for item in self.items.filter(pk__in=[pk for pk, _r in rows])}
        ranked = []
        for pk, rank in rows:
            if pk in found:
                found[pk].rank = rank
                ranked.append(found[pk])
        return ranked

    def __iter__(self) -> Iterator[Any]:
        return iter(self[0:None])


def matching(
    items: QuerySet[Any],
    q: str,
    *,
    scopes: list[uuid.UUID | None],
    kind: str = "",
    theme: uuid.UUID | None = None,
) -> QuerySet[Any] | Ranked:
    """The ``items`` that match ``q``, best first (with ``rank``: higher is better); ``items``
    unchanged for a query without words. ``scopes`` (collaboration ids, None for national),
    ``kind`` and ``theme`` are the filters ``items`` already applies: on SQLite they narrow the
    index too."""
    text = " ".join(q.split())[: MAX_QUERY_WORDS * MAX_WORD_LENGTH]
    if _vendor() == "postgresql":
        if not _WORD.search(text):
            return items
        return Ranked(items, text=text)
    terms = query_words(text)
    if not terms:
        return items
    if _vendor() != "sqlite" or not scopes:
        return items.none()
    parts = ["{title content} : (" + " ".join(f'"{t}"' for t in terms) + ")"]
    parts.append("scope : (" + " OR ".join(f'"{scope_token(s)}"' for s in scopes) + ")")
    if kind:
        parts.append(f'facets : "{kind_token(kind)}"')
    if theme:
        parts.append(f'facets : "{theme_token(theme)}"')
    return Ranked(items, match=" AND ".join(parts))
