"""The comparison levels and the match model on pairs of identities (pure, no database)."""

import itertools
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schakel.intake.convergence import layout, levels
from schakel.intake.convergence.encoding import Identity, encode
from schakel.intake.convergence.model import default_model
from schakel.intake.tests.factories import OTHER_VALID_BSN, VALID_BSN

BASE = {
    "given_names": "Noor Fatima",
    "surname_prefix": "el",
    "surname": "Amrani",
    "date_of_birth": date(2003, 4, 9),
}


def identity(**overrides):
    return Identity(**{**BASE, **overrides})


def compare(first: Identity, second: Identity) -> dict[str, str]:
    a = layout.Columns(layout.from_bytes([encode(first).features]))
    b = layout.Columns(layout.from_bytes([encode(second).features]))
    found = levels.compare(a, np.zeros(1, np.int64), b, np.zeros(1, np.int64))[0]
    return {c.name: c.levels[int(v)] for c, v in zip(levels.COMPARISONS, found, strict=True)}


def probability(first: Identity, second: Identity) -> float:
    a = layout.Columns(layout.from_bytes([encode(first).features]))
    b = layout.Columns(layout.from_bytes([encode(second).features]))
    found = levels.compare(a, np.zeros(1, np.int64), b, np.zeros(1, np.int64))
    model = default_model()
    return float(model.probability(model.weights(found))[0])


@pytest.mark.parametrize(
    ("variation", "part", "level"),
    [
        ({}, "given_names", "exact"),
        ({"given_names": "NOOR FATIMA"}, "given_names", "exact"),
        ({"given_names": "Nóor Fátima"}, "given_names", "folded"),
        ({"given_names": "Fatima Noor"}, "given_names", "reordered"),
        ({"given_names": "Noor"}, "given_names", "contained"),
        ({"given_names": "N.F."}, "given_names", "initials"),
        ({"given_names": "N."}, "given_names", "first_initial"),
        ({"given_names": "Noorr Fatimma"}, "given_names", "close"),
        ({"given_names": "", "surname_prefix": ""}, "given_names", "missing"),
        ({"surname_prefix": ""}, "surname", "folded"),
        ({"surname_prefix": "", "surname": "Elamrani"}, "surname", "folded"),
        ({"surname": "Amranni"}, "surname", "close"),
        ({"surname": "Amrani-de Vries"}, "surname", "shares_part"),
        ({"date_of_birth": date(2003, 9, 4)}, "date_of_birth", "day_month_swapped"),
        ({"date_of_birth": date(2003, 4, 8)}, "date_of_birth", "one_digit"),
        ({"date_of_birth": date(2004, 4, 9)}, "date_of_birth", "one_digit"),
        ({"date_of_birth": date(2030, 4, 9)}, "date_of_birth", "digits_transposed"),
        ({"date_of_birth": None, "birth_year": 2003}, "date_of_birth", "year"),
        ({"date_of_birth": None, "birth_years": (2001, 2005)}, "date_of_birth", "in_range"),
        ({"date_of_birth": None, "birth_year": 2004}, "date_of_birth", "near_year"),
        ({"date_of_birth": date(2003, 12, 30)}, "date_of_birth", "same_year"),
        ({"date_of_birth": None}, "date_of_birth", "missing"),
    ],
)
def test_each_variation_has_its_level(variation, part, level):
    assert compare(identity(), identity(**variation))[part] == level


def test_the_year_off_by_one_with_day_and_month_equal():
    born = identity(date_of_birth=date(2000, 4, 9))
    assert compare(born, identity(date_of_birth=date(1999, 4, 9)))["date_of_birth"] == (
        "year_off_by_one"
    )


def test_names_in_each_others_field_are_found_there():
    swapped = identity(given_names="Amrani", surname_prefix="", surname="Noor")
    found = compare(identity(), swapped)
    assert found["given_names"] == "other_field"
    assert found["surname"] == "other_field"


def test_a_known_variant_of_a_given_name():
    assert (
        compare(identity(given_names="Kees"), identity(given_names="Cornelis"))["given_names"]
        == "variant"
    )


def test_handles_within_a_platform_and_bsn_digits():
    first = identity(accounts=(("Instagram", "@noor.fa"),), bsn=VALID_BSN)
    same = identity(accounts=(("insta", "https://instagram.com/noor.fa"),), bsn=VALID_BSN)
    assert compare(first, same)["account"] == "equal"
    assert compare(first, same)["bsn"] == "equal"
    other = identity(accounts=(("Instagram", "someone"),), bsn=OTHER_VALID_BSN)
    assert compare(first, other)["account"] == "different"
    assert compare(first, identity(bsn=VALID_BSN[:-1] + "7"))["bsn"] == "one_digit"
    assert compare(first, identity(accounts=(("TikTok", "noor.fa"),)))["account"] == "missing"


def test_variations_of_one_person_are_likely_and_different_people_are_not():
    assert probability(identity(), identity(surname="Amranni")) > 0.99
    assert probability(identity(), identity(given_names="Fatima Noor", surname_prefix="")) > 0.99
    other = Identity("Pieter", "", "Visser", date(1971, 12, 30))
    assert probability(identity(), other) < 0.001


def test_only_a_year_and_initials_against_a_full_identity_is_weaker_evidence():
    full = probability(identity(), identity())
    partial = probability(
        identity(), identity(given_names="N.", date_of_birth=None, birth_year=2003)
    )
    assert partial < full


def test_an_equal_bsn_with_everything_else_different_is_not_a_match():
    other = Identity("Pieter", "", "Visser", date(1971, 12, 30), bsn=VALID_BSN)
    assert probability(identity(bsn=VALID_BSN), other) < 0.2


def test_a_string_of_names_does_not_resemble_everyone_it_contains():
    """Registration must not work as a search: six names and a triple surname with someone's
    date of birth do not make a likely match with each person whose names are among them."""
    born = date(2004, 3, 17)
    probe = Identity("Daan Fatima Zahra Mohammed Noah Sem", "", "Hoogeveld-Amrani-Jansen", born)
    for first_name, surname in (("Daan", "Hoogeveld"), ("Fatima", "Amrani"), ("Sem", "Jansen")):
        assert probability(probe, Identity(first_name, "", surname, born)) < default_model().likely


def test_the_encoding_holds_no_plain_identifier():
    features = encode(identity(bsn=VALID_BSN, accounts=(("Instagram", "noor.fa"),))).features
    for needle in (b"noor", b"amrani", b"2003", VALID_BSN.encode(), b"instagram"):
        assert needle not in features.lower()


def test_another_key_gives_other_encodings(settings):
    first = encode(identity())
    settings.SCHAKEL_PSEUDONYM_KEY = b"another-pseudonym-key-0000000000"
    second = encode(identity())
    assert first.features != second.features
    assert not first.keys & second.keys


def test_bloom_bits_of_a_bigram_are_independent_positions_not_a_double_hash_walk():
    """Double hashing puts a bigram's k bits at g1 + i*g2 (an arithmetic walk the published
    attacks exploit); ours come from independent parts of the bigram's HMAC."""
    from schakel.intake.convergence.keyed import BLOOM_HASHES, gram_bits, sub_key

    walks = 0
    for gram in ("_j", "ja", "an", "n_", "ee", "ss", "mo"):
        bits = gram_bits(sub_key("bloom:given"), gram)
        positions = sorted(i for i in range(layout.BLOOM_BITS) if bits >> i & 1)
        steps = {(b - a) % layout.BLOOM_BITS for a, b in itertools.pairwise(positions)}
        walks += len(positions) == BLOOM_HASHES and len(steps) == 1
    assert walks == 0


def test_explanation_is_json_without_identifiers():
    a = layout.Columns(layout.from_bytes([encode(identity()).features]))
    found = levels.compare(a, np.zeros(1, np.int64), a, np.zeros(1, np.int64))[0]
    explanation = default_model().explanation(found, 0.99)
    text = repr(explanation).casefold()
    assert {p["part"] for p in explanation["parts"]} == {c.name for c in levels.COMPARISONS}
    for needle in ("noor", "fatima", "amrani", "2003"):
        assert needle not in text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=60), st.text(min_size=0, max_size=60))
def test_any_text_encodes_and_compares_without_error(given_names, surname):
    person = Identity(given_names, "", surname, date(1990, 1, 1))
    assert 0 <= probability(person, person) <= 1
