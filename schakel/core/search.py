"""What an app contributes to the search (``SEARCH_PROVIDERS``): its lookups, each within what
the acting membership may see in the app's own lists. The search page is the app ``search``
(docs/search.md); this module holds only the shapes, so that every app can contribute without
importing it.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.functional import Promise

Text = str | Promise

# At most this many hits of one kind from one provider: a search finds one person or object, not
# a list. The search page says when a kind reached it.
HITS_PER_KIND = 25


@dataclass(frozen=True)
class SearchHit:
    """One found object, as a list shows it: reference, kind, phase or status, dates, the
    organisation it belongs to, and the link to it. ``persons`` are the processing log's data
    subjects (``schakel.audit.services.Subject``) the hit shows: the search writes a read record
    for each."""

    reference: str
    kind: Text
    status: Text
    dates: tuple[tuple[Text, date], ...]
    organisation: str
    url: str
    persons: tuple[Any, ...] = field(default=())


@dataclass(frozen=True)
class SearchProvider:
    """An app's lookups. ``prefixes``: the reference prefixes it answers for (``CAS``, ...).
    ``by_reference(membership, reference)``: the visible objects with this (normalised)
    reference. ``by_name(membership, signal_ids)``: the visible objects about the persons of
    these signals (a queryset of signal ids whose name matched), or None when the app has none.
    """

    prefixes: frozenset[str]
    by_reference: Callable[[Any, str], Sequence[SearchHit]]
    by_name: Callable[[Any, Any], Sequence[SearchHit]] | None = None
