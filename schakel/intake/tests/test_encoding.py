"""Name folding, encodings and the comparison: the variations the meldpunt sees in practice."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schakel.intake.convergence.comparison import compare
from schakel.intake.convergence.encoding import Identity, encode
from schakel.intake.convergence.normalise import fold, given_name_tokens, phonetic, split_surname
from schakel.intake.tests.factories import OTHER_VALID_BSN, VALID_BSN


@pytest.mark.parametrize(
    ("prefix", "surname", "expected"),
    [
        ("", "van 't Hof", ("van 't", ["hof"])),
        ("van 't", "Hof", ("van 't", ["hof"])),
        ("", "Ng", ("", ["ng"])),
        ("", "Çelik-de Vries", ("", ["celik", "vries"])),
        ("", "Ünal", ("", ["unal"])),
        ("", "De", ("", ["de"])),
        ("de", "Jong", ("de", ["jong"])),
        ("", "  VAN   DIJK ", ("van", ["dijk"])),
    ],
)
def test_surnames_fold_to_prefix_and_core_parts(prefix, surname, expected):
    assert split_surname(prefix, surname) == expected


def test_given_names_are_split_and_folded():
    assert given_name_tokens("Jan-Willem  Ayşe") == ["jan", "willem", "ayse"]
    assert fold("Øztürk") == "ozturk"


@pytest.mark.parametrize(("a", "b"), [("Jansen", "Janssen"), ("Mohamed", "Mohammed")])
def test_sound_alike_names_share_a_phonetic_code(a, b):
    assert phonetic(fold(a)) == phonetic(fold(b))


def identity(**overrides):
    values = {
        "given_names": "Noor Fatima",
        "surname_prefix": "el",
        "surname": "Amrani",
        "date_of_birth": date(2003, 4, 9),
    }
    values.update(overrides)
    return Identity(**values)


@pytest.mark.parametrize(
    ("variation", "part", "verdict"),
    [
        ({"surname": "Amranni"}, "surname", "strong"),
        ({"surname_prefix": ""}, "surname", "equal"),
        ({"given_names": "Fatima Noor"}, "given_names", "equal"),
        ({"given_names": "Noor"}, "given_names", "strong"),
        ({"date_of_birth": date(2003, 9, 4)}, "date_of_birth", "transposed"),
        ({"date_of_birth": date(2003, 4, 8)}, "date_of_birth", "one_digit"),
    ],
)
def test_one_variation_still_scores_above_the_threshold(variation, part, verdict, settings):
    result = compare(encode(identity()), encode(identity(**variation)))
    parts = {p.part: p for p in result.parts}
    assert parts[part].verdict == verdict
    assert result.score >= settings.SCHAKEL_MATCH_THRESHOLD


def test_explanation_names_swapped_given_names_and_missing_prefix():
    result = compare(
        encode(identity()), encode(identity(given_names="Fatima Noor", surname_prefix=""))
    )
    notes = {p.part: p.notes for p in result.parts}
    assert "order_differs" in notes["given_names"]
    assert "prefix_one_side" in notes["surname"]


def test_equal_bsn_gives_the_top_score_and_different_bsn_stays_below_threshold(settings):
    same = compare(
        encode(identity(bsn=VALID_BSN)), encode(identity(surname="Other", bsn=VALID_BSN))
    )
    assert same.score == 100
    different = compare(encode(identity(bsn=VALID_BSN)), encode(identity(bsn=OTHER_VALID_BSN)))
    assert different.score < settings.SCHAKEL_MATCH_THRESHOLD


def test_different_people_score_low(settings):
    other = Identity("Pieter", "", "Visser", date(1971, 12, 30))
    assert compare(encode(identity()), encode(other)).score < 40


def test_explanation_is_json_without_identifiers():
    explanation = compare(encode(identity()), encode(identity(surname="Amranni"))).as_explanation()
    text = repr(explanation).casefold()
    for needle in ("noor", "fatima", "amrani", "2003"):
        assert needle not in text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=60), st.text(min_size=0, max_size=60))
def test_any_text_encodes_and_compares_without_error(given_names, surname):
    a = encode(Identity(given_names, "", surname, date(1990, 1, 1)))
    result = compare(a, a)
    assert 0 <= result.score <= 100


def test_a_string_of_names_does_not_resemble_everyone_it_contains(settings):
    """Registration must not work as a search: six names and a triple surname with someone's
    date of birth do not make a suggestion for each person whose names are among them."""
    born = date(2004, 3, 17)
    probe = encode(
        Identity("Daan Fatima Zahra Mohammed Noah Sem", "", "Hoogeveld-Amrani-Jansen", born)
    )
    for first_name, surname in (("Daan", "Hoogeveld"), ("Fatima", "Amrani"), ("Sem", "Jansen")):
        target = encode(Identity(first_name, "", surname, born))
        assert compare(probe, target).score < settings.SCHAKEL_MATCH_THRESHOLD, first_name
