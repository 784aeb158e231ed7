"""The log's handelingen have readable labels: every code a service writes has one, and the
privacy officer's log view shows the label with the code beside it."""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

from schakel.privacy.action_names import action_name, action_names
from schakel.privacy.tests.logbook_search_helpers import SEARCH
from schakel.privacy.tests.test_logbook_search_data import seed_log

WRITERS = re.compile(r"log|record")  # log_processing, record_reads, log_intervention_rows, …


def _constant_name(node: ast.Call) -> str | None:
    for keyword in node.keywords:
        if keyword.arg in {"name", "read_name"} and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    return None


def _written_codes() -> set[str]:
    """Every literal ``name=`` passed to a log writer (a function whose name says log or record:
    ``log_processing``, ``record_reads`` and the apps' wrappers around them) and every
    ``read_name = "…"`` a view class declares, outside tests."""
    codes: set[str] = set()
    for path in (Path(settings.BASE_DIR) / "schakel").rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                named = any(isinstance(t, ast.Name) and t.id == "read_name" for t in node.targets)
                if named and node.value.value:  # "" on a base class: set by each subclass
                    codes.add(str(node.value.value))
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else ""
            called = called or (function.id if isinstance(function, ast.Name) else "")
            code = _constant_name(node)
            if code is not None and WRITERS.search(called):
                codes.add(code)
    return codes


def test_every_code_the_services_write_has_a_label() -> None:
    codes = _written_codes()
    assert len(codes) > 40  # the scan finds the services' calls
    assert sorted(codes - set(action_names())) == []


def test_the_label_follows_the_language_and_unknown_codes_are_made_readable() -> None:
    with translation.override("nl"):
        assert action_name("weighing_item_added") == "Aangemeld voor een weging"
    with translation.override("en"):
        assert action_name("weighing_item_added") == "Registered for a weighing"
    assert action_name("some_new_code") == "Some new code"


def test_the_log_view_shows_the_label_and_keeps_the_code(personas, signed_in) -> None:
    seed_log(personas)

    page = signed_in(personas.privacy_officer_a).get(SEARCH).content.decode()

    rows = page.split("<tbody", 1)[1]
    assert "Casus ingezien<br><code" in rows
    assert '<code class="schakel-log-code">case_read</code>' in rows
