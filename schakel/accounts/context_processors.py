"""Navigation by role: each item lists the roles that see it (superusers see the admin items).

Items marked ``acting`` show only while the user acts in a membership with one of those roles:
their pages are scoped to the acting membership and are a 404 in any other. Each app contributes
its own items (``NAVIGATION`` in its ``contributions.py``).
"""

from django.http import HttpRequest
from django.urls import reverse

from schakel.accounts.mfa import is_verified
from schakel.core.extensions import NAVIGATION, contributions
from schakel.core.navigation import NavItem, badge_counts


def menu() -> list[NavItem]:
    """Every app's menu entries (``NAVIGATION`` in its contributions), in menu order."""
    return sorted(contributions(NAVIGATION), key=lambda item: item.position)


def visible_items(
    roles: set[str], *, is_superuser: bool, acting_role: str | None = None
) -> list[NavItem]:
    items = []
    for item in menu():
        if (item.admin_only and is_superuser) or item.roles is None:
            items.append(item)
        elif item.acting:
            if acting_role in item.roles:
                items.append(item)
        elif roles & item.roles:
            items.append(item)
    return items


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    memberships = getattr(request, "active_memberships", [])
    if not is_verified(user):
        return {"navigation": []}
    roles = {m.role for m in memberships}
    acting = getattr(request, "acting_membership", None)
    items = visible_items(
        roles,
        is_superuser=bool(getattr(user, "is_superuser", False)),
        acting_role=acting.role if acting is not None else None,
    )
    counts = badge_counts(request, items)
    return {
        "navigation": [
            {
                "label": i.label,
                "url": reverse(i.url_name),
                "count": counts.get(i.url_name, 0),
                "current": request.resolver_match is not None
                and request.resolver_match.view_name == i.url_name,
            }
            for i in items
        ],
        "acting_membership": getattr(request, "acting_membership", None),
        "active_memberships": memberships,
    }
