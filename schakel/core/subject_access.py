"""What an app adds to a person's access export (art. 15 AVG).

The export (``schakel.privacy.requests.access_export``) holds what the meldpunt, weighing,
cases and the privacy desk keep about a person. Another app that keeps person data adds a
section (``ACCESS_EXPORT_SECTIONS`` in its ``contributions.py``): a key, a title, its columns,
and a function that returns the rows it holds about the person, each a column title -> value:
plain values only, staff by function, nothing of organisations whose data the request withholds.
The export shows each section as a table (PDF) and under ``other_sections`` (JSON).
"""

import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Row = dict[str, str]


@dataclass(frozen=True)
class ExportSection:
    key: str
    title: "StrOrPromise"
    columns: tuple[str, ...]
    # (*, subject_id, withheld organisation ids) -> rows, each a column title -> value
    rows: Callable[..., list[Row]]

    def collect(self, *, subject_id: uuid.UUID, withheld: Collection[uuid.UUID]) -> list[Row]:
        """The rows, each with exactly the section's columns (a missing value is empty)."""
        found = self.rows(subject_id=subject_id, withheld=withheld)
        return [{column: str(row.get(column, "")) for column in self.columns} for row in found]
