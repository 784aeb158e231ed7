"""House rules that matter enough to be enforced by a test rather than by review."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = [p for p in (ROOT / "schakel").rglob("*.py") if "migrations" not in p.parts]
TEMPLATES = list((ROOT / "schakel").rglob("*.html")) + list((ROOT / "templates").rglob("*.html"))
# Each allowed `|safe` renders markup the server generated itself, never input.
SAFE_FILTER_ALLOWED = {"mfa_setup.html"}


def calls_named(tree: ast.AST, name: str) -> list[ast.Call]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == name:
                found.append(node)
    return found


def test_no_mark_safe_in_application_code() -> None:
    offenders = [str(p) for p in CODE if calls_named(ast.parse(p.read_text()), "mark_safe")]
    assert offenders == []


def test_no_safe_filter_in_templates_except_server_generated_markup() -> None:
    offenders = [
        str(p)
        for p in TEMPLATES
        if re.search(r"\|\s*safe\b", p.read_text()) and p.name not in SAFE_FILTER_ALLOWED
    ]
    assert offenders == []


def test_no_string_built_sql() -> None:
    offenders = []
    for path in CODE:
        tree = ast.parse(path.read_text())
        for name in ("execute", "raw", "extra"):
            for call in calls_named(tree, name):
                if call.args and isinstance(call.args[0], ast.JoinedStr | ast.BinOp):
                    offenders.append(f"{path}:{call.lineno}")
    assert offenders == []


def test_serializers_never_expose_all_fields() -> None:
    offenders = [
        str(p) for p in CODE if re.search(r"fields\s*=\s*['\"]__all__['\"]", p.read_text())
    ]
    assert offenders == []


def test_no_inline_styles_or_event_handlers_in_templates() -> None:
    """The strict CSP forbids them; they would silently not work."""
    pattern = re.compile(r"\sstyle=|\son[a-z]+=|<style(?![^>]*nonce)|<script(?![^>]*(nonce|src))")
    offenders = [str(p) for p in TEMPLATES if pattern.search(p.read_text())]
    assert offenders == []


def test_the_django_admin_is_not_installed() -> None:
    from django.conf import settings

    assert "django.contrib.admin" not in settings.INSTALLED_APPS
