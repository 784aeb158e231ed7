"""Folding names the way registrations differ in practice (pure functions, no database)."""

import pytest

from schakel.intake.convergence.accounts import normalise_account
from schakel.intake.convergence.normalise import (
    fold,
    parse_given_names,
    parse_surname,
    skeleton,
    split_surname,
)
from schakel.intake.convergence.variants import variant_groups


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
        ("", "Al-Amrani", ("al", ["amrani"])),
        ("", "Visser Bakker", ("", ["visser", "bakker"])),
        ("v.d.", "Berg", ("v d", ["berg"])),
    ],
)
def test_surnames_fold_to_prefix_and_parts(prefix, surname, expected):
    assert split_surname(prefix, surname) == expected


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        (("", "Vandenberg"), ("van den", "Berg")),
        (("", "Elamrani"), ("el", "Amrani")),
        (("", "van den Berg"), ("", "Vandenberg")),
    ],
)
def test_a_glued_prefix_comes_off(written, same_as):
    assert parse_surname(*written).unglued == parse_surname(*same_as).unglued


def test_a_surname_that_starts_like_a_prefix_keeps_it():
    assert parse_surname("", "Dekker").unglued == "dekker"
    assert parse_surname("", "Terpstra").unglued == "terpstra"


@pytest.mark.parametrize("written", ["M.A.", "M. A.", "MA", "m.a.", "M.-A."])
def test_initials_in_any_writing_are_initials(written):
    given, _prefix = parse_given_names(written)
    assert given.only_initials
    assert given.initials == "ma"


def test_full_names_keep_their_initials_and_a_trailing_prefix_moves_out():
    given, prefix = parse_given_names("Jan-Willem P. van")
    assert given.names == ("jan", "willem")
    assert given.initials == "jwp"
    assert prefix == "van"


def test_a_name_in_capitals_is_not_taken_for_initials():
    given, _prefix = parse_given_names("ALI")
    assert given.names == ("ali",)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Youssef", "Yusuf", "Joesoef"),
        ("Mohamed", "Mohammed", "Muhammad"),
        ("Hassan", "Hasan"),
        ("Hussein", "Hüseyin", "Hossein"),
        ("Sjevtsjenko", "Schewtschenko"),
        ("Jansen", "Janssen"),
        ("Bakker", "Bkaker"),
    ],
)
def test_transliterations_share_a_sound_skeleton(spellings):
    assert len({skeleton(fold(s)) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("call_name", "official"),
    [("kees", "cornelis"), ("sjaak", "jacobus"), ("mo", "mohamed"), ("yusuf", "youssef")],
)
def test_call_names_and_spellings_share_a_variant_group(call_name, official):
    assert set(variant_groups(call_name)) & set(variant_groups(official))


@pytest.mark.parametrize(
    ("platform", "handle"),
    [
        ("Instagram", "@Mo_99"),
        ("insta", "mo_99"),
        ("IG", "https://www.instagram.com/mo_99/"),
        ("", "instagram.com/mo_99"),
    ],
)
def test_one_account_written_four_ways_normalises_once(platform, handle):
    assert normalise_account(platform, handle) == ("instagram", "mo_99")


def test_twitter_is_x_and_an_unknown_platform_keeps_its_name():
    assert normalise_account("Twitter", "@a")[0] == normalise_account("X", "a")[0] == "x"
    assert normalise_account("Forum Noord", "a") == ("forumnoord", "a")


def test_names_in_another_script_keep_their_letters():
    # Fictional names: Arabic with vowel marks and the glued article, Cyrillic, Greek.
    assert fold("نُور") == fold("نور") == "نور"
    assert parse_surname("", "العمراني").unglued == parse_surname("", "عمراني").unglued
    assert fold("Ирина Петрова") == "ирина петрова"
    assert fold("Ελένη") == "ελενη"
    assert fold("Noor 3 (Amrani)") == "noor amrani"
