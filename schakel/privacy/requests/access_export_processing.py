"""The access export's list of processing: which log records are about the person, named in
plain Dutch, with the legal bases of their activities."""

import uuid
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import User
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord, ProcessingActivity
from schakel.intake.log_subjects import researched
from schakel.intake.models import OnlineResearchEntry
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation
from schakel.privacy.action_names import action_name

Data = dict[str, Any]


def pseudonyms_of(
    subject_id: uuid.UUID,
    signal_ids: Iterable[uuid.UUID],
    research: Iterable[OnlineResearchEntry] = (),
) -> list[str]:
    """The person's pseudonyms in the log: the subject's, each of its signals' (intake
    records name the signal), and those of research entries that name the person."""
    identifiers = [str(subject_id), *(str(pk) for pk in signal_ids)]
    found = [audit.Subject(SubjectType.PERSON, i).pseudonym for i in identifiers]
    return found + [researched(entry).pseudonym for entry in research]


def _bases_per_activity() -> dict[str, list[str]]:
    bases: dict[str, list[str]] = {}
    for key, name, citation in LegalBasis.processing_activities.through.objects.values_list(
        "processingactivity_id", "legalbasis__name", "legalbasis__citation"
    ).order_by("legalbasis__position", "legalbasis__name"):
        bases.setdefault(key, []).append(f"{name} ({citation})" if citation else name)
    return bases


def processing_rows(pseudonyms: list[str], withheld: dict[uuid.UUID, Data]) -> list[Data]:
    records = list(
        LogRecord.objects.filter(
            data_subject_id__in=pseudonyms, data_subject_type=SubjectType.PERSON
        )
        .exclude(actor_organisation_id__in=[str(pk) for pk in withheld])
        .only("start_time", "name", "activity_id", "actor_user_id", "actor_organisation_id")
        .order_by("sequence")
    )
    activities = {a.key: a for a in ProcessingActivity.objects.all()}
    bases = _bases_per_activity()
    organisations = Organisation.objects.in_bulk(
        {r.actor_organisation_id for r in records if r.actor_organisation_id}
    )
    users = User.objects.in_bulk({r.actor_user_id for r in records if r.actor_user_id})
    rows = []
    for record in records:
        organisation = organisations.get(_uuid(record.actor_organisation_id))
        user = users.get(_uuid(record.actor_user_id))
        if user is not None and organisation is not None:
            by = staff_display(user, organisation)
        elif organisation is not None:
            by = organisation.name
        elif user is not None:
            by = user.function_title.strip() or _("Medewerker")
        else:
            by = _("Schakel (automatisch)")
        activity = activities.get(record.activity_id)
        rows.append(
            {
                "when": timezone.localtime(record.start_time),
                "activity": activity.display_name if activity else record.activity_id,
                "action": action_name(record.name),
                "organisation": organisation.name if organisation else "",
                "by": by,
                "legal_bases": bases.get(record.activity_id)
                or ([activity.legal_basis] if activity else []),
            }
        )
    return rows


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
