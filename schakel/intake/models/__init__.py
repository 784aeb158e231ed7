"""The meldpunt: signals, the persons they are about, convergence data and online research.

Person data (identifiers and free text) is stored encrypted. Matching never reads it: it uses
the keyed encodings in ``IdentityEncoding`` and ``BlockingKey``, which hold no plain identifier.
"""

from schakel.intake.models.convergence import (
    BlockingKey,
    IdentityChoice,
    IdentityEncoding,
    MatchModelVersion,
    MatchSuggestion,
    SuggestionConfirmation,
)
from schakel.intake.models.research import OnlineResearchEntry
from schakel.intake.models.signals import (
    OnlineAccount,
    Phenomenon,
    RelatedPerson,
    Signal,
    Subject,
    mask_bsn,
)

__all__ = [
    "BlockingKey",
    "IdentityChoice",
    "IdentityEncoding",
    "MatchModelVersion",
    "MatchSuggestion",
    "OnlineAccount",
    "OnlineResearchEntry",
    "Phenomenon",
    "RelatedPerson",
    "Signal",
    "Subject",
    "SuggestionConfirmation",
    "mask_bsn",
]
