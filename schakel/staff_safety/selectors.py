"""Reads of the staff-safety register, scoped to the acting membership's organisation.

Every read of incident data is logged (``schakel.audit``): a detail under the staff member it
concerns, a list with one record per staff member shown. The log is written before anything is
shown; if it cannot be written the request fails and nothing is shown (fail closed).
"""

import uuid
from collections.abc import Iterable
from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404

from schakel.accounts.models import Membership, User
from schakel.audit import services as audit
from schakel.staff_safety import permissions
from schakel.staff_safety.activities import StaffSafetyActivity
from schakel.staff_safety.choices import IncidentStatus
from schakel.staff_safety.models import Incident, SafetyOfficer, SafetyProtocol

ACTIVITY = StaffSafetyActivity.STAFF_INCIDENTS


class Access(StrEnum):
    """How much of an incident a membership sees: everything, or what the functional admin
    needs (no staff member, no recorder, no free text)."""

    FULL = "full"
    LIMITED = "limited"


def incidents_visible_to(*, membership: Membership | None) -> QuerySet[Incident]:
    """The staff member it concerns, the recorder, and the organisation's safety officers and
    functional admin — only while acting for the incident's organisation."""
    if membership is None:
        return Incident.objects.none()
    own = Incident.objects.filter(organisation_id=membership.organisation_id)
    if permissions.may_see_overview(membership):
        return own
    return own.filter(Q(staff_member_id=membership.user_id) | Q(recorded_by_id=membership.user_id))


def mine(*, membership: Membership) -> QuerySet[Incident]:
    """Mijn meldingen: about me or recorded by me, in the acting organisation."""
    return Incident.objects.filter(organisation_id=membership.organisation_id).filter(
        Q(staff_member_id=membership.user_id) | Q(recorded_by_id=membership.user_id)
    )


def access_to(membership: Membership, incident: Incident) -> Access:
    if membership.user_id in (incident.staff_member_id, incident.recorded_by_id):
        return Access.FULL
    if permissions.is_safety_officer(membership):
        return Access.FULL
    return Access.LIMITED


def subject_of(incident: Incident) -> audit.Subject:
    return audit.employee(User(pk=incident.staff_member_id))


def incident_get_for(*, membership: Membership | None, pk: uuid.UUID, by: User) -> Incident:
    """One visible incident, its read logged first (any other id: 404)."""
    incident = (
        incidents_visible_to(membership=membership)
        .select_related("staff_member", "recorded_by", "organisation")
        .filter(pk=pk)
        .first()
    )
    if incident is None or membership is None:
        raise Http404
    audit.log_processing(
        activity=ACTIVITY,
        name="staff_incident_read",
        by=by,
        subjects=[subject_of(incident)],
        attributes={"access": access_to(membership, incident).value},
    )
    return incident


def record_list_reads(by: User, *, name: str, incidents: Iterable[Incident]) -> None:
    """One record per staff member whose incidents a list shows (nothing for an empty list)."""
    audit.record_reads(
        name=name,
        by=by,
        reads=[audit.Read(ACTIVITY, subject_of(incident)) for incident in incidents],
    )


def officers_of(*, organisation_id: uuid.UUID) -> QuerySet[SafetyOfficer]:
    """The open designations of an organisation, on active memberships."""
    return (
        SafetyOfficer.objects.filter(
            ended_at__isnull=True,
            membership__in=Membership.objects.active().filter(organisation_id=organisation_id),
        )
        .select_related("membership__user", "membership__organisation")
        .order_by("membership__user__full_name")
    )


def colleagues_of(*, membership: Membership) -> QuerySet[User]:
    """The staff of the acting organisation (active memberships): whom a manager may record
    for."""
    return (
        User.objects.filter(
            memberships__in=Membership.objects.active().filter(
                organisation_id=membership.organisation_id
            )
        )
        .distinct()
        .order_by("full_name")
    )


def protocol_of(*, organisation_id: uuid.UUID) -> SafetyProtocol | None:
    return SafetyProtocol.objects.filter(organisation_id=organisation_id).first()


def new_incidents_for(*, membership: Membership) -> QuerySet[Incident]:
    """New incidents not yet picked up, for a safety officer (none for anyone else)."""
    if not permissions.is_safety_officer(membership):
        return Incident.objects.none()
    return Incident.objects.filter(
        organisation_id=membership.organisation_id, status=IncidentStatus.NEW
    )


def log_aggregate_read(*, by: User, year: int) -> None:
    """The figures are counts, suppressed; their read is logged all the same (no subject)."""
    audit.log_processing(
        activity=ACTIVITY, name="staff_incident_figures_read", by=by, attributes={"year": year}
    )
