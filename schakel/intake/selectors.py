"""Reads at the meldpunt. Every read takes the acting membership (organisation + role).

Lists hold no person data (reference, dates, organisations, labels); opening one signal,
suggestion or research entry reads person data and writes a processing-log record first —
if that fails, nothing is shown. Each fetcher raises Http404 for missing and forbidden alike.
Suggestions are read in ``suggestion_selectors``, online research in ``online_selectors``.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.choices import EXPIRABLE_STATUSES, MatchBand, SignalStatus, SuggestionStatus
from schakel.intake.expiry import expiring_before
from schakel.intake.models import MatchSuggestion, Phenomenon, Signal
from schakel.intake.services import person, related
from schakel.intake.suggestion_selectors import suggestion_list_for
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation

# What a list may show of a signal: no identifier, no free text.
SIGNAL_LIST_FIELDS = (
    "id",
    "reference",
    "created_at",
    "status",
    "status_changed_at",
    "source_domain",
    "urgency",
    "observed_on",
    "expires_at",
    "person_data_deleted_at",
    "reported_by",
    "observation_category",
    "registering_organisation__name",
    "directing_municipality__name",
    "phenomenon__name",
    "registering_organisation_id",
    "registered_in_role",
    "directing_municipality_id",
    "phenomenon_id",
    "subject_id",
)


def _none() -> QuerySet[Signal]:
    return Signal.objects.none()


def signals_visible_to(*, membership: Membership | None) -> QuerySet[Signal]:
    """Own organisation's signals (registering roles) and, for the meldpunt, its residents'."""
    if membership is None:
        return _none()
    conditions: list[Q] = []
    if permissions.may_register_signal(membership):
        # Within an organisation, members follow the signals registered in their own role:
        # a municipal department (partner member) does not see what the meldpunt registered,
        # such as a citizen's contact details.
        conditions.append(
            Q(
                registering_organisation_id=membership.organisation_id,
                registered_in_role=membership.role,
            )
        )
    if permissions.is_meldpunt(membership):
        conditions.append(Q(directing_municipality_id=membership.organisation_id))
    if not conditions:
        return _none()
    condition = conditions[0]
    for extra in conditions[1:]:
        condition |= extra
    return Signal.objects.filter(condition)


def signal_list_for(*, membership: Membership | None) -> QuerySet[Signal]:
    """The visible signals for a list: metadata only (person fields are never loaded)."""
    return (
        signals_visible_to(membership=membership)
        .select_related("registering_organisation", "directing_municipality", "phenomenon")
        .only(*SIGNAL_LIST_FIELDS)
        .order_by("-created_at")
    )


def signal_get_for(*, membership: Membership | None, pk: uuid.UUID) -> Signal:
    """One visible signal with its person data; the read is logged before it is returned."""
    signal = (
        signals_visible_to(membership=membership)
        .select_related(
            "registering_organisation", "directing_municipality", "phenomenon", "registered_by"
        )
        .filter(pk=pk)
        .first()
    )
    if signal is None or membership is None:
        raise Http404
    if signal.has_person_data:
        related_persons = list(signal.related_persons.all())
        signal.loaded_online_accounts = list(signal.online_accounts.all())  # type: ignore[attr-defined]
        audit.log_processing(
            activity=IntakeActivity.SIGNAL_REGISTRATION,
            name="signal_read",
            by=membership.user,
            subjects=[person(signal), *(related(r) for r in related_persons)],
        )
        signal.loaded_related_persons = related_persons  # type: ignore[attr-defined]
    else:
        signal.loaded_related_persons = []  # type: ignore[attr-defined]
        signal.loaded_online_accounts = []  # type: ignore[attr-defined]
    return signal


# The registering partner's view of convergence (Verwijsindex principle) ------------------------


@dataclass(frozen=True)
class KnownAt:
    """Only which meldpunt to contact: never the earlier signal's content or its source."""

    meldpunt: str
    mailbox: str
    confirmed: bool


def known_at_meldpunten(*, signal: Signal) -> list[KnownAt]:
    """Meldpunten where an earlier or later signal about the same person is (possibly) known:
    confirmed, or an open suggestion in the upper band. Not the lower band: a thin registration
    (initials, a surname, a year) would otherwise tell a partner where someone like that is
    known — a search, not a registration."""
    found: dict[uuid.UUID, KnownAt] = {}
    others: list[tuple[uuid.UUID, bool]] = []
    if signal.subject_id is not None:
        others += [
            (pk, True)
            for pk in Signal.objects.filter(subject_id=signal.subject_id)
            .exclude(pk=signal.pk)
            .values_list("directing_municipality_id", flat=True)
        ]
    for first, second in MatchSuggestion.objects.filter(
        Q(signal=signal) | Q(earlier_signal=signal),
        status=SuggestionStatus.OPEN,
        band=MatchBand.LIKELY,
    ).values_list("signal__directing_municipality_id", "earlier_signal__directing_municipality_id"):
        other = second if first == signal.directing_municipality_id else first
        others.append((other, False))
    organisations = Organisation.objects.in_bulk({pk for pk, _ in others})
    for pk, confirmed in others:
        organisation = organisations[pk]
        previous = found.get(pk)
        found[pk] = KnownAt(
            meldpunt=organisation.name,
            mailbox=organisation.mailbox,
            confirmed=confirmed or (previous.confirmed if previous else False),
        )
    return sorted(found.values(), key=lambda k: k.meldpunt)


# Privacy officer: metadata only -------------------------------------------------------------


def signal_metadata_for_privacy_officer(*, membership: Membership | None) -> Any:
    """Signals registered by or directed to the officer's organisation, as plain metadata.

    A ``values()`` queryset: the rows are dicts without any person field, so no template or
    serializer can reach person data through them.
    """
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        return Signal.objects.none().values(*SIGNAL_LIST_FIELDS)
    org = membership.organisation_id
    return (
        Signal.objects.filter(Q(registering_organisation_id=org) | Q(directing_municipality_id=org))
        .order_by("-created_at")
        .values(*SIGNAL_LIST_FIELDS)
    )


def signal_status_rows_for(*, membership: Membership | None) -> QuerySet[Any]:
    """Metadata rows (dicts, never person data) of the signals a membership follows: the
    registering side and the meldpunt their visible signals, the privacy officer the signals
    registered by or directed to their organisation."""
    if membership is not None and membership.role == Role.PRIVACY_OFFICER:
        rows = signal_metadata_for_privacy_officer(membership=membership)
    else:
        rows = signal_list_for(membership=membership).values(*SIGNAL_LIST_FIELDS)
    return cast(QuerySet[Any], rows)


# Inbox --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxFilters:
    status: str = ""
    source_domain: str = ""
    urgency: str = ""
    phenomenon: uuid.UUID | None = None


@dataclass(frozen=True)
class Inbox:
    signals: QuerySet[Signal]
    open_suggestions: QuerySet[MatchSuggestion]
    expiring: QuerySet[Signal]
    expiring_before: datetime


def inbox_for(*, membership: Membership | None, filters: InboxFilters) -> Inbox:
    """The meldpunt's work: its residents' signals (default: new), open suggestions, expiring."""
    directed = signal_list_for(membership=membership)
    if membership is not None and permissions.is_meldpunt(membership):
        directed = directed.filter(directing_municipality_id=membership.organisation_id)
    else:
        directed = directed.none()
    signals = directed.filter(status=filters.status or SignalStatus.NEW)
    if filters.source_domain:
        signals = signals.filter(source_domain=filters.source_domain)
    if filters.urgency:
        signals = signals.filter(urgency=filters.urgency)
    if filters.phenomenon:
        signals = signals.filter(phenomenon_id=filters.phenomenon)
    limit = expiring_before(timezone.now())
    expiring = directed.filter(
        status__in=EXPIRABLE_STATUSES, expires_at__lte=limit, person_data_deleted_at=None
    ).order_by("expires_at")
    return Inbox(
        signals=signals,
        open_suggestions=suggestion_list_for(membership=membership).filter(
            status=SuggestionStatus.OPEN
        ),
        expiring=expiring,
        expiring_before=limit,
    )


# Choices for forms --------------------------------------------------------------------------


def active_phenomena() -> QuerySet[Phenomenon]:
    return Phenomenon.objects.filter(is_active=True)


def residence_municipalities() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY, is_active=True)


def signals_for_research(*, membership: Membership | None) -> QuerySet[Signal]:
    """Signals a research entry may name as its occasion: the lead's residents', not expired."""
    if membership is None or not permissions.is_meldpunt(membership):
        return _none()
    return (
        Signal.objects.filter(
            directing_municipality_id=membership.organisation_id, person_data_deleted_at=None
        )
        .only("id", "reference", "created_at")
        .order_by("-created_at")
    )
