"""Reads of online research, for the municipality's lead and its privacy officer.

Lists hold metadata only; opening one entry writes a processing-log record first. The fetcher
raises Http404 for missing and forbidden alike.
"""

import uuid

from django.db.models import QuerySet
from django.http import Http404

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.expiry import PERSON_FIELDS
from schakel.intake.log_subjects import research_subjects
from schakel.intake.models import OnlineResearchEntry


def online_research_visible_to(*, membership: Membership | None) -> QuerySet[OnlineResearchEntry]:
    """The municipality's entries for its municipal lead and its privacy officer."""
    if membership is None or not permissions.may_view_online_research(membership):
        return OnlineResearchEntry.objects.none()
    return OnlineResearchEntry.objects.filter(municipality_id=membership.organisation_id)


def online_research_list_for(*, membership: Membership | None) -> QuerySet[OnlineResearchEntry]:
    """Metadata only: dates, basis, outcome and whether it is completed."""
    return (
        online_research_visible_to(membership=membership)
        .select_related("recorded_by", "municipality")
        .only(
            "id",
            "created_at",
            "legal_basis",
            "outcome",
            "completed_at",
            "signal_id",
            "municipality__name",
            "municipality__mailbox",
            "recorded_by__function_title",
        )
        .order_by("-created_at")
    )


def online_research_get_for(*, membership: Membership | None, pk: uuid.UUID) -> OnlineResearchEntry:
    entry = (
        online_research_visible_to(membership=membership)
        .select_related("recorded_by", "municipality", "signal")
        .defer(*(f"signal__{name}" for name in PERSON_FIELDS))
        .filter(pk=pk)
        .first()
    )
    if entry is None or membership is None:
        raise Http404
    audit.log_processing(
        activity=IntakeActivity.ONLINE_RESEARCH,
        name="online_research_read",
        by=membership.user,
        subjects=research_subjects(entry),
        attributes={"entry": str(entry.pk)},
    )
    return entry
