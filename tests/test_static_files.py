"""What production serves holds the application's own files, never a test tool.

``collectstatic`` gathers every file the staticfiles finders list (``static/`` with the copied
front-end packages, and each app's ``static/``); whitenoise serves those. Test tools such as
axe-core are development dependencies (``package.json``) that the tests read from
``node_modules/``.
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

# Names of test and development tools, as a file or folder name or its prefix.
TEST_TOOLS = re.compile(
    r"(^|[/._-])(axe|axe-core|jest|mocha|chai|sinon|jasmine|qunit|playwright|cypress|"
    r"puppeteer|vitest|testing-library)([/._-]|$)",
    re.IGNORECASE,
)


def served_files() -> list[str]:
    return sorted(
        path
        for finder in finders.get_finders()
        for path, _storage in finder.list(ignore_patterns=[])
    )


def test_the_served_static_files_hold_no_test_tools() -> None:
    served = served_files()
    assert any(path.endswith("htmx.min.js") for path in served)  # the finders do see vendor/
    assert [path for path in served if TEST_TOOLS.search(path)] == []


def test_the_check_recognises_a_test_tool() -> None:
    assert TEST_TOOLS.search("vendor/axe.min.js")
    assert TEST_TOOLS.search("vendor/licenses/axe-core.txt")
    assert not TEST_TOOLS.search("vendor/htmx.min.js")
    assert not TEST_TOOLS.search("css/axes-of-the-page.css")


def test_test_tools_are_development_dependencies_only() -> None:
    package = json.loads((Path(settings.BASE_DIR) / "package.json").read_text())
    runtime = package.get("dependencies", {})
    assert [name for name in runtime if TEST_TOOLS.search(name)] == []
    assert "axe-core" in package.get("devDependencies", {})
