"""The error model, continued: dates of birth and BSNs (see ``convergence_errors``).

Every changed date is a real calendar date between 1900 and the last birth year: a registration
system refuses anything else, so those are the errors that reach the meldpunt.
"""

import random
from dataclasses import replace
from datetime import date

from convergence_errors import Draft

FIRST_YEAR = 1900
LAST_YEAR = 2013


def _valid(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _digits(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _from_digits(digits: str) -> date | None:
    return _valid(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def dob_digit_typo(rng: random.Random, d: Draft) -> Draft | None:
    """One digit of the date mistyped, in the day, the month or the year."""
    if d.dob is None:
        return None
    digits = _digits(d.dob)
    for _attempt in range(20):
        position = rng.randrange(8)
        new = str(rng.randrange(10))
        if new == digits[position]:
            continue
        changed = _from_digits(digits[:position] + new + digits[position + 1 :])
        if changed is not None:
            return replace(d, dob=changed)
    return None


def dob_year_off_by_one(rng: random.Random, d: Draft) -> Draft | None:
    """The year off by one (age counted wrong, or a birthday early in January)."""
    if d.dob is None:
        return None
    changed = _valid(d.dob.year + rng.choice((-1, 1)), d.dob.month, d.dob.day)
    return replace(d, dob=changed) if changed else None


def dob_digits_transposed(rng: random.Random, d: Draft) -> Draft | None:
    """Two neighbouring digits swapped within the year, the month or the day (1987 → 1978)."""
    if d.dob is None:
        return None
    digits = _digits(d.dob)
    pairs = [0, 1, 2, 4, 6]  # within YYYY, within MM, within DD
    rng.shuffle(pairs)
    for i in pairs:
        if digits[i] == digits[i + 1]:
            continue
        changed = _from_digits(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
        if changed is not None:
            return replace(d, dob=changed)
    return None


def day_month_transposed(rng: random.Random, d: Draft) -> Draft | None:
    """Day and month swapped (an American-style date, or a form filled in the wrong order)."""
    dob = d.dob
    if dob is None or dob.day > 12 or dob.day == dob.month:
        return None
    return replace(d, dob=date(dob.year, dob.day, dob.month))


def dob_year_only(rng: random.Random, d: Draft) -> Draft | None:
    """Only the year of birth is known (a school, a neighbour, a youth worker)."""
    if d.dob is None:
        return None
    return replace(d, dob=None, birth_year=d.dob.year)


def dob_age_estimate(rng: random.Random, d: Draft) -> Draft | None:
    """Only an estimated age ("about 25"): a range of five birth years around a guess that is
    itself off by a year or two now and then."""
    if d.dob is None:
        return None
    guess = d.dob.year + round(rng.gauss(0, 1.2))
    return replace(d, dob=None, birth_years=(guess - 2, guess + 2))


def dob_missing(rng: random.Random, d: Draft) -> Draft | None:
    if d.dob is None and d.birth_year is None and d.birth_years is None:
        return None
    return replace(d, dob=None, birth_year=None, birth_years=None)


def bsn_digit_wrong(rng: random.Random, d: Draft) -> Draft | None:
    """One digit of the BSN mistyped (the eleven test would catch most of these in a system that
    checks it; not every partner's system does)."""
    if not d.bsn:
        return None
    position = rng.randrange(9)
    new = rng.choice([c for c in "0123456789" if c != d.bsn[position]])
    return replace(d, bsn=d.bsn[:position] + new + d.bsn[position + 1 :], bsn_forced=True)
