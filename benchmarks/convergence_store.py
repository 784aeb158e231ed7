"""Storing a synthetic population in the benchmark database, and the batch pass over it.

Runs inside Django (``config.settings.test`` with ``DATABASE_URL`` set to the throw-away
database). Signal rows are minimal but complete: every person field that the synthetic record
has is encrypted with the field's own encryption, as a registration would store it. Encodings
and blocking keys are those of ``encoding.encode``; the rows are written in bulk (``COPY`` on
PostgreSQL, ``executemany`` on SQLite) with the secondary indexes and foreign keys dropped and
recreated afterwards from their own definitions, so the measured queries run on the schema as
migrated.
"""

import resource
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TextIO

from convergence_identities import identity
from convergence_people import Person, Population, Record, chunks, records_for
from django.db import connection, transaction
from django.utils import timezone

from schakel.core.fields import EncryptedTextField
from schakel.core.references import format_reference
from schakel.intake.convergence import batch, layout
from schakel.intake.convergence.encoding import encode
from schakel.intake.convergence.model import MatchModel
from schakel.intake.convergence.stored import read_all
from schakel.intake.models import BlockingKey, IdentityEncoding, Signal

UUID_BASE = int("5c4a0000000040008000000000000000", 16)
PERSON_FIELDS = ("given_names", "surname_prefix", "surname", "date_of_birth", "sex", "bsn")
ENCODING_COLUMNS = ("id", "signal_id", "features", "version", "built_at")


@dataclass
class Encoded:
    """What a worker returns for one record."""

    index: int
    ciphertexts: tuple[str | None, ...]  # PERSON_FIELDS, encrypted
    features: bytes
    keys: tuple[tuple[int, bool], ...]  # (blocking key, seeks)


@dataclass
class Loaded:
    blocking_keys: int
    encode_cpu_s: float


def encode_chunk(task: tuple[int, int, list[tuple[int, Person]]]) -> Any:
    """In a worker: the records of one chunk, encoded and with their person fields encrypted."""
    seed, start, people = task
    started = time.process_time()
    fields = [Signal._meta.get_field(name) for name in PERSON_FIELDS]
    assert all(isinstance(field, EncryptedTextField) for field in fields)
    out: list[Encoded] = []
    for offset, record in enumerate(records_for(seed, start, people)):
        encoding = encode(identity(record))
        plain = _plain(record)
        ciphertexts = tuple(
            field.get_prep_value(value) if value else None  # type: ignore[union-attr]
            for field, value in zip(fields, plain, strict=True)
        )
        keys = tuple((k, True) for k in sorted(encoding.keys))
        keys += tuple(sorted(encoding.broad_keys.items()))
        out.append(Encoded(start + offset, ciphertexts, encoding.features, keys))
    return out, time.process_time() - started


def _plain(record: Record) -> tuple[str, ...]:
    born = record.date_of_birth.isoformat() if record.date_of_birth else ""
    return (
        record.given_names,
        record.surname_prefix,
        record.surname,
        born,
        record.sex,
        record.bsn,
    )


# --- bulk writing ----------------------------------------------------------------------------


def _fixtures() -> dict[str, Any]:
    """One municipality, one registering user and a phenomenon: the signals' foreign keys."""
    from schakel.accounts.models import User
    from schakel.intake.models import Phenomenon
    from schakel.network.choices import OrganisationKind
    from schakel.network.models import Organisation, Region

    region = Region.objects.create(name="Benchmarkregio")
    municipality = Organisation.objects.create(
        name="Gemeente Benchmark",
        kind=OrganisationKind.MUNICIPALITY,
        region=region,
        mailbox="meldpunt@benchmark.invalid",
        may_process_bsn=True,
    )
    user = User.objects.create_user(
        email="bench@benchmark.invalid", password=None, full_name="Bench", function_title="Test"
    )
    phenomenon = Phenomenon.objects.order_by("position").first() or Phenomenon.objects.create(
        name="Benchmark"
    )
    now = timezone.now()
    template = Signal(
        registering_organisation=municipality,
        registered_by=user,
        directing_municipality=municipality,
        status_changed_at=now,
        source_domain="education",
        phenomenon=phenomenon,
        observed_on=now.date(),
        expires_at=now + timedelta(days=365),
        created_at=now,
        updated_at=now,
    )
    return {
        str(field.column): field.get_db_prep_save(getattr(template, field.attname), connection)
        for field in Signal._meta.concrete_fields
    }


def _secondary_indexes(table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every index that is not a primary key or unique constraint."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%%'",
                [table],
            )
        else:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
                "AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
                [table],
            )
        return [(name, sql) for name, sql in cursor.fetchall()]


def _foreign_keys(table: str) -> list[tuple[str, str]]:
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        return [(name, definition) for name, definition in cursor.fetchall()]


class _BulkLoad:
    """Secondary indexes and foreign keys off while loading, recreated as they were."""

    tables = (Signal._meta.db_table, IdentityEncoding._meta.db_table, BlockingKey._meta.db_table)

    def __enter__(self) -> "_BulkLoad":
        self.indexes = [i for t in self.tables for i in _secondary_indexes(t)]
        self.foreign_keys = [(t, *f) for t in self.tables for f in _foreign_keys(t)]
        with connection.cursor() as cursor:
            for table, name, _definition in self.foreign_keys:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            for name, _sql in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        if connection.vendor == "sqlite":
            connection.disable_constraint_checking()
        return self

    def __exit__(self, *exc: object) -> None:
        if connection.vendor == "sqlite":
            connection.enable_constraint_checking()
        with connection.cursor() as cursor:
            for _name, sql in self.indexes:
                cursor.execute(sql)
            for table, name, definition in self.foreign_keys:
                cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')


def _write(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def load(pool: Any, population: Population, seed: int, records: int, log: TextIO) -> Loaded:
    """Generate, encode (in the worker pool) and store ``records`` signals."""
    template = _fixtures()
    signal_columns = tuple(template)
    pk = Signal._meta.pk
    assert pk is not None
    id_position = signal_columns.index(pk.column)
    reference_position = signal_columns.index("reference")
    column_of = {field.name: str(field.column) for field in Signal._meta.concrete_fields}
    positions = [signal_columns.index(column_of[name]) for name in PERSON_FIELDS]
    base_row = list(template.values())
    built_at = timezone.now()
    key_count = 0
    cpu = 0.0
    tasks = ((seed, start, people) for start, people in chunks(population, records))
    next_report = time.perf_counter() + 30
    stored = 0
    with _BulkLoad():
        for encoded, cpu_s in pool.imap(encode_chunk, tasks):
            cpu += cpu_s
            signals: list[tuple[Any, ...]] = []
            encodings: list[tuple[Any, ...]] = []
            keys: list[tuple[int, int, bool]] = []
            for item in encoded:
                signal_id = pk.get_db_prep_save(_uuid(item.index), connection)
                row = base_row.copy()
                row[id_position] = signal_id
                row[reference_position] = format_reference("SIG", built_at.year, item.index + 1)
                for position, value in zip(positions, item.ciphertexts, strict=True):
                    row[position] = value
                signals.append(tuple(row))
                encodings.append(
                    (item.index + 1, signal_id, item.features, layout.VERSION, built_at)
                )
                keys.extend((key, item.index + 1, seeks) for key, seeks in item.keys)
            with transaction.atomic():
                _write(Signal._meta.db_table, signal_columns, signals)
                _write(IdentityEncoding._meta.db_table, ENCODING_COLUMNS, encodings)
                _write(BlockingKey._meta.db_table, ("key", "encoding_id", "seeks"), keys)
            key_count += len(keys)
            stored += len(encoded)
            if time.perf_counter() >= next_report:
                print(f"  {connection.vendor}: {stored:,} signals stored", file=log)
                next_report = time.perf_counter() + 30
        print(f"  {connection.vendor}: recreating indexes and foreign keys", file=log)
    _after_load()
    return Loaded(key_count, cpu)


def _uuid(index: int) -> Any:
    import uuid

    return uuid.UUID(int=UUID_BASE | index)


def _after_load() -> None:
    """Statistics for the planners (and the visibility map for PostgreSQL index-only scans)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            table = IdentityEncoding._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f'(SELECT max(id) FROM "{table}"))'
            )
            for name in _BulkLoad.tables:
                cursor.execute(f'VACUUM ANALYZE "{name}"')
        else:
            cursor.execute("ANALYZE")


def database_label(connection: Any = connection) -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    major, minor = divmod(connection.pg_version, 10_000)
    return f"PostgreSQL {major}.{minor}"


# --- the batch pass ------------------------------------------------------------------------------


def run_batch(end: int, model: MatchModel, workers: int, log: TextIO) -> dict[str, Any]:
    """Deduplicate the stored signals with encoding id <= ``end``: pairs in either band."""
    started = time.perf_counter()
    columns, blocks = read_all(up_to_id=end)
    read_s = time.perf_counter() - started
    scored = batch.deduplicate(columns, blocks, model, minimum=model.possible, workers=workers)
    seconds = time.perf_counter() - started
    print(f"  batch over {end:,} signals: {seconds:.1f} s", file=log)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": seconds,
        "read_s": read_s,
        "peak_rss_mib": max(own, workers_peak) / 1024,
        "stats": vars(scored.stats),
        "pairs": [
            (int(a), int(b), float(p))
            for a, b, p in zip(scored.a, scored.b, scored.probability, strict=True)
        ],
    }
