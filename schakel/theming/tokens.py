"""Read a design-tokens file safely: custom properties in ``:root`` or one class, nothing else.

The uploaded text is parsed with tinycss2 and only what passes is kept: rules whose selector is
``:root`` or a single class, and in them only declarations of custom properties
(``--name: value``). At-rules (``@import`` first of all), other properties, nested rules,
``url(…)``, ``expression(…)`` and any function not on a short list are refused, each with a
Dutch message naming the line. What Schakel stores and serves is ``normalised_css``: the
declarations written out again by tinycss2, under Schakel's own class, never the uploaded bytes.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import tinycss2
from django.utils.translation import gettext as _

MAX_BYTES = 300_000
MAX_DECLARATIONS = 5_000
MAX_VALUE_LENGTH = 1_000
MAX_MESSAGES = 20
THEME_CLASS = "schakel-instance-theme"

# Functions a design token may use: references, arithmetic and colour notations. Everything
# else is refused: url() and image functions fetch, expression() ran script in old browsers.
ALLOWED_FUNCTIONS = frozenset(
    {"var", "calc", "min", "max", "clamp", "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch"}
    | {"oklab", "oklch", "color", "color-mix"}
)
NAME = re.compile(r"^--[A-Za-z0-9_-]+$")
MAX_NESTING = 32
# The focus indicator stays 3 px solid whatever a theme says (WCAG 2.4.7): a theme that sets
# these could switch it off on buttons and form fields; Schakel's own tokens are not a theme's.
FIXED_TOKENS = frozenset(
    {"--utrecht-focus-outline-style", "--utrecht-focus-outline-width"}
    | {"--utrecht-focus-outline-offset"}
)
FIXED_PREFIX = "--schakel-"

Tokens = list[Any]


class ThemeRefusedError(Exception):
    """The file is not accepted; ``messages`` says why, in Dutch, one problem each."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


@dataclass(frozen=True)
class ParsedTheme:
    """The design tokens of a file, in order (a later declaration of a name wins)."""

    declarations: dict[str, Tokens]

    def value(self, name: str) -> str:
        return str(tinycss2.serialize(self.declarations[name])).strip()


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _selector_allowed(prelude: Sequence[Any]) -> bool:
    parts = [t for t in prelude if t.type not in ("whitespace", "comment")]
    if len(parts) != 2 or parts[0].type != "literal" or parts[1].type != "ident":
        return False
    if parts[0].value == ":":
        return bool(parts[1].lower_value == "root")
    # ".name" with nothing between the dot and the name.
    return bool(parts[0].value == "." and parts[1].source_column == parts[0].source_column + 1)


def _value_problems(name: str, tokens: Sequence[Any]) -> list[str]:
    problems = []
    for token in tokens:
        line = {"line": token.source_line, "name": _short(name)}
        if token.type == "url" or (token.type == "function" and token.lower_name == "url"):
            problems.append(
                _(
                    "Regel %(line)s: url(…) is niet toegestaan in „%(name)s”: een huisstijl haalt "
                    "niets van elders op."
                )
                % line
            )
        elif token.type == "function" and token.lower_name == "expression":
            problems.append(
                _("Regel %(line)s: expression(…) is niet toegestaan in „%(name)s”.") % line
            )
        elif token.type == "function" and token.lower_name not in ALLOWED_FUNCTIONS:
            problems.append(
                _("Regel %(line)s: de functie %(function)s() is niet toegestaan in „%(name)s”.")
                % {**line, "function": _short(token.name)}
            )
        elif token.type == "function":
            problems.extend(_value_problems(name, token.arguments))
        elif token.type in ("{} block", "[] block", "() block", "error"):
            problems.append(
                _("Regel %(line)s: de waarde van „%(name)s” is geen geldige tokenwaarde.") % line
            )
    return problems


def _nesting(tokens: Sequence[Any]) -> int:
    """How deep functions and blocks nest in a value, counted without recursion."""
    deepest, stack = 0, [(token, 1) for token in tokens]
    while stack:
        token, depth = stack.pop()
        inner = getattr(token, "arguments", None) or getattr(token, "content", None)
        if token.type in ("function", "() block", "[] block", "{} block"):
            deepest = max(deepest, depth)
            if depth > MAX_NESTING:
                return depth
            stack.extend((child, depth + 1) for child in inner or ())
    return deepest


def _declaration_problems(node: Any) -> list[str]:
    line = {"line": node.source_line}
    if node.type != "declaration":
        return [_("Regel %(line)s: binnen een regel staan alleen design tokens.") % line]
    name = node.name
    if not name.startswith("--"):
        return [
            _(
                "Regel %(line)s: de eigenschap „%(name)s” is niet toegestaan; alleen design tokens "
                "(--naam: waarde)."
            )
            % {**line, "name": _short(name)}
        ]
    if not NAME.match(name):
        return [
            _("Regel %(line)s: „%(name)s” is geen geldige tokennaam (letters, cijfers, - en _).")
            % {**line, "name": _short(name)}
        ]
    if name in FIXED_TOKENS or name.startswith(FIXED_PREFIX):
        return [
            _(
                "Regel %(line)s: „%(name)s” ligt vast in Schakel (de focusaanduiding blijft "
                "3 px doorgetrokken); laat dit token weg."
            )
            % {**line, "name": _short(name)}
        ]
    if _nesting(node.value) > MAX_NESTING:
        return [
            _("Regel %(line)s: de waarde van „%(name)s” is te diep genest.")
            % {**line, "name": _short(name)}
        ]
    value = tinycss2.serialize(node.value).strip()
    if not value:
        return [_("Regel %(line)s: „%(name)s” heeft geen waarde.") % {**line, "name": name}]
    if len(value) > MAX_VALUE_LENGTH:
        return [
            _("Regel %(line)s: de waarde van „%(name)s” is langer dan %(limit)s tekens.")
            % {**line, "name": name, "limit": MAX_VALUE_LENGTH}
        ]
    return _value_problems(name, node.value)


def _rule_problems(rule: Any) -> list[str]:
    line = {"line": rule.source_line}
    if rule.type == "at-rule":
        if rule.lower_at_keyword == "import":
            return [
                _("Regel %(line)s: @import is niet toegestaan: een huisstijl haalt niets van "
                  "elders op.") % line
            ]  # fmt: skip
        return [
            _("Regel %(line)s: @%(name)s is niet toegestaan; alleen :root of één klasse met "
              "design tokens.") % {**line, "name": _short(rule.at_keyword)}
        ]  # fmt: skip
    if rule.type != "qualified-rule":
        return [_("Regel %(line)s: hier staat geen geldige CSS.") % line]
    if not _selector_allowed(rule.prelude):
        selector = tinycss2.serialize(rule.prelude).strip()
        return [
            _("Regel %(line)s: de selector „%(selector)s” is niet toegestaan; gebruik :root of "
              "één klasse (zoals .mijn-thema).") % {**line, "selector": _short(selector)}
        ]  # fmt: skip
    return []


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ThemeRefusedError(
            [
                _("Het bestand is %(size)s kB; een huisstijl mag hoogstens %(limit)s kB zijn.")
                % {"size": -(-len(data) // 1000), "limit": MAX_BYTES // 1000}
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ThemeRefusedError([_("Het bestand is geen tekst in UTF-8.")]) from error


def parse_theme(data: bytes) -> ParsedTheme:
    """The design tokens of ``data``; ``ThemeRefusedError`` with every problem found otherwise."""
    text = _decode(data)
    try:
        return _parse(text)
    except RecursionError as error:  # nesting deeper than the parser can follow
        raise ThemeRefusedError([_("Het bestand is te diep genest.")]) from error


def _parse(text: str) -> ParsedTheme:
    problems: list[str] = []
    declarations: dict[str, Tokens] = {}
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    for rule in rules:
        rule_problems = _rule_problems(rule)
        problems.extend(rule_problems)
        if rule_problems:
            continue
        content = tinycss2.parse_blocks_contents(
            rule.content, skip_comments=True, skip_whitespace=True
        )
        for node in content:
            found = _declaration_problems(node)
            problems.extend(found)
            if not found:
                declarations.pop(node.name, None)  # a later declaration wins, and goes last
                declarations[node.name] = _strip(node.value)
    if not problems and not declarations:
        problems.append(_("Het bestand bevat geen design tokens (--naam: waarde)."))
    if len(declarations) > MAX_DECLARATIONS:
        problems.append(
            _("Het bestand bevat meer dan %(limit)s design tokens.") % {"limit": MAX_DECLARATIONS}
        )
    if problems:
        raise ThemeRefusedError(problems[:MAX_MESSAGES])
    return ParsedTheme(declarations)


def _strip(tokens: Sequence[Any]) -> Tokens:
    items = list(tokens)
    while items and items[0].type in ("whitespace", "comment"):
        items.pop(0)
    while items and items[-1].type in ("whitespace", "comment"):
        items.pop()
    return items


def normalised_css(theme: ParsedTheme) -> str:
    """The stylesheet Schakel serves: every token under its own class, written by tinycss2."""
    lines = [f"  {name}: {theme.value(name)};" for name in theme.declarations]
    header = "/* Huisstijl van deze installatie, door Schakel gecontroleerd en herschreven. */"
    return "\n".join([header, f".{THEME_CLASS} {{", *lines, "}", ""])


def read_tokens(text: str) -> dict[str, Tokens]:
    """Every custom property in a trusted stylesheet (the bundled example theme), leniently."""
    found: dict[str, Tokens] = {}
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        for node in tinycss2.parse_blocks_contents(rule.content, skip_comments=True):
            if node.type == "declaration" and node.name.startswith("--"):
                found[node.name] = _strip(node.value)
    return found
