"""The learning points of a collaboration as CSV for a spreadsheet.

UTF-8 with a byte-order mark and ``;`` between cells (Dutch Excel opens it without an import
wizard), CRLF line ends. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'``, so a spreadsheet never runs it as a formula (CSV injection). The
export holds no staff and no case material: nothing to log.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.utils import formats
from django.utils.translation import gettext as _

from schakel.network_events.models import LearningPoint

SEPARATOR = ";"
CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JOINER = " | "


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def document(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATOR, lineterminator="\r\n")
    writer.writerow([cell(value) for value in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def learning_points_csv(points: Iterable[LearningPoint]) -> bytes:
    header = [
        _("Datum"),
        _("Soort"),
        _("Bijeenkomst"),
        _("Thema"),
        _("Leerpunt"),
        _("Voor organisaties"),
    ]
    rows = (
        [
            formats.date_format(point.event.starts_at, "Y-m-d"),
            point.event.get_kind_display(),
            point.event.title,
            point.theme,
            point.text,
            JOINER.join(org.name for org in point.organisations.all()),
        ]
        for point in points
    )
    return document(header, rows)
