"""Running the integrity check of the processing log and keeping its outcome.

Large logs are checked in ranges by several processes at once (each record's hash depends only on
its own row, and the ranges are joined by comparing hashes at their borders). Records up to the
chain head read at the start are committed and never change, so the processes need no shared
snapshot. Inside a transaction (tests, or a caller's atomic block) or on an in-memory database
the check runs in this process, since other processes could not see the rows.
"""

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from django.db import connection, transaction
from django.db.models import Max, Sum
from django.utils import timezone

from schakel.audit import chain
from schakel.audit.chain import ChainReport
from schakel.audit.models import ChainHead, DeletionRecord, VerificationRun
from schakel.audit.pruning import LOG_RECORD_KIND

# Below this many records, starting worker processes costs more than it saves.
PARALLEL_FROM = 200_000
# Records per piece of work handed to a process; small enough to keep all processes busy.
CHUNK = 25_000
_DJANGO_ONLY_OPTIONS = {"pool", "server_side_binding", "isolation_level", "assume_role"}


def verify_processing_log(
    *, started_by_id: str = "", workers: int | None = None
) -> tuple[ChainReport, VerificationRun]:
    """Check the whole chain up to its head; ``workers`` overrides the number of processes."""
    started = timezone.now()
    head = ChainHead.objects.get(pk=1)
    if workers is None:
        workers = (os.cpu_count() or 1) if head.sequence >= PARALLEL_FROM else 1
    source = _worker_source()
    first = head.pruned_through + 1
    if workers > 1 and source is not None and head.sequence > first:
        parts = max(workers, -(-(head.sequence - first + 1) // CHUNK))
        ranges = chain.split(head.sequence, parts, first=first)
        results = _check_in_processes(source, ranges, workers)
    else:
        results = _check_here(head.sequence, first=first)
    report = chain.combine(
        results,
        head_sequence=head.sequence,
        head_hash=head.record_hash,
        first=first,
        anchor=head.pruned_hash,
    )
    report = _compare_with_earlier_runs(report, head_sequence=head.sequence)
    report = _compare_with_deletion_register(report, pruned_through=head.pruned_through)
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


def _check_here(head_sequence: int, *, first: int = 1) -> list[chain.RangeResult]:
    if head_sequence < first:
        return []
    postgres = connection.vendor == "postgresql"
    with transaction.atomic(), connection.cursor() as cursor:
        if postgres:
            cursor.execute(chain.POSTGRESQL_SESSION_SQL)

        def fetch(first: int, last: int) -> chain.Batch:
            if postgres:
                cursor.execute(chain.POSTGRESQL_RANGE_SQL, [first, last])
                return chain.as_batch(cursor.fetchall())
            cursor.execute(chain.SQLITE_RANGE_SQL, [chain.SQLITE_FORMAT, first, last])
            return chain.as_batch(cursor.fetchall())

        rows = chain.batches(fetch, start=first, end=head_sequence)
        return [chain.check_range(rows, start=first, end=head_sequence)]


def _check_in_processes(
    source: chain.Source, ranges: list[tuple[int, int]], workers: int
) -> list[chain.RangeResult]:
    """Worker processes take ranges from the front; this process works from the back.

    It starts at once while the workers are still starting, and takes over every range that no
    worker has begun, so all processes finish at about the same time.
    """
    # "spawn": a fresh interpreter per worker, so no inherited connections or threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
        futures: list[Future[chain.RangeResult]] = [
            pool.submit(chain.check_range_in_worker, source, a, b) for a, b in ranges
        ]
        here: dict[int, chain.RangeResult] = {}
        for index in reversed(range(len(ranges))):
            if not futures[index].cancel():
                break
            here[index] = chain.check_range_in_worker(source, *ranges[index])
        return [here[i] if i in here else futures[i].result() for i in range(len(ranges))]


def _worker_source() -> chain.Source | None:
    """Connection parameters for worker processes, or None when they could not see the rows."""
    if connection.in_atomic_block:
        return None
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():  # type: ignore[attr-defined]
            return None
        return chain.Source("sqlite", {"database": str(settings["NAME"])})
    if connection.vendor == "postgresql":
        params: dict[str, str | int] = {
            key: value
            for key, value in settings.get("OPTIONS", {}).items()
            if key not in _DJANGO_ONLY_OPTIONS and isinstance(value, str | int)
        }
        params["dbname"] = settings["NAME"]
        for key, name in (("user", "USER"), ("password", "PASSWORD"), ("host", "HOST")):
            if settings.get(name):
                params[key] = settings[name]
        if settings.get("PORT"):
            params["port"] = str(settings["PORT"])
        return chain.Source("postgresql", params)
    return None


def _compare_with_earlier_runs(report: ChainReport, *, head_sequence: int) -> ChainReport:
    """A chain cut short together with its head still hangs together; earlier checks saw more."""
    if not report.intact:
        return report
    longest = VerificationRun.objects.filter(intact=True).aggregate(n=Max("records_checked"))["n"]
    if longest is not None and longest > head_sequence:
        return ChainReport(report.records_checked, False, head_sequence + 1, chain.TAIL_MISSING)
    return report


def _compare_with_deletion_register(report: ChainReport, *, pruned_through: int) -> ChainReport:
    """Records before the anchor left only through the retention sweep, which recorded each
    removal in the deletion register; an anchor moved without those records is tampering."""
    if not report.intact:
        return report
    removed = DeletionRecord.objects.filter(object_kind=LOG_RECORD_KIND).aggregate(n=Sum("count"))[
        "n"
    ]
    if (removed or 0) != pruned_through:
        return ChainReport(report.records_checked, False, pruned_through + 1, chain.RECORD_MISSING)
    return report
