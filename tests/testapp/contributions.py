"""What the test app adds to the whole, as a new app would: a menu entry, a retention rule for
its person data, a section of the access export and a processing activity for the register. No
other app is edited for it."""

import uuid
from collections.abc import Collection, Sequence

from django.db import transaction
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import DeletionRecord
from schakel.core.navigation import NavItem
from schakel.core.retention import Moment, RetentionRule
from schakel.core.subject_access import ExportSection, Row
from schakel.intake.models import Subject
from schakel.privacy.activities import PrivacyActivity
from tests.testapp import activities
from tests.testapp.models import PersonNote

_KIND = "testapp_person_note"

NAVIGATION = [
    NavItem(
        "Proefnotities",
        "testapp:notes",
        frozenset({Role.REGIONAL_COORDINATOR}),
        acting=True,
        position=115,
    )
]


def _due(moment: Moment) -> Sequence[int]:
    notes = PersonNote.objects.filter(recorded_at__lte=moment.cutoffs[_KIND])
    notes = notes.exclude(subject_id__in=moment.held()).order_by("pk")
    return list(notes.values_list("pk", flat=True))


def _delete(ids: Sequence[int], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    with transaction.atomic():
        locked = PersonNote.objects.select_for_update().filter(pk__in=ids)
        # A hold placed while the sweep runs counts too.
        notes = list(locked.exclude(subject_id__in=moment.held()))
        if not notes:
            return 0
        subjects = sorted({str(note.subject_id) for note in notes})
        PersonNote.objects.filter(pk__in=[note.pk for note in notes]).delete()
        DeletionRecord.objects.create(
            object_kind=_KIND, count=len(notes), policy=_KIND, run_id=run_id, deleted_at=moment.now
        )
        audit.log_processing(
            activity=PrivacyActivity.RETENTION,
            name=f"retention_{_KIND}",
            by=None,
            subjects=[audit.Subject(SubjectType.PERSON, pk) for pk in subjects],
            attributes={"run": str(run_id), "policy": _KIND},
        )
    return len(notes)


def _move_notes(*, joined: list[uuid.UUID], into: Subject) -> None:
    """Two persons found to be one: the notes move along (the subject is PROTECTed)."""
    PersonNote.objects.filter(subject_id__in=joined).update(subject=into)


PERSON_JOIN_HOOKS = [_move_notes]


RETENTION_HANDLERS = [
    RetentionRule(
        kind=_KIND,
        label="Proefnotities over personen",
        default_months=6,
        clock_starts="na vastlegging van de notitie",
        action="De notitie wordt verwijderd.",
        due=_due,
        delete=_delete,
    )
]


def _rows(*, subject_id: uuid.UUID, withheld: Collection[uuid.UUID]) -> list[Row]:
    notes = PersonNote.objects.filter(subject_id=subject_id).exclude(organisation_id__in=withheld)
    return [
        {
            "Organisatie": note.organisation.name,
            "Vastgelegd op": timezone.localtime(note.recorded_at).strftime("%d-%m-%Y"),
            "Notitie": note.text,
        }
        for note in notes.select_related("organisation").order_by("recorded_at")
    ]


ACCESS_EXPORT_SECTIONS = [
    ExportSection(
        "testapp_notes", "Proefnotities", ("Organisatie", "Vastgelegd op", "Notitie"), _rows
    )
]

PROCESSING_ACTIVITIES = activities.REGISTER
