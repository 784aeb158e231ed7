"""Match suggestions in the UI: the explanation in words, both identities, the decision."""

import html
from typing import Any

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.intake.choices import SuggestionStatus
from schakel.intake.explanation import explanation_rows
from schakel.intake.identity import identity_of
from schakel.intake.models import IdentityChoice, MatchSuggestion, mask_bsn
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import VALID_BSN, membership_of, register

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

    assert f"een kans van {round(100 * suggestion.probability)}%" in content
    assert "Waarschijnlijk dezelfde persoon" in content
    assert "Die kans is geen oordeel over de persoon." in content
    assert "Alleen een mens beslist" in content
    for label in ("Voornamen", "Achternaam", "Geboren"):
        assert label in content
    assert "Gelijk" in content
    assert "Wijst sterk op dezelfde persoon" in content
    assert "Niet bij beide bekend" in content  # no BSN on either side
    assert "given_names" not in content
    assert "sounds_alike" not in content


def test_explanation_rows_translate_every_level() -> None:
    rows = explanation_rows(
        {
            "probability": 0.8,
            "parts": [
                {"part": "given_names", "level": "variant", "weight": 3.1},
                {"part": "surname", "level": "shares_part", "weight": 7.0},
                {"part": "date_of_birth", "level": "in_range", "weight": 2.0},
                {"part": "sex", "level": "different", "weight": -5.6},
                {"part": "bsn", "level": "missing", "weight": 0.0},
                {"part": "account", "level": "equal", "weight": 16.5},
            ],
        }
    )
    assert [r.label for r in rows] == [
        "Voornamen",
        "Achternaam",
        "Geboren",
        "Geslacht",
        "BSN",
        "Online account",
    ]
    assert [r.verdict for r in rows] == [
        "Bekende variant (roepnaam, andere spelling)",
        "Eén deel gelijk (dubbele naam, naam van de partner)",
        "Valt binnen de geschatte leeftijd",
        "Verschilt",
        "Niet bij beide bekend",
        "Hetzelfde account",
    ]
    assert [r.meaning for r in rows] == [
        "Wijst op dezelfde persoon",
        "Wijst sterk op dezelfde persoon",
        "Wijst op dezelfde persoon",
        "Wijst sterk op verschillende personen",
        "Telt niet mee",
        "Wijst sterk op dezelfde persoon",
    ]


def test_suggestions_from_before_the_current_engine_still_read(personas) -> None:
    [row] = explanation_rows({"score": 80, "parts": [{"part": "surname", "verdict": "different"}]})
    assert (row.label, row.verdict, row.meaning) == ("Achternaam", "Verschilt", "")


def test_the_bsn_is_masked_to_its_last_three_digits(personas, signed_in) -> None:
    register(personas.police_member, residence=personas.municipality_a, bsn=VALID_BSN)
    second = register(
        personas.lead_a, residence=personas.municipality_a, bsn=VALID_BSN, surname="Anders"
    )
    [suggestion] = second.suggestions
    assert suggestion.band == "likely"  # an exact BSN agreement, still for a person to decide

    content = text(signed_in(personas.lead_a).get(detail(suggestion)))

    assert VALID_BSN not in content
    assert content.count(mask_bsn(VALID_BSN)) == 2
    assert "Bevestigen: dezelfde persoon" in content


def test_identity_fields_and_own_observation_are_shown(personas, signed_in) -> None:
    suggestion = pair(personas)

    content = text(signed_in(personas.lead_a).get(detail(suggestion)))

    assert "van Hoogeveld" in content
    assert "Hogeveld" in content
    assert "17 maart 2004" in content
    assert "verschilt" in content  # the surnames differ and are marked so
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


def test_the_confirming_lead_chooses_the_main_identity_per_differing_field(
    personas, signed_in
) -> None:
    suggestion = pair(personas)
    client = signed_in(personas.lead_a)
    page = text(client.get(detail(suggestion)))
    assert "Hoofdidentiteit bij bevestigen" in page
    # Only the surname differs; the more complete one ("van Hoogeveld") is chosen beforehand.
    assert 'name="hoofd_surname" value="earlier_signal" checked' in page
    assert 'name="hoofd_given_names"' not in page

    client.post(
        decide(suggestion), {"besluit": "bevestigen", "hoofd_surname": "signal"}, follow=True
    )

    suggestion.refresh_from_db()
    [choice] = IdentityChoice.objects.all()
    assert (choice.field, choice.signal_id) == ("surname", suggestion.signal_id)
    assert choice.moment == "confirmation"
    identity = identity_of(suggestion.signal.subject)
    assert identity.surname == "Hogeveld"
    assert [a.text for a in identity.aliases] == ["van Hoogeveld"]
    assert LogRecord.objects.filter(name="main_identity_chosen").exists()


def test_without_a_choice_the_most_complete_value_becomes_the_main_identity(
    personas, signed_in
) -> None:
    suggestion = pair(personas)
    signed_in(personas.lead_a).post(decide(suggestion), {"besluit": "bevestigen"})
    suggestion.refresh_from_db()
    identity = identity_of(suggestion.signal.subject)
    assert (identity.surname_prefix, identity.surname) == ("van", "Hoogeveld")
    assert [a.text for a in identity.aliases] == ["Hogeveld"]


def test_a_posted_choice_that_is_not_one_of_the_two_is_refused(personas, signed_in) -> None:
    suggestion = pair(personas)
    response = signed_in(personas.lead_a).post(
        decide(suggestion), {"besluit": "bevestigen", "hoofd_surname": "beide"}, follow=True
    )
    assert "Kies per gegeven het nieuwe of het eerdere signaal." in text(response)
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN
