"""Search by name: only for the municipal lead and the process director, within their lists,
three letters at least, by POST only, logged without the name."""

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.search.tests.helpers import two_municipalities

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")
NAME = "Hoogeveld"


def _by_name(client, surname: str, given: str = ""):
    return client.post(SEARCH, {"soort": "naam", "voornaam": given, "achternaam": surname})


def test_the_lead_finds_the_own_residents_signal_and_case_by_name(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    for given, surname in (("", NAME), ("", "van Hoogeveld"), ("Daan", "van Hoogeveld")):
        page = _by_name(client, surname, given).content.decode()
        assert scene.signal_a.reference in page, (given, surname)
        assert scene.case_a.reference in page
        # Brookdam's signal and case about someone of the same name are not Aldermeer's.
        assert scene.signal_b.reference not in page
        assert scene.case_b.reference not in page
    assert scene.signal_a.reference not in _by_name(client, "Jansen").content.decode()
    assert scene.signal_a.reference not in _by_name(client, NAME, "Kees").content.decode()


def test_the_process_director_finds_the_zvhs_case_by_name(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    page = _by_name(signed_in(personas.director), NAME).content.decode()
    assert scene.case_a.reference in page
    assert scene.case_b.reference in page  # both municipalities are the ZVH's
    other = _by_name(signed_in(personas.director_other), NAME).content.decode()
    assert scene.case_a.reference not in other


@pytest.mark.parametrize("persona", ["police_member", "privacy_officer_a", "school_member"])
def test_roles_without_name_search_are_refused_and_see_no_name_field(
    personas, signed_in, persona
) -> None:
    scene = two_municipalities(personas)
    client = signed_in(getattr(personas, persona))
    form = client.get(SEARCH).content.decode()
    assert 'name="achternaam"' not in form
    before = LogRecord.objects.count()
    for response in (_by_name(client, NAME), client.post(SEARCH, {"zoekterm": NAME})):
        page = response.content.decode()
        assert response.status_code == 403
        assert "Zoeken op naam is in uw rol niet toegestaan." in page
        assert scene.signal_a.reference not in page
    refused = list(LogRecord.objects.order_by("sequence")[before:])
    assert [(r.name, r.result, r.attributes) for r in refused] == [
        ("search_by_name", "refused", {"kind": "name", "results": 0})
    ] * 2


def test_two_letters_are_too_few(personas, signed_in) -> None:
    two_municipalities(personas)
    client = signed_in(personas.lead_a)
    before = LogRecord.objects.count()
    for response in (_by_name(client, "Ho"), _by_name(client, "van Ho", "Daan")):
        assert response.status_code == 200
        assert "Vul minstens drie letters van de achternaam in." in response.content.decode()
    assert LogRecord.objects.count() == before  # nothing was searched


def test_the_header_box_takes_a_reference_or_a_name(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    by_reference = client.post(SEARCH, {"zoekterm": scene.case_a.reference.lower()})
    assert scene.case_a.reference in by_reference.content.decode()
    by_name = client.post(SEARCH, {"zoekterm": "Daan van Hoogeveld"}).content.decode()
    assert scene.signal_a.reference in by_name


def test_a_name_never_goes_in_a_url(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    page = client.get(reverse("core:dashboard")).content.decode()
    header = page[page.index('id="zoekterm-kop"') - 700 : page.index('id="zoekterm-kop"')]
    assert 'method="post"' in header
    form = client.get(SEARCH).content.decode()
    name_form = form[form.index('id="op-naam"') :]
    assert 'method="post"' in name_form[: name_form.index('name="achternaam"')]
    # A name in the query string is not searched for.
    response = client.get(SEARCH, {"achternaam": NAME, "zoekterm": NAME, "soort": "naam"})
    assert scene.signal_a.reference not in response.content.decode()
    # The results link by id, never by a name.
    results = _by_name(client, NAME).content.decode()
    assert (
        NAME.lower()
        not in " ".join(part.split('"')[0] for part in results.split('href="')[1:]).lower()
    )


def test_a_name_search_is_logged_per_person_shown_without_the_name(personas, signed_in) -> None:
    two_municipalities(personas)
    client = signed_in(personas.lead_a)
    before = LogRecord.objects.count()
    _by_name(client, NAME, "Daan")
    records = list(LogRecord.objects.order_by("sequence")[before:])
    # The signal and the case are about the one person of Aldermeer: a record for each
    # subject shown (the signal's person and the case's person), in one write.
    assert {r.name for r in records} == {"search_by_name"}
    assert {r.attributes["kind"] for r in records} == {"name"}
    assert all(r.data_subject_type == "person" for r in records)
    assert len({r.trace_id for r in records}) == 1
    for record in records:
        assert NAME.lower() not in str(record.attributes).lower()
        assert "daan" not in str(record.attributes).lower()


def test_name_searches_are_limited_per_user(personas, signed_in, settings) -> None:
    settings.SCHAKEL_NAME_SEARCHES_PER_10_MINUTES = 2
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    for _ in range(2):
        assert scene.signal_a.reference in _by_name(client, NAME).content.decode()
    before = LogRecord.objects.count()
    over = _by_name(client, NAME)
    assert over.status_code == 429
    assert scene.signal_a.reference not in over.content.decode()
    [record] = LogRecord.objects.order_by("sequence")[before:]
    assert (record.result, record.data_subject_id) == ("throttled", "")
    # Another user, and a search by reference, are not held up.
    assert (
        scene.signal_a.reference in _by_name(signed_in(personas.colleague_a), NAME).content.decode()
    )
    assert client.get(SEARCH, {"referentie": scene.case_a.reference}).status_code == 200
