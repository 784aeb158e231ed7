"""Reads of match suggestions, for the leads of the municipalities involved only.

A list row names both signals as far as the viewer may see them and the verdicts per part of
the identity; the list views log that (``list_reads``). Opening one suggestion shows both
signals' identities side by side and writes a processing-log record first. The fetcher raises
Http404 for missing and forbidden alike.
"""

import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.models import MatchSuggestion
from schakel.intake.services import person


def suggestions_visible_to(*, membership: Membership | None) -> QuerySet[MatchSuggestion]:
    if membership is None or not permissions.is_meldpunt(membership):
        return MatchSuggestion.objects.none()
    org = membership.organisation_id
    return MatchSuggestion.objects.filter(
        Q(signal__directing_municipality_id=org) | Q(earlier_signal__directing_municipality_id=org)
    )


def suggestion_list_for(*, membership: Membership | None) -> QuerySet[MatchSuggestion]:
    return (
        suggestions_visible_to(membership=membership)
        .select_related(
            "signal__directing_municipality",
            "signal__registering_organisation",
            "earlier_signal__directing_municipality",
            "earlier_signal__registering_organisation",
            "signal__phenomenon",
        )
        .only(
            "id",
            "created_at",
            "score",
            "probability",
            "band",
            "status",
            "decided_at",
            "explanation",
            "signal__id",
            "signal__reference",
            "signal__created_at",
            "signal__directing_municipality__name",
            "signal__registering_organisation__name",
            "signal__phenomenon__name",
            "signal__urgency",
            "earlier_signal__id",
            "earlier_signal__reference",
            "earlier_signal__created_at",
            "earlier_signal__directing_municipality__name",
            "earlier_signal__registering_organisation__name",
        )
    )


def suggestion_get_for(*, membership: Membership | None, pk: uuid.UUID) -> MatchSuggestion:
    """One suggestion with both signals' identities side by side; the read is logged."""
    suggestion = (
        suggestions_visible_to(membership=membership)
        .select_related(
            "signal__directing_municipality",
            "signal__registering_organisation",
            "earlier_signal__directing_municipality",
            "earlier_signal__registering_organisation",
            "decided_for",
        )
        .filter(pk=pk)
        .first()
    )
    if suggestion is None or membership is None:
        raise Http404
    audit.log_processing(
        activity=IntakeActivity.CONVERGENCE_REVIEW,
        name="suggestion_read",
        by=membership.user,
        subjects=[
            person(suggestion.signal),
            audit.Subject(SubjectType.PERSON, str(suggestion.earlier_signal_id)),
        ],
        attributes={"suggestion": str(suggestion.pk)},
    )
    return suggestion


@dataclass(frozen=True)
class ConfirmationState:
    """Which municipalities said "same person", and which still have to (names only)."""

    confirmed: list[str]
    awaiting: list[str]
    own_confirmed: bool


def confirmation_state(
    *, suggestion: MatchSuggestion, membership: Membership | None
) -> ConfirmationState:
    confirmed = list(suggestion.confirmations.select_related("organisation"))
    done = {c.organisation_id for c in confirmed}
    needed = {
        suggestion.signal.directing_municipality_id: suggestion.signal.directing_municipality,
        suggestion.earlier_signal.directing_municipality_id: (
            suggestion.earlier_signal.directing_municipality
        ),
    }
    return ConfirmationState(
        confirmed=[c.organisation.name for c in confirmed],
        awaiting=sorted(org.name for pk, org in needed.items() if pk not in done),
        own_confirmed=membership is not None and membership.organisation_id in done,
    )
