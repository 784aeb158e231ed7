"""Lock files name packages, versions and hashes only: no web addresses (registries, tarballs,
funding pages), so an install takes packages from the configured registry and nothing else."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILES = [ROOT / "package-lock.json", *sorted((ROOT / "requirements").glob("*.txt"))]
ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@pytest.mark.parametrize("path", LOCK_FILES, ids=lambda path: path.name)
def test_a_lock_file_holds_no_web_addresses(path: Path) -> None:
    found = [
        f"{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ADDRESS.search(line)
    ]
    assert found == [], f"{path.name} names web addresses; remove them (see CONTRIBUTING.md)"
