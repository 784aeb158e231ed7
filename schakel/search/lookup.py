"""The search: by reference for everyone who acts in a membership, by name for the roles whose
work needs it. Each app answers from its own lists (``SEARCH_PROVIDERS``), so a search finds only
what the membership's lists would show. Every search writes its processing-log records in one
batched write: one per person shown (or one without a person when none is), each with the kind
of search and the number of results — never the search term.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.core.extensions import SEARCH_PROVIDERS, contributions
from schakel.core.references import normalise
from schakel.core.search import SearchHit, SearchProvider
from schakel.intake.convergence.name_search import MIN_SURNAME_LETTERS, surname_letters
from schakel.intake.search import signals_named
from schakel.search.activities import SearchActivity

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


def within_name_search_limit(membership: Membership) -> bool:
    """Counts this name search of the user (in the shared cache, keyed by the user's id only);
    False once the user has done ``SCHAKEL_NAME_SEARCHES_PER_10_MINUTES`` in the window."""
    limit = int(
        getattr(settings, "SCHAKEL_NAME_SEARCHES_PER_10_MINUTES", DEFAULT_NAME_SEARCHES_PER_WINDOW)
    )
    key = f"zoeken-op-naam:{membership.user_id}"
    cache.add(key, 0, NAME_SEARCH_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, NAME_SEARCH_WINDOW_SECONDS)
        count = 1
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
