"""Synthetic, fictional registrations for the convergence benchmark, with planted duplicates.

A *person* (``convergence_persons``) is one human being as the generator knows them; a *record*
is how one organisation registered that person. Most persons have one record; some have two to
four (the planted duplicates). A record may carry errors of the kinds in ``convergence_errors``
and ``convergence_error_dates`` — typos, call names, initials, other transliterations, a
partner's surname, a prefix glued or in the wrong field, names in each other's field, a date
mistyped or only a year or an estimated age, a BSN digit wrong, fields missing — and may name an
online account, or nothing but an online account. Everything is drawn from ``random.Random``
seeded explicitly, so a run is reproducible. The model was fixed before the engine was tuned:
tune on ``TUNING_SEED``, report on ``HELD_OUT_SEED``.
"""

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from typing import Any

import convergence_error_dates as dates
import convergence_errors as names
from convergence_names import ORIGIN_CUMULATIVE, ORIGINS
from convergence_persons import BsnSource, Handles, Person, make_family

__all__ = ["ORIGINS", "ORIGIN_CUMULATIVE", "Person", "Population", "Record"]

TUNING_SEED = 20261207
HELD_OUT_SEED = 20270315

# How many records a person has: most one, some two to four (the planted duplicates).
CLUSTER_SIZES = (1, 2, 3, 4)
CLUSTER_WEIGHTS = (0.80, 0.14, 0.045, 0.015)
# How many errors one record carries compared with the person as they are.
VARIATION_COUNTS = (0, 1, 2, 3)
VARIATION_COUNT_WEIGHTS = (0.40, 0.40, 0.15, 0.05)
BSN_RECORDED_SHARE = 0.5  # of the records of a person with a BSN
SEX_RECORDED_SHARE = 0.6
MARRIED_NAME_SHARE = 0.5  # of the records of a person with naamgebruik
ONLINE_RECORD_SHARE = 0.3  # of the records of a person with accounts: an online signal
ONLINE_ONLY_SHARE = 0.2  # of those: nothing but the account (and perhaps a first name)
ACCOUNT_MENTIONED_SHARE = 0.05  # other records that still mention an account

# name: (function, weight). The weights are relative frequencies of each kind among the errors.
VARIATIONS: dict[str, tuple[names.Variation, float]] = {
    "typo_surname": (names.typo_surname, 3.0),
    "typo_given_name": (names.typo_given_name, 3.0),
    "given_name_form": (names.given_name_form, 3.0),
    "initials": (names.initials, 2.0),
    "second_given_name_left_out": (names.second_given_name_left_out, 2.0),
    "given_names_reordered": (names.given_names_reordered, 1.0),
    "given_names_missing": (names.given_names_missing, 0.3),
    "surname_spelling": (names.surname_spelling, 2.0),
    "heard_spelling": (names.heard_spelling, 1.5),
    "diacritics_dropped": (names.diacritics_dropped, 2.0),
    "prefix_left_out": (names.prefix_left_out, 2.0),
    "prefix_in_surname_field": (names.prefix_in_surname_field, 1.0),
    "prefix_glued": (names.prefix_glued, 0.8),
    "prefix_in_given_names_field": (names.prefix_in_given_names_field, 0.4),
    "prefix_abbreviated": (names.prefix_abbreviated, 0.5),
    "one_part_of_double_surname": (names.one_part_of_double_surname, 2.0),
    "fields_swapped": (names.fields_swapped, 0.3),
    "case_and_spacing": (names.case_and_spacing, 1.0),
    "dob_digit_typo": (dates.dob_digit_typo, 1.2),
    "dob_year_off_by_one": (dates.dob_year_off_by_one, 0.8),
    "dob_digits_transposed": (dates.dob_digits_transposed, 0.8),
    "day_month_transposed": (dates.day_month_transposed, 1.5),
    "dob_year_only": (dates.dob_year_only, 1.0),
    "dob_age_estimate": (dates.dob_age_estimate, 1.0),
    "dob_missing": (dates.dob_missing, 0.8),
    "bsn_digit_wrong": (dates.bsn_digit_wrong, 0.5),
}
# Not drawn among the errors but recorded like them, per record.
RECORD_KINDS = ("married_name", "online_account", "online_only")
_VARIATION_NAMES = tuple(VARIATIONS)
_VARIATION_WEIGHTS = tuple(weight for _function, weight in VARIATIONS.values())
VARIATION_BITS = {name: 1 << i for i, name in enumerate((*VARIATIONS, *RECORD_KINDS))}

_PLATFORM_SPELLINGS = {
    "instagram": ("Instagram", "instagram", "Insta", "IG"),
    "tiktok": ("TikTok", "Tiktok", "tik tok"),
    "x": ("X", "Twitter", "X (Twitter)", "twitter"),
    "facebook": ("Facebook", "FB", "facebook"),
    "telegram": ("Telegram",),
    "snapchat": ("Snapchat", "Snap"),
    "youtube": ("YouTube", "Youtube"),
    "discord": ("Discord",),
    "reddit": ("Reddit",),
}
_PROFILE_URLS = {
    "instagram": "https://www.instagram.com/{}/",
    "tiktok": "https://www.tiktok.com/@{}",
    "x": "https://x.com/{}",
    "facebook": "https://www.facebook.com/{}",
    "telegram": "https://t.me/{}",
    "youtube": "https://www.youtube.com/@{}",
}


@dataclass(frozen=True)
class Record:
    """One registration of a person: the fields as typed, and which errors were applied."""

    person: int
    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date | None
    sex: str
    bsn: str
    variations: tuple[str, ...]
    birth_year: int | None = None
    birth_years: tuple[int, int] | None = None  # an estimated age: one of these years
    online_platform: str = ""
    online_handle: str = ""
    account: str = ""  # which of the person's accounts (truth, for ``linkable``)


def _married(rng: random.Random, draft: names.Draft, person: Person) -> names.Draft:
    """The partner's surname, alone, before or after one's own (BRP naamgebruik)."""
    own = f"{person.surname_prefix} {person.surname}".strip()
    partner = f"{person.partner_prefix} {person.partner_surname}".strip()
    partner_prefix, partner_surname = person.partner_prefix, person.partner_surname
    style = rng.random()
    if style < 0.3:
        return replace(draft, prefix=partner_prefix, surname=partner_surname)
    if style < 0.6:
        return replace(draft, prefix=partner_prefix, surname=f"{partner_surname}-{own}")
    if style < 0.85:
        return replace(draft, prefix=person.surname_prefix, surname=f"{person.surname}-{partner}")
    return replace(draft, prefix=partner_prefix, surname=f"{partner_surname} {own}")


def _account(rng: random.Random, person: Person) -> tuple[str, str, str]:
    """One of the person's accounts, written as people write them (@handle, a profile link),
    and which one it is."""
    platform, handle = rng.choice(person.accounts)
    style = rng.random()
    if style < 0.3:
        written = f"@{handle}"
    elif style < 0.45 and platform in _PROFILE_URLS:
        written = _PROFILE_URLS[platform].format(handle)
    elif style < 0.55:
        written = handle.capitalize()
    else:
        written = handle
    return rng.choice(_PLATFORM_SPELLINGS[platform]), written, f"{platform}:{handle}"


def make_record(rng: random.Random, person_index: int, person: Person) -> Record:
    """One registration of the person, with 0-3 errors (each kind at most once)."""
    draft = names.Draft(
        person.given_names,
        person.surname_prefix,
        person.surname,
        person.date_of_birth,
        tradition=person.tradition,
        bsn=person.bsn,
    )
    applied: list[str] = []
    if person.partner_surname and rng.random() < MARRIED_NAME_SHARE:
        draft = _married(rng, draft, person)
        applied.append("married_name")
    platform = handle = account = ""
    online_only = False
    if person.accounts:
        online = rng.random() < ONLINE_RECORD_SHARE
        if online or rng.random() < ACCOUNT_MENTIONED_SHARE:
            platform, handle, account = _account(rng, person)
            applied.append("online_account")
            online_only = online and rng.random() < ONLINE_ONLY_SHARE
    wanted = rng.choices(VARIATION_COUNTS, VARIATION_COUNT_WEIGHTS)[0]
    done = 0
    attempts = 0
    while done < wanted and attempts < 12:
        attempts += 1
        name = rng.choices(_VARIATION_NAMES, _VARIATION_WEIGHTS)[0]
        if name in applied:
            continue
        varied = VARIATIONS[name][0](rng, draft)
        if varied is not None:
            draft = varied
            applied.append(name)
            done += 1
    has_bsn = bool(draft.bsn) and (draft.bsn_forced or rng.random() < BSN_RECORDED_SHARE)
    has_sex = rng.random() < SEX_RECORDED_SHARE
    if online_only:
        # Known only by the account, perhaps with a first name from the profile.
        first = draft.given[:1] if draft.given and rng.random() < 0.4 else ()
        draft = replace(draft, given=first, prefix="", surname="", dob=None)
        draft = replace(draft, birth_year=None, birth_years=None)
        has_bsn = False
        applied.append("online_only")
    return Record(
        person=person_index,
        given_names=" ".join(draft.given),
        surname_prefix=draft.prefix,
        surname=draft.surname,
        date_of_birth=draft.dob,
        sex=person.sex if has_sex else "",
        bsn=draft.bsn if has_bsn else "",
        variations=tuple(applied),
        birth_year=draft.birth_year,
        birth_years=draft.birth_years,
        online_platform=platform,
        online_handle=handle,
        account=account,
    )


# --- a population -----------------------------------------------------------------------


@dataclass
class Population:
    """Persons and the order of their records: ``record_person[i]`` is the person of record i.

    Records are laid out in segments (the first ``first_segment`` records, then the rest);
    every person's records lie within one segment, so the first segment is a complete data set
    of its own (the side-by-side job with splink). Within a segment the order is random.
    """

    persons: list[Person]
    record_person: list[int]

    def records_per_person(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for record, person in enumerate(self.record_person):
            found.setdefault(person, []).append(record)
        return found


def make_population(seed: int, records: int, first_segment: int) -> Population:
    rng = random.Random(f"schakel-convergence-population:{seed}")
    bsns = BsnSource(rng)
    handles = Handles()
    persons: list[Person] = []
    layout: list[int] = []
    for size in (min(first_segment, records), records - min(first_segment, records)):
        segment: list[int] = []
        while len(segment) < size:
            for person in make_family(rng, bsns, handles):
                index = len(persons)
                persons.append(person)
                cluster = rng.choices(CLUSTER_SIZES, CLUSTER_WEIGHTS)[0]
                segment.extend([index] * min(cluster, size - len(segment)))
        rng.shuffle(segment)
        layout.extend(segment)
    return Population(persons, layout)


def records_for(
    seed: int, start: int, population_slice: Sequence[tuple[int, Person]]
) -> list[Record]:
    """The records ``start, start + 1, …``: the same ones whichever process makes them."""
    rng = random.Random(f"schakel-convergence-records:{seed}:{start}")
    return [make_record(rng, index, person) for index, person in population_slice]


CHUNK = 20_000  # records per unit of generation (and of insertion)


def chunks(population: Population, end: int) -> Iterator[tuple[int, list[tuple[int, Person]]]]:
    """(start, [(person index, person), …]) per CHUNK records: the unit ``records_for`` uses."""
    for start in range(0, end, CHUNK):
        people = population.record_person[start : min(start + CHUNK, end)]
        yield start, [(p, population.persons[p]) for p in people]


def all_records(seed: int, population: Population, end: int) -> list[Record]:
    found: list[Record] = []
    for start, people in chunks(population, end):
        found.extend(records_for(seed, start, people))
    return found


def planted_pairs(record_person: Sequence[int], end: int) -> set[tuple[int, int]]:
    """Pairs of record numbers (smaller first) below ``end`` that belong to one person."""
    by_person: dict[int, list[int]] = {}
    for record, person in enumerate(record_person[:end]):
        by_person.setdefault(person, []).append(record)
    return {pair for records in by_person.values() for pair in combinations(records, 2)}


def _born(record: Record) -> bool:
    return bool(record.date_of_birth or record.birth_year or record.birth_years)


def linkable(a: Record, b: Record) -> bool:
    """Whether the two records hold enough of the same kind to link them by: the same account,
    both a surname, or both given names and something of the birth. A pair of one person's
    records that is not (an online-only record and one without that account) cannot be found
    by any method; the benchmark counts such pairs apart."""
    if a.account and a.account == b.account:
        return True
    if a.surname and b.surname:
        return True
    return bool(a.given_names and b.given_names and _born(a) and _born(b))


def quality(found: set[tuple[int, int]], planted: set[tuple[int, int]]) -> dict[str, Any]:
    """Pairwise recall and precision: a found pair is true when both records are one person."""
    true_positives = len(found & planted)
    recall = true_positives / len(planted) if planted else None
    precision = true_positives / len(found) if found else None
    f1 = (
        2 * recall * precision / (recall + precision)
        if recall is not None and precision is not None and recall + precision
        else None
    )
    return {
        "true_pairs": len(planted),
        "found_pairs": len(found),
        "false_positives": len(found) - true_positives,
        "recall": recall,
        "precision": precision,
        "f1": f1,
    }
