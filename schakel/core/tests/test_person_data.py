"""The person-data check of the network's texts (schakel/core/person_data.py) refuses what it can
recognise and lets the ordinary language of meetings and plans through."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from schakel.core.person_data import findings, validate_no_person_data

TODAY = date(2026, 12, 7)

REFUSED = [
    "Betrokkene heeft BSN 999900018 volgens de politie.",
    "Nummer 9999.00.018 genoemd.",
    "nummer 999 90 00 18",
    "BSN 11122201, nog na te gaan",
    "Jan de Vries (12-03-2004) is besproken.",
    "Besproken: P. Jansen, 3 mei 1999, woont in de wijk.",
    "geboren op 1-1-2010",
    "geb. 2011-04-05, casus loopt",
    "Ahmed El Amrani 14/07/2001",
]
ALLOWED = [
    "Overleg op 12-03-2026 met Gemeente Aldermeer en Politie Noordkaap.",
    "Besluit: het beleidsplan 2025-2028 wordt vastgesteld op 4 februari 2026.",
    "Werkgroep Online Radicalisering komt bijeen op 2026-01-15.",
    "Budget 123456789 euro cent is geen BSN want de elfproef faalt.",
    "Casus CAS-2026-0042 wordt geëvalueerd; de jongere is 17 jaar.",
    "Terugblik op de Regionale Training van 12-03-2015 in Gemeente Brookdam.",
    "Beleidsplan 2025-2028 en 2026-2029; telefoon 06-12345678.",
    "",
]


@pytest.mark.parametrize("text", REFUSED)
def test_recognisable_person_data_is_refused(text: str) -> None:
    assert findings(text, today=TODAY)


@pytest.mark.parametrize("text", ALLOWED)
def test_the_language_of_meetings_and_plans_passes(text: str) -> None:
    assert findings(text, today=TODAY) == []


def test_the_validator_names_what_it_found_in_dutch() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_no_person_data("BSN 999900018, geboren 01-02-2003")
    assert len(refused.value.messages) == 2
    assert "burgerservicenummer" in refused.value.messages[0]
    assert "geboortedatum" in refused.value.messages[1]


@pytest.mark.parametrize("text", ["BSN ٩٩٩٩٠٠٠١٨", "BSN ９９９９０００１８"])
def test_a_bsn_in_other_digits_is_found(text) -> None:
    assert findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Overleg Jan Jansen 12-03-1985 besproken",
        "Notulen P. de Vries, 1 januari 1990",
        "Agenda: casus Fatima El Amrani 3-4-2002",
    ],
)
def test_a_name_after_a_word_of_a_meeting_is_still_a_name(text) -> None:
    assert findings(text, today=date(2026, 12, 1))
