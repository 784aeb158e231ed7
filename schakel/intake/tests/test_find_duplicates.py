"""The duplicate finder: a small register with planted pairs, and malformed files refused."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError

from schakel.audit import services as audit_services
from schakel.audit.models import LogRecord
from schakel.intake.convergence import duplicates
from schakel.intake.models import IdentityEncoding, MatchModelVersion, Signal

pytestmark = pytest.mark.django_db

HEADER = (
    "record_id,given_names,surname_prefix,surname,date_of_birth,sex,bsn,"
    "birth_year,online_platform,online_handle,notitie"
)
ROWS = [
    "a1,Daan Pieter,van,Hoogeveld,2004-03-17,m,,,,,eerste",
    "a2,D.P.,,Hoogeveld,2004-03-17,M,,,,,",
    "b1,Fatima,el,Amrani,1999-11-23,v,,,,,",
    "b2,Fatma,,Elamrani,1999-11-23,,,,,,",
    "c1,Youssef,,Yilmaz,2001-07-02,m,,,,,",
    "c2,Yusuf,,Yılmaz,,,,2001,,,",
    "d1,Kees,de,Vries,1988-02-14,,,,,,",
    "d2,Cornelis,de,Vries,1988-02-14,,,,,,",
    "e1,,,,,,,,Instagram,@noor.vlinder,",
    "e2,Noor,,Vlinderhaven,2002-05-05,v,,,insta,https://www.instagram.com/noor.vlinder/,",
    "x1,Sanne,,Bakker,1979-08-30,v,,,,,",
    "x2,Pieter,,Visser,1971-12-30,m,,,,,",
    "x3,Lotte,,Duinhaver,1995-06-01,v,,,,,",
]
PLANTED = {("a1", "a2"), ("b1", "b2"), ("c1", "c2"), ("d1", "d2"), ("e1", "e2")}


def write(tmp_path: Path, lines: list[str], name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(tmp_path: Path, source: Path, *extra: str) -> list[dict[str, str]]:
    out = tmp_path / "pairs.csv"
    call_command("find_duplicates", "--csv", str(source), "--out", str(out), *extra)
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_planted_pairs_are_found_and_nothing_is_stored(tmp_path, capsys) -> None:
    pairs = run(tmp_path, write(tmp_path, [HEADER, *ROWS]), "--workers", "1")

    found = {tuple(sorted((p["left"], p["right"]))) for p in pairs}
    assert found >= PLANTED
    assert not any("x1" in pair or "x2" in pair or "x3" in pair for pair in found)
    assert {p["band"] for p in pairs} <= {"likely", "possible"}
    assert all(0 < float(p["score"]) <= 100 for p in pairs)
    assert list(pairs[0]) == ["left", "right", "score", "band"]
    assert "Genegeerde kolommen: notitie." in capsys.readouterr().err
    assert Signal.objects.count() == IdentityEncoding.objects.count() == 0
    [record] = LogRecord.objects.filter(name="find_duplicates")
    assert record.data_subject_id == ""
    assert record.attributes["records"] == len(ROWS)


def test_a_threshold_keeps_only_the_pairs_at_or_above_it(tmp_path) -> None:
    pairs = run(tmp_path, write(tmp_path, [HEADER, *ROWS]), "--threshold", "99.9")
    assert all(float(p["score"]) >= 99.9 for p in pairs)
    assert {p["band"] for p in pairs} <= {"likely"}


def test_a_large_file_gets_a_model_of_its_own(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(duplicates, "ESTIMATE_FROM", 5)
    pairs = run(tmp_path, write(tmp_path, [HEADER, *ROWS]))
    assert {tuple(sorted((p["left"], p["right"]))) for p in pairs} >= {("a1", "a2")}
    assert not MatchModelVersion.objects.exists()  # the file's model is not kept


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([HEADER, "z1,Jan,,Smit"], "regel 2: 11 velden verwacht, 4 gevonden"),
        (["record_id,given_names,surname", "z1,Jan,Smit"], "regel 1: de kopregel mist"),
        ([HEADER, ROWS[0], ROWS[0]], "regel 3: record_id „a1” staat ook op regel 2"),
        ([HEADER, ",Jan,,Smit,1990-12-31,,,,,,"], "regel 2: record_id ontbreekt"),
        ([], "het bestand is leeg"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line(tmp_path, lines, message) -> None:
    with pytest.raises(CommandError, match="Bestand geweigerd") as refused:
        run(tmp_path, write(tmp_path, lines))
    assert message in str(refused.value)
    assert not (tmp_path / "pairs.csv").exists()


UNREADABLE = [
    "z1,Jan,,Smit,31-12-1990,,,,,,",
    "z2,Jan,,Smit,1990-02-30,q,12ab,,,,",
]


def test_unreadable_values_count_as_unknown_and_are_reported(tmp_path, capsys) -> None:
    pairs = run(tmp_path, write(tmp_path, [HEADER, *ROWS, *UNREADABLE]))
    err = capsys.readouterr().err
    assert "regel 15: geboortedatum is geen datum" in err
    assert "regel 16: geboortedatum is geen datum" in err
    assert "regel 16: geslacht is onbekend" in err
    assert "regel 16: BSN is geen nummer" in err
    assert "(als onbekend gelezen)" in err
    # The messages name the line and the column, never the value.
    for value in ("31-12-1990", "1990-02-30", "12ab", "Smit", "Jan"):
        assert value not in err
    # Smit and Smit, one with only the year 1990 from the impossible date: still a pair.
    assert ("z1", "z2") in {tuple(sorted((p["left"], p["right"]))) for p in pairs}


@pytest.mark.parametrize("line", UNREADABLE)
def test_strict_refuses_an_unreadable_value(tmp_path, line) -> None:
    with pytest.raises(CommandError, match="Bestand geweigerd: regel 15"):
        run(tmp_path, write(tmp_path, [HEADER, *ROWS, line]), "--strict")


def test_a_file_that_is_not_utf8_is_refused(tmp_path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + "\nz1,Jos\xe9,,Smit,1990-12-31,,,,,,\n").encode("latin-1"))
    with pytest.raises(CommandError, match="geen UTF-8"):
        run(tmp_path, path)


def test_a_threshold_outside_the_range_is_refused(tmp_path) -> None:
    with pytest.raises(CommandError, match="tussen 0 en 100"):
        run(tmp_path, write(tmp_path, [HEADER, *ROWS]), "--threshold", "150")


def test_without_its_log_record_no_pairs_file_is_written(tmp_path, monkeypatch) -> None:
    for name in ("_INSERT_SQL", "_INSERT_ONE_AND_MOVE_HEAD_SQL"):
        broken = getattr(audit_services, name).replace("audit_logrecord", "audit_logrecord_gone")
        monkeypatch.setattr(audit_services, name, broken)
    source = write(tmp_path, [HEADER, *ROWS])
    with pytest.raises(DatabaseError):
        call_command(
            "find_duplicates", "--csv", str(source), "--out", str(tmp_path / "out.csv"),
            "--no-progress", "--workers", "1",
        )  # fmt: skip
    assert not (tmp_path / "out.csv").exists()
