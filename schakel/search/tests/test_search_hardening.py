"""What the search must not do: put typed text in a URL, take a half-typed reference for a name,
tell a reporting partner which of their signals were brought together, or find a person whose
data were deleted; and the header box reads Dutch names with a prefix."""

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.core.search import HITS_PER_KIND, SearchHit
from schakel.intake.models import Signal
from schakel.intake.tests.factories import register
from schakel.search.forms import split_name
from schakel.search.lookup import Outcome
from schakel.search.tests.helpers import two_municipalities

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")


@pytest.mark.parametrize(
    ("typed", "given", "surname"),
    [
        ("Hoogeveld", "", "Hoogeveld"),
        ("van Hoogeveld", "", "van Hoogeveld"),
        ("Daan van Hoogeveld", "Daan", "van Hoogeveld"),
        ("Daan Pieter van Hoogeveld", "Daan Pieter", "van Hoogeveld"),
        ("Daan Hoogeveld", "Daan", "Hoogeveld"),
        ("Jan de Vries", "Jan", "de Vries"),
        ("Sem ter Horst", "Sem", "ter Horst"),
    ],
)
def test_the_header_box_splits_a_dutch_name(typed: str, given: str, surname: str) -> None:
    assert split_name(typed) == (given, surname)


@pytest.mark.parametrize("typed", ["van Hoogeveld", "Daan Pieter van Hoogeveld", "Hoogeveld"])
def test_the_lead_finds_the_resident_however_the_name_is_typed_in_the_header(
    personas, signed_in, typed
) -> None:
    scene = two_municipalities(personas)
    page = signed_in(personas.lead_a).post(SEARCH, {"zoekterm": typed}).content.decode()
    assert scene.signal_a.reference in page, typed


def test_the_reference_form_posts_and_a_name_in_the_address_is_not_searched(
    personas, signed_in
) -> None:
    two_municipalities(personas)
    client = signed_in(personas.lead_a)
    page = client.get(SEARCH).content.decode()
    reference_form = page.split('id="op-kenmerk"', 1)[1].split("</form>", 1)[0]
    assert 'method="post"' in reference_form
    assert "csrfmiddlewaretoken" in reference_form
    before = LogRecord.objects.count()

    response = client.get(SEARCH, {"referentie": "Daan van Hoogeveld"})

    assert response.status_code == 302
    assert response["Location"] == SEARCH  # the name is out of the address, nothing searched
    assert LogRecord.objects.count() == before


@pytest.mark.parametrize("persona", ["lead_a", "police_member"])
def test_anything_with_a_digit_is_looked_up_as_a_reference_not_a_name(
    personas, signed_in, persona
) -> None:
    client = signed_in(getattr(personas, persona))
    before = LogRecord.objects.count()
    for typed in ("C-1A2B3C4D", "CAS-2026"):
        response = client.post(SEARCH, {"zoekterm": typed})
        assert response.status_code == 200, typed  # not the name-search refusal (403)
        assert "Zoeken op naam is in uw rol niet toegestaan" not in response.content.decode()
    names = LogRecord.objects.order_by("sequence")[before:].values_list("name", flat=True)
    assert "search_by_name" not in set(names)


def test_a_reporting_partner_does_not_find_the_person_behind_their_signal(
    personas, signed_in
) -> None:
    scene = two_municipalities(personas)
    person = scene.case_a.subject
    mine = register(personas.police_member, residence=personas.municipality_a).signal
    Signal.objects.filter(pk=mine.pk).update(subject=person)

    page = signed_in(personas.police_member).get(SEARCH, {"referentie": person.reference})

    assert "0 resultaten" in page.content.decode()
    assert str(mine.pk) not in page.content.decode()
    # The lead who directs the person's signals does find them.
    lead = signed_in(personas.lead_a).get(SEARCH, {"referentie": person.reference})
    assert "1 resultaat" in lead.content.decode()


def test_a_person_whose_signals_lost_their_data_is_not_found(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    person = scene.case_a.subject
    Signal.objects.filter(subject=person).update(person_data_deleted_at=timezone.now())

    page = signed_in(personas.lead_a).get(SEARCH, {"referentie": person.reference})

    assert "0 resultaten" in page.content.decode()


def _hits(count: int, kind: str = "Signaal") -> list[SearchHit]:
    return [
        SearchHit(f"SIG-2026-{n:04d}", kind, "Nieuw", (), "Gemeente Aldermeer", "/")
        for n in range(count)
    ]


def test_a_kind_that_reaches_the_most_shown_is_said_to_be_cut_off() -> None:
    assert not Outcome(hits=_hits(HITS_PER_KIND - 1), kind="name").capped
    assert Outcome(hits=_hits(HITS_PER_KIND), kind="name").capped
    mixed = _hits(HITS_PER_KIND - 1) + _hits(HITS_PER_KIND - 1, kind="Casus")
    assert not Outcome(hits=mixed, kind="name").capped


def test_the_page_says_when_only_the_first_hits_are_shown(personas, signed_in, monkeypatch) -> None:
    from schakel.search import views

    monkeypatch.setattr(
        views.lookup, "by_name", lambda **_: Outcome(hits=_hits(HITS_PER_KIND), kind="name")
    )
    page = signed_in(personas.lead_a).post(SEARCH, {"zoekterm": "Hoogeveld"}).content.decode()

    assert f"alleen de eerste {HITS_PER_KIND}; er kunnen er meer zijn" in page
