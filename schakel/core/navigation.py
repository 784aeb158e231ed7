"""An entry of the main menu, as apps contribute it (``NAVIGATION`` in their contributions)."""

from dataclasses import dataclass

from django.utils.functional import Promise


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
