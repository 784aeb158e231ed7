"""Storing a synthetic population in the benchmark database, and the batch pass over it.

Runs inside Django (``config.settings.test`` with ``DATABASE_URL`` set to the throw-away
database). Signal rows are minimal but complete: every person field that the synthetic record
has is encrypted with the field's own encryption, as a registration would store it. Encodings
and blocking keys are those of ``encoding.encode``; the rows are written in bulk (``COPY`` on
PostgreSQL, ``executemany`` on SQLite) with the secondary indexes and foreign keys dropped and
recreated afterwards from their own definitions, so the measured queries run on the schema as
migrated.
"""

import random
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TextIO

import convergence_batch
import numpy as np
from convergence_people import (
    VARIATION_BITS,
    Person,
    Population,
    Record,
    chunks,
    quality,
    records_for,
)
from django.db import connection, transaction
from django.utils import timezone

from schakel.core.fields import EncryptedTextField
from schakel.intake.convergence import engine
from schakel.intake.convergence.encoding import (
    DATE_OF_BIRTH,
    GIVEN_NAMES,
    SURNAME,
    Identity,
    encode,
)
from schakel.intake.convergence.normalise import given_name_tokens, split_surname
from schakel.intake.models import BlockingKey, IdentityEncoding, Signal

CHUNK = 20_000
UUID_BASE = int("5c4a0000000040008000000000000000", 16)
PERSON_FIELDS = ("given_names", "surname_prefix", "surname", "date_of_birth", "sex", "bsn")
ENCODING_COLUMNS = (
    "id",
    "signal_id",
    "given_names_bloom",
    "surname_bloom",
    "date_of_birth_bloom",
    "date_of_birth_key",
    "date_of_birth_unordered_key",
    "given_names_ordered_key",
    "given_names_sorted_key",
    "surname_prefix_key",
    "sex_key",
    "bsn_key",
)


@dataclass
class Encoded:
    """What a worker returns for one record."""

    index: int
    ciphertexts: tuple[str | None, ...]  # PERSON_FIELDS, encrypted
    encoding: tuple[Any, ...]  # ENCODING_COLUMNS[2:]
    blocking_keys: tuple[int, ...]
    variation_mask: int
    namesake_key: int


@dataclass
class Loaded:
    variation_masks: list[int]
    blocking_keys: int
    namesake_pairs: int
    encode_cpu_s: float


def encode_chunk(task: tuple[int, int, list[tuple[int, Person]], dict[str, int]]) -> Any:
    """In a worker: the records of one chunk, encoded and with their person fields encrypted."""
    seed, start, people, variation_bits = task
    started = time.process_time()
    fields = [Signal._meta.get_field(name) for name in PERSON_FIELDS]
    assert all(isinstance(field, EncryptedTextField) for field in fields)
    out: list[Encoded] = []
    for offset, record in enumerate(records_for(seed, start, people)):
        identity = Identity(
            record.given_names,
            record.surname_prefix,
            record.surname,
            record.date_of_birth,
            record.sex,
            record.bsn,
        )
        encoding = encode(identity)
        plain: tuple[str, ...] = (
            record.given_names,
            record.surname_prefix,
            record.surname,
            record.date_of_birth.isoformat(),
            record.sex,
            record.bsn,
        )
        ciphertexts = tuple(
            field.get_prep_value(value) if value else None  # type: ignore[union-attr]
            for field, value in zip(fields, plain, strict=True)
        )
        out.append(
            Encoded(
                index=start + offset,
                ciphertexts=ciphertexts,
                encoding=(
                    encoding.given_names.to_bytes(GIVEN_NAMES.bits // 8, "big"),
                    encoding.surname.to_bytes(SURNAME.bits // 8, "big"),
                    encoding.date_of_birth.to_bytes(DATE_OF_BIRTH.bits // 8, "big"),
                    encoding.date_of_birth_key,
                    encoding.date_of_birth_unordered_key,
                    encoding.given_names_ordered_key,
                    encoding.given_names_sorted_key,
                    encoding.surname_prefix_key,
                    encoding.sex_key,
                    encoding.bsn_key,
                ),
                blocking_keys=tuple(sorted(encoding.blocking_keys)),
                variation_mask=sum(variation_bits[v] for v in record.variations),
                namesake_key=_namesake_key(record),
            )
        )
    return out, time.process_time() - started


def _namesake_key(record: Record) -> int:
    """Equal for records whose names (given names in any order) and date of birth fold alike."""
    _prefix, parts = split_surname(record.surname_prefix, record.surname)
    return hash(
        (tuple(sorted(given_name_tokens(record.given_names))), tuple(parts), record.date_of_birth)
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
    id_column = pk.column
    column_of = {field.name: str(field.column) for field in Signal._meta.concrete_fields}
    person_columns = [column_of[name] for name in PERSON_FIELDS]
    positions = [signal_columns.index(c) for c in person_columns]
    base_row = list(template.values())
    masks: list[int] = []
    namesakes: dict[int, list[int]] = {}
    key_count = 0
    cpu = 0.0
    tasks = ((seed, start, people, VARIATION_BITS) for start, people in chunks(population, records))
    next_report = time.perf_counter() + 30
    with _BulkLoad():
        for encoded, cpu_s in pool.imap(encode_chunk, tasks):
            cpu += cpu_s
            signals: list[tuple[Any, ...]] = []
            encodings: list[tuple[Any, ...]] = []
            keys: list[tuple[int, int]] = []
            for item in encoded:
                signal_id = pk.get_db_prep_save(_uuid(item.index), connection)
                row = base_row.copy()
                row[signal_columns.index(id_column)] = signal_id
                for position, value in zip(positions, item.ciphertexts, strict=True):
                    row[position] = value
                signals.append(tuple(row))
                encodings.append((item.index + 1, signal_id, *item.encoding))
                keys.extend((key, item.index + 1) for key in item.blocking_keys)
                masks.append(item.variation_mask)
                namesakes.setdefault(item.namesake_key, []).append(
                    population.record_person[item.index]
                )
            with transaction.atomic():
                _write(Signal._meta.db_table, signal_columns, signals)
                _write(IdentityEncoding._meta.db_table, ENCODING_COLUMNS, encodings)
                _write(BlockingKey._meta.db_table, ("key", "encoding_id"), keys)
            key_count += len(keys)
            if time.perf_counter() >= next_report:
                print(f"  {connection.vendor}: {len(masks):,} signals stored", file=log)
                next_report = time.perf_counter() + 30
        print(f"  {connection.vendor}: recreating indexes and foreign keys", file=log)
    _after_load()
    namesake_pairs = 0
    for persons in namesakes.values():
        if len(persons) > 1:
            namesake_pairs += sum(
                1
                for i in range(len(persons))
                for j in range(i + 1, len(persons))
                if persons[i] != persons[j]
            )
    return Loaded(masks, key_count, namesake_pairs, cpu)


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


def _read(end: int) -> tuple[convergence_batch.EncodingArrays, Any, Any]:
    columns = ", ".join(f'"{c}"' for c in ("id", *ENCODING_COLUMNS[2:]))
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT {columns} FROM "{IdentityEncoding._meta.db_table}" WHERE id <= %s ORDER BY id',
            [end],
        )
        rows = [(r[0], bytes(r[1]), bytes(r[2]), bytes(r[3]), *r[4:]) for r in cursor.fetchall()]
        arrays = convergence_batch.arrays_from_rows(
            rows, (GIVEN_NAMES.bits // 8, SURNAME.bits // 8, DATE_OF_BIRTH.bits // 8)
        )
        del rows
        cursor.execute(
            f'SELECT "key", encoding_id FROM "{BlockingKey._meta.db_table}" '
            'WHERE encoding_id <= %s ORDER BY "key"',
            [end],
        )
        pairs = cursor.fetchall()
    keys = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    owners = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    return arrays, keys, owners


def batch(
    end: int,
    max_block: int,
    planted: set[tuple[int, int]],
    variation_masks: list[int] | None,
    variation_bits: dict[str, int],
    log: TextIO,
) -> dict[str, Any]:
    """Deduplicate the signals with encoding id <= ``end``; quality against ``planted``."""
    started = time.perf_counter()
    arrays, keys, owners = _read(end)
    read_s = time.perf_counter() - started
    result = convergence_batch.deduplicate(
        arrays, keys, owners, threshold=engine.threshold(), max_block=max_block
    )
    seconds = time.perf_counter() - started
    print(f"  batch over {end:,} signals: {seconds:.1f} s", file=log)
    found = {(a - 1, b - 1) for a, b in result.pairs}
    summary: dict[str, Any] = {
        "seconds": seconds,
        "read_s": read_s,
        "steps_s": result.seconds,
        "max_block": max_block,
        "blocks_compared": result.stats.blocks_compared,
        "blocks_skipped": result.stats.blocks_skipped,
        "rows_in_skipped_blocks": result.stats.rows_in_skipped_blocks,
        "largest_block": result.stats.largest_block,
        "pairs_compared": result.stats.pairs_compared,
        "exact_comparisons": result.exact_comparisons,
        **quality(found, planted),
    }
    if variation_masks is not None:
        summary["recall_by_variation"] = _recall_by_variation(
            found, planted, variation_masks, variation_bits
        )
        close, worst, sampled = _self_check(arrays, planted)
        summary.update(agreement_close=close, agreement_worst=worst, agreement_pairs=sampled)
    return summary


def _recall_by_variation(
    found: set[tuple[int, int]],
    planted: set[tuple[int, int]],
    masks: list[int],
    bits: dict[str, int],
) -> dict[str, float]:
    totals = {name: [0, 0] for name in ["none", *bits]}
    for a, b in planted:
        mask = masks[a] | masks[b]
        names = [name for name, bit in bits.items() if mask & bit] or ["none"]
        hit = (a, b) in found
        for name in names:
            totals[name][0] += 1
            totals[name][1] += hit
    return {name: hits / count for name, (count, hits) in totals.items() if count}


def _self_check(
    arrays: convergence_batch.EncodingArrays, planted: set[tuple[int, int]]
) -> tuple[int, int, int]:
    """Vectorised scores against ``compare`` on planted pairs and random pairs."""
    rng = random.Random(1)
    sample = rng.sample(sorted(planted), min(5_000, len(planted)))
    for _ in range(5_000):
        first, second = sorted(rng.sample(range(len(arrays)), 2))
        sample.append((first, second))
    a = np.array([p[0] for p in sample], dtype=np.int64)
    b = np.array([p[1] for p in sample], dtype=np.int64)
    close, worst = convergence_batch.agreement(arrays, a, b)
    return close, worst, len(sample)
