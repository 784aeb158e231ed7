"""What waits in the trainings (Mijn werk, ``WORK_ITEMS``): for a registrar, seats of their
organisation still unused before a session's deadline; for the managers, attendance still to
record after a session. Titles, counts and dates only (no staff names): nothing to log."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.collaboration.selectors import collaborations_of
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.training.choices import RegistrationStatus
from schakel.training.models import SeatAllocation, TrainingSession
from schakel.training.permissions import is_registrar
from schakel.training.selectors import managed_collaborations

UNUSED_SEATS = "training_unused_seats"
ATTENDANCE = "training_attendance"
MENU = "training:catalogue"
# Attendance is asked for sessions of at most this many days ago.
ATTENDANCE_WINDOW = timedelta(days=60)


def unused_seats(membership: Membership) -> list[WorkItem]:
    """Sessions open for registration where the registrar's organisation has free seats."""
    if not is_registrar(membership):
        return []
    today = timezone.localdate()
    allocations = (
        SeatAllocation.objects.filter(
            organisation_id=membership.organisation_id,
            session__collaboration__in=collaborations_of(membership),
            session__registration_deadline__gte=today,
            session__starts_at__gt=timezone.now(),
            seats__gt=0,
        )
        .annotate(
            taken=Count(
                "session__registrations",
                filter=Q(
                    session__registrations__organisation_id=membership.organisation_id,
                    session__registrations__status=RegistrationStatus.REGISTERED,
                ),
            )
        )
        .select_related("session__training")
        .order_by("session__registration_deadline")[:ROWS_PER_KIND]
    )
    return [
        WorkItem(
            kind=UNUSED_SEATS,
            label=_("%(title)s: %(free)s plaats(en) van uw organisatie nog vrij")
            % {"title": row.session.training.title, "free": row.seats - row.taken},
            due_on=row.session.registration_deadline,
            url=reverse("training:session_detail", kwargs={"pk": row.session_id}),
            menu=MENU,
        )
        for row in allocations
        if row.seats > row.taken
    ]


def attendance_due(membership: Membership) -> list[WorkItem]:
    """Sessions of the collaborations the membership manages that began, with registered
    participants whose attendance is not yet recorded."""
    now = timezone.now()
    sessions = (
        TrainingSession.objects.filter(
            collaboration__in=managed_collaborations(membership),
            starts_at__lte=now,
            starts_at__gte=now - ATTENDANCE_WINDOW,
            registrations__status=RegistrationStatus.REGISTERED,
            registrations__attended__isnull=True,
        )
        .distinct()
        .select_related("training")
        .order_by("starts_at")[:ROWS_PER_KIND]
    )
    return [
        WorkItem(
            kind=ATTENDANCE,
            label=_("%(title)s: aanwezigheid vastleggen") % {"title": session.training.title},
            due_on=timezone.localdate(session.starts_at),
            url=reverse("training:attendance", kwargs={"pk": session.pk}),
            menu=MENU,
        )
        for session in sessions
    ]


WORK = [unused_seats, attendance_due]
