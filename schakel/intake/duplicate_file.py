"""Reading a register for the duplicate finder: a UTF-8 CSV file of identities.

Header: ``record_id,given_names,surname_prefix,surname,date_of_birth,sex,bsn`` in any order,
optionally ``birth_year``, ``online_platform`` and ``online_handle``; other columns are named
and ignored. Dates are ISO (1990-12-31); an empty field is unknown. A malformed file — not
UTF-8, no header with those columns, a line with another number of fields, a missing or
repeated record_id — is refused with the line that is wrong. A value that cannot be read (a
date 1990-02-30, a BSN with letters, an unknown sex) counts as unknown and is reported with its
line and column (never the value: the terminal is no place for person data), or refuses the
file with ``strict``. Nothing is read into Schakel's database.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from schakel.intake.convergence import layout
from schakel.intake.convergence.encoding import Identity

REQUIRED = (
    "record_id", "given_names", "surname_prefix", "surname", "date_of_birth", "sex", "bsn",
)  # fmt: skip
OPTIONAL = ("birth_year", "online_platform", "online_handle")
MAX_FIELD = 200
# The years the encoding can hold; a date outside them is read as unknown.
YEARS = range(layout.YEAR_FIRST, layout.YEAR_FIRST + layout.YEAR_SLOTS)
SEXES = {
    "": "", "u": "", "0": "", "9": "", "onbekend": "", "unknown": "",
    "m": "male", "man": "male", "male": "male", "mannelijk": "male", "1": "male",
    "v": "female", "f": "female", "vrouw": "female", "female": "female",
    "vrouwelijk": "female", "2": "female",
    "x": "other", "o": "other", "other": "other", "anders": "other", "overig": "other",
}  # fmt: skip


class FileError(Exception):
    """What is wrong with the file, in Dutch, with the line."""


@dataclass(frozen=True)
class Register:
    record_ids: list[str]
    identities: list[Identity]
    ignored_columns: list[str]
    unreadable: list[str]  # "regel N: …" for each value counted as unknown


class Values:
    """Reads one line's values; what cannot be read is unknown, and noted (or refused)."""

    def __init__(self, values: dict[str, str], line: int, *, strict: bool) -> None:
        self.values, self.line, self.strict = values, line, strict
        self.notes: list[str] = []

    def unknown(self, message: str) -> None:
        text = f"regel {self.line}: {message}"
        if self.strict:
            raise FileError(text)
        self.notes.append(text + " (als onbekend gelezen)")


def _date(row: Values, value: str) -> tuple[date | None, int | None]:
    """The date, or None with its year when only that can be read (1990-02-30 → 1990)."""
    if not value:
        return None, None
    try:
        return date.fromisoformat(value), None
    except ValueError:
        row.unknown("geboortedatum is geen datum in de vorm 1990-12-31")
        for year in (value[:4], value[-4:]):  # 1990-02-30, 31-12-1990
            if year.isdigit() and int(year) in YEARS:
                return None, int(year)
        return None, None


def _year(row: Values, value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) not in YEARS:
        row.unknown(f"geboortejaar is geen jaartal van {YEARS.start} tot en met {YEARS.stop - 1}")
        return None
    return int(value)


def _bsn(row: Values, value: str) -> str:
    digits = value.replace(" ", "").replace(".", "").replace("-", "")
    if digits and (not digits.isdigit() or len(digits) > 9):
        row.unknown("BSN is geen nummer van hoogstens 9 cijfers")
        return ""
    return digits


def _sex(row: Values, value: str) -> str:
    folded = value.strip().casefold()
    if folded not in SEXES:
        row.unknown("geslacht is onbekend (m, v, x of leeg)")
        return ""
    return SEXES[folded]


def _row(row: Values) -> Identity:
    values = row.values
    for name, value in values.items():
        if len(value) > MAX_FIELD:
            raise FileError(f"regel {row.line}: {name} is langer dan {MAX_FIELD} tekens.")
        if any(ord(c) < 32 for c in value):
            raise FileError(f"regel {row.line}: {name} bevat stuurtekens.")
    born, year_of_date = _date(row, values["date_of_birth"].strip())
    year = _year(row, values.get("birth_year", "").strip()) or year_of_date
    platform = values.get("online_platform", "").strip()
    handle = values.get("online_handle", "").strip()
    return Identity(
        given_names=values["given_names"],
        surname_prefix=values["surname_prefix"],
        surname=values["surname"],
        date_of_birth=born,
        sex=_sex(row, values["sex"]),
        bsn=_bsn(row, values["bsn"].strip()),
        birth_year=year if born is None else None,
        accounts=((platform, handle),) if handle else (),
    )


def read_register(lines: Iterable[str], *, strict: bool = False) -> Register:
    reader = csv.reader(lines)
    header = [name.strip().casefold() for name in next(reader, [])]
    if not any(header):
        raise FileError("het bestand is leeg.")
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise FileError(f"regel 1: de kopregel mist {', '.join(missing)}.")
    if len(set(header)) != len(header):
        raise FileError("regel 1: een kolomnaam staat er twee keer in.")
    known = set(REQUIRED) | set(OPTIONAL)
    ids: list[str] = []
    identities: list[Identity] = []
    notes: list[str] = []
    seen: dict[str, int] = {}
    for fields in reader:
        line = reader.line_num
        if not fields or fields == [""]:
            continue
        if len(fields) != len(header):
            raise FileError(f"regel {line}: {len(header)} velden verwacht, {len(fields)} gevonden.")
        values = {name: value for name, value in zip(header, fields, strict=True) if name in known}
        record_id = values["record_id"].strip()
        if not record_id:
            raise FileError(f"regel {line}: record_id ontbreekt.")
        if record_id in seen:
            raise FileError(
                f"regel {line}: record_id „{record_id}” staat ook op regel {seen[record_id]}."
            )
        seen[record_id] = line
        row = Values(values, line, strict=strict)
        identities.append(_row(row))
        notes.extend(row.notes)
        ids.append(record_id)
    ignored = [name for name in header if name not in known]
    return Register(ids, identities, ignored, notes)


def open_register(path: str, *, strict: bool = False) -> Register:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return read_register(handle, strict=strict)
    except UnicodeDecodeError as error:
        raise FileError(f"het bestand is geen UTF-8 (byte {error.start}).") from None
    except csv.Error as error:
        raise FileError(f"het bestand is geen geldig CSV-bestand: {error}.") from None


def read_text(text: str, *, strict: bool = False) -> Register:
    return read_register(io.StringIO(text, newline=""), strict=strict)
