"""The contrast check: tokens merged over the example theme, var() chains, every refusal."""

import time

import pytest

from schakel.theming.contrast import PAIRS, check_contrast, format_ratio, resolve
from schakel.theming.tokens import parse_theme, read_tokens

# A small stand-in for the example theme: every pair passes with these.
DEFAULTS = read_tokens(
    """.voorbeeld-theme {
      --kleur-tekst: #1a1a1a; --kleur-wit: #ffffff;
      --utrecht-page-body-color: var(--kleur-tekst);
      --utrecht-page-body-background-color: var(--kleur-wit);
      --utrecht-link-color: #0b5394;
      --utrecht-button-primary-action-color: #ffffff;
      --utrecht-button-primary-action-background-color: #5b2a86;
      --basis-focus-outline-color: #0b0c0c; --basis-focus-color: #0b0c0c;
      --basis-focus-background-color: #ffdd00;
      --utrecht-link-focus-color: var(--basis-focus-color);
      --utrecht-link-focus-background-color: var(--basis-focus-background-color);
      --utrecht-textbox-color: var(--kleur-tekst);
      --utrecht-textbox-background-color: var(--kleur-wit);
      --utrecht-textbox-border-color: #5c5c5c;
      --utrecht-nav-bar-background-color: #f5f5f5;
      --utrecht-pagination-page-link-current-color: #1a1a1a;
      --utrecht-pagination-page-link-current-background-color: #e0e0e0;
    }"""
)


def problems(css: str) -> list[str]:
    outcomes = check_contrast(parse_theme(css.encode()), DEFAULTS)
    return [o.problem for o in outcomes if o.problem]


def test_a_theme_that_sets_a_few_good_colours_passes_with_the_defaults_for_the_rest() -> None:
    assert problems(":root { --utrecht-link-color: #004d26 }") == []


def test_the_real_example_theme_passes_on_its_own() -> None:
    outcomes = check_contrast(parse_theme(b":root { --voorbeeld-ongebruikt: 1px }"))
    assert [(o.pair.key, o.problem) for o in outcomes if o.problem] == []
    assert {o.pair.key for o in outcomes} == {p.key for p in PAIRS}


def test_grey_text_is_refused_with_both_colours_and_the_ratio_in_dutch() -> None:
    found = problems(":root { --utrecht-page-body-color: #777 }")

    assert found[0] == (
        "De tekstkleur #777777 op de achtergrond #ffffff heeft een contrast van 4,48:1; "
        "nodig is minstens 4,5:1."
    )
    # Labels and the footer inherit the text colour where no token of their own is set.
    assert [message.split(" #")[0] for message in found[1:]] == [
        "De kleur van veldlabels",
        "De tekstkleur van de voettekst",
    ]


@pytest.mark.parametrize(
    ("css", "start"),
    [
        (".t { --utrecht-link-color: #999999 }", "De linkkleur #999999 op de achtergrond #ffffff"),
        (
            ":root { --utrecht-nav-bar-background-color: #0b5394 }",
            "De linkkleur in het hoofdmenu #0b5394 op de achtergrond van het hoofdmenu #0b5394",
        ),
        (
            ":root { --utrecht-pagination-page-link-current-background-color: #333 }",
            "De huidige pagina in de paginering #1a1a1a op haar achtergrond #333333",
        ),
        (
            ":root { --utrecht-button-primary-action-background-color: #ffdd00 }",
            "De tekstkleur van de primaire knop #ffffff op de knopachtergrond #ffdd00",
        ),
        (
            ":root { --basis-focus-outline-color: #cccccc }",
            "De focusrand #cccccc op de achtergrond #ffffff",
        ),
        (
            ":root { --basis-focus-background-color: #333333 }",
            "De tekstkleur bij focus #0b0c0c op de focusachtergrond #333333",
        ),
        (
            ":root { --utrecht-textbox-background-color: #222222 }",
            "De tekstkleur van invoervelden #1a1a1a op hun achtergrond #222222",
        ),
        (
            ":root { --utrecht-textbox-border-color: #dddddd }",
            "De rand van invoervelden #dddddd op de achtergrond #ffffff",
        ),
    ],
)
def test_each_pair_is_refused_when_too_low(css: str, start: str) -> None:
    found = problems(css)
    assert found, css
    assert found[0].startswith(start), found


def test_a_dark_background_moves_every_pair_measured_against_it() -> None:
    found = problems(":root { --utrecht-page-body-background-color: #000 }")
    assert any(m.startswith("De tekstkleur #1a1a1a op de achtergrond #000000") for m in found)
    assert any(m.startswith("De focusrand #0b0c0c op de achtergrond #000000") for m in found)


def test_var_chains_resolve_through_the_theme_and_the_defaults() -> None:
    css = ":root { --mijn-grijs: #888; --utrecht-page-body-color: var(--mijn-grijs) }"
    assert problems(css)[0].startswith("De tekstkleur #888888 ")


def test_a_missing_reference_uses_the_fallback() -> None:
    css = ":root { --utrecht-link-color: var(--bestaat-niet, #aaaaaa) }"
    assert problems(css)[0].startswith("De linkkleur #aaaaaa ")


def test_a_cycle_makes_the_token_invalid_so_the_stylesheets_fallback_counts() -> None:
    css = ":root { --a: var(--b); --b: var(--a); --utrecht-link-color: var(--a) }"
    outcomes = check_contrast(parse_theme(css.encode()), DEFAULTS)
    [link] = [o for o in outcomes if o.pair.key == "link"]
    assert link.foreground is not None
    assert link.foreground.hex == "#0000ee"  # the browser's link colour, as in the Utrecht CSS


def test_a_reference_to_nothing_is_checked_with_the_stylesheets_own_fallback() -> None:
    [message] = problems(":root { --utrecht-button-primary-action-color: var(--nergens) }")
    assert message.startswith("De tekstkleur van de primaire knop #000000 op de knopachtergrond")


def test_transparent_text_is_composited_over_its_background() -> None:
    message = problems(":root { --utrecht-page-body-color: rgba(0, 0, 0, 0.3) }")[0]
    assert message.startswith("De tekstkleur #b2b2b2 op de achtergrond #ffffff")


def test_a_colour_that_cannot_be_checked_is_refused() -> None:
    message = problems(":root { --utrecht-link-color: oklch(40% 0.1 250) }")[0]
    assert "(„oklch(40% 0.1 250)”) is geen kleur die Schakel kan controleren" in message


def test_resolve_substitutes_inside_functions() -> None:
    import tinycss2

    values = read_tokens(":root { --r: 10; --g: 20 }")
    tokens = tinycss2.parse_component_value_list("rgb(var(--r), var(--g), var(--b, 30))")
    assert tinycss2.serialize(resolve(tokens, values) or []) == "rgb(10, 20, 30)"


def test_a_ratio_just_under_the_minimum_is_never_shown_as_the_minimum() -> None:
    assert format_ratio(4.4999, 4.5) == "4,49"
    assert format_ratio(4.478, 4.5) == "4,48"


@pytest.mark.parametrize(
    ("css", "start"),
    [
        (":root { --basis-heading-color: #ffffff }", "De kleur van hoofdkoppen #ffffff"),
        (":root { --utrecht-heading-2-color: #999999 }", "De kleur van tussenkoppen #999999"),
        (":root { --utrecht-form-label-color: #aaaaaa }", "De kleur van veldlabels #aaaaaa"),
        (
            ":root { --utrecht-page-footer-color: #fff; "
            "--utrecht-page-footer-background-color: #eee }",
            "De tekstkleur van de voettekst #ffffff op de achtergrond van de voettekst #eeeeee",
        ),
    ],
)
def test_headings_labels_and_the_footer_are_checked(css, start) -> None:
    outcomes = check_contrast(parse_theme(css.encode()))

    assert any(o.problem and o.problem.startswith(start) for o in outcomes), [
        o.problem for o in outcomes if o.problem
    ]


def test_a_colour_the_browser_would_drop_is_not_read_as_a_colour() -> None:
    css = (
        ":root { --utrecht-button-primary-action-background-color: rgb(0/0/0); "
        "--utrecht-button-primary-action-color: #fff }"
    )
    message = problems(css)[0]
    assert "(„rgb(0/0/0)”) is geen kleur die Schakel kan controleren" in message


def test_a_var_chain_that_doubles_at_every_step_costs_linear_work() -> None:
    steps = "".join(f"--x{i}: var(--x{i + 1}) var(--x{i + 1}); " for i in range(40))
    css = ":root { --utrecht-link-color: var(--x0, #004d26); " + steps + "--x40: #000 }"
    started = time.monotonic()

    outcomes = check_contrast(parse_theme(css.encode()))

    assert time.monotonic() - started < 30  # 2**40 tokens if expanded naively: never ends
    [link] = [o for o in outcomes if o.pair.key == "link"]
    assert link.foreground is not None
    assert link.foreground.hex == "#004d26"
