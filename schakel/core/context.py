"""The context of the current request or command: trace ids, origin and acting membership.

Set once per request by ``TraceContextMiddleware`` (and ``ActingMembershipMiddleware``), read by
``audit.services`` so that every log record carries them without threading them through calls.
"""

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


@dataclass(frozen=True)
class RequestContext:
    trace_id: str
    span_id: str
    parent_span_id: str = ""
    origin: str = ""
    membership_id: str = ""
    organisation_id: str = ""
    role: str = ""

    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-01"


def parse_traceparent(header: str | None) -> tuple[str, str] | None:
    """Return (trace id, parent span id) of a valid W3C traceparent, else None."""
    if not header:
        return None
    # Lower-case hex only, as the W3C Trace Context grammar says; anything else starts a new trace.
    match = _TRACEPARENT.match(header.strip())
    if not match:
        return None
    trace_id, parent_id, _flags = match.groups()
    if trace_id == "0" * 32 or parent_id == "0" * 16:
        return None
    return trace_id, parent_id


_current: ContextVar[RequestContext | None] = ContextVar("schakel_request_context", default=None)


def system_context() -> RequestContext:
    """A new trace for work outside a request (commands, tasks)."""
    return RequestContext(trace_id=new_trace_id(), span_id=new_span_id(), origin="system")


def current() -> RequestContext:
    """The active context; outside one, each call gets a fresh system trace.

    A command or task that wants its records in one trace wraps its work in
    ``activated(system_context())``. The fresh trace is not kept, so one task's trace never
    leaks into the next task run by the same worker thread.
    """
    return _current.get() or system_context()


def active() -> RequestContext | None:
    """The context set for this request or command, if any (no fresh trace is made)."""
    return _current.get()


@contextmanager
def activated(context: RequestContext) -> Iterator[RequestContext]:
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def update_current(**changes: str) -> None:
    """Change the active context (e.g. the acting membership once it is known)."""
    _current.set(replace(current(), **changes))
