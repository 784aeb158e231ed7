"""The search: by reference for everyone who acts in a membership, by name for the roles whose
work needs it. Each app answers from its own lists (``SEARCH_PROVIDERS``), so a search finds only
what the membership's lists would show. Every search writes its processing-log records in one
batched write: one per person shown (or one without a person when none is), each with the kind
of search and the number of results — never the search term.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.core.extensions import SEARCH_PROVIDERS, contributions
from schakel.core.references import normalise
from schakel.core.search import HITS_PER_KIND, SearchHit, SearchProvider
from schakel.intake.convergence.name_search import MIN_SURNAME_LETTERS, surname_letters
from schakel.intake.search import signals_named
from schakel.search.activities import SearchActivity
from schakel.search.models import NameSearchCount

# The roles whose work needs finding a person by name: the meldpunt and the process director.
NAME_SEARCH_ROLES = frozenset({Role.MUNICIPAL_LEAD, Role.PROCESS_DIRECTOR})
BY_REFERENCE = "reference"
BY_NAME = "name"
# Name searches per user in a window: enough for a day's calls, too few to walk a list of names.
NAME_SEARCH_WINDOW_SECONDS = 10 * 60
DEFAULT_NAME_SEARCHES_PER_WINDOW = 30


@dataclass(frozen=True)
class Outcome:
    hits: list[SearchHit]
    kind: str

    @property
    def capped(self) -> bool:
        """Whether a kind of hit reached the most one provider gives (more may exist)."""
        counts = Counter(str(hit.kind) for hit in self.hits)
        return any(count >= HITS_PER_KIND for count in counts.values())


def may_search_by_name(membership: Membership | None) -> bool:
    return membership is not None and membership.role in NAME_SEARCH_ROLES


def is_long_enough(surname: str) -> bool:
    return surname_letters(surname) >= MIN_SURNAME_LETTERS


def _providers() -> list[SearchProvider]:
    return contributions(SEARCH_PROVIDERS)


def _log(membership: Membership, kind: str, hits: Sequence[SearchHit], result: str) -> None:
    persons = list(dict.fromkeys(person for hit in hits for person in hit.persons))
    audit.log_processing(
        activity=SearchActivity.SEARCH,
        name=f"search_by_{kind}",
        by=membership.user,
        subjects=persons,
        result=result,
        attributes={"kind": kind, "results": len(hits)},
    )


def by_reference(*, membership: Membership, text: str) -> Outcome:
    """The visible objects with this reference (typed in any case, dashes optional)."""
    reference = normalise(text)
    hits: list[SearchHit] = []
    if reference is not None:
        prefix = reference.split("-")[0]
        for provider in _providers():
            if prefix in provider.prefixes:
                hits += provider.by_reference(membership, reference)
    with transaction.atomic():
        _log(membership, BY_REFERENCE, hits, "ok")
    return Outcome(hits=hits, kind=BY_REFERENCE)


def refuse_name_search(*, membership: Membership, result: str = "refused") -> None:
    """A name search by a role without it (or over the limit): nothing is looked up; the
    attempt is logged."""
    with transaction.atomic():
        _log(membership, BY_NAME, [], result)


def _window_start(now: datetime) -> datetime:
    """The start of the fixed window that ``now`` falls in (windows start at whole multiples of
    ``NAME_SEARCH_WINDOW_SECONDS`` since the epoch, in UTC)."""
    seconds = int(now.timestamp())
    return datetime.fromtimestamp(seconds - seconds % NAME_SEARCH_WINDOW_SECONDS, tz=UTC)


def within_name_search_limit(membership: Membership) -> bool:
    """Counts this name search of the user in the database (``NameSearchCount``, one row per user
    and fixed ten-minute window, counted up atomically); False once the user has done more than
    ``SCHAKEL_NAME_SEARCHES_PER_10_MINUTES`` in the window. Fails closed: when the count cannot be
    written the error propagates and no search happens."""
    limit = int(
        getattr(settings, "SCHAKEL_NAME_SEARCHES_PER_10_MINUTES", DEFAULT_NAME_SEARCHES_PER_WINDOW)
    )
    now = timezone.now()
    key = {"user_id": membership.user_id, "window_start": _window_start(now)}
    counts = NameSearchCount.objects
    with transaction.atomic():
        counts.filter(window_start__lt=now - timedelta(hours=1)).delete()
        for _attempt in range(3):
            if counts.filter(**key).update(count=F("count") + 1):
                break
            try:
                with transaction.atomic():
                    counts.create(**key, count=1)
                break
            except IntegrityError:  # a parallel first search of the window won; count up
                continue
        else:  # pragma: no cover
            raise RuntimeError("Zoekopdracht op naam niet te tellen.")
        count = counts.filter(**key).values_list("count", flat=True).get()
    return count <= limit


def by_name(*, membership: Membership, given_names: str, surname: str) -> Outcome:
    """The visible signals, weighing items and cases about persons of this name, for the roles
    with name search (anyone else: PermissionDenied); the caller checks the length."""
    if not may_search_by_name(membership):
        raise PermissionDenied
    matched = signals_named(given_names=given_names, surname=surname)
    hits: list[SearchHit] = []
    for provider in _providers():
        if provider.by_name is not None:
            hits += provider.by_name(membership, matched)
    with transaction.atomic():
        _log(membership, BY_NAME, hits, "ok")
    return Outcome(hits=hits, kind=BY_NAME)
