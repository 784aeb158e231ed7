"""W3C trace context: what is honoured, what starts a new trace, and what a response returns."""

import re

import pytest
from django.test import Client

from schakel.core import context

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"
TRACEPARENT = re.compile(r"^00-[0-9a-f]{32}-[0-9a-f]{16}-01$")


def test_a_valid_traceparent_gives_its_trace_and_parent() -> None:
    assert context.parse_traceparent(f"00-{TRACE}-{PARENT}-01") == (TRACE, PARENT)
    assert context.parse_traceparent(f" 00-{TRACE}-{PARENT}-00 ") == (TRACE, PARENT)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "garbage",
        f"00-{TRACE}-{PARENT}",
        f"00-{TRACE}-{PARENT}-01-extra",
        f"ff-{TRACE}-{PARENT}-01",
        f"00-{'0' * 32}-{PARENT}-01",
        f"00-{TRACE}-{'0' * 16}-01",
        f"00-{TRACE.upper()}-{PARENT}-01",
        f"00-{TRACE[:-1]}-{PARENT}-01",
        f"00-{TRACE}-{PARENT}-1",
    ],
)
def test_an_invalid_traceparent_is_ignored(header: str | None) -> None:
    assert context.parse_traceparent(header) is None


def test_ids_are_random_lowercase_hex() -> None:
    assert re.fullmatch(r"[0-9a-f]{32}", context.new_trace_id())
    assert re.fullmatch(r"[0-9a-f]{16}", context.new_span_id())
    assert context.new_trace_id() != context.new_trace_id()


def test_outside_a_request_every_call_gets_a_fresh_system_trace() -> None:
    first, second = context.current(), context.current()

    assert first.origin == second.origin == "system"
    assert first.trace_id != second.trace_id


def test_changes_inside_an_activated_context_end_with_it() -> None:
    outer = context.system_context()
    with context.activated(outer):
        context.update_current(organisation_id="org-1", role="privacy_officer")
        inner = context.current()
        assert (inner.trace_id, inner.organisation_id) == (outer.trace_id, "org-1")
    assert context.current().organisation_id == ""


@pytest.mark.django_db
def test_a_request_with_a_traceparent_answers_in_the_same_trace_with_its_own_span() -> None:
    response = Client().get("/health/", headers={"traceparent": f"00-{TRACE}-{PARENT}-01"})

    assert TRACEPARENT.match(response["traceparent"])
    _version, trace_id, span_id, _flags = response["traceparent"].split("-")
    assert trace_id == TRACE
    assert span_id != PARENT


@pytest.mark.django_db
def test_a_request_without_one_starts_a_new_trace_and_returns_it() -> None:
    first = Client().get("/health/")["traceparent"]
    second = Client().get("/health/", headers={"traceparent": "nonsense"})["traceparent"]

    assert TRACEPARENT.match(first)
    assert TRACEPARENT.match(second)
    assert first.split("-")[1] != second.split("-")[1]
