"""The score of two encodings and the explanation a person can follow; pure functions.

The score (0–100) only orders suggestions for a person to decide on. It is not a risk score and
never merges anything by itself. An exact BSN agreement gives 100; differing BSNs cap the score
below the suggestion threshold.
"""

from dataclasses import dataclass, field
from typing import Any

from schakel.intake.convergence.encoding import Encoding

# Weights of the three parts; they add up to 1. About equal, so that two parts agreeing can't
# outweigh a third that clearly differs (at a million signals, different people sharing a
# surname and a date of birth are common; docs/benchmarks.md).
WEIGHT_GIVEN_NAMES = 0.33
WEIGHT_SURNAME = 0.33
WEIGHT_DATE_OF_BIRTH = 0.34
SEX_DIFFERS_PENALTY = 0.10
BSN_DIFFERS_CAP = 0.30

# Date of birth: how much agreement each verdict counts for. Day and month transposed is nearly
# as good as equal (a stranger with exactly the transposed date is rare). One digit off counts
# for little: with equal names it just reaches the threshold, with any other difference it does
# not (at a million signals, namesakes born a digit apart outnumber such typos).
# "One digit" means 7 of the 8 digits agree: the Dice coefficient of the date's Bloom filter is
# then about 0.875, with two digits off about 0.75.
DOB_TRANSPOSED = 0.95
DOB_ONE_DIGIT = 0.35
DOB_ONE_DIGIT_DICE = 0.85

# A name whose q-grams lie entirely inside the other's (a second given name left out, one part
# of a double surname) counts as this similar ("strong", but less than a typo in a long name:
# many different people share one of their given names).
CONTAINED = 0.80
CONTAINED_OVERLAP = 0.95
# ... but only when the larger name is at most this much larger: a long string of names would
# otherwise "contain" many people at once (registration used as a search).
CONTAINED_MAX_RATIO = 2.5


class Verdict:
    EQUAL = "equal"
    STRONG = "strong"
    PARTIAL = "partial"
    DIFFERENT = "different"
    TRANSPOSED = "transposed"
    ONE_DIGIT = "one_digit"
    MISSING = "missing"


class Note:
    ORDER_DIFFERS = "order_differs"
    CONTAINED = "contained"
    PREFIX_ONE_SIDE = "prefix_one_side"
    PREFIX_DIFFERS = "prefix_differs"


@dataclass(frozen=True)
class PartResult:
    part: str
    verdict: str
    similarity: float
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "verdict": self.verdict,
            "similarity": self.similarity,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Comparison:
    score: int
    parts: tuple[PartResult, ...]

    def as_explanation(self) -> dict[str, Any]:
        """JSON-safe: part names, verdicts, similarities and notes only — no identifier."""
        return {"score": self.score, "parts": [p.as_dict() for p in self.parts]}


def popcount(bits: int) -> int:
    return bits.bit_count()


def dice(a: int, b: int) -> float:
    total = popcount(a) + popcount(b)
    return 2 * popcount(a & b) / total if total else 0.0


def overlap(a: int, b: int) -> float:
    smallest = min(popcount(a), popcount(b))
    return popcount(a & b) / smallest if smallest else 0.0


def name_similarity(a: int, b: int) -> tuple[float, bool]:
    """Dice similarity, or CONTAINED when one name is contained in the other."""
    similarity = dice(a, b)
    small, large = sorted((popcount(a), popcount(b)))
    if (
        similarity < CONTAINED
        and small
        and large <= CONTAINED_MAX_RATIO * small
        and overlap(a, b) >= CONTAINED_OVERLAP
    ):
        return CONTAINED, True
    return similarity, False


def name_verdict(similarity: float) -> str:
    if similarity >= 0.97:
        return Verdict.EQUAL
    if similarity >= 0.80:
        return Verdict.STRONG
    if similarity >= 0.55:
        return Verdict.PARTIAL
    return Verdict.DIFFERENT


def _given_names(a: Encoding, b: Encoding) -> PartResult:
    similarity, contained = name_similarity(a.given_names, b.given_names)
    notes: list[str] = []
    if contained:
        notes.append(Note.CONTAINED)
    if (
        a.given_names_sorted_key is not None
        and a.given_names_sorted_key == b.given_names_sorted_key
        and a.given_names_ordered_key != b.given_names_ordered_key
    ):
        notes.append(Note.ORDER_DIFFERS)
    return PartResult("given_names", name_verdict(similarity), round(similarity, 2), tuple(notes))


def _surname(a: Encoding, b: Encoding) -> PartResult:
    similarity, contained = name_similarity(a.surname, b.surname)
    notes: list[str] = [Note.CONTAINED] if contained else []
    if (a.surname_prefix_key is None) != (b.surname_prefix_key is None):
        notes.append(Note.PREFIX_ONE_SIDE)
    elif a.surname_prefix_key != b.surname_prefix_key:
        notes.append(Note.PREFIX_DIFFERS)
    return PartResult("surname", name_verdict(similarity), round(similarity, 2), tuple(notes))


def _date_of_birth(a: Encoding, b: Encoding) -> PartResult:
    if a.date_of_birth_key == b.date_of_birth_key:
        return PartResult("date_of_birth", Verdict.EQUAL, 1.0)
    if a.date_of_birth_unordered_key == b.date_of_birth_unordered_key:
        return PartResult("date_of_birth", Verdict.TRANSPOSED, DOB_TRANSPOSED)
    if dice(a.date_of_birth, b.date_of_birth) >= DOB_ONE_DIGIT_DICE:
        return PartResult("date_of_birth", Verdict.ONE_DIGIT, DOB_ONE_DIGIT)
    return PartResult("date_of_birth", Verdict.DIFFERENT, 0.0)


def _known_pair(part: str, a: int | None, b: int | None) -> PartResult | None:
    if a is None or b is None:
        return None
    if a == b:
        return PartResult(part, Verdict.EQUAL, 1.0)
    return PartResult(part, Verdict.DIFFERENT, 0.0)


def compare(a: Encoding, b: Encoding) -> Comparison:
    given = _given_names(a, b)
    surname = _surname(a, b)
    dob = _date_of_birth(a, b)
    parts = [given, surname, dob]
    value = (
        WEIGHT_GIVEN_NAMES * given.similarity
        + WEIGHT_SURNAME * surname.similarity
        + WEIGHT_DATE_OF_BIRTH * dob.similarity
    )
    sex = _known_pair("sex", a.sex_key, b.sex_key)
    if sex is not None:
        parts.append(sex)
        if sex.verdict == Verdict.DIFFERENT:
            value -= SEX_DIFFERS_PENALTY
    bsn = _known_pair("bsn", a.bsn_key, b.bsn_key)
    if bsn is not None:
        parts.append(bsn)
        value = 1.0 if bsn.verdict == Verdict.EQUAL else min(value, BSN_DIFFERS_CAP)
    score = max(0, min(100, round(value * 100)))
    return Comparison(score=score, parts=tuple(parts))
