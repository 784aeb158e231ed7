"""A match suggestion in a list says what it is: both signals' dates and organisations as far
as the viewer may see them, and which parts of the identity agree or differ."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from schakel.intake.models import MatchSuggestion
from schakel.intake.suggestion_rows import comparison
from schakel.intake.tests.factories import register

pytestmark = pytest.mark.django_db

INBOX = reverse("intake:inbox")


def suggestions_section(response) -> str:
    content = html.unescape(response.content.decode())
    return content.split('id="matchsuggesties"')[1].split('id="vervallen"')[0]


def day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y")


def test_the_lead_sees_the_own_signal_in_full_and_the_other_as_the_suggestion_page_does(
    personas, signed_in, across
) -> None:
    new, earlier = across.signal, across.earlier_signal
    client = signed_in(personas.lead_a)

    row = suggestions_section(client.get(INBOX))

    assert f"Signaal {new.reference}" in row
    assert "Gemeld door Scholengroep Noordkaap" in row
    assert "Uw meldpunt (Gemeente Aldermeer)" in row
    assert "Meldpunt Gemeente Brookdam" in row
    assert day(earlier.created_at) in row
    assert "Melder en waarneming alleen zichtbaar voor dat meldpunt" in row
    # Not the other municipality's reference or who reported it there.
    assert earlier.reference not in row
    assert "Politie" not in row
    # The verdicts, never the values compared.
    assert re.search(r"Gelijk:</strong> [^<]*Voornamen", row)
    assert "Achternaam: " in row
    assert "Niet bij beide bekend:</strong> " in row
    assert "Hoogeveld" not in row
    assert "Hogeveld" not in row
    assert "Daan" not in row
    # The suggestion's own page shows no more of the other signal than the row does.
    page = html.unescape(
        client.get(reverse("intake:suggestion_detail", kwargs={"pk": across.pk})).content.decode()
    )
    assert earlier.reference not in page
    assert "Politie" not in page


def test_the_other_municipalitys_lead_sees_the_mirror_image(personas, signed_in, across) -> None:
    row = suggestions_section(signed_in(personas.lead_b).get(INBOX))

    assert f"Signaal {across.earlier_signal.reference}" in row
    assert "Gemeld door Politie-eenheid Noordkaap" in row
    assert "Meldpunt Gemeente Aldermeer" in row
    assert across.signal.reference not in row
    assert "Scholengroep" not in row


def test_a_lead_of_a_municipality_not_involved_sees_no_row(personas, signed_in, across) -> None:
    row = suggestions_section(signed_in(personas.outsider).get(INBOX))

    assert "Er zijn geen open matchsuggesties." in row
    assert across.signal.reference not in row
    assert across.earlier_signal.reference not in row
    assert "Brookdam" not in row


def test_suggestions_of_the_same_person_are_told_apart(personas, signed_in) -> None:
    for user in (personas.police_member, personas.school_member, personas.police_member):
        register(user, residence=personas.municipality_a)
    assert MatchSuggestion.objects.count() == 3

    row = suggestions_section(signed_in(personas.lead_a).get(INBOX))

    rows = [
        text
        for text in re.findall(r'<tr class="utrecht-table__row">(.*?)</tr>', row, re.S)
        if "<td" in text
    ]
    assert len(rows) == 3
    pairs = {tuple(re.findall(r"Signaal ([0-9A-Z-]+)</a>", text)) for text in rows}
    assert len(pairs) == 3  # each row names its own pair of signals


def test_the_comparison_groups_the_verdicts_in_words() -> None:
    found = comparison(
        {
            "parts": [
                {"part": "given_names", "level": "exact", "weight": 6.0},
                {"part": "surname", "level": "close", "weight": 3.0},
                {"part": "date_of_birth", "level": "exact", "weight": 8.0},
                {"part": "sex", "level": "different", "weight": -4.0},
                {"part": "bsn", "level": "missing", "weight": 0.0},
                {"part": "account", "verdict": "equal"},
            ]
        }
    )
    assert found.agree == ["Voornamen", "Geboren", "Online account"]
    assert found.alike == ["Achternaam: Lijkt sterk (tikfout)"]
    assert found.differ == ["Geslacht"]
    assert found.missing == ["BSN"]
