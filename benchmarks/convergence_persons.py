"""Fictional persons for the convergence benchmark: names, dates, BSNs, families and accounts.

A *person* is one human being as the generator knows them. Besides random persons it makes the
hard negatives a meldpunt meets: brothers and sisters (same surname, birth years apart, other
given names), twins (also the same date of birth) and a son named after his father (same given
and surname, a generation apart). Married persons may use their partner's surname (the BRP's
naamgebruik). Some persons have online accounts. BSN-shaped numbers come from
990000000-999999999 and deliberately fail the eleven test, so none can be anyone's BSN.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import accumulate

from convergence_names import COMPOUND_SHARE, ORIGIN_CUMULATIVE, ORIGINS, Origin

GIVEN_NAME_COUNTS = (1, 2, 3)
GIVEN_NAME_COUNT_WEIGHTS = (0.45, 0.40, 0.15)
DOUBLE_SURNAME_SHARE = 0.04
BSN_SHARE = 0.35  # persons with a BSN
FIRST_BIRTH_YEAR = 1950
LAST_BIRTH_YEAR = 2013
# Families: the share of new persons that come with brothers or sisters (2-4 children), the share
# of those families with twins, and the share of persons with a son named after them.
FAMILY_SHARE = 0.12
TWIN_SHARE = 0.08
JUNIOR_SHARE = 0.02
# Naamgebruik: married women (and a few men) aged 22 or more who use their partner's surname.
MARRIED_SHARE_FEMALE = 0.30
MARRIED_SHARE_MALE = 0.03
ACCOUNT_SHARE = 0.25  # persons with one or two online accounts
PLATFORMS = (
    ("instagram", 0.25),
    ("tiktok", 0.20),
    ("x", 0.15),
    ("facebook", 0.10),
    ("telegram", 0.10),
    ("snapchat", 0.08),
    ("youtube", 0.05),
    ("discord", 0.04),
    ("reddit", 0.03),
)
_PLATFORM_CUMULATIVE = list(accumulate(weight for _name, weight in PLATFORMS))
_HANDLE_WORDS = (
    "shadow", "lion", "wolf", "real", "official", "king", "queen", "dark", "true", "free",
    "storm", "night", "ghost", "rebel", "pure", "light", "sky", "noord", "west", "urban",
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    """One fictional human being, as they would write their own identity."""

    given_names: tuple[str, ...]
    surname_prefix: str
    surname: str
    date_of_birth: date
    sex: str  # "male" / "female"
    bsn: str  # "" when none
    tradition: str = "dutch"
    partner_prefix: str = ""  # the partner's surname, when naamgebruik applies
    partner_surname: str = ""
    accounts: tuple[tuple[str, str], ...] = ()  # (platform, handle)


def _zipf_weights(count: int, exponent: float = 1.0, offset: float = 8.0) -> list[float]:
    """Common names first: the i-th name of a list has weight 1 / (i + offset) ** exponent.

    With the offset the most common name of a list of 100 is about 7 times as frequent as the
    median one, far less concentrated than a pure Zipf law; compound surnames widen the
    surnames further."""
    return list(accumulate(1 / (i + offset) ** exponent for i in range(count)))


_CUMULATIVE: dict[int, list[float]] = {}


def pick(rng: random.Random, names: Sequence[str]) -> str:
    cumulative = _CUMULATIVE.get(id(names))
    if cumulative is None:
        cumulative = _CUMULATIVE[id(names)] = _zipf_weights(len(names))
    return rng.choices(names, cum_weights=cumulative)[0]


def _birth_date(rng: random.Random) -> date:
    """Years weighted towards the young (signals concern mostly people under 40)."""
    span = LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1
    year = LAST_BIRTH_YEAR - min(int(rng.expovariate(1 / 14)), span - 1)
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def bsn_from_prefix(prefix: int) -> str:
    """A 9-digit number starting with the 8 digits of ``prefix`` that deliberately FAILS the
    eleven test, so that it can never be anyone's BSN."""
    digits = f"{prefix:08d}"
    total = sum((9 - i) * int(d) for i, d in enumerate(digits))
    last = 0 if total % 11 != 0 else 1
    return f"{digits}{last}"


class BsnSource:
    """Distinct synthetic BSN-shaped numbers from 990000000-999999999, none passing the
    eleven test."""

    def __init__(self, rng: random.Random) -> None:
        self._prefixes = iter(rng.sample(range(99_000_000, 100_000_000), 1_000_000))

    def next(self) -> str:
        for prefix in self._prefixes:
            return bsn_from_prefix(prefix)
        raise RuntimeError("out of synthetic BSNs")


def bisect(cumulative: Sequence[float], value: float) -> int:
    low, high = 0, len(cumulative) - 1
    while low < high:
        middle = (low + high) // 2
        if cumulative[middle] < value:
            low = middle + 1
        else:
            high = middle
    return low


def _origin(rng: random.Random) -> Origin:
    return ORIGINS[bisect(ORIGIN_CUMULATIVE, rng.random() * ORIGIN_CUMULATIVE[-1])]


def _surname(rng: random.Random, origin: Origin) -> tuple[str, str]:
    if origin.compound is not None and rng.random() < COMPOUND_SHARE:
        entry = origin.compound(rng)
    else:
        entry = pick(rng, origin.surnames)
    prefix, surname = entry.split("|")
    return prefix, surname


def _given_names(rng: random.Random, origin: Origin, sex: str, avoid: str = "") -> tuple[str, ...]:
    pool = origin.male if sex == "male" else origin.female
    count = rng.choices(GIVEN_NAME_COUNTS, GIVEN_NAME_COUNT_WEIGHTS)[0]
    given: list[str] = []
    while len(given) < count:
        name = pick(rng, pool)
        if name not in given and not (not given and name == avoid):
            given.append(name)
    return tuple(given)


class Handles:
    """Online handles, unique per platform (a platform gives one handle to one account)."""

    def __init__(self) -> None:
        self.taken: set[tuple[str, str]] = set()

    def make(self, rng: random.Random, given: str, surname: str, year: int) -> tuple[str, str]:
        platform = PLATFORMS[bisect(_PLATFORM_CUMULATIVE, rng.random())][0]
        first = "".join(c for c in given.lower() if c.isascii() and c.isalpha()) or "x"
        last = "".join(c for c in surname.lower() if c.isascii() and c.isalpha()) or "y"
        style = rng.randrange(6)
        handle = (
            f"{first}{last}",
            f"{first}.{last}",
            f"{first}_{year % 100:02d}",
            f"{last}{rng.randrange(1, 1000)}",
            f"{first[0]}{last}{rng.randrange(10, 100)}",
            f"{rng.choice(_HANDLE_WORDS)}{first}{rng.randrange(1, 100)}",
        )[style]
        while (platform, handle) in self.taken:
            handle = f"{handle}{rng.randrange(10)}"
        self.taken.add((platform, handle))
        return platform, handle


def make_person(rng: random.Random, bsns: BsnSource, handles: Handles) -> Person:
    origin = _origin(rng)
    sex = rng.choice(("male", "female"))
    prefix, surname = _surname(rng, origin)
    if rng.random() < DOUBLE_SURNAME_SHARE:
        # A double name ("Çelik-de Vries"); the prefix of the first moves into the surname.
        second_prefix, second = _surname(rng, _origin(rng))
        if second != surname:
            first = f"{prefix} {surname}".strip()
            surname = f"{first}-{second_prefix + ' ' if second_prefix else ''}{second}"
            prefix = ""
    person = Person(
        given_names=_given_names(rng, origin, sex),
        surname_prefix=prefix,
        surname=surname,
        date_of_birth=_birth_date(rng),
        sex=sex,
        bsn=bsns.next() if rng.random() < BSN_SHARE else "",
        tradition=origin.tradition,
    )
    return _with_life(rng, person, origin, handles)


def _with_life(rng: random.Random, person: Person, origin: Origin, handles: Handles) -> Person:
    """A partner's surname (naamgebruik) and online accounts, by chance."""
    share = MARRIED_SHARE_FEMALE if person.sex == "female" else MARRIED_SHARE_MALE
    if person.date_of_birth.year <= LAST_BIRTH_YEAR - 9 and rng.random() < share:
        partner_origin = origin if rng.random() < 0.7 else _origin(rng)
        partner_prefix, partner_surname = _surname(rng, partner_origin)
        if partner_surname != person.surname:
            person = replace(person, partner_prefix=partner_prefix, partner_surname=partner_surname)
    if rng.random() < ACCOUNT_SHARE:
        count = 1 if rng.random() < 0.7 else 2
        accounts = tuple(
            handles.make(rng, person.given_names[0], person.surname, person.date_of_birth.year)
            for _ in range(count)
        )
        person = replace(person, accounts=accounts)
    return person


def make_family(rng: random.Random, bsns: BsnSource, handles: Handles) -> list[Person]:
    """A person with brothers and sisters (maybe twins), or with a son named after him, or
    just the person: the hard negatives come in groups."""
    first = make_person(rng, bsns, handles)
    origin = next(o for o in ORIGINS if o.tradition == first.tradition)
    members = [first]
    roll = rng.random()
    if roll < FAMILY_SHARE:
        for index in range(rng.choice((1, 1, 2, 3))):
            sex = rng.choice(("male", "female"))
            if index == 0 and rng.random() < TWIN_SHARE:
                dob = first.date_of_birth
            else:
                gap = rng.choice((-1, 1)) * rng.randint(1, 6)
                year = min(max(first.date_of_birth.year + gap, FIRST_BIRTH_YEAR), LAST_BIRTH_YEAR)
                dob = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            sibling = Person(
                given_names=_given_names(rng, origin, sex, avoid=first.given_names[0]),
                surname_prefix=first.surname_prefix,
                surname=first.surname,
                date_of_birth=dob,
                sex=sex,
                bsn=bsns.next() if rng.random() < BSN_SHARE else "",
                tradition=first.tradition,
            )
            members.append(_with_life(rng, sibling, origin, handles))
    elif roll < FAMILY_SHARE + JUNIOR_SHARE and first.sex == "male":
        year = first.date_of_birth.year + rng.randint(20, 35)
        if year <= LAST_BIRTH_YEAR:
            junior = Person(
                given_names=(first.given_names[0], *_given_names(rng, origin, "male")[1:]),
                surname_prefix=first.surname_prefix,
                surname=first.surname,
                date_of_birth=date(year, 1, 1) + timedelta(days=rng.randrange(365)),
                sex="male",
                bsn=bsns.next() if rng.random() < BSN_SHARE else "",
                tradition=first.tradition,
            )
            members.append(_with_life(rng, junior, origin, handles))
    return members
