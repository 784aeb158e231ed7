"""An entry of the main menu, as apps contribute it (``NAVIGATION`` in their contributions), and
the counts the entries that lead to work show (``badge_counts``)."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import Promise

from schakel.core.work import counts_by_menu, total, work_for_request


@dataclass(frozen=True)
class NavItem:
    """A menu entry: shown to users with one of ``roles`` (None: every signed-in user).

    ``acting``: only while the user acts in a membership with one of those roles (its pages are
    scoped to the acting membership). ``admin_only``: superusers see it too. ``position`` orders
    the menu across apps (lower first).
    """

    label: str | Promise
    url_name: str
    roles: frozenset[str] | None
    admin_only: bool = False
    acting: bool = False
    position: int = 1000


# The menu entry of Mijn werk: its count is everything that waits.
WORK_ENTRY = "core:dashboard"


def badge_counts(request: HttpRequest, items: list[NavItem]) -> dict[str, int]:
    """How many things wait under each shown menu entry, from the request's one collection of
    work items (``schakel.core.work``); nothing without an acting membership."""
    if getattr(request, "acting_membership", None) is None or not items:
        return {}
    work = work_for_request(request)
    counts: dict[str, int] = dict(counts_by_menu(work))
    counts[WORK_ENTRY] = total(work)
    return counts
