"""The retention term of the incident register (``RETENTION_HANDLERS``): a closed incident is
deleted when its term has passed (default five years after closing; a functional admin can
change it). The deletion is proven by a record without any personal data and logged under the
staff members it concerned. Legal holds and data-subject requests are about the persons of the
approach, not about staff, so they do not hold incidents back."""

import uuid
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import DeletionRecord
from schakel.core.retention import Moment, RetentionRule
from schakel.staff_safety.activities import StaffSafetyActivity
from schakel.staff_safety.choices import IncidentStatus
from schakel.staff_safety.models import Incident

KIND = "staff_incident"


def due(moment: Moment) -> Sequence[uuid.UUID]:
    return list(
        Incident.objects.filter(status=IncidentStatus.CLOSED, closed_at__lte=moment.cutoffs[KIND])
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)
    )


def delete(
    ids: Sequence[uuid.UUID], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None
) -> int:
    with transaction.atomic():
        incidents = list(
            Incident.objects.select_for_update().filter(
                pk__in=ids, status=IncidentStatus.CLOSED, closed_at__lte=moment.cutoffs[KIND]
            )
        )
        if not incidents:
            return 0
        staff = sorted({str(incident.staff_member_id) for incident in incidents})
        Incident.objects.filter(pk__in=[incident.pk for incident in incidents]).delete()
        DeletionRecord.objects.create(
            object_kind=KIND,
            count=len(incidents),
            policy=KIND,
            run_id=run_id,
            deleted_at=moment.now,
        )
        audit.log_processing(
            activity=StaffSafetyActivity.STAFF_INCIDENTS,
            name=f"retention_{KIND}",
            by=None,
            subjects=[audit.Subject(SubjectType.EMPLOYEE, pk) for pk in staff],
            attributes={"run": str(run_id), "policy": KIND},
        )
    return len(incidents)


RULE = RetentionRule(
    kind=KIND,
    label=_("Afgesloten meldingen veiligheid medewerkers"),
    default_months=60,
    clock_starts=_("na afsluiten van de melding"),
    action=_("De melding wordt verwijderd."),
    due=due,
    delete=delete,
)
