"""Storing encodings, finding and scoring candidates, creating match suggestions (database).

Candidates come from every municipality in the instance: a blocking key shared with the new
signal is enough to be compared. Only encodings are read; person data stays encrypted.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from schakel.intake.convergence.comparison import Comparison, compare
from schakel.intake.convergence.encoding import (
    DATE_OF_BIRTH,
    GIVEN_NAMES,
    SURNAME,
    Encoding,
    bloom_bytes,
    bloom_from_bytes,
)
from schakel.intake.models import BlockingKey, IdentityEncoding, MatchSuggestion, Signal

# A new signal is compared with at most this many earlier ones (the most recent first); far
# above what a real name and date of birth share, it bounds the work of a pathological input.
MAX_CANDIDATES = 5000
# At most this many suggestions per new signal, the highest scores first.
MAX_SUGGESTIONS = 5

ENCODING_FIELDS = (
    "signal_id",
    "given_names_bloom",
    "surname_bloom",
    "date_of_birth_bloom",
    "date_of_birth_key",
    "date_of_birth_unordered_key",
    "given_names_ordered_key",
    "given_names_sorted_key",
    "surname_prefix_key",
    "sex_key",
    "bsn_key",
)


def threshold() -> int:
    value: int = settings.SCHAKEL_MATCH_THRESHOLD
    return value


def encoding_row(signal: Signal, encoding: Encoding) -> IdentityEncoding:
    return IdentityEncoding(
        signal=signal,
        given_names_bloom=bloom_bytes(encoding.given_names, GIVEN_NAMES),
        surname_bloom=bloom_bytes(encoding.surname, SURNAME),
        date_of_birth_bloom=bloom_bytes(encoding.date_of_birth, DATE_OF_BIRTH),
        date_of_birth_key=encoding.date_of_birth_key,
        date_of_birth_unordered_key=encoding.date_of_birth_unordered_key,
        given_names_ordered_key=encoding.given_names_ordered_key,
        given_names_sorted_key=encoding.given_names_sorted_key,
        surname_prefix_key=encoding.surname_prefix_key,
        sex_key=encoding.sex_key,
        bsn_key=encoding.bsn_key,
    )


def store_encoding(signal: Signal, encoding: Encoding) -> IdentityEncoding:
    row = encoding_row(signal, encoding)
    row.save()
    BlockingKey.objects.bulk_create(
        BlockingKey(key=key, encoding=row) for key in sorted(encoding.blocking_keys)
    )
    return row


def encoding_from_values(values: tuple[object, ...]) -> Encoding:
    """An ``Encoding`` from a ``values_list(*ENCODING_FIELDS[1:])`` row (blocking keys unused)."""
    given, surname, dob, *keys = values
    assert isinstance(given, bytes | memoryview)
    assert isinstance(surname, bytes | memoryview)
    assert isinstance(dob, bytes | memoryview)
    dob_key, dob_unordered, ordered, sorted_, prefix, sex, bsn = keys
    return Encoding(
        given_names=bloom_from_bytes(given),
        surname=bloom_from_bytes(surname),
        date_of_birth=bloom_from_bytes(dob),
        date_of_birth_key=dob_key,  # type: ignore[arg-type]
        date_of_birth_unordered_key=dob_unordered,  # type: ignore[arg-type]
        given_names_ordered_key=ordered,  # type: ignore[arg-type]
        given_names_sorted_key=sorted_,  # type: ignore[arg-type]
        surname_prefix_key=prefix,  # type: ignore[arg-type]
        sex_key=sex,  # type: ignore[arg-type]
        bsn_key=bsn,  # type: ignore[arg-type]
        blocking_keys=frozenset(),
    )


def candidates(
    encoding: Encoding, *, exclude_signal_id: uuid.UUID | None = None
) -> list[tuple[uuid.UUID, Encoding]]:
    """Earlier signals sharing at least one blocking key, with their encodings (one query)."""
    sharing = BlockingKey.objects.filter(key__in=sorted(encoding.blocking_keys)).values(
        "encoding_id"
    )
    rows = IdentityEncoding.objects.filter(id__in=sharing)
    if exclude_signal_id is not None:
        rows = rows.exclude(signal_id=exclude_signal_id)
    values = rows.order_by("-id").values_list(*ENCODING_FIELDS)[:MAX_CANDIDATES]
    return [(row[0], encoding_from_values(row[1:])) for row in values]


@dataclass(frozen=True)
class Scored:
    signal_id: uuid.UUID
    comparison: Comparison


def score(encoding: Encoding, found: Iterable[tuple[uuid.UUID, Encoding]]) -> list[Scored]:
    """Candidates at or above the threshold, the highest score first."""
    minimum = threshold()
    scored = [Scored(signal_id, compare(encoding, other)) for signal_id, other in found]
    kept = [s for s in scored if s.comparison.score >= minimum]
    return sorted(kept, key=lambda s: -s.comparison.score)


def suggest_for(signal: Signal, encoding: Encoding) -> list[MatchSuggestion]:
    """Create suggestions for a newly registered signal: one per earlier person, best first.

    Earlier signals already confirmed as one subject get one suggestion (the best-scoring
    signal of that subject). A pair decided before is never suggested again.
    """
    scored = score(encoding, candidates(encoding, exclude_signal_id=signal.pk))
    if not scored:
        return []
    ids = [s.signal_id for s in scored]
    # Locked, so that a candidate cannot expire between this check and the commit.
    subject_of = dict(
        Signal.objects.select_for_update()
        .filter(pk__in=ids, person_data_deleted_at=None)
        .order_by("pk")
        .values_list("pk", "subject_id")
    )
    decided = set(
        MatchSuggestion.objects.filter(
            Q(signal=signal, earlier_signal__in=ids) | Q(earlier_signal=signal, signal__in=ids)
        ).values_list("signal_id", "earlier_signal_id")
    )
    seen_subjects: set[uuid.UUID] = set()
    suggestions: list[MatchSuggestion] = []
    for item in scored:
        if item.signal_id not in subject_of:
            continue
        if (signal.pk, item.signal_id) in decided or (item.signal_id, signal.pk) in decided:
            continue
        subject_id = subject_of[item.signal_id]
        if subject_id is not None:
            if subject_id == signal.subject_id or subject_id in seen_subjects:
                continue
            seen_subjects.add(subject_id)
        suggestions.append(
            MatchSuggestion(
                signal=signal,
                earlier_signal_id=item.signal_id,
                score=item.comparison.score,
                explanation=item.comparison.as_explanation(),
            )
        )
        if len(suggestions) == MAX_SUGGESTIONS:
            break
    return MatchSuggestion.objects.bulk_create(suggestions)
