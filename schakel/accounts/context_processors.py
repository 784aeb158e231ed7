"""Navigation by role: each item lists the roles that see it (superusers see the admin items)."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.accounts.mfa import is_verified


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[str] | None  # None: every signed-in user
    admin_only: bool = False


NAVIGATION: tuple[NavItem, ...] = (
    NavItem(_("Overzicht"), "core:dashboard", None),
    NavItem(_("Partners"), "network:directory", None),
    NavItem(_("Verwerkingsregister"), "audit:register", frozenset({Role.PRIVACY_OFFICER})),
    NavItem(_("Logboek"), "audit:integrity", frozenset({Role.PRIVACY_OFFICER})),
    NavItem(_("Beheer"), "network:admin_organisations", frozenset({Role.FUNCTIONAL_ADMIN}), True),
    NavItem(_("API-tokens"), "api_tokens:list", None),
)


def visible_items(roles: set[str], *, is_superuser: bool) -> list[NavItem]:
    items = []
    for item in NAVIGATION:
        if item.roles is None or roles & item.roles or (item.admin_only and is_superuser):
            items.append(item)
    return items


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    memberships = getattr(request, "active_memberships", [])
    if not is_verified(user):
        return {"navigation": []}
    roles = {m.role for m in memberships}
    items = visible_items(roles, is_superuser=bool(getattr(user, "is_superuser", False)))
    return {
        "navigation": [
            {
                "label": i.label,
                "url": reverse(i.url_name),
                "current": request.resolver_match is not None
                and request.resolver_match.view_name == i.url_name,
            }
            for i in items
        ],
        "acting_membership": getattr(request, "acting_membership", None),
        "active_memberships": memberships,
    }
