"""Expiry of signals that never reached a weighing: person data, encodings and suggestions go.

The metadata row stays (status "vervallen") for accountability and statistics; a deletion record
without personal data proves the deletion; each batch is one transaction with its log records.
When it runs is the retention sweep's business (``schakel.privacy.retention``: the term, legal
holds, open requests, batches and resuming); this module says what expiring a signal means.
"""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet

from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import DeletionRecord
from schakel.intake.activities import IntakeActivity
from schakel.intake.choices import EXPIRABLE_STATUSES, SignalStatus
from schakel.intake.models import (
    IdentityEncoding,
    MatchSuggestion,
    OnlineAccount,
    OnlineResearchEntry,
    RelatedPerson,
    Signal,
    Subject,
)

EXPIRY_POLICY = "signal_not_weighed"
PERSON_FIELDS = (
    "given_names",
    "surname_prefix",
    "surname",
    "date_of_birth",
    "birth_year",
    "age_estimate",
    "sex",
    "bsn",
    "address",
    "observation",
    "reporter_contact",
    "online_platform",
    "online_content",
    "handling_note",
)


def expirable_signals(
    *, now: datetime, held: "QuerySet[Subject] | None" = None
) -> "list[uuid.UUID]":
    due = Signal.objects.filter(
        status__in=EXPIRABLE_STATUSES, expires_at__lte=now, person_data_deleted_at=None
    )
    if held is not None:
        due = due.exclude(subject__in=held)
    return list(due.order_by("expires_at").values_list("pk", flat=True))


def erase_signal_person_data(
    chosen: list[uuid.UUID], *, now: datetime, run_id: uuid.UUID, policy: str, expire: bool
) -> list[uuid.UUID]:
    """Delete the person data of these (locked) signals, their related persons, accounts,
    encodings,
    match suggestions and the person-related text of online research they led to; write the
    deletion records. ``expire`` also sets the status "vervallen" (never-weighed signals).
    Returns the ids of the related persons deleted (for the log). The caller holds the
    transaction and logs."""
    related_ids = list(
        RelatedPerson.objects.filter(signal_id__in=chosen).values_list("pk", flat=True)
    )
    RelatedPerson.objects.filter(pk__in=related_ids).delete()
    accounts = OnlineAccount.objects.filter(signal_id__in=chosen).delete()[0]
    IdentityEncoding.objects.filter(signal_id__in=chosen).delete()
    # Also any suggestion a registration made against a signal while it expired.
    MatchSuggestion.objects.filter(
        Q(signal_id__in=chosen)
        | Q(earlier_signal_id__in=chosen)
        | Q(signal__person_data_deleted_at__isnull=False)
        | Q(earlier_signal__person_data_deleted_at__isnull=False)
    ).delete()
    research = list(
        OnlineResearchEntry.objects.filter(signal_id__in=chosen).values_list("pk", flat=True)
    )
    # What was searched for and found about the person goes with the signal; the fact
    # that a search was done, its basis and dates stay for the privacy officer.
    erase_research_text(research, now=now)
    status = {"status": SignalStatus.EXPIRED, "status_changed_at": now} if expire else {}
    Signal.objects.filter(pk__in=chosen).update(
        **dict.fromkeys(PERSON_FIELDS),
        capture_fingerprint="",
        person_data_deleted_at=now,
        updated_at=now,
        **status,
    )
    for kind, count in (
        ("signal_person_data", len(chosen)),
        ("related_person", len(related_ids)),
        ("online_account", accounts),
        ("online_research_text", len(research)),
    ):
        if count:
            DeletionRecord.objects.create(
                object_kind=kind, count=count, policy=policy, run_id=run_id, deleted_at=now
            )
    return related_ids


def erase_research_text(ids: list[uuid.UUID], *, now: datetime) -> None:
    OnlineResearchEntry.objects.filter(pk__in=ids).update(
        signal=None,
        person_given_names=None,
        person_surname_prefix=None,
        person_surname=None,
        person_birth_year=None,
        person_platform="",
        person_handle=None,
        purpose="",
        occasion="",
        public_order_interest="",
        subsidiarity="",
        sources_consulted=None,
        outcome_summary=None,
        content_deleted_at=now,
        updated_at=now,
    )


def expire_batch(
    ids: list[uuid.UUID],
    *,
    now: datetime,
    run_id: uuid.UUID,
    held: "QuerySet[Subject] | None" = None,
) -> int:
    """Expire these signals (the retention sweep's batch): those still due after locking, not
    of a held person. Returns how many expired."""
    with transaction.atomic():
        # Lock and re-check: a signal linked to a weighing in the meantime does not expire,
        # nor does one whose person came under a legal hold or an open request.
        candidates = Signal.objects.select_for_update().filter(
            pk__in=ids,
            status__in=EXPIRABLE_STATUSES,
            expires_at__lte=now,
            person_data_deleted_at=None,
        )
        if held is not None:
            candidates = candidates.exclude(subject__in=held)
        # The same lock order as a decision on a suggestion.
        signals = list(candidates.order_by("pk"))
        if not signals:
            return 0
        chosen = [s.pk for s in signals]
        subject_ids = {s.subject_id for s in signals if s.subject_id is not None}
        related_ids = erase_signal_person_data(
            chosen, now=now, run_id=run_id, policy=EXPIRY_POLICY, expire=True
        )
        # The subject link goes too: an expired signal no longer says who it was about.
        Signal.objects.filter(pk__in=chosen).update(subject=None)
        audit.log_processing(
            activity=IntakeActivity.SIGNAL_REGISTRATION,
            name="signal_expire",
            by=None,
            subjects=[
                *(audit.Subject(SubjectType.PERSON, str(pk)) for pk in chosen),
                *(audit.Subject(SubjectType.RELATED_PERSON, str(pk)) for pk in related_ids),
            ],
            attributes={"run": str(run_id), "policy": EXPIRY_POLICY},
        )
        # A subject left without any signal has nothing to hold together any more — unless a
        # weighing, a case, a data-subject request or a legal hold refers to it (their own
        # terms apply).
        Subject.objects.filter(
            pk__in=subject_ids,
            signals=None,
            weighing_items=None,
            cases=None,
            requests=None,
            legal_holds=None,
        ).delete()
    return len(chosen)


def expiring_before(now: datetime) -> datetime:
    return now + timedelta(days=settings.SCHAKEL_EXPIRY_WARNING_DAYS)
