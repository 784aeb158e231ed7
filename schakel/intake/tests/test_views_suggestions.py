"""Match suggestions in the UI: the explanation in words, both identities, the decision."""

import html
from typing import Any

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.intake.choices import SuggestionStatus
from schakel.intake.models import MatchSuggestion, mask_bsn
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import VALID_BSN, membership_of, register
from schakel.intake.views import explanation_rows

pytestmark = pytest.mark.django_db


def detail(suggestion: MatchSuggestion) -> str:
    return reverse("intake:suggestion_detail", kwargs={"pk": suggestion.pk})


def decide(suggestion: MatchSuggestion) -> str:
    return reverse("intake:suggestion_decide", kwargs={"pk": suggestion.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def pair(personas, *, earlier_residence=None, **overrides: Any) -> MatchSuggestion:
    """The police registers first; the school registers the same person with a typo."""
    register(
        personas.police_member,
        residence=earlier_residence or personas.municipality_a,
        observation="Politie: eerdere waarneming",
        **overrides,
    )
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
        observation="School: nieuwe waarneming",
    )
    [suggestion] = second.suggestions
    return suggestion


def test_explanation_is_shown_in_plain_dutch(personas, signed_in) -> None:
    suggestion = pair(personas)

    content = text(signed_in(personas.lead_a).get(detail(suggestion)))

    assert f"Score: <strong>{suggestion.score}</strong> van 100." in content
    assert "Een score is geen oordeel over de persoon." in content
    assert "Alleen een mens beslist" in content
    for label in ("Voornamen", "Achternaam", "Geboortedatum"):
        assert label in content
    assert "Gelijk" in content
    assert "Tussenvoegsel ontbreekt bij één van beide" in content
    assert "100%" in content
    assert "given_names" not in content
    assert "prefix_one_side" not in content


def test_explanation_rows_translate_every_verdict_and_note() -> None:
    rows = explanation_rows(
        {
            "score": 80,
            "parts": [
                {"part": "given_names", "verdict": "strong", "similarity": 0.9, "notes": []},
                {
                    "part": "given_names",
                    "verdict": "partial",
                    "similarity": 0.6,
                    "notes": ["order_differs", "contained"],
                },
                {
                    "part": "surname",
                    "verdict": "different",
                    "similarity": 0.1,
                    "notes": ["prefix_differs"],
                },
                {"part": "date_of_birth", "verdict": "transposed", "similarity": 0.85},
                {"part": "date_of_birth", "verdict": "one_digit", "similarity": 0.7},
                {"part": "sex", "verdict": "equal", "similarity": 1.0},
                {"part": "bsn", "verdict": "equal", "similarity": 1.0},
            ],
        }
    )
    assert [r.label for r in rows] == [
        "Voornamen",
        "Voornamen",
        "Achternaam",
        "Geboortedatum",
        "Geboortedatum",
        "Geslacht",
        "BSN",
    ]
    assert [r.verdict for r in rows] == [
        "Lijkt sterk",
        "Lijkt enigszins",
        "Verschilt",
        "Dag en maand verwisseld",
        "Eén cijfer verschilt",
        "Gelijk",
        "Gelijk",
    ]
    assert [r.percentage for r in rows] == [90, 60, 10, 85, 70, 100, 100]
    assert rows[1].notes == [
        "Zelfde voornamen, andere volgorde",
        "De ene naam is deel van de andere (bijv. een dubbele achternaam of een voornaam minder)",
    ]
    assert rows[2].notes == ["Tussenvoegsel verschilt"]


def test_the_bsn_is_masked_to_its_last_three_digits(personas, signed_in) -> None:
    register(personas.police_member, residence=personas.municipality_a, bsn=VALID_BSN)
    second = register(
        personas.lead_a, residence=personas.municipality_a, bsn=VALID_BSN, surname="Anders"
    )
    [suggestion] = second.suggestions
    assert suggestion.score == 100  # an exact BSN agreement, still for a person to decide

    content = text(signed_in(personas.lead_a).get(detail(suggestion)))

    assert VALID_BSN not in content
    assert content.count(mask_bsn(VALID_BSN)) == 2
    assert "Bevestigen: dezelfde persoon" in content


def test_identity_fields_and_own_observation_are_shown(personas, signed_in) -> None:
    suggestion = pair(personas)

    content = text(signed_in(personas.lead_a).get(detail(suggestion)))

    assert "Hoogeveld" in content
    assert "Hogeveld" in content
    assert "17 maart 2004" in content
    assert "Politie: eerdere waarneming" in content
    assert "School: nieuwe waarneming" in content
    assert personas.police.name in content


def test_mask_bsn_keeps_only_the_last_three_digits() -> None:
    assert mask_bsn("999900006") == "••••••006"
    assert mask_bsn("") == ""
    assert mask_bsn(None) == ""


def test_the_other_municipalitys_signal_shows_identity_and_meldpunt_only(personas, signed_in):
    suggestion = pair(personas, earlier_residence=personas.municipality_b)

    content = text(signed_in(personas.lead_a).get(detail(suggestion)))

    assert "Hoogeveld" in content  # identity of B's signal
    assert "Gemeente Brookdam" in content
    assert personas.municipality_b.mailbox in content
    assert "Politie: eerdere waarneming" not in content
    assert personas.police.name not in content
    assert "School: nieuwe waarneming" in content  # A's own signal

    mirrored = text(signed_in(personas.lead_b).get(detail(suggestion)))
    assert "Politie: eerdere waarneming" in mirrored
    assert "School: nieuwe waarneming" not in mirrored
    assert personas.school.name not in mirrored
    assert personas.municipality_a.mailbox in mirrored


def test_reading_a_suggestion_is_logged(personas, signed_in) -> None:
    suggestion = pair(personas)
    signed_in(personas.lead_a).get(detail(suggestion))
    assert LogRecord.objects.filter(name="suggestion_read").exists()


@pytest.mark.parametrize(
    "user", ["outsider", "lead_b", "police_member", "school_member", "privacy_officer_a"]
)
def test_others_get_404_on_a_suggestion_of_municipality_a(personas, signed_in, user) -> None:
    suggestion = pair(personas)
    client = signed_in(getattr(personas, user))

    assert client.get(detail(suggestion)).status_code == 404
    assert client.post(decide(suggestion), {"besluit": "bevestigen"}).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN


def test_lead_confirms_through_the_ui(personas, signed_in) -> None:
    suggestion = pair(personas)
    client = signed_in(personas.lead_a)
    page = text(client.get(detail(suggestion)))
    assert "Bevestigen: dezelfde persoon" in page
    assert "Afwijzen: niet dezelfde persoon" in page

    response = client.post(decide(suggestion), {"besluit": "bevestigen"}, follow=True)

    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.CONFIRMED
    assert suggestion.signal.subject_id == suggestion.earlier_signal.subject_id is not None
    content = text(response)
    assert "Bevestigd: beide signalen gaan nu over dezelfde betrokkene." in content
    assert "Bevestigen: dezelfde persoon" not in content
    assert "Besloten door" in content
    user = personas.lead_a
    assert f"{user.function_title} – Gemeente Aldermeer" in content
    assert user.full_name not in content


def test_lead_rejects_through_the_ui(personas, signed_in) -> None:
    suggestion = pair(personas)
    response = signed_in(personas.lead_a).post(
        decide(suggestion), {"besluit": "afwijzen"}, follow=True
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED
    assert "niet opnieuw aan elkaar voorgesteld" in text(response)
    assert "Afgewezen: niet dezelfde persoon" in text(response)


def test_lead_of_the_other_municipality_may_decide_too(personas, signed_in) -> None:
    suggestion = pair(personas, earlier_residence=personas.municipality_b)
    response = signed_in(personas.lead_b).post(
        decide(suggestion), {"besluit": "bevestigen"}, follow=True
    )
    content = text(response)
    assert "zodra ook het andere meldpunt bevestigt" in content
    assert "Bevestigd door Gemeente Brookdam" in content
    assert "Wacht op Gemeente Aldermeer" in content
    assert "Bevestigen: dezelfde persoon" not in content  # B already confirmed
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN
    signed_in(personas.lead_a).post(decide(suggestion), {"besluit": "bevestigen"})
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.CONFIRMED
    assert suggestion.decided_for == personas.municipality_a


def test_someone_else_decided_first(personas, signed_in) -> None:
    suggestion = pair(personas)
    client = signed_in(personas.lead_a)
    client.get(detail(suggestion))
    suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.colleague_a), confirm=False
    )

    response = client.post(decide(suggestion), {"besluit": "bevestigen"}, follow=True)

    content = text(response)
    assert response.status_code == 200
    assert "Iemand anders heeft hier al over besloten." in content
    assert "Afgewezen: niet dezelfde persoon" in content
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED


def test_an_unknown_decision_changes_nothing(personas, signed_in) -> None:
    suggestion = pair(personas)
    response = signed_in(personas.lead_a).post(decide(suggestion), {"besluit": "misschien"})
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN


def test_decide_accepts_only_post(personas, signed_in) -> None:
    suggestion = pair(personas)
    assert signed_in(personas.lead_a).get(decide(suggestion)).status_code == 405
