"""Mijn werk: what waits for a person and their organisation, as each app contributes it.

An app contributes a callable ``(membership) -> list[WorkItem]`` under ``WORK_ITEMS`` in its
``contributions.py`` (usually from ``<app>/work.py``). It starts from the app's own selectors,
so it shows only what the app's lists show to that membership, in a fixed number of queries,
and shows references, kinds and dates only: no person data, so nothing to log. This module
collects the items (once per request) and sorts them: overdue first, then by due date.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise

from schakel.core.extensions import WORK_ITEMS, WORK_KINDS, contributions

# At most this many items of one kind from one app: work lists stay short, and the queries
# bounded. A contributor says how many more there are in the last item's count.
ROWS_PER_KIND = 50


@dataclass(frozen=True)
class WorkItem:
    """One thing that waits: what kind, what to do (Dutch, a reference and dates only), by when,
    where it is done, and under which menu entry it counts (``menu``: a URL name).

    ``count`` is more than 1 for an item that stands for several (the retention outlook)."""

    kind: str
    label: str | Promise
    due_on: date | None
    url: str
    menu: str = ""
    count: int = 1
    reference: str = ""
    overdue: bool = field(default=False)

    def __post_init__(self) -> None:
        overdue = self.due_on is not None and self.due_on < timezone.localdate()
        object.__setattr__(self, "overdue", overdue)


@dataclass(frozen=True)
class WorkKind:
    """What a kind of work item is called where the item itself is not shown (an e-mail line:
    "Nieuw: Match-suggestie SIG-2026-0042"). An app contributes one per kind of its work items
    under ``WORK_KINDS``. ``on_a_day``: the item's date is the day it takes place (a meeting),
    not a deadline; ``planned``: a new one is announced as planned."""

    kind: str
    label: str | Promise
    on_a_day: bool = False
    planned: bool = False


def work_kind(kind: str) -> WorkKind | None:
    """The contributed description of a kind of work item (None for an unknown kind)."""
    for described in contributions(WORK_KINDS):
        if described.kind == kind:
            return described  # type: ignore[no-any-return]
    return None


def _urgency(item: WorkItem) -> tuple[int, date, str, str]:
    # Overdue first, then by due date; items without a date last; stable by kind and reference.
    return (0 if item.overdue else 1, item.due_on or date.max, item.kind, item.reference)


def work_items_for(membership: Any) -> list[WorkItem]:
    """Every app's work items for this acting membership (none without one), most urgent first."""
    if membership is None:
        return []
    items: list[WorkItem] = []
    for contribute in contributions(WORK_ITEMS):
        items.extend(contribute(membership))
    return sorted(items, key=_urgency)


_CACHE = "_schakel_work_items"


def work_for_request(request: HttpRequest) -> list[WorkItem]:
    """The acting membership's work items, collected once per request (the page, the menu's
    counts and the API share them)."""
    cached: list[WorkItem] | None = getattr(request, _CACHE, None)
    if cached is None:
        cached = work_items_for(getattr(request, "acting_membership", None))
        setattr(request, _CACHE, cached)
    return cached


def collected(request: HttpRequest) -> bool:
    """Whether this request collected the work items already (Mijn werk did)."""
    return getattr(request, _CACHE, None) is not None


def counts_by_menu(items: list[WorkItem]) -> Counter[str]:
    """How many things wait under each menu entry (by its URL name)."""
    counts: Counter[str] = Counter()
    for item in items:
        if item.menu:
            counts[item.menu] += item.count
    return counts


def total(items: list[WorkItem]) -> int:
    return sum(item.count for item in items)
