"""Reading the imports of Schakel's modules and checking them against the layers."""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from schakel.core.layers import API_PLUMBING, layer_of

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "schakel"


@dataclass(frozen=True, order=True)
class Import:
    module: str  # the importing module, dotted
    line: int
    target: str  # the imported module, dotted and absolute


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_in(source: str, module: str, *, is_package: bool = False) -> Iterator[Import]:
    """Every import in the source, at any depth (inside functions and TYPE_CHECKING blocks
    too), relative ones made absolute, and imports by a literal dotted string (``include``,
    ``import_module``, ``import_string``, ``__import__``, ``apps.get_model``)."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == PACKAGE:  # `from schakel import cases` names the apps themselves
                for alias in node.names:
                    yield Import(module, node.lineno, f"{PACKAGE}.{alias.name}")
            else:
                yield Import(module, node.lineno, target)
        elif isinstance(node, ast.Call) and (target := _string_import(node)):
            yield Import(module, node.lineno, target)


# Calls that import by a dotted string: they count like an import statement.
STRING_IMPORTERS = frozenset({"include", "import_module", "import_string", "__import__"})


def called_name(node: ast.Call) -> str:
    """The name a call is made by: ``f`` for ``f(...)`` and ``x.f(...)``."""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else str(getattr(func, "id", ""))


def _string_import(node: ast.Call) -> str | None:
    name = called_name(node)
    if not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Tuple) and first.elts:  # include(("module", "namespace"))
        first = first.elts[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return None
    if name in STRING_IMPORTERS and first.value.startswith(f"{PACKAGE}."):
        return first.value
    if name == "get_model" and "." not in first.value and first.value.isidentifier():
        return f"{PACKAGE}.{first.value}"  # apps.get_model("cases", "Case")
    return None


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    return parts[1]


def is_api_module(module: str) -> bool:
    parts = module.split(".")
    return app_of(module) == API_PLUMBING or "api" in parts[2:]


def problem(found: Import) -> str | None:
    """Why this import goes against the layers, or None when it does not."""
    source_app, target_app = app_of(found.module), app_of(found.target)
    if source_app is None or target_app is None or source_app == target_app:
        return None
    if target_app == API_PLUMBING and not is_api_module(found.module):
        return "only <app>/api/ modules import the API plumbing"
    low, high = layer_of(source_app), layer_of(target_app)
    if high >= low:
        return f"{source_app} (layer {low}) imports {target_app} (layer {high})"
    return None


def application_modules(root: Path = ROOT) -> Iterator[tuple[Path, str]]:
    """Every non-test, non-migration module of the package."""
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = path.relative_to(root).parts
        if "migrations" in parts or "tests" in parts:
            continue
        yield path, module_name(path, root)


def violations(root: Path = ROOT) -> list[tuple[Import, str]]:
    found = []
    for path, module in application_modules(root):
        source = path.read_text(encoding="utf-8")
        for item in imports_in(source, module, is_package=path.name == "__init__.py"):
            why = problem(item)
            if why:
                found.append((item, why))
    return found
