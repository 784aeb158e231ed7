"""A match suggestion as a row of a list: both signals as far as the viewer may see them, and
which parts of the identity agree, look alike, differ or are not known on both sides.

Of the viewer's own municipality's signal: its reference, when it was received and who reported
it. Of another municipality's signal only what the suggestion's own page shows of it: the
municipality and the date it was registered. Showing these rows is logged
(``list_reads.suggestion_reads``): the verdicts say something about both persons.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from schakel.accounts.models import Membership
from schakel.intake.explanation import COMMON, LEVELS, PART_LABELS
from schakel.intake.models import MatchSuggestion, Signal

AGREE = {"exact", "equal"}
DIFFER = {"different"}
MISSING = {"missing"}


@dataclass(frozen=True)
class SuggestedSide:
    """One signal of a suggestion as the viewer may see it."""

    own: bool
    pk: uuid.UUID
    reference: str  # only for the own municipality's signal, else ""
    received_at: datetime
    municipality: str
    registering_organisation: str  # only for the own municipality's signal, else ""


@dataclass(frozen=True)
class Comparison:
    agree: list[str] = field(default_factory=list)
    alike: list[str] = field(default_factory=list)  # "Achternaam: Lijkt sterk (tikfout)"
    differ: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SuggestionRow:
    suggestion: MatchSuggestion
    new: SuggestedSide
    earlier: SuggestedSide
    comparison: Comparison


def _side(signal: Signal, membership: Membership) -> SuggestedSide:
    own = signal.directing_municipality_id == membership.organisation_id
    return SuggestedSide(
        own=own,
        pk=signal.pk,
        reference=signal.reference if own else "",
        received_at=signal.created_at,
        municipality=signal.directing_municipality.name,
        registering_organisation=signal.registering_organisation.name if own else "",
    )


def comparison(explanation: dict[str, object]) -> Comparison:
    """The engine's verdicts per part, grouped; no identifiers are in the explanation."""
    found = Comparison()
    parts = explanation.get("parts", [])
    for part in parts if isinstance(parts, list) else []:
        name = str(part.get("part", ""))
        level = str(part.get("level", part.get("verdict", "")))
        label = str(PART_LABELS.get(name, name))
        if level in AGREE:
            found.agree.append(label)
        elif level in DIFFER:
            found.differ.append(label)
        elif level in MISSING:
            found.missing.append(label)
        else:
            verdict = LEVELS.get(name, {}).get(level) or COMMON.get(level) or level
            found.alike.append(f"{label}: {verdict}")
    return found


def suggestion_rows(
    suggestions: Iterable[MatchSuggestion], *, membership: Membership
) -> list[SuggestionRow]:
    return [
        SuggestionRow(
            suggestion=suggestion,
            new=_side(suggestion.signal, membership),
            earlier=_side(suggestion.earlier_signal, membership),
            comparison=comparison(suggestion.explanation),
        )
        for suggestion in suggestions
    ]
