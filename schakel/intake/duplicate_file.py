"""Reading a register for the duplicate finder: a UTF-8 CSV file of identities.

Header: ``record_id,given_names,surname_prefix,surname,date_of_birth,sex,bsn`` in any order,
optionally ``birth_year``, ``online_platform`` and ``online_handle``; other columns are named
and ignored. Dates are ISO (1990-12-31); an empty field is unknown. A malformed file is refused
with the line that is wrong; nothing is read into Schakel's database.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from schakel.intake.convergence.encoding import Identity

REQUIRED = (
    "record_id", "given_names", "surname_prefix", "surname", "date_of_birth", "sex", "bsn",
)  # fmt: skip
OPTIONAL = ("birth_year", "online_platform", "online_handle")
MAX_FIELD = 200
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


def _date(value: str, line: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FileError(
            f"regel {line}: geboortedatum „{value}” is geen datum in de vorm 1990-12-31."
        ) from None


def _year(value: str, line: int) -> int | None:
    if not value:
        return None
    if not value.isdigit() or not 1800 <= int(value) <= 2200:
        raise FileError(f"regel {line}: geboortejaar „{value}” is geen jaartal.")
    return int(value)


def _bsn(value: str, line: int) -> str:
    digits = value.replace(" ", "").replace(".", "").replace("-", "")
    if digits and (not digits.isdigit() or len(digits) > 9):
        raise FileError(f"regel {line}: BSN „{value}” is geen nummer van hoogstens 9 cijfers.")
    return digits


def _row(values: dict[str, str], line: int) -> Identity:
    for name, value in values.items():
        if len(value) > MAX_FIELD:
            raise FileError(f"regel {line}: {name} is langer dan {MAX_FIELD} tekens.")
        if any(ord(c) < 32 for c in value):
            raise FileError(f"regel {line}: {name} bevat stuurtekens.")
    sex = values["sex"].strip().casefold()
    if sex not in SEXES:
        raise FileError(f"regel {line}: geslacht „{values['sex']}” is onbekend (m, v, x of leeg).")
    born = _date(values["date_of_birth"].strip(), line)
    platform = values.get("online_platform", "").strip()
    handle = values.get("online_handle", "").strip()
    return Identity(
        given_names=values["given_names"],
        surname_prefix=values["surname_prefix"],
        surname=values["surname"],
        date_of_birth=born,
        sex=SEXES[sex],
        bsn=_bsn(values["bsn"].strip(), line),
        birth_year=_year(values.get("birth_year", "").strip(), line) if born is None else None,
        accounts=((platform, handle),) if handle else (),
    )


def read_register(lines: Iterable[str]) -> Register:
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
        identities.append(_row(values, line))
        ids.append(record_id)
    return Register(ids, identities, [name for name in header if name not in known])


def open_register(path: str) -> Register:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return read_register(handle)
    except UnicodeDecodeError as error:
        raise FileError(f"het bestand is geen UTF-8 (byte {error.start}).") from None
    except csv.Error as error:
        raise FileError(f"het bestand is geen geldig CSV-bestand: {error}.") from None


def read_text(text: str) -> Register:
    return read_register(io.StringIO(text, newline=""))
