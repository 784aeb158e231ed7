"""Navigation by role: each item lists the roles that see it (superusers see the admin items).

Items marked ``acting`` show only while the user acts in a membership with one of those roles:
their pages are scoped to the acting membership and are a 404 in any other.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES, Role
from schakel.accounts.mfa import is_verified


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[str] | None  # None: every signed-in user
    admin_only: bool = False
    acting: bool = False


# Roles that act at the table for their organisation: weighing, cases, meetings, interventions.

NAVIGATION: tuple[NavItem, ...] = (
    NavItem(_("Overzicht"), "core:dashboard", None),
    NavItem(_("Meldpunt"), "intake:inbox", frozenset({Role.MUNICIPAL_LEAD}), acting=True),
    NavItem(
        _("Signalen"),
        "intake:signal_list",
        frozenset({Role.PARTNER_MEMBER, Role.MUNICIPAL_LEAD, Role.PROCESS_DIRECTOR}),
        acting=True,
    ),
    NavItem(_("Weging"), "weighing:session_list", TABLE_ROLES, acting=True),
    NavItem(_("Casussen"), "cases:case_list", TABLE_ROLES, acting=True),
    NavItem(_("Casusoverleg"), "cases:meeting_list", TABLE_ROLES, acting=True),
    NavItem(_("Interventies"), "cases:intervention_list", TABLE_ROLES, acting=True),
    NavItem(
        _("Online onderzoek"),
        "intake:online:list",
        frozenset({Role.MUNICIPAL_LEAD, Role.PRIVACY_OFFICER}),
        acting=True,
    ),
    NavItem(
        _("Signalen (metadata)"),
        "intake:privacy_signals",
        frozenset({Role.PRIVACY_OFFICER}),
        acting=True,
    ),
    NavItem(
        _("AVG-verzoeken"),
        "privacy:request_list",
        frozenset({Role.MUNICIPAL_LEAD, Role.PRIVACY_OFFICER}),
        acting=True,
    ),
    NavItem(
        _("Verzoeken om inbreng"),
        "privacy:request_inbox",
        frozenset({Role.PROCESS_DIRECTOR, Role.PARTNER_MEMBER}),
        acting=True,
    ),
    NavItem(_("Partners"), "network:directory", None),
    NavItem(_("Privacybureau"), "privacy:desk", frozenset({Role.PRIVACY_OFFICER}), acting=True),
    NavItem(_("Verwerkingsregister"), "audit:register", frozenset({Role.PRIVACY_OFFICER})),
    NavItem(_("Logboek"), "audit:log_search", frozenset({Role.PRIVACY_OFFICER}), acting=True),
    NavItem(
        _("Toegangsreview"),
        "privacy:desk_access_review",
        frozenset({Role.FUNCTIONAL_ADMIN, Role.ADMINISTRATOR}),
        acting=True,
    ),
    NavItem(_("Beheer"), "network:admin_organisations", frozenset({Role.FUNCTIONAL_ADMIN}), True),
    NavItem(_("Fenomenen"), "intake:phenomena", frozenset(), True),
    NavItem(_("API-tokens"), "api_tokens:list", None),
)


def visible_items(
    roles: set[str], *, is_superuser: bool, acting_role: str | None = None
) -> list[NavItem]:
    items = []
    for item in NAVIGATION:
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
