"""The WCAG 2.2 AA contrast check of a theme, before it is accepted.

A theme usually sets only some tokens; the rest come from the bundled example theme, which
stays loaded beneath it. So the check reads the theme's tokens merged over the example theme's
and resolves ``var(--x, fallback)`` chains the way the browser does, then measures the pairs
that Schakel's pages actually paint. The token names are those that the Utrecht component CSS
(``static/vendor/utrecht-component-library.css``) and ``static/css/schakel.css`` read; the
fallbacks after them are what those stylesheets or the browser use when a token is missing.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import tinycss2
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tinycss2 import ast

from schakel.theming.colours import WHITE, Colour, composite, contrast_ratio, parse_colour
from schakel.theming.tokens import ParsedTheme, Tokens, read_tokens

DEFAULT_THEME = "vendor/voorbeeld-theme.css"
MAX_DEPTH = 32
MAX_TOKENS = 256
# The page: <body class="utrecht-page-body">; without a colour the browser paints white.
PAGE_BACKGROUND = "var(--utrecht-page-body-background-color, #ffffff)"


@dataclass(frozen=True)
class Pair:
    """Two colours that are seen against each other, and the contrast WCAG asks of them."""

    key: str
    foreground_label: str | Promise
    background_label: str | Promise
    foreground: str
    background: str
    minimum: float
    criterion: str


PAIRS: tuple[Pair, ...] = (
    Pair(
        "text",
        gettext_lazy("De tekstkleur"),
        gettext_lazy("de achtergrond"),
        "var(--utrecht-page-body-color, var(--utrecht-document-color, #000000))",
        PAGE_BACKGROUND,
        4.5,
        "1.4.3",
    ),
    Pair(
        "link",
        gettext_lazy("De linkkleur"),
        gettext_lazy("de achtergrond"),
        "var(--utrecht-link-color, #0000ee)",
        PAGE_BACKGROUND,
        4.5,
        "1.4.3",
    ),
    Pair(
        "navigation",
        gettext_lazy("De linkkleur in het hoofdmenu"),
        gettext_lazy("de achtergrond van het hoofdmenu"),
        "var(--utrecht-link-color, #0000ee)",
        "var(--utrecht-nav-bar-background-color, transparent)",
        4.5,
        "1.4.3",
    ),
    Pair(
        "current_page",
        gettext_lazy("De huidige pagina in de paginering"),
        gettext_lazy("haar achtergrond"),
        "var(--utrecht-pagination-page-link-current-color, var(--utrecht-page-body-color, "
        "#000000))",
        "var(--utrecht-pagination-page-link-current-background-color, transparent)",
        4.5,
        "1.4.3",
    ),
    Pair(
        "heading_1",
        gettext_lazy("De kleur van hoofdkoppen"),
        gettext_lazy("de achtergrond"),
        "var(--utrecht-heading-1-color, var(--utrecht-heading-color, "
        "var(--utrecht-document-color, #000000)))",
        PAGE_BACKGROUND,
        3.0,  # large text: 1.4.3 asks 3:1
        "1.4.3",
    ),
    Pair(
        "heading_2",
        gettext_lazy("De kleur van tussenkoppen"),
        gettext_lazy("de achtergrond"),
        "var(--utrecht-heading-2-color, var(--utrecht-heading-color, "
        "var(--utrecht-document-color, #000000)))",
        PAGE_BACKGROUND,
        4.5,
        "1.4.3",
    ),
    Pair(
        "label",
        gettext_lazy("De kleur van veldlabels"),
        gettext_lazy("de achtergrond"),
        "var(--utrecht-form-label-color, var(--utrecht-page-body-color, #000000))",
        PAGE_BACKGROUND,
        4.5,
        "1.4.3",
    ),
    Pair(
        "footer",
        gettext_lazy("De tekstkleur van de voettekst"),
        gettext_lazy("de achtergrond van de voettekst"),
        "var(--utrecht-page-footer-color, var(--utrecht-page-body-color, #000000))",
        "var(--utrecht-page-footer-background-color, transparent)",
        4.5,
        "1.4.3",
    ),
    Pair(
        "button",
        gettext_lazy("De tekstkleur van de primaire knop"),
        gettext_lazy("de knopachtergrond"),
        "var(--utrecht-button-primary-action-color, #000000)",
        "var(--utrecht-button-primary-action-background-color, transparent)",
        4.5,
        "1.4.3",
    ),
    Pair(
        "focus_outline",
        gettext_lazy("De focusrand"),
        gettext_lazy("de achtergrond"),
        "var(--basis-focus-outline-color, #000000)",
        PAGE_BACKGROUND,
        3.0,
        "1.4.11",
    ),
    Pair(
        "focus_text",
        gettext_lazy("De tekstkleur bij focus"),
        gettext_lazy("de focusachtergrond"),
        "var(--utrecht-link-focus-color, var(--basis-focus-color, #000000))",
        "var(--utrecht-link-focus-background-color, var(--basis-focus-background-color, "
        "transparent))",
        4.5,
        "1.4.3",
    ),
    Pair(
        "control_text",
        gettext_lazy("De tekstkleur van invoervelden"),
        gettext_lazy("hun achtergrond"),
        "var(--utrecht-textbox-color, var(--utrecht-form-control-color, #000000))",
        "var(--utrecht-textbox-background-color, var(--utrecht-form-control-background-color, "
        "transparent))",
        4.5,
        "1.4.3",
    ),
    Pair(
        "control_border",
        gettext_lazy("De rand van invoervelden"),
        gettext_lazy("de achtergrond"),
        "var(--utrecht-textbox-border-color, var(--utrecht-form-control-border-color, #767676))",
        PAGE_BACKGROUND,
        3.0,
        "1.4.11",
    ),
)


def _split_var(arguments: Sequence[Any]) -> tuple[str | None, Tokens | None]:
    """``var(--name, fallback)`` → the name and the fallback tokens (None: no fallback)."""
    parts = [t for t in arguments if t.type not in ("whitespace", "comment")]
    if not parts or parts[0].type != "ident" or not parts[0].value.startswith("--"):
        return None, None
    name = parts[0].value
    for index, token in enumerate(arguments):
        if token.type == "literal" and token.value == ",":
            fallback = list(arguments[index + 1 :])
            while fallback and fallback[0].type == "whitespace":
                fallback.pop(0)
            return name, fallback
    return name, None


class _Resolver:
    """Resolves ``var()`` as the browser does, each custom property once: a property in a cycle
    resolves to nothing (its users fall back), and a value that grows past ``MAX_TOKENS``
    (``--a: var(--b) var(--b)`` nested deep doubles at every step) counts as unreadable, so a
    hostile file costs linear work."""

    def __init__(self, values: Mapping[str, Tokens]) -> None:
        self.values = values
        self.done: dict[str, Tokens | None] = {}
        self.active: set[str] = set()

    def name(self, name: str) -> Tokens | None:
        if name in self.done:
            return self.done[name]
        if name in self.active or name not in self.values:
            return None
        self.active.add(name)
        try:
            result = self.tokens(self.values[name])
        finally:
            self.active.discard(name)
        self.done[name] = result
        return result

    def tokens(self, tokens: Sequence[Any], depth: int = 0) -> Tokens | None:
        if depth > MAX_DEPTH:
            return None
        resolved: Tokens = []
        for token in tokens:
            if token.type == "function" and token.lower_name == "var":
                name, fallback = _split_var(token.arguments)
                found = self.name(name) if name is not None else None
                if found is None and fallback is not None:
                    found = self.tokens(fallback, depth + 1)
                if found is None:
                    return None
                resolved.extend(found)
            elif token.type == "function":
                arguments = self.tokens(token.arguments, depth + 1)
                if arguments is None:
                    return None
                resolved.append(
                    ast.FunctionBlock(token.source_line, token.source_column, token.name, arguments)
                )
            else:
                resolved.append(token)
            if len(resolved) > MAX_TOKENS:
                return None
        return resolved


def resolve(tokens: Sequence[Any], values: Mapping[str, Tokens]) -> Tokens | None:
    """``tokens`` with every ``var()`` replaced; None when a reference cannot be resolved (a
    missing token without fallback, or a cycle), as the browser then drops the value."""
    return _Resolver(values).tokens(tokens)


@dataclass(frozen=True)
class Outcome:
    """One pair as measured: the colours (None if unreadable), the ratio, and what is wrong."""

    pair: Pair
    foreground: Colour | None
    background: Colour | None
    ratio: float | None
    problem: str | None

    @property
    def passed(self) -> bool:
        return self.problem is None

    @property
    def shown_ratio(self) -> str:
        """The ratio as the refusal writes it (4,48; never rounded up to the minimum)."""
        return "" if self.ratio is None else format_ratio(self.ratio, self.pair.minimum)


def format_ratio(ratio: float, minimum: float) -> str:
    """Two decimals in the reader's notation (4,48), never rounded up to the minimum."""
    shown = round(ratio, 2)
    if ratio < minimum <= shown:
        shown = minimum - 0.01
    return str(number_format(shown, decimal_pos=2))


def format_minimum(minimum: float) -> str:
    return str(int(minimum)) if minimum == int(minimum) else str(number_format(minimum, 1))


def _colour(expression: str, values: Mapping[str, Tokens]) -> tuple[Colour | None, str]:
    tokens = tinycss2.parse_component_value_list(expression)
    resolved = resolve(tokens, values)
    text = tinycss2.serialize(resolved).strip() if resolved is not None else expression
    return (parse_colour(resolved) if resolved is not None else None), text


def _unreadable(label: str | Promise, text: str) -> str:
    return _(
        "%(what)s („%(value)s”) is geen kleur die Schakel kan controleren; gebruik een "
        "hexadecimale kleur (#1a2b3c), rgb(), hsl() of een kleurnaam."
    ) % {"what": capfirst(str(label)), "value": text[:80]}


def _measure(pair: Pair, values: Mapping[str, Tokens], page: Colour) -> Outcome:
    background, bg_text = _colour(pair.background, values)
    foreground, fg_text = _colour(pair.foreground, values)
    if background is None:
        return Outcome(pair, None, None, None, _unreadable(pair.background_label, bg_text))
    if foreground is None:
        return Outcome(pair, None, None, None, _unreadable(pair.foreground_label, fg_text))
    # Colours with transparency are seen over what lies beneath them: a background over the
    # page, a foreground over its background.
    background = composite(background, page if pair.background != PAGE_BACKGROUND else WHITE)
    foreground = composite(foreground, background)
    ratio = contrast_ratio(foreground, background)
    problem = None
    if ratio < pair.minimum:
        problem = _(
            "%(what)s %(foreground)s op %(where)s %(background)s heeft een contrast van "
            "%(ratio)s:1; nodig is minstens %(minimum)s:1."
        ) % {
            "what": capfirst(str(pair.foreground_label)),
            "foreground": foreground.hex,
            "where": pair.background_label,
            "background": background.hex,
            "ratio": format_ratio(ratio, pair.minimum),
            "minimum": format_minimum(pair.minimum),
        }
    return Outcome(pair, foreground, background, ratio, problem)


@cache
def default_tokens() -> dict[str, Tokens]:
    """The example theme's tokens, read once from the bundled stylesheet."""
    path = finders.find(DEFAULT_THEME)
    if not isinstance(path, str):
        raise ImproperlyConfigured(
            f"{DEFAULT_THEME} is missing from the static files (run scripts/copy-assets)."
        )
    with open(path, encoding="utf-8") as stylesheet:
        return read_tokens(stylesheet.read())


def check_contrast(
    theme: ParsedTheme, defaults: Mapping[str, Tokens] | None = None
) -> list[Outcome]:
    """Every pair of ``PAIRS`` measured on the theme's tokens over the defaults."""
    values = {**(default_tokens() if defaults is None else defaults), **theme.declarations}
    page, _text = _colour(PAGE_BACKGROUND, values)
    page = composite(page, WHITE) if page is not None else WHITE
    return [_measure(pair, values, page) for pair in PAIRS]
