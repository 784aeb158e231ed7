"""Extension points: what each app adds to the whole, said in the app's own files.

An app contributes by defining a list under a point's name in its module ``contributions.py``
(``schakel/<app>/contributions.py``). The app that owns a point collects the contributions here,
in the order of ``INSTALLED_APPS`` (the layers, ``schakel.core.layers``), without importing the
contributing apps: a lower app never imports a higher one. The points and what each entry is
are listed in ``docs/architecture.md``.
"""

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from django.apps import apps

MODULE = "contributions"

# The points, by name; each app's ``contributions.py`` defines a list under any of them.
DEMO_DATA = "DEMO_DATA"
DASHBOARD_PANELS = "DASHBOARD_PANELS"
HEALTH_CHECKS = "HEALTH_CHECKS"
NAVIGATION = "NAVIGATION"
PERSON_JOIN_HOOKS = "PERSON_JOIN_HOOKS"
INCLUSION_FOLLOW_UP = "INCLUSION_FOLLOW_UP"
CASE_SECTIONS = "CASE_SECTIONS"
PROCESSING_ACTIVITIES = "PROCESSING_ACTIVITIES"
RETENTION_HANDLERS = "RETENTION_HANDLERS"
ACCESS_EXPORT_SECTIONS = "ACCESS_EXPORT_SECTIONS"
API_URLS = "API_URLS"
PAGE_THEME = "PAGE_THEME"
PUBLIC_PATHS = "PUBLIC_PATHS"
WORK_ITEMS = "WORK_ITEMS"
SEARCH_PROVIDERS = "SEARCH_PROVIDERS"
COLLABORATION_SECTIONS = "COLLABORATION_SECTIONS"
WORK_KINDS = "WORK_KINDS"
LOG_ACTION_NAMES = "LOG_ACTION_NAMES"
POINTS = frozenset(
    {
        DEMO_DATA,
        DASHBOARD_PANELS,
        HEALTH_CHECKS,
        NAVIGATION,
        PERSON_JOIN_HOOKS,
        INCLUSION_FOLLOW_UP,
        CASE_SECTIONS,
        PROCESSING_ACTIVITIES,
        RETENTION_HANDLERS,
        ACCESS_EXPORT_SECTIONS,
        API_URLS,
        PAGE_THEME,
        PUBLIC_PATHS,
        WORK_ITEMS,
        SEARCH_PROVIDERS,
        COLLABORATION_SECTIONS,
        WORK_KINDS,
        LOG_ACTION_NAMES,
    }
)


def _module_of(app_name: str) -> ModuleType | None:
    name = f"{app_name}.{MODULE}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:  # the app contributes nothing; any other missing module is a bug
            return None
        raise


@cache
def _modules() -> tuple[ModuleType, ...]:
    found = (_module_of(config.name) for config in apps.get_app_configs())
    return tuple(module for module in found if module is not None)


def contributions(point: str) -> list[Any]:
    """Every app's entries for ``point``, in the order of the layers."""
    if point not in POINTS:
        raise ValueError(f"Onbekend uitbreidingspunt {point!r}.")
    entries: list[Any] = []
    for module in _modules():
        entries.extend(getattr(module, point, ()))
    return entries


def unknown_points() -> list[str]:
    """Names in a ``contributions`` module that look like a point but are none (a typo would
    otherwise contribute nothing, silently)."""
    return [
        f"{module.__name__}.{name}"
        for module in _modules()
        for name, value in vars(module).items()
        if isinstance(value, list) and name.isupper() and not name.startswith("_")
        and name not in POINTS
    ]  # fmt: skip


@dataclass(frozen=True)
class DashboardPanel:
    """A part of the start page: the template to include and what it shows (``board``)."""

    template: str
    board: Any
