"""Running the integrity check of the processing log and keeping its outcome."""

from django.db import transaction
from django.utils import timezone

from schakel.audit.chain import CHAINED_FIELDS, ChainReport, verify_rows
from schakel.audit.models import ChainHead, LogRecord, VerificationRun

BATCH = 20_000


def verify_processing_log(*, started_by_id: str = "") -> tuple[ChainReport, VerificationRun]:
    started = timezone.now()
    with transaction.atomic():
        # Read the head and the records in one snapshot so concurrent writers cannot race it.
        head = ChainHead.objects.get(pk=1)
        rows = (
            LogRecord.objects.order_by("sequence")
            .filter(sequence__lte=head.sequence)
            .values_list(*CHAINED_FIELDS, "record_hash")
            .iterator(chunk_size=BATCH)
        )
        report = verify_rows(rows, head_sequence=head.sequence, head_hash=head.record_hash)
    run = VerificationRun.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        records_checked=report.records_checked,
        intact=report.intact,
        first_broken_sequence=report.first_broken_sequence,
        problem=report.problem,
        started_by_id=started_by_id,
    )
    return report, run
