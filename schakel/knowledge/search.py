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

from django.db import connection
from django.db.models import QuerySet

# The statements, written out (no SQL is built from strings; values are parameters).
PG_INDEX = (
    "UPDATE knowledge_knowledgeitem SET search_vector = "
    "setweight(to_tsvector('dutch', %s), 'A') || "
    "setweight(to_tsvector('dutch', %s), 'B') || "
    "setweight(to_tsvector('dutch', %s), 'C') WHERE id = %s"
)
PG_MATCH = "knowledge_knowledgeitem.search_vector @@ websearch_to_tsquery('dutch', %s)"
PG_RANK = "ts_rank(knowledge_knowledgeitem.search_vector, websearch_to_tsquery('dutch', %s))"
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


def index(item: Any, *, body: str, themes: list[tuple[uuid.UUID, str]]) -> None:
    """Write the item's entry in the search index (its title, summary, themes and the text of
    its current version); ``themes`` as (id, name)."""
    extra = " ".join([item.summary, *(name for _id, name in themes)])
    with connection.cursor() as cursor:
        if _vendor() == "postgresql":
            cursor.execute(
                PG_INDEX,
                [item.title, extra, body, item.pk],
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
    - PostgreSQL (``ranking``): the ids and ranks of all matching visible items, in one query
      (the count and every page come from it), so the vectors are read once, not twice.
    """

    def __init__(
        self, items: QuerySet[Any], *, match: str = "", ranking: QuerySet[Any] | None = None
    ) -> None:
        self.items = items
        self.match = match
        self.ranking = ranking
        self._all: list[tuple[uuid.UUID, float]] | None = None
        self._count: int | None = None

    def prefetch_related(self, *lookups: str) -> "Ranked":
        return Ranked(self.items.prefetch_related(*lookups), match=self.match, ranking=self.ranking)

    def _ranked(self) -> list[tuple[uuid.UUID, float]]:
        if self._all is None:
            assert self.ranking is not None
            self._all = list(self.ranking.values_list("pk", "rank"))
        return self._all

    def count(self) -> int:
        if self._count is None:
            if self.ranking is not None:
                self._count = len(self._ranked())
            else:
                with connection.cursor() as cursor:
                    cursor.execute(FTS_COUNT, [self.match])
                    self._count = int(cursor.fetchone()[0])
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _rows(self, start: int, stop: int | None) -> list[tuple[uuid.UUID, float]]:
        if self.ranking is not None:
            return self._ranked()[start:stop]
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
        ranking = items.extra(  # noqa: S610 (constant SQL, the query as a parameter)
            where=[PG_MATCH],
            params=[text],
            select={"rank": PG_RANK},
            select_params=[text],
        ).order_by("-rank", "-updated_at")
        return Ranked(items, ranking=ranking)
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
