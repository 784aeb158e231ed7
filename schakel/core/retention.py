"""What an app declares about the person data it keeps, for the retention sweep.

The sweep (``schakel.privacy.retention``) applies every retention term at one moment. Besides
the kinds it knows itself, it runs the rules other apps contribute (``RETENTION_HANDLERS`` in
their ``contributions.py``): a kind of data, its default term, when its clock starts, what
happens when it is due, and two functions — which objects are due at a moment, and deleting a
batch of them. ``delete`` runs inside the sweep's transaction for the batch; it removes the
person data, writes a deletion record (kind and count, never who) and logs its processing, as
the sweep's own handlers do. A functional admin can change the term like any other.

A person under a legal hold or with an open data-subject request keeps all their data:
``due`` leaves out objects of the persons in ``moment.held()``, and ``delete`` checks that
again after locking its rows (a hold may be placed while the sweep runs).
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _nothing_held(day: date) -> frozenset[uuid.UUID]:
    return frozenset()


@dataclass(frozen=True)
class Moment:
    """The moment a run applies the terms for, and each kind's cut-off at that moment."""

    now: datetime
    cutoffs: dict[str, datetime]
    # The persons (subject ids) whose data must stay on a day: legal holds, open requests.
    held_on: Callable[[date], frozenset[uuid.UUID]] = _nothing_held

    def held(self) -> frozenset[uuid.UUID]:
        """The persons held now (read again at each call)."""
        return self.held_on(self.hold_day)

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)

    @property
    def hold_day(self) -> date:
        """The day legal holds are checked for: the moment's, or the current day when the run
        goes on past it (resumed, or past midnight) — a hold placed since then counts too."""
        return max(self.today, timezone.localdate())


# A kind is stored with policies (32 characters at most) and deletion records.
KIND_MAX_LENGTH = 32


@dataclass(frozen=True)
class RetentionRule:
    kind: str  # a stable key, unique, not one of privacy's own kinds
    label: "StrOrPromise"
    default_months: int
    clock_starts: "StrOrPromise"  # "na ..."
    action: "StrOrPromise"  # what the sweep does when the term has passed
    due: Callable[[Moment], Sequence[Any]]
    delete: Callable[[Any, Moment, uuid.UUID, uuid.UUID | None], int]  # batch, moment, run, by
    min_months: int = 1
