"""An entry of the main menu, as apps contribute it (``NAVIGATION`` in their contributions), and
the counts the entries that lead to work show (``badge_counts``)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise

from schakel.core.work import collected, counts_by_menu, total, work_for_request


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
# The counts of the last Mijn werk page are shown on other pages for this long.
BADGE_MAX_AGE = timedelta(minutes=5)
_SESSION_KEY = "work_counts"


def badge_counts(request: HttpRequest, items: list[NavItem]) -> dict[str, int]:
    """How many things wait under each shown menu entry; nothing without an acting membership.

    Counting costs a query per kind of work, so it is done where the work is collected anyway
    (Mijn werk, the start page after sign-in: ``schakel.core.work.work_for_request``). That page
    keeps the counts in the session; other pages show them, without a query, while they are
    at most ``BADGE_MAX_AGE`` old and for the same acting membership, and show none after.
    """
    membership = getattr(request, "acting_membership", None)
    session = getattr(request, "session", None)
    if membership is None or session is None or not items:
        return {}
    now = timezone.now()
    if collected(request):
        work = work_for_request(request)
        counts: dict[str, int] = dict(counts_by_menu(work))
        counts[WORK_ENTRY] = total(work)
        session[_SESSION_KEY] = {
            "membership": str(membership.pk),
            "at": now.isoformat(),
            "counts": counts,
        }
        return counts
    kept = session.get(_SESSION_KEY)
    if not isinstance(kept, dict) or kept.get("membership") != str(membership.pk):
        return {}
    try:
        at = datetime.fromisoformat(kept["at"])
    except (KeyError, TypeError, ValueError):
        return {}
    if not timedelta(0) <= now - at <= BADGE_MAX_AGE:
        return {}
    return {str(k): int(v) for k, v in kept.get("counts", {}).items()}
