"""The contrast maths against known WCAG values, and the colour notations it reads."""

import pytest
import tinycss2

from schakel.theming.colours import WHITE, Colour, composite, contrast_ratio, parse_colour


def colour(text: str) -> Colour | None:
    return parse_colour(tinycss2.parse_component_value_list(text))


def test_black_on_white_is_21_to_1() -> None:
    assert contrast_ratio(Colour(0, 0, 0), WHITE) == pytest.approx(21.0)


def test_a_colour_on_itself_is_1_to_1() -> None:
    assert contrast_ratio(Colour(119, 119, 119), Colour(119, 119, 119)) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("#777", "#fff", 4.48),  # the classic just-too-light grey
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#0000ff", "#ffffff", 8.59),
        ("#ffdd00", "#0b0c0c", 14.55),  # the example theme's focus colours
    ],
)
def test_known_ratios(foreground: str, background: str, ratio: float) -> None:
    first, second = colour(foreground), colour(background)
    assert first is not None
    assert second is not None
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.005)
    assert contrast_ratio(second, first) == pytest.approx(ratio, abs=0.005)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#abc", "#aabbcc"),
        ("#AABBCC", "#aabbcc"),
        ("#aabbcc80", "#aabbcc80"),
        ("#abc8", "#aabbcc88"),
        ("rgb(255, 0, 0)", "#ff0000"),
        ("rgb(255 0 0 / 50%)", "#ff000080"),
        ("rgba(0, 0, 0, 0.5)", "#00000080"),
        ("rgb(100%, 50%, 0%)", "#ff8000"),
        ("hsl(120, 100%, 25%)", "#008000"),
        ("hsl(0.5turn 100% 50%)", "#00ffff"),
        ("hsla(240deg, 100%, 50%, 1)", "#0000ff"),
        ("rebeccapurple", "#663399"),
        ("White", "#ffffff"),
        ("transparent", "#00000000"),
    ],
)
def test_colour_notations(text: str, expected: str) -> None:
    parsed = colour(text)
    assert parsed is not None
    assert parsed.hex == expected


@pytest.mark.parametrize(
    "text", ["#ab", "#abcde", "#ggg", "oklch(50% 0.1 200)", "currentColor", "red blue", "12px"]
)
def test_what_is_no_readable_colour(text: str) -> None:
    assert colour(text) is None


def test_half_transparent_black_over_white_is_mid_grey() -> None:
    assert composite(Colour(0, 0, 0, 0.5), WHITE).hex == "#808080"


@pytest.mark.parametrize(
    "text",
    [
        "rgb(0/0/0)",
        "rgb(,0,0,0)",
        "rgb(0,0 0)",
        "rgb(0 0 0 //)",
        "rgb(0 0 0 0.5)",
        "rgb(0, 50%, 0)",
        "rgb(0, 0, 0,)",
        "hsl(0deg, 0%, 0%, / 1)",
        "rgb(0 0 / 1)",
    ],
)
def test_invalid_css_colours_are_not_read_as_colours(text) -> None:
    assert colour(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rgb(1, 2, 3, 0.5)", Colour(1, 2, 3, 0.5)),
        ("rgb(1 2 3 / 50%)", Colour(1, 2, 3, 0.5)),
        ("rgb(50%, 50%, 50%)", Colour(128, 128, 128)),
        ("hsl(120, 50%, 50%)", Colour(64, 191, 64)),
    ],
)
def test_channels_are_whole_bytes_as_the_browser_keeps_them(text, expected) -> None:
    assert colour(text) == expected
