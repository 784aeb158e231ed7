"""The weighing decision cannot be changed afterwards, so it is reviewed first: the first submit
shows the values back with "Bevestigen" and "Wijzigen" and records nothing; the confirmation
records it once and the message links to the case it opened."""

from typing import Any

import pytest

from schakel.cases.models import Case
from schakel.cases.tests.factories import (
    JUSTIFICATION,
    weighed_signal,
)
from schakel.weighing.tests.view_helpers import decision_data, item_url, text

pytestmark = pytest.mark.django_db


def unconfirmed(**overrides: Any) -> dict[str, Any]:
    data = decision_data()
    data.pop("stap")
    return {**data, **overrides}


def test_the_first_submit_shows_a_review_and_records_nothing(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)

    review = client.post(item_url(weighed.item, "item_decide"), unconfirmed())

    assert review.status_code == 200
    page = text(review)
    assert "Besluit van de weging controleren" in page
    assert "Het besluit kan daarna niet meer worden gewijzigd." in page
    assert "Opnemen in de persoonsgerichte aanpak" in page
    assert JUSTIFICATION in page
    assert 'name="stap" value="wijzigen"' in page
    weighed.item.refresh_from_db()
    assert not weighed.item.is_decided


def test_changing_goes_back_to_the_filled_in_form(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)

    edit = client.post(item_url(weighed.item, "item_decide"), unconfirmed(stap="wijzigen"))

    assert edit.status_code == 200
    assert "Besluit vastleggen" in text(edit)
    assert JUSTIFICATION in text(edit)
    weighed.item.refresh_from_db()
    assert not weighed.item.is_decided


def test_confirming_records_and_the_message_links_to_the_new_case(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)
    data = decision_data(process_director=str(personas.director.pk))

    response = client.post(item_url(weighed.item, "item_decide"), data)

    assert response["Location"] == item_url(weighed.item)
    case = Case.objects.get(opened_from=weighed.item)
    page = text(client.get(response["Location"]))
    link = f'href="/casussen/{case.pk}/">Naar casus {case.reference}</a>'
    assert f'Het besluit van de weging is vastgelegd. <a class="utrecht-link" {link}' in page


def test_outsiders_get_404_on_the_review(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_b)

    assert client.post(item_url(weighed.item, "item_decide"), unconfirmed()).status_code == 404
