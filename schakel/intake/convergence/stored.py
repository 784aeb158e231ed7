"""All stored encodings and their blocking keys as arrays (for estimating the model)."""

import numpy as np

from schakel.intake.convergence import layout
from schakel.intake.convergence.batch import Blocks
from schakel.intake.convergence.layout import Columns
from schakel.intake.models import BlockingKey, IdentityEncoding

FETCH = 50_000


def read_all() -> tuple[Columns, Blocks]:
    """Every current encoding (row i is the i-th by id) and its keys; reads keyed values only."""
    ids: list[int] = []
    blobs: list[bytes] = []
    rows = (
        IdentityEncoding.objects.filter(version=layout.VERSION)
        .order_by("id")
        .values_list("id", "features")
    )
    for pk, features in rows.iterator(chunk_size=FETCH):
        ids.append(pk)
        blobs.append(bytes(features or b""))
    columns = Columns(layout.from_bytes(blobs))
    del blobs
    row_of = {pk: row for row, pk in enumerate(ids)}
    keys: list[int] = []
    owners: list[int] = []
    seeks: list[bool] = []
    found = (
        BlockingKey.objects.filter(encoding__version=layout.VERSION)
        .values_list("key", "encoding_id", "seeks")
        .iterator(chunk_size=FETCH)
    )
    for key, encoding_id, seek in found:
        keys.append(key)
        owners.append(row_of[encoding_id])
        seeks.append(seek)
    blocks = Blocks.sorted(
        np.array(keys, dtype=np.int64), np.array(owners, dtype=np.int32), np.array(seeks)
    )
    return columns, blocks
