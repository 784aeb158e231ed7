"""The processing-log records of the meldpunt's lists.

A list page or endpoint that shows more about a person than a reference and dates (a status, a
phenomenon, an urgency, a match suggestion's verdicts per part of the identity) records one read
per person shown, and only for the rows on the page: all of a request's reads in one write
(``audit.record_reads``). A signal whose person data were deleted shows no one any more and is
not recorded, as its detail page is not.
"""

from collections.abc import Iterable

from schakel.accounts.models import User
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.intake.activities import IntakeActivity
from schakel.intake.log_subjects import person
from schakel.intake.models import MatchSuggestion, Signal


def signal_reads(signals: Iterable[Signal]) -> list[audit.Read]:
    return [
        audit.Read(IntakeActivity.SIGNAL_REGISTRATION, person(signal))
        for signal in signals
        if signal.has_person_data
    ]


def signal_id_reads(rows: Iterable[dict[str, object]]) -> list[audit.Read]:
    """The same for rows read as values (``id`` and ``person_data_deleted_at``)."""
    return [
        audit.Read(
            IntakeActivity.SIGNAL_REGISTRATION, audit.Subject(SubjectType.PERSON, str(r["id"]))
        )
        for r in rows
        if r.get("person_data_deleted_at") is None
    ]


def suggestion_reads(suggestions: Iterable[MatchSuggestion]) -> list[audit.Read]:
    """Both persons of each suggestion: its verdicts compare their identities."""
    return [
        audit.Read(
            IntakeActivity.CONVERGENCE_REVIEW, audit.Subject(SubjectType.PERSON, str(signal_id))
        )
        for suggestion in suggestions
        for signal_id in (suggestion.signal_id, suggestion.earlier_signal_id)
    ]


def record_list_reads(by: User, *, name: str, reads: Iterable[audit.Read]) -> None:
    """One write for the request: one record per distinct person (and activity) shown, by the
    signed-in user (the request's, already loaded: no query for the membership's user)."""
    audit.record_reads(name=name, by=by, reads=reads)
