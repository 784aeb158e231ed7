"""What follows an "include" decision, said by the app that takes the person into the approach.

Weighing decides; it does not know what a case is. The app above it that carries the approach
(``cases``) contributes one ``InclusionFollowUp`` under ``INCLUSION_FOLLOW_UP`` in its
``contributions.py``: how an inclusion is taken up (in the decision's transaction, so a failure
undoes the decision), which persons are in the approach now (their new signals go to the case's
table, not to a new weighing), and the link from a decided item to what it opened, for one who
may see it. Exactly one app contributes it: without one an inclusion would lead nowhere, so
Schakel refuses to start a decision rather than lose it.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from schakel.core.extensions import INCLUSION_FOLLOW_UP, contributions

if TYPE_CHECKING:
    from schakel.accounts.models import Membership, User
    from schakel.weighing.models import WeighingItem


@dataclass(frozen=True)
class FollowUpLink:
    reference: str
    url: str


@dataclass(frozen=True)
class InclusionFollowUp:
    # Take up an inclusion (membership, locked item, chosen process director); raises a
    # ValidationError keyed "outcome" when it cannot.
    take_up: "Callable[[Membership, WeighingItem, User | None], object]"
    # Everyone in the approach now: a values queryset of ``subject_id`` (used as a subquery).
    subjects_in_approach: Callable[[], "QuerySet[Any, Any]"]
    # What the decided item led to, for this membership; None when it led nowhere they may see.
    link: "Callable[[Membership, WeighingItem], FollowUpLink | None]"


def follow_up() -> InclusionFollowUp:
    found: list[InclusionFollowUp] = contributions(INCLUSION_FOLLOW_UP)
    if len(found) != 1:
        raise ImproperlyConfigured(
            "Precies één app moet INCLUSION_FOLLOW_UP bijdragen (de opname in de aanpak); "
            f"gevonden: {len(found)}."
        )
    return found[0]


def in_approach(subject_id: uuid.UUID) -> bool:
    return follow_up().subjects_in_approach().filter(subject_id=subject_id).exists()
