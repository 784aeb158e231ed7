"""Safe parsing: only custom properties in :root or one class; everything else refused."""

import pytest

from schakel.theming.tokens import (
    MAX_BYTES,
    THEME_CLASS,
    ThemeRefusedError,
    normalised_css,
    parse_theme,
)


def refusal(css: str | bytes) -> list[str]:
    with pytest.raises(ThemeRefusedError) as refused:
        parse_theme(css.encode() if isinstance(css, str) else css)
    return refused.value.messages


def test_tokens_in_root_and_a_class_are_read_and_rewritten_under_schakels_class() -> None:
    theme = parse_theme(
        b"/* ours */\n:root { --a: #123456; --b: var(--a, red) }\n.mijn-thema { --a: #654321 }"
    )

    assert list(theme.declarations) == ["--b", "--a"]  # a later declaration wins
    assert theme.value("--a") == "#654321"
    css = normalised_css(theme)
    assert css.splitlines()[1:] == [
        f".{THEME_CLASS} {{",
        "  --b: var(--a, red);",
        "  --a: #654321;",
        "}",
    ]
    assert "ours" not in css  # comments and everything else of the upload are gone


def test_the_rewritten_css_reads_back_to_the_same_tokens() -> None:
    theme = parse_theme(b':root { --font: "Fira Sans", sans-serif; --size: calc(1rem + 2px) }')
    again = parse_theme(normalised_css(theme).encode())
    assert {n: again.value(n) for n in again.declarations} == {
        "--font": '"Fira Sans", sans-serif',
        "--size": "calc(1rem + 2px)",
    }


@pytest.mark.parametrize(
    ("css", "message"),
    [
        ("@import url(x.css);", "Regel 1: @import is niet toegestaan"),
        ("@media print { :root { --a: 1 } }", "Regel 1: @media is niet toegestaan"),
        ("@font-face { font-family: x }", "Regel 1: @font-face is niet toegestaan"),
        ("body { --a: 1 }", "de selector „body” is niet toegestaan"),
        (".a .b { --a: 1 }", "de selector „.a .b” is niet toegestaan"),
        (".a, :root { --a: 1 }", "de selector „.a, :root” is niet toegestaan"),
        (":root {\n color: red }", "Regel 2: de eigenschap „color” is niet toegestaan"),
        (":root { --a: url(https://elders.example/x.png) }", "url(…) is niet toegestaan in „--a”"),
        (':root { --a: url("x.png") }', "url(…) is niet toegestaan in „--a”"),
        (":root { --a: calc(url(x) + 1) }", "url(…) is niet toegestaan in „--a”"),
        (":root { --a: expression(alert(1)) }", "expression(…) is niet toegestaan in „--a”"),
        (":root { --a: image-set('x.png' 1x) }", "de functie image-set() is niet toegestaan"),
        (":root { --a: { color: red } }", "de waarde van „--a” is geen geldige tokenwaarde"),
        (":root { .b { --a: 1 } }", "binnen een regel staan alleen design tokens"),
        (":root { --a: ; }", "„--a” heeft geen waarde"),
        (":root { --a: " + "x" * 1001 + " }", "de waarde van „--a” is langer dan 1000 tekens"),
        ("", "Het bestand bevat geen design tokens"),
        (":root { }", "Het bestand bevat geen design tokens"),
    ],
)
def test_refusals_name_the_line_and_the_problem(css: str, message: str) -> None:
    assert any(message in m for m in refusal(css)), refusal(css)


def test_every_problem_is_reported_not_only_the_first() -> None:
    messages = refusal("@import 'a.css';\nbody { color: red }\n:root { --a: url(x); color: red }")
    assert len(messages) == 4


def test_a_file_over_the_limit_is_refused_before_parsing() -> None:
    messages = refusal(b":root{--a:1}" + b" " * MAX_BYTES)
    assert messages == ["Het bestand is 301 kB; een huisstijl mag hoogstens 300 kB zijn."]


def test_a_file_that_is_not_utf8_is_refused() -> None:
    assert refusal(b":root { --a: \xff }") == ["Het bestand is geen tekst in UTF-8."]


@pytest.mark.parametrize(
    "name", ["--utrecht-focus-outline-style", "--utrecht-focus-outline-width", "--schakel-x"]
)
def test_tokens_that_would_weaken_the_focus_indicator_are_refused(name) -> None:
    [message] = refusal(f":root {{ {name}: none }}")

    assert f"„{name}” ligt vast in Schakel" in message


def test_a_deeply_nested_value_is_refused_not_a_server_error() -> None:
    [message] = refusal(":root { --a: " + "(" * 5000 + ")" * 5000 + " }")

    assert "te diep genest" in message
