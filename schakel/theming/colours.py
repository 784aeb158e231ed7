"""Colours as CSS writes them, and the WCAG 2.2 contrast between two of them (pure).

Understood: hex (3, 4, 6 and 8 digits), ``rgb()``/``rgba()`` and ``hsl()``/``hsla()`` in the
comma and the space syntax, the named colours and ``transparent``. Anything else (``oklch()``,
``color-mix()``, ``currentColor``, …) is not a colour this check can read: ``parse_colour``
returns None and the caller refuses the theme rather than accept what it cannot check.
"""

import colorsys
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tinycss2 import ast

from schakel.theming.named_colours import NAMED_COLOURS


@dataclass(frozen=True)
class Colour:
    """An sRGB colour: red, green, blue from 0 to 255, alpha from 0 (transparent) to 1."""

    red: float
    green: float
    blue: float
    alpha: float = 1.0

    @property
    def opaque(self) -> bool:
        return self.alpha >= 1.0

    @property
    def hex(self) -> str:
        """``#rrggbb``, or ``#rrggbbaa`` when not opaque."""
        parts = [self.red, self.green, self.blue] + ([] if self.opaque else [self.alpha * 255])
        return "#" + "".join(f"{round(part):02x}" for part in parts)


WHITE = Colour(255, 255, 255)


def _channel(value: float) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.2 relative luminance of an opaque colour (0 black … 1 white)."""
    return (
        0.2126 * _channel(colour.red)
        + 0.7152 * _channel(colour.green)
        + 0.0722 * _channel(colour.blue)
    )


def contrast_ratio(first: Colour, second: Colour) -> float:
    """WCAG 2.2 contrast ratio (1 … 21) of two opaque colours, in either order."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def composite(colour: Colour, over: Colour) -> Colour:
    """``colour`` painted over the opaque colour ``over`` (simple alpha compositing)."""
    a = colour.alpha
    return Colour(
        colour.red * a + over.red * (1 - a),
        colour.green * a + over.green * (1 - a),
        colour.blue * a + over.blue * (1 - a),
    )


def _from_hex(digits: str) -> Colour | None:
    if not all(c in "0123456789abcdefABCDEF" for c in digits) or len(digits) not in (3, 4, 6, 8):
        return None
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits)
    values = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
    alpha = values[3] / 255 if len(values) == 4 else 1.0
    return Colour(values[0], values[1], values[2], alpha)


def _is(token: Any, literal: str) -> bool:
    return bool(token.type == "literal" and token.value == literal)


def _arguments(function: ast.FunctionBlock) -> list[Any] | None:
    """The channel values (and alpha) in either syntax the browser accepts, or None:
    commas (``rgb(1, 2, 3)``, ``rgb(1, 2, 3, 0.5)``: every other token a comma) or spaces with an
    optional ``/ alpha`` (``rgb(1 2 3 / 50%)``). Anything else is invalid CSS, which the browser
    drops: reading it as a colour would let the check pass a colour nobody sees."""
    parts = [t for t in function.arguments if t.type not in ("whitespace", "comment")]
    if any(_is(t, ",") for t in parts):
        values, separators = parts[0::2], parts[1::2]
        if len(parts) % 2 == 0 or not all(_is(s, ",") for s in separators):
            return None
        if len(values) not in (3, 4):
            return None
        if function.lower_name.startswith("rgb") and len({v.type for v in values[:3]}) > 1:
            return None  # the comma syntax does not mix numbers and percentages
    else:
        slashes = [i for i, t in enumerate(parts) if _is(t, "/")]
        if slashes and (slashes != [3] or len(parts) != 5):
            return None
        values = parts[:3] + parts[4:] if slashes else parts
        if len(values) != (4 if slashes else 3):
            return None
    if any(t.type not in ("number", "percentage", "dimension") for t in values):
        return None
    return values


def _number(token: Any, *, percent_of: float) -> float | None:
    if token.type == "number":
        return float(token.value)
    if token.type == "percentage":
        return float(token.value) * percent_of / 100
    return None


def _alpha(tokens: Sequence[Any]) -> float | None:
    if not tokens:
        return 1.0
    value = _number(tokens[0], percent_of=1)
    return None if value is None else min(max(value, 0.0), 1.0)


def _hue(token: Any) -> float | None:
    if token.type == "number":
        return float(token.value)
    turns = {"deg": 1 / 360, "grad": 1 / 400, "rad": 1 / (2 * math.pi), "turn": 1.0}
    if token.type == "dimension" and token.lower_unit in turns:
        return float(token.value) * turns[token.lower_unit] * 360
    return None


def _byte(value: float) -> float:
    """A channel as the browser keeps it: 0 … 255, whole, halves rounded up."""
    return float(math.floor(min(max(value, 0.0), 255.0) + 0.5))


def _from_rgb(values: list[Any]) -> Colour | None:
    if len(values) not in (3, 4):
        return None
    channels = [_number(v, percent_of=255) for v in values[:3]]
    alpha = _alpha(values[3:])
    if alpha is None or any(c is None for c in channels):
        return None
    red, green, blue = (_byte(c or 0.0) for c in channels)
    return Colour(red, green, blue, alpha)


def _from_hsl(values: list[Any]) -> Colour | None:
    if len(values) not in (3, 4) or any(v.type != "percentage" for v in values[1:3]):
        return None
    hue = _hue(values[0])
    alpha = _alpha(values[3:])
    if hue is None or alpha is None:
        return None
    saturation = min(max(float(values[1].value) / 100, 0.0), 1.0)
    lightness = min(max(float(values[2].value) / 100, 0.0), 1.0)
    red, green, blue = colorsys.hls_to_rgb((hue % 360) / 360, lightness, saturation)
    return Colour(_byte(red * 255), _byte(green * 255), _byte(blue * 255), alpha)


def parse_colour(tokens: Sequence[Any]) -> Colour | None:
    """The colour that a (resolved) value's tokens spell, or None if they spell none we read."""
    meaningful = [t for t in tokens if t.type not in ("whitespace", "comment")]
    if len(meaningful) != 1:
        return None
    [token] = meaningful
    if token.type == "hash":
        return _from_hex(token.value)
    if token.type == "ident":
        name = token.lower_value
        if name == "transparent":
            return Colour(0, 0, 0, 0.0)
        return _from_hex(NAMED_COLOURS[name]) if name in NAMED_COLOURS else None
    if token.type == "function" and token.lower_name in ("rgb", "rgba", "hsl", "hsla"):
        values = _arguments(token)
        if values is None:
            return None
        return _from_rgb(values) if token.lower_name.startswith("rgb") else _from_hsl(values)
    return None
