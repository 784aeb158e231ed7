"""What waits in staff safety (Mijn werk, ``WORK_ITEMS``): for a safety officer, the new
incidents of their organisation not yet picked up. References and dates only."""

from django.urls import reverse
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.staff_safety.selectors import new_incidents_for

NEW_INCIDENT = "staff_incident_new"


def new_incidents(membership: Membership) -> list[WorkItem]:
    rows = new_incidents_for(membership=membership).order_by("created_at")[:ROWS_PER_KIND]
    return [
        WorkItem(
            kind=NEW_INCIDENT,
            label=_("Melding %(reference)s oppakken") % {"reference": incident.reference},
            due_on=None,
            url=reverse("staff_safety:incident_detail", kwargs={"pk": incident.pk}),
            menu="staff_safety:my_incidents",
            reference=incident.reference,
        )
        for incident in rows
    ]


WORK = [new_incidents]
