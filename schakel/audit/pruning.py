"""Removing the oldest records of the processing log when their retention term has passed.

Only a prefix of the chain is ever removed, so what stays is still one unbroken chain: the head
row keeps an anchor (the sequence number and hash of the last record removed) from which the
integrity check starts. Each batch removes records, moves the anchor and writes the deletion
record in one transaction; the check compares the anchor with the deletion register, so an
anchor moved by anyone but the sweep shows as tampering.
"""

import uuid
from datetime import datetime

from django.db import transaction

from schakel.audit.models import ChainHead, DeletionRecord, LogRecord

LOG_RECORD_KIND = "log_record"


def due_through(*, before: datetime) -> int:
    """The last sequence number that may go: every record up to it started at or before
    ``before`` (the first younger record, and all after it, stay)."""
    head = ChainHead.objects.get(pk=1)
    young = (
        LogRecord.objects.filter(sequence__gt=head.pruned_through, start_time__gt=before)
        .order_by("sequence")
        .values_list("sequence", flat=True)
        .first()
    )
    return (young - 1) if young is not None else head.sequence


def prune_batch(
    *, before: datetime, now: datetime, run_id: uuid.UUID, policy: str, batch_size: int
) -> int:
    """Remove the next batch of due records; the number removed (0 when nothing is due).

    Runs inside the caller's transaction when there is one (the sweep logs in it too)."""
    with transaction.atomic():
        # Lock the head: writers wait for this batch, and two sweeps cannot interleave.
        head = ChainHead.objects.select_for_update().get(pk=1)
        first = head.pruned_through + 1
        last = min(due_through(before=before), first + batch_size - 1)
        if last < first:
            return 0
        anchor = (
            LogRecord.objects.filter(sequence=last).values_list("record_hash", flat=True).first()
        )
        if anchor is None:
            # The record that would become the anchor is missing: the chain is broken here.
            # Removing around it would hide that, so the sweep stops for the log.
            raise LogPruningError(last)
        removed, _ = LogRecord.objects.filter(sequence__gte=first, sequence__lte=last).delete()
        ChainHead.objects.filter(pk=1).update(pruned_through=last, pruned_hash=anchor)
        DeletionRecord.objects.create(
            object_kind=LOG_RECORD_KIND, count=removed, policy=policy, run_id=run_id, deleted_at=now
        )
    return removed


class LogPruningError(Exception):
    def __init__(self, sequence: int) -> None:
        super().__init__(f"Log record #{sequence} is missing; the log is not pruned past it.")
        self.sequence = sequence
