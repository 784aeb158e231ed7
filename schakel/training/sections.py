"""The trainings' section on a collaboration's home page (``COLLABORATION_SECTIONS``): its
upcoming sessions and, per session, the seats of the member's own organisation (counts only)."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.collaboration.sections import CollaborationSection
from schakel.network.models import Collaboration
from schakel.training.choices import RegistrationStatus
from schakel.training.models import SeatAllocation, TrainingSession

SHOWN = 10


def training_section(
    membership: Membership | None, collaboration: Collaboration, roles: frozenset[str]
) -> CollaborationSection | None:
    if membership is None:
        return None
    org = membership.organisation_id
    sessions = (
        TrainingSession.objects.filter(collaboration=collaboration, starts_at__gte=timezone.now())
        .select_related("training")
        .annotate(
            own_registered=Count(
                "registrations",
                filter=Q(
                    registrations__organisation_id=org,
                    registrations__status=RegistrationStatus.REGISTERED,
                ),
            ),
        )
        .order_by("starts_at")[:SHOWN]
    )
    rows = list(sessions)
    allocated = dict(
        SeatAllocation.objects.filter(session__in=rows, organisation_id=org).values_list(
            "session_id", "seats"
        )
    )
    return CollaborationSection(
        anchor="trainingen",
        title=_("Trainingen"),
        template="training/section.html",
        context={
            "rows": [(s, allocated.get(s.pk, 0), s.own_registered) for s in rows],
            "organisation": membership.organisation,
        },
    )
