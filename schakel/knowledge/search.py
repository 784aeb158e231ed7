"""Full-text search of the knowledge base, on PostgreSQL and on SQLite.

- **PostgreSQL**: a ``tsvector`` column ``search_vector`` on the items' table with a GIN index
  (added by migration 0002 on PostgreSQL only), filled with ``to_tsvector('dutch', …)``: the
  title weighs most (A), the summary and themes next (B), the current version's text last (C).
  A query is read with ``websearch_to_tsquery('dutch', …)`` (all words must occur, "quotes"
  for a phrase, ``-word`` to leave out) and ranked with ``ts_rank``. Dutch word forms are found
  through PostgreSQL's Dutch Snowball stemmer (``handboeken`` finds ``handboek``).
- **SQLite**: an FTS5 table ``knowledge_search`` (also created by migration 0002), holding the
  same texts as words reduced by ``stem`` below, a small Dutch stemmer (plurals in -en and -s,
  a final -e, double vowels and consonants made single), and the item's id in a column of its
  own that queries never search (it finds the entry to replace). Every query word must occur as the
  start of an indexed word (a prefix match), ranked with ``bm25`` (title ten times the rest).
  It finds most regular word forms; irregular ones (``stad``/``steden``) it does not.

The services call ``index`` after every write of an item or its versions, in the same
transaction; ``matching`` narrows a queryset of items to those that match, best first.
"""

import re
import unicodedata
from typing import Any

from django.db import connection
from django.db.models import QuerySet

TABLE = "knowledge_knowledgeitem"
FTS_TABLE = "knowledge_search"
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
    return [stem(w) for w in _WORD.findall(_plain(text)) if not w.isdigit() or len(w) > 1]


def query_words(q: str) -> list[str]:
    found = [w[:MAX_WORD_LENGTH] for w in words(q) if len(w) >= 2]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


def _vendor() -> str:
    return str(connection.vendor)


def index(item: Any, *, body: str, themes: list[str]) -> None:
    """Write the item's entry in the search index (its title, summary, themes and the text of
    its current version)."""
    extra = " ".join([item.summary, *themes])
    with connection.cursor() as cursor:
        if _vendor() == "postgresql":
            cursor.execute(
                f"UPDATE {TABLE} SET search_vector = "  # noqa: S608 (constant names)
                "setweight(to_tsvector('dutch', %s), 'A') || "
                "setweight(to_tsvector('dutch', %s), 'B') || "
                "setweight(to_tsvector('dutch', %s), 'C') WHERE id = %s",
                [item.title, extra, body, item.pk],
            )
        elif _vendor() == "sqlite":
            key = item.pk.hex
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [f'item_id : "{key}"'],
            )
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (item_id, title, content) VALUES (%s, %s, %s)",  # noqa: S608
                [key, " ".join(words(item.title)), " ".join(words(f"{extra} {body}"))],
            )


def matching[Q: QuerySet[Any]](items: Q, q: str) -> Q:
    """The items that match ``q``, with ``rank`` (higher is better) and ordered by it; all items
    (newest first) for a query without words."""
    text = " ".join(q.split())[: MAX_QUERY_WORDS * MAX_WORD_LENGTH]
    if _vendor() == "postgresql":
        if not _WORD.search(text):
            return items
        query = "websearch_to_tsquery('dutch', %s)"
        found: Q = items.extra(  # noqa: S610 (constant SQL, the query as a parameter)
            where=[f"{TABLE}.search_vector @@ {query}"],
            params=[text],
            select={"rank": f"ts_rank({TABLE}.search_vector, {query})"},
            select_params=[text],
        )
        return found.order_by("-rank", "-updated_at")
    terms = query_words(text)
    if not terms:
        return items
    match = "{title content} : (" + " ".join(f'"{term}"*' for term in terms) + ")"
    found = items.extra(  # noqa: S610 (constant SQL, the query as a parameter)
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.item_id = {TABLE}.id", f"{FTS_TABLE} MATCH %s"],
        params=[match],
        select={"rank": f"-bm25({FTS_TABLE}, 0.0, 10.0, 1.0)"},
    )
    return found.order_by("-rank", "-updated_at")
