"""The processing log in the shape of the Logboek Dataverwerkingen standard, as JSON Lines.

One line per log record, one record per action and data subject: a span with ``trace_id``,
``span_id`` (the standard's ``operation_id``), ``parent_span_id``, ``name``, ``start_time``,
``end_time`` (RFC 3339, UTC), ``status_code`` (UNSET/OK/ERROR), ``resource`` and
``attributes``. Attribute values are strings, as in the standard's key-value pairs
(``logboek.proto``): the ``dpl.core.*`` attributes the standard defines, and Schakel's own under
``schakel.*`` — codes and ids, never a name, an e-mail address or an IP address.

The scope is the search's (``schakel.privacy.logbook.search.records_in_scope``). The export is
logged (``supervision``, ``log_export``) before the first byte is produced; the lines
are read in batches while they stream. The JSON Schema of one line is
``schakel/audit/schemas/logboek-export.schema.json`` (``schakel.audit.formats``);
docs/processing-log-export.md maps every field.
"""

import datetime as dt
import functools
import importlib.metadata
import json
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse

from schakel.accounts.models import Membership, User
from schakel.audit.chain import CHAINED_FIELDS
from schakel.audit.choices import SubjectType
from schakel.audit.formats import LOGBOEK_SCHEMA_PATH
from schakel.audit.models import LogRecord
from schakel.audit.services import log_processing
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.logbook.search import Period, records_in_period

MEDIA_TYPE = "application/jsonl"
CHUNK_SIZE = 2000
RESOURCE_NAME = "schakel"
SCHEMA_PATH = LOGBOEK_SCHEMA_PATH

DATA_SUBJECT_ID_TYPES = {
    SubjectType.PERSON: "schakel-pseudonym-person",
    SubjectType.RELATED_PERSON: "schakel-pseudonym-related-person",
    SubjectType.EMPLOYEE: "schakel-pseudonym-employee",
}

# The columns an export reads: the chained fields without ``origin`` (an IP address), and the
# record's own hash.
FIELDS = (*(name for name in CHAINED_FIELDS if name != "origin"), "record_hash")


@functools.cache
def schakel_version() -> str:
    """The installed package's version, else pyproject.toml's (a source checkout)."""
    try:
        return importlib.metadata.version("schakel")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0"


def register_uri(request: HttpRequest) -> str:
    """The register page as an absolute URI; each activity is a fragment of it."""
    return request.build_absolute_uri(reverse("audit:register"))


def processing_activity_uri(register: str, activity: str) -> str:
    return f"{register}#activiteit-{activity}"


def rfc3339(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def span(values: Mapping[str, Any], *, register: str) -> dict[str, Any]:
    """One record (its ``FIELDS`` by name) as a span of the standard."""
    attributes = {
        "dpl.core.processing_activity_id": processing_activity_uri(register, values["activity_id"]),
    }
    if values["data_subject_id"]:
        attributes["dpl.core.data_subject_id"] = values["data_subject_id"]
        attributes["dpl.core.data_subject_id_type"] = DATA_SUBJECT_ID_TYPES.get(
            values["data_subject_type"], f"schakel-pseudonym-{values['data_subject_type']}"
        )
    attributes["schakel.activity"] = values["activity_id"]
    attributes["schakel.result"] = values["result"]
    for key in ("actor_organisation_id", "actor_user_id", "actor_role"):
        if values[key]:
            attributes[f"schakel.{key}"] = values[key]
    for key, value in sorted((values["attributes"] or {}).items()):
        attributes[f"schakel.attributes.{key}"] = _text(value)
    attributes["schakel.sequence"] = str(values["sequence"])
    attributes["schakel.previous_hash"] = values["previous_hash"]
    attributes["schakel.record_hash"] = values["record_hash"]
    return {
        "trace_id": values["trace_id"],
        "span_id": values["span_id"],
        "parent_span_id": values["parent_span_id"] or None,
        "name": values["name"],
        "start_time": rfc3339(values["start_time"]),
        "end_time": rfc3339(values["end_time"]),
        "status_code": values["status_code"],
        "resource": {"name": RESOURCE_NAME, "version": schakel_version()},
        "attributes": attributes,
    }


def record_span(record: LogRecord, *, register: str) -> dict[str, Any]:
    return span({name: getattr(record, name) for name in FIELDS}, register=register)


def line(values: Mapping[str, Any], *, register: str) -> str:
    return json.dumps(span(values, register=register), ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Export:
    filename: str
    chunks: Iterator[str]


def filename(period: Period) -> str:
    return f"logboek-dataverwerkingen-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.jsonl"


def _chunks(rows: Iterator[dict[str, Any]], *, register: str) -> Iterator[str]:
    batch: list[str] = []
    for values in rows:
        batch.append(line(values, register=register) + "\n")
        if len(batch) >= CHUNK_SIZE:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def start_export(
    *, user: User, membership: Membership, period: Period, register: str, channel: str
) -> Export:
    """Log the export, then hand back the lines, read lazily in batches as they are sent."""
    with transaction.atomic():
        log_processing(
            activity=PrivacyActivity.SUPERVISION,
            name="log_export",
            by=user,
            attributes={
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "channel": channel,
            },
        )
    rows = (
        records_in_period(membership=membership, period=period)
        .order_by("start_time", "sequence")
        .values(*FIELDS)
        .iterator(chunk_size=CHUNK_SIZE)
    )
    return Export(filename(period), _chunks(rows, register=register))


def streaming_response(export: Export) -> StreamingHttpResponse:
    response = StreamingHttpResponse(export.chunks, content_type=f"{MEDIA_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
