"""Application logs as operators expect them in production: one JSON object per line.

Each line holds the time (UTC, ISO 8601), level, logger and message, the trace and span id of
the request or command it belongs to (``schakel.core.context``; W3C trace ids, the same as in the
processing log), for Django's request log the status code and the path, and for an exception
its type and stack. Never person data: Schakel's own log calls name ids and codes only
(docs/security.md), Django's request log names the path and never the query string, and a query
string that reaches a message anyway is cut off here. ``make run`` keeps plain text.
"""

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

from schakel.core import context

# A path followed by a query string: the query string goes (it may hold what a person typed).
_QUERY_STRING = re.compile(r"(/[^\s?#]*)\?[^\s#]*")


def without_query_strings(text: str) -> str:
    return _QUERY_STRING.sub(r"\1", text)


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": without_query_strings(record.getMessage()),
        }
        active = context.active()
        if active is not None:
            line["trace_id"] = active.trace_id
            line["span_id"] = active.span_id
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            line["path"] = request.path  # the path only: Django keeps the query string apart
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            line["status"] = status
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = {
                "type": record.exc_info[0].__name__,
                "stack": without_query_strings(self.formatException(record.exc_info)),
            }
        return json.dumps(line, ensure_ascii=False)
