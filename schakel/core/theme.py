"""The house style a page wears, as an app contributes it (``PAGE_THEME``).

Every page loads the bundled example theme; an app may add a stylesheet of design tokens on
top, scoped to a class that ``base.html`` puts on ``<html>``. The lookup is lazy: a page that
does not ask for it (the 500 page, which must work without a database) costs nothing.
"""

from dataclasses import dataclass
from functools import cached_property

from django.http import HttpRequest

from schakel.core.extensions import PAGE_THEME, contributions


@dataclass(frozen=True)
class PageTheme:
    """A stylesheet of design tokens (``href``) and the class it is scoped to."""

    href: str
    css_class: str


class LazyPageTheme:
    """The first contributed theme for the request, looked up when a template asks."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    @cached_property
    def _theme(self) -> PageTheme | None:
        for provider in contributions(PAGE_THEME):
            theme = provider(self._request)
            if theme is not None:
                return theme  # type: ignore[no-any-return]
        return None

    @property
    def href(self) -> str:
        return self._theme.href if self._theme is not None else ""

    @property
    def css_class(self) -> str:
        return self._theme.css_class if self._theme is not None else ""


def page_theme(request: HttpRequest) -> dict[str, object]:
    """Context processor: ``page_theme.href`` and ``page_theme.css_class`` ("" for none)."""
    return {"page_theme": LazyPageTheme(request)}
