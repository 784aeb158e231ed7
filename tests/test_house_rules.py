"""House rules that matter enough to be enforced by a test rather than by review."""

import ast
import re
from pathlib import Path

import pytest

from schakel.core.layers import LAYERS
from tests.imports import Import, called_name, imports_in, problem, violations

ROOT = Path(__file__).resolve().parent.parent
CODE = [p for p in (ROOT / "schakel").rglob("*.py") if "migrations" not in p.parts]
TEMPLATES = list((ROOT / "schakel").rglob("*.html")) + list((ROOT / "templates").rglob("*.html"))
# Each allowed `|safe` renders markup the server generated itself, never input.
SAFE_FILTER_ALLOWED = {"mfa_setup.html"}


def calls_named(tree: ast.AST, name: str) -> list[ast.Call]:
    return [
        node for node in ast.walk(tree) if isinstance(node, ast.Call) and called_name(node) == name
    ]


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


# --- Layers (schakel.core.layers) ------------------------------------------------------------


def test_imports_follow_the_layers() -> None:
    """Every import of every application module goes down the layers: no exceptions."""
    found = [
        f"{item.module}:{item.line} imports {item.target}: {why}" for item, why in violations()
    ]
    assert found == []


def test_the_layer_check_fails_on_an_import_against_the_layers() -> None:
    source = (
        "from schakel.core import context\n"
        "def later():\n"
        "    from schakel.cases.models import Case\n"
        "if TYPE_CHECKING:\n"
        "    import schakel.privacy.models\n"
        "from schakel import weighing\n"
        "from ..api import problems\n"
        'urlpatterns = [path("", include("schakel.privacy.urls"))]\n'
        'module = importlib.import_module("schakel.cases.views")\n'
    )
    found = [
        (item.line, item.target, why)
        for item in sorted(imports_in(source, "schakel.intake.views"))
        if (why := problem(item))
    ]
    assert [(line, target) for line, target, _ in found] == [
        (3, "schakel.cases.models"),
        (5, "schakel.privacy.models"),
        (6, "schakel.weighing"),
        (7, "schakel.api"),
        (8, "schakel.privacy.urls"),
        (9, "schakel.cases.views"),
    ]
    assert found[3][2] == "only <app>/api/ modules import the API plumbing"
    assert problem(Import("schakel.intake.api.views", 1, "schakel.api.problems")) is None
    assert problem(Import("schakel.cases.views", 1, "schakel.intake.models")) is None


def test_installed_apps_follow_the_layers() -> None:
    from django.conf import settings

    ours = [app.split(".")[1] for app in settings.INSTALLED_APPS if app.startswith("schakel.")]
    assert ours == [app for layer in LAYERS for app in layer]


def test_extension_modules_name_only_known_points() -> None:
    from schakel.core.extensions import unknown_points

    assert unknown_points() == []


def test_a_misspelt_extension_point_is_found(monkeypatch) -> None:
    import types

    from schakel.core import extensions

    module = types.ModuleType("schakel.example.contributions")
    module.NAVIGATON = []  # type: ignore[attr-defined]
    module.NAVIGATION = []  # type: ignore[attr-defined]
    monkeypatch.setattr(extensions, "_modules", lambda: (module,))
    assert extensions.unknown_points() == ["schakel.example.contributions.NAVIGATON"]
    with pytest.raises(ValueError, match="Onbekend uitbreidingspunt"):
        extensions.contributions("NAVIGATON")


MAX_MODULE_LINES = 400


def test_modules_stay_small() -> None:
    modules = CODE + [
        p
        for folder in ("config", "tests", "benchmarks", "scripts")
        for p in (ROOT / folder).rglob("*.py")
        if "migrations" not in p.parts
    ]
    too_long = {
        str(p.relative_to(ROOT)): lines
        for p in modules
        if (lines := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"split these modules (at most {MAX_MODULE_LINES} lines): {too_long}"
