"""A check that refuses recognisable person data in the texts of the network's workspace.

Agendas, minutes, decisions, knowledge items and the case material of a network event belong to
the network, not to a case file: they must not identify a data subject. Where person data can be
recognised in free text, it is refused with a Dutch message that says what was found and what
to do instead (refer to a case by its reference, anonymise the material):

- a number of nine digits, also written in groups (or eight in a row, a leading zero left off),
  that passes the eleven test: a BSN-like number;
- a date with a birth marker before it ("geboren", "geb.", "geboortedatum", "°", "*");
- a date of a year at least ``MIN_AGE`` years ago next to a name: two or three capitalised words
  (an initial and Dutch surname prefixes allowed) within a few words before or after the date,
  not counting the words organisations and meetings are named with.

This is a safety net, not a guarantee: a name alone, an address or a description that makes a
person recognisable cannot be found by a pattern. The message says so, and the pages say to
keep texts anonymous. The check never writes what it found to a log.
"""

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.core.validators import is_valid_bsn

MIN_AGE = 10
MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_NUMBER = re.compile(r"(?<![\d.,-])(\d(?:[ .-]?\d){7,8})(?!\d|[.,-]\d)")
_DATE = re.compile(
    rf"(?<!\d)(?:(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}})|"
    rf"(\d{{1,2}}) (?:{MONTHS})\.? (\d{{4}}))(?!\d)",
    re.IGNORECASE,
)
_BIRTH_MARKER = re.compile(
    r"(geboren|geb\.|geboortedatum|geboortedag|°|\*)\s*(op\s*)?[:(]?\s*$", re.I
)
_PREFIXES = r"(?:(?:van|de|der|den|het|ter|ten|te|in|op|'t|la|le|el|al|bin)\s+)*"
_CAPITAL = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+"
_NAME = re.compile(
    rf"(?:(?:[A-Z]\.\s?)+|{_CAPITAL}\s+){_PREFIXES}{_CAPITAL}(?:\s+{_PREFIXES}{_CAPITAL})?"
)
# Capitalised words that name organisations, places in a meeting or the calendar, not people.
NOT_NAMES = frozenset(
    [
        "gemeente",
        "politie",
        "openbaar",
        "ministerie",
        "reclassering",
        "raad",
        "ggz",
        "zvh",
        "veiligheidshuis",
        "zorg",
        "veiligheid",
        "nctv",
        "jeugdzorg",
        "halt",
        "dji",
        "onderwijs",
        "school",
        "woningcorporatie",
        "veilig",
        "thuis",
        "overleg",
        "vergadering",
        "werkgroep",
        "samenwerkingsverband",
        "veiligheidsverband",
        "veiligheidsalliantie",
        "regio",
        "provincie",
        "college",
        "burgemeester",
        "wethouder",
        "regionaal",
        "landelijk",
        "nationaal",
        "training",
        "bijeenkomst",
        "intervisie",
        "casusevaluatie",
        "casussimulatie",
        "beleidsplan",
        "besluit",
        "actiepunt",
        "notulen",
        "agenda",
        "bijlage",
        "handboek",
        "factsheet",
        "protocol",
        "ror",
        "besproken",
        "terugblik",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ]
)
_NEAR = 40
_WORD = re.compile(r"\w+")


def _bsn_like(candidate: str) -> bool:
    # Any script's digits count (Arabic-Indic, full-width): the number is the same BSN.
    digits = "".join(str(unicodedata.decimal(c)) for c in re.sub(r"[ .-]", "", candidate))
    # Written in groups it has all nine digits; eight with separators is a date or a period.
    if len(digits) == 8 and len(candidate) != 8:
        return False
    return is_valid_bsn(digits)


def _birth_year(match: re.Match[str]) -> int:
    groups = match.groups()
    year = groups[2] or groups[3] or groups[7]
    return int(year)


def _without_not_names(window: str) -> str:
    """The window with every word of ``NOT_NAMES`` replaced by a bar, so that "Notulen Jan
    Jansen" still holds the name "Jan Jansen" (a name never spans the bar)."""
    return _WORD.sub(lambda m: " | " if m.group(0).lower() in NOT_NAMES else m.group(0), window)


def _names_near(text: str, start: int, end: int) -> bool:
    window = _without_not_names(
        text[max(0, start - _NEAR) : start] + " | " + text[end : end + _NEAR]
    )
    for found in _NAME.finditer(window):
        words = [w.strip(".'’-") for w in found.group(0).split()]
        capitalised = [w.lower() for w in words if len(w) > 1 and w[0].isupper()]
        if not any(word in NOT_NAMES for word in capitalised):
            return True
    return False


def findings(text: str, *, today: date | None = None) -> list[str]:
    """Dutch messages, one per kind of person data recognised in the text (empty: none)."""
    today = today or timezone.localdate()
    found: list[str] = []
    if any(_bsn_like(m.group(1)) for m in _NUMBER.finditer(text)):
        found.append(
            _(
                "De tekst bevat een nummer dat op een burgerservicenummer (BSN) lijkt. Zet geen "
                "BSN in deze tekst; verwijs naar een casus met zijn kenmerk."
            )
        )
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        marked = _BIRTH_MARKER.search(before) is not None
        old_enough = _birth_year(match) <= today.year - MIN_AGE
        if marked or (old_enough and _names_near(text, match.start(), match.end())):
            found.append(
                _(
                    "De tekst bevat een datum die een geboortedatum bij een naam lijkt. Zet geen "
                    "namen en geboortedata van personen in deze tekst; maak het materiaal "
                    "anoniem of verwijs naar een casus met zijn kenmerk."
                )
            )
            break
    return found


def validate_no_person_data(value: str) -> None:
    """Form and serializer validator: refuses recognisable person data (see the module)."""
    messages = findings(value or "")
    if messages:
        raise ValidationError(messages, code="person_data")
