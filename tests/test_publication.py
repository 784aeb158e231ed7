"""The files that open-source catalogues of the Dutch government expect at the repository root.

publiccode.yml is validated against the standard's JSON Schema (version 0.5, vendored with its
source in tests/publiccode/) and the test shows the check failing on broken copies.
"""

import copy
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "publiccode" / "publiccode.schema.json").read_text())
VALIDATOR = Draft7Validator(SCHEMA, format_checker=Draft7Validator.FORMAT_CHECKER)
LICENCE = "EUPL-1.2"
PUBLICATION_FILES = ["LICENSE", "publiccode.yml", "CHANGELOG.md", "SECURITY.md", "CONTRIBUTING.md"]
# The SPDX text of the EUPL-1.2 as committed (see the LICENSE commit for its source); a change
# to LICENSE must be deliberate.
LICENSE_SHA256 = "57fb42fbcd0b037ce528ed8f72f1ec095d67bc6825ecf1448ff39be1fe68a4b4"
# The standard's rules that its JSON Schema leaves out.
MAX_FEATURE_LENGTH = 100
DESCRIPTION_LANGUAGES = ("nl", "en")


def publiccode() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def publiccode_errors(data: dict[str, Any]) -> list[str]:
    """What is wrong with a parsed publiccode.yml; empty when it is valid."""
    errors = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in VALIDATOR.iter_errors(data)
    ]
    descriptions = data.get("description")
    if isinstance(descriptions, dict):
        for language in DESCRIPTION_LANGUAGES:
            description = descriptions.get(language)
            if not isinstance(description, dict):
                errors.append(f"description/{language}: missing")
                continue
            for key in ("longDescription", "features"):
                if not description.get(key):
                    errors.append(f"description/{language}/{key}: missing")
            errors += [
                f"description/{language}/features: longer than {MAX_FEATURE_LENGTH}: {feature}"
                for feature in description.get("features") or []
                if len(str(feature)) > MAX_FEATURE_LENGTH
            ]
    if not str(data.get("url", "")).startswith("https://"):
        errors.append("url: not an https URL")
    return errors


@pytest.mark.parametrize("name", PUBLICATION_FILES)
def test_the_publication_file_exists(name) -> None:
    path = ROOT / name
    assert path.is_file(), f"{name} is missing"
    assert path.read_text(encoding="utf-8").strip()


def test_the_licence_is_the_full_eupl_1_2() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "EUROPEAN UNION PUBLIC LICENCE v. 1.2"
    assert "Appendix" in text
    assert "‘Compatible Licences’ according to Article 5 EUPL are:" in text
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == LICENSE_SHA256


def test_the_licence_is_the_same_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert {
        "publiccode.yml": publiccode()["legal"]["license"],
        "pyproject.toml": pyproject["project"]["license"],
        "package.json": package["license"],
        "package-lock.json": lock["packages"][""]["license"],
    } == dict.fromkeys(
        ["publiccode.yml", "pyproject.toml", "package.json", "package-lock.json"], LICENCE
    )


def test_publiccode_yml_is_valid() -> None:
    assert publiccode_errors(publiccode()) == []


def test_publiccode_yml_uses_the_current_standard_and_tells_the_truth() -> None:
    data = publiccode()
    assert data["publiccodeYmlVersion"] == "0.5"
    assert data["name"] == "Schakel"
    assert data["platforms"] == ["web"]
    assert data["softwareType"] == "standalone/web"
    assert data["intendedAudience"]["countries"] == ["NL"]
    assert data["localisation"]["availableLanguages"] == ["nl", "en"]
    # Not released yet: no version or date until there is a release.
    assert "softwareVersion" not in data
    assert "releaseDate" not in data


def _drop_legal(data: dict[str, Any]) -> None:
    del data["legal"]


def _unknown_status(data: dict[str, Any]) -> None:
    data["developmentStatus"] = "finished"


def _lowercase_country(data: dict[str, Any]) -> None:
    data["intendedAudience"]["countries"] = ["nl"]


def _long_short_description(data: dict[str, Any]) -> None:
    data["description"]["nl"]["shortDescription"] = "x" * 151


def _unknown_key(data: dict[str, Any]) -> None:
    data["licence"] = LICENCE


def _bad_release_date(data: dict[str, Any]) -> None:
    data["releaseDate"] = "2026-13-01"


def _unknown_category(data: dict[str, Any]) -> None:
    data["categories"] = ["radicalisation"]


def _long_feature(data: dict[str, Any]) -> None:
    data["description"]["en"]["features"].append("y" * (MAX_FEATURE_LENGTH + 1))


def _no_english(data: dict[str, Any]) -> None:
    del data["description"]["en"]


def _old_version(data: dict[str, Any]) -> None:
    data["publiccodeYmlVersion"] = "0.1"


@pytest.mark.parametrize(
    "break_it",
    [
        _drop_legal,
        _unknown_status,
        _lowercase_country,
        _long_short_description,
        _unknown_key,
        _bad_release_date,
        _unknown_category,
        _long_feature,
        _no_english,
        _old_version,
    ],
)
def test_the_check_fails_on_a_broken_publiccode_yml(break_it) -> None:
    broken = copy.deepcopy(publiccode())
    break_it(broken)
    assert publiccode_errors(broken)


def test_the_check_fails_on_a_broken_file_on_disk(tmp_path) -> None:
    # The whole path, from the text of a file: a status the standard does not know.
    text = (ROOT / "publiccode.yml").read_text(encoding="utf-8")
    broken = tmp_path / "publiccode.yml"
    broken.write_text(text.replace("developmentStatus: development", "developmentStatus: alpha"))
    data = yaml.safe_load(broken.read_text(encoding="utf-8"))
    assert any(error.startswith("developmentStatus:") for error in publiccode_errors(data))


@pytest.mark.parametrize("name", PUBLICATION_FILES)
def test_the_readme_links_the_publication_file(name) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"]({name})" in readme, f"README.md does not link {name}"
