"""All stored encodings and their blocking keys as arrays (estimating the model, the batch).

Read in chunks straight into arrays, so that a million encodings and their 25 million keys take
about their own size in memory, not that of a Python object per value. Only keyed values are
read, never person data.
"""

from collections.abc import Iterator
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db import connection
from django.db.models import QuerySet

from schakel.intake.convergence import layout
from schakel.intake.convergence.batch import Blocks
from schakel.intake.convergence.layout import Columns
from schakel.intake.models import BlockingKey, IdentityEncoding

FETCH = 50_000


def read_all(*, up_to_id: int | None = None) -> tuple[Columns, Blocks]:
    """Every current encoding (row i is the i-th by id; with ``up_to_id`` only those up to it)
    and its keys."""
    encodings = IdentityEncoding.objects.filter(version=layout.VERSION)
    if up_to_id is not None:
        encodings = encodings.filter(id__lte=up_to_id)
    # Counted first, so that the encodings go straight into their place; one stored while
    # reading is left for the next run.
    size = encodings.count()
    columns = Columns(size=size)
    ids = np.zeros(size, dtype=np.int64)
    done = 0
    for rows in _chunks(encodings.order_by("id").values_list("id", "features")):
        rows = rows[: size - done]
        columns.fill(done, layout.from_bytes([bytes(features or b"") for _pk, features in rows]))
        ids[done : done + len(rows)] = [pk for pk, _features in rows]
        done += len(rows)
    if done < size:  # some were deleted meanwhile
        columns, ids = columns.head(done), ids[:done]
    keys = BlockingKey.objects.filter(encoding__in=encodings.values("id"))
    parts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int32], npt.NDArray[np.bool_]]] = []
    for rows in _chunks(keys.values_list("key", "encoding_id", "seeks")):
        found = np.array(rows, dtype=np.int64).reshape(-1, 3)
        owners = np.clip(np.searchsorted(ids, found[:, 1]), 0, max(done - 1, 0))
        # A key of an encoding stored (or rebuilt) while reading is left for the next run.
        read = (ids[owners] == found[:, 1]) if done else np.zeros(len(found), dtype=np.bool_)
        parts.append(
            (found[read, 0], owners[read].astype(np.int32), found[read, 2].astype(np.bool_))
        )
    if not parts:
        return columns, Blocks.sorted(
            np.empty(0, np.int64), np.empty(0, np.int32), np.empty(0, np.bool_)
        )
    key_values = np.concatenate([p[0] for p in parts])
    owner_rows = np.concatenate([p[1] for p in parts])
    seeking = np.concatenate([p[2] for p in parts])
    del parts
    return columns, Blocks.sorted(key_values, owner_rows, seeking)


def _chunks(queryset: QuerySet[Any, Any]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of a values_list queryset, ``FETCH`` at a time, as plain tuples."""
    sql, params = queryset.query.sql_with_params()
    # A server-side cursor on PostgreSQL (unless disabled, as behind a transaction pooler), so
    # that millions of rows are not held by the client at once.
    server_side = not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
    with connection.chunked_cursor() if server_side else connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(FETCH):
            yield rows
