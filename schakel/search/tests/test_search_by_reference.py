"""Search by reference: found within what the lists show, nothing beyond (per persona)."""

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.search.tests.helpers import two_municipalities

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")


def _found(client, text: str) -> str:
    response = client.get(SEARCH, {"referentie": text})
    assert response.status_code == 200
    return response.content.decode()


def test_the_lead_finds_the_own_case_however_the_reference_is_typed(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    reference = scene.case_a.reference
    assert reference.startswith("CAS-")
    case_url = reverse("cases:case_detail", kwargs={"pk": scene.case_a.pk})
    for typed in (reference, reference.lower(), reference.replace("-", "")):
        page = _found(client, typed)
        assert f'href="{case_url}"' in page
        assert "1 resultaat" in page


def test_the_lead_of_a_does_not_find_the_case_of_b(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    page = _found(signed_in(personas.lead_a), scene.case_b.reference)
    assert str(scene.case_b.pk) not in page
    assert "Niets gevonden met dit kenmerk dat u mag zien" in page
    # Brookdam's own lead finds it.
    assert str(scene.case_b.pk) in _found(signed_in(personas.lead_b), scene.case_b.reference)


def test_a_process_director_of_another_zvh_does_not_find_the_case(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    assert str(scene.case_a.pk) in _found(signed_in(personas.director), scene.case_a.reference)
    assert str(scene.case_a.pk) not in _found(
        signed_in(personas.director_other), scene.case_a.reference
    )


def test_signals_persons_plans_and_weighing_are_found_by_the_lead(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    plan = scene.case_a.action_plan
    item = scene.case_a.opened_from
    assert item is not None
    expected = {
        scene.signal_a.reference: reverse("intake:signal_detail", kwargs={"pk": scene.signal_a.pk}),
        scene.case_a.subject.reference: reverse(
            "intake:main_identity", kwargs={"pk": scene.case_a.subject_id}
        ),
        plan.reference: reverse("cases:case_detail", kwargs={"pk": scene.case_a.pk}),
        item.reference: reverse("weighing:item_detail", kwargs={"pk": item.pk}),
        item.session.reference: reverse("weighing:session_detail", kwargs={"pk": item.session_id}),
    }
    for reference, url in expected.items():
        assert f'href="{url}"' in _found(client, reference), reference
    # Brookdam's signal and person are not Aldermeer's to find.
    for reference in (scene.signal_b.reference, scene.case_b.subject.reference):
        assert "Niets gevonden" in _found(client, reference)


def test_a_partner_without_the_case_finds_nothing(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    page = _found(signed_in(personas.school_member), scene.case_a.reference)
    assert str(scene.case_a.pk) not in page


def test_every_search_is_logged_without_its_term_and_each_person_shown_once(
    personas, signed_in
) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    before = LogRecord.objects.count()
    _found(client, scene.case_a.reference)
    records = list(LogRecord.objects.order_by("sequence")[before:])
    assert [(r.activity_id, r.name, r.result) for r in records] == [
        ("search", "search_by_reference", "ok")
    ]
    assert records[0].attributes == {"kind": "reference", "results": 1}
    assert records[0].data_subject_type == "person"
    assert scene.case_a.reference not in str(records[0].attributes)

    before = LogRecord.objects.count()
    _found(client, "CAS-1999-9999")
    [nothing] = LogRecord.objects.order_by("sequence")[before:]
    assert (nothing.attributes, nothing.data_subject_id) == (
        {"kind": "reference", "results": 0},
        "",
    )
