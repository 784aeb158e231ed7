"""Recording and correcting disclosures through the screens: only the legal bases that apply
to one's organisation, only recipients at the table, field errors with the input kept, a
correction that leaves the original as it was, and no way to edit or delete a disclosure."""

import html
from typing import Any

import pytest
from django.urls import get_resolver, reverse

from schakel.accounts.display import staff_display
from schakel.accounts.tests.factories import MembershipFactory
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import Disclosure
from schakel.cases.tests.factories import invite, on_agenda, open_case
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

pytestmark = pytest.mark.django_db

CONTENT = "Betrokkene is in maart aangehouden voor bedreiging via sociale media."


def url(name: str, obj: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": obj.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def item(personas):
    agenda_item = on_agenda(personas, open_case(personas))
    invite(personas, agenda_item, personas.ggz)
    return agenda_item


@pytest.fixture
def at_table(item, signed_in):
    """A signed-in client of someone who acknowledged the meeting's confidentiality."""

    def _client(user: Any) -> Any:
        meeting_acknowledge(membership=membership_of(user), meeting=item.meeting)
        return signed_in(user)

    return _client


def basis(code: str = "wet-pga") -> LegalBasis:
    return LegalBasis.objects.get(code=code)


def form(personas: Any, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "content": CONTENT,
        "categories": ["criminal"],
        "legal_basis": str(basis().pk),
        "purpose": "Gezamenlijke weging van het risico.",
        "necessity_note": "Alleen de aanhouding; geen verdere details uit het dossier.",
        "recipients": [str(personas.municipality_a.pk), str(personas.zvh.pk)],
    }
    data.update(overrides)
    return data


def test_the_form_offers_only_applicable_bases_and_other_organisations_at_the_table(
    personas, item, at_table
) -> None:
    page = text(at_table(personas.police_member).get(url("disclosure_create", item)))

    assert "Wet gegevensverwerking persoonsgerichte aanpak" in page
    assert "(Kamerstuk 36225)" in page
    assert f'value="{basis("gemeentewet-172").pk}"' not in page  # municipalities only
    assert '<legend class="utrecht-form-fieldset__legend' in page
    assert "Soort persoonsgegevens" in page
    for org in (personas.municipality_a, personas.zvh, personas.om, personas.ggz):
        assert f'value="{org.pk}"' in page
    assert f'value="{personas.police.pk}"' not in page  # not to oneself
    assert f'value="{personas.school.pk}"' not in page  # not at the table
    assert 'type="checkbox"' in page
    assert " required" not in page


def test_a_municipality_may_choose_the_mayors_public_order_basis(personas, item, at_table) -> None:
    page = text(at_table(personas.lead_a).get(url("disclosure_create", item)))

    assert f'value="{basis("gemeentewet-172").pk}"' in page


def test_a_partner_records_a_disclosure_and_both_sides_see_it(
    personas, item, at_table, signed_in
) -> None:
    client = at_table(personas.police_member)

    response = client.post(url("disclosure_create", item), form(personas))

    disclosure = Disclosure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{url('item_detail', item)}#verstrekking-{disclosure.pk}"
    assert disclosure.from_organisation == personas.police
    assert disclosure.has_criminal_data
    assert not disclosure.has_special_data
    page = text(client.get(url("item_detail", item)))
    assert CONTENT in page
    assert "Kamerstuk 36225" in page
    assert "Alleen de aanhouding; geen verdere details uit het dossier." in page
    made_by = staff_display(personas.police_member, personas.police)
    assert made_by in page
    assert personas.police_member.full_name not in page
    assert "Politie-eenheid Noordkaap → Gemeente Aldermeer, ZVH Noordkaap" in page
    for user in (personas.lead_a, personas.director):
        assert CONTENT in text(at_table(user).get(url("item_detail", item)))
    # Neither sender nor recipient: the OM and the invited GGZ do not see it.
    for user in (personas.om_member, personas.ggz_member):
        assert CONTENT not in text(at_table(user).get(url("item_detail", item)))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("legal_basis", "", "Kies de grondslag van de verstrekking."),
        ("categories", [], "Kies minstens één categorie persoonsgegevens."),
        ("necessity_note", "", "Licht noodzaak, proportionaliteit en subsidiariteit toe."),
        ("purpose", "  ", "Vul het doel van de verstrekking in."),
        ("recipients", [], "Kies aan wie u de informatie verstrekt."),
    ],
)
def test_a_disclosure_without_a_required_part_shows_the_error_and_keeps_the_input(
    personas, item, at_table, field, value, message
) -> None:
    response = at_table(personas.police_member).post(
        url("disclosure_create", item), form(personas, **{field: value})
    )

    assert response.status_code == 200
    content = text(response)
    assert "Er is nog niets opgeslagen" in content
    assert message in content
    assert CONTENT in content
    assert not Disclosure.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param(lambda p: {"legal_basis": str(basis("gemeentewet-172").pk)}, id="basis"),
        pytest.param(lambda p: {"recipients": [str(p.school.pk)]}, id="not-at-the-table"),
        pytest.param(lambda p: {"recipients": [str(p.police.pk)]}, id="own-organisation"),
    ],
)
def test_a_basis_or_recipient_that_is_not_offered_is_refused(
    personas, item, at_table, overrides
) -> None:
    response = at_table(personas.police_member).post(
        url("disclosure_create", item), form(personas, **overrides(personas))
    )

    assert response.status_code == 200
    assert not Disclosure.objects.exists()


def record(personas: Any, at_table: Any, item: Any) -> tuple[Any, Disclosure]:
    client = at_table(personas.police_member)
    client.post(url("disclosure_create", item), form(personas))
    return client, Disclosure.objects.get()


def test_the_correction_form_is_prefilled_and_a_correction_leaves_the_original_unchanged(
    personas, item, at_table
) -> None:
    client, original = record(personas, at_table, item)
    before = {f.attname: getattr(original, f.attname) for f in original._meta.fields}
    recipients_before = set(original.recipients.all())

    page = text(client.get(url("disclosure_correct", original)))
    assert f"{CONTENT}</textarea>" in page
    assert "Een verstrekking wordt nooit gewijzigd." in page
    assert (
        f'value="{personas.zvh.pk}" class="utrecht-checkbox utrecht-checkbox--html-input"' in page
    )
    corrected = "Betrokkene is in april aangehouden (niet maart) voor bedreiging."
    response = client.post(
        url("disclosure_correct", original),
        form(personas, content=corrected, recipients=[str(personas.zvh.pk)]),
    )

    correction = Disclosure.objects.exclude(pk=original.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"{url('item_detail', item)}#verstrekking-{correction.pk}"
    assert correction.corrects_id == original.pk
    original = Disclosure.objects.get(pk=original.pk)
    assert {f.attname: getattr(original, f.attname) for f in original._meta.fields} == before
    assert set(original.recipients.all()) == recipients_before
    item_page = text(client.get(url("item_detail", item)))
    assert CONTENT in item_page
    assert corrected in item_page
    assert f'href="#verstrekking-{original.pk}"' in item_page
    assert f'href="#verstrekking-{correction.pk}"' in item_page
    assert "Corrigeert een eerdere verstrekking" in item_page
    assert "Gecorrigeerd door een latere verstrekking" in item_page
    # Only the correction can be corrected now.
    assert url("disclosure_correct", original) not in item_page
    assert url("disclosure_correct", correction) in item_page


def test_a_recipient_left_out_of_the_correction_learns_only_that_it_was_corrected(
    personas, item, at_table
) -> None:
    client = at_table(personas.police_member)
    client.post(
        url("disclosure_create", item),
        form(personas, recipients=[str(personas.om.pk), str(personas.zvh.pk)]),
    )
    original = Disclosure.objects.get()
    client.post(
        url("disclosure_correct", original),
        form(personas, content="Alleen voor het ZVH.", recipients=[str(personas.zvh.pk)]),
    )

    page = text(at_table(personas.om_member).get(url("item_detail", item)))

    assert CONTENT in page
    assert "Alleen voor het ZVH." not in page
    assert (
        "Gecorrigeerd door een latere verstrekking die niet aan uw organisatie is gericht" in page
    )


def test_a_disclosure_is_corrected_only_once(personas, item, at_table) -> None:
    client, original = record(personas, at_table, item)
    client.post(url("disclosure_correct", original), form(personas, content="Eerste correctie."))

    again = client.get(url("disclosure_correct", original), follow=True)
    posted = client.post(url("disclosure_correct", original), form(personas, content="Tweede."))

    assert "Deze verstrekking is al gecorrigeerd" in text(again)
    assert posted.status_code == 302
    assert Disclosure.objects.count() == 2
    assert not Disclosure.objects.filter(content="Tweede.").exists()


def test_only_the_disclosing_organisation_corrects(personas, item, at_table) -> None:
    _, original = record(personas, at_table, item)
    for user in (personas.lead_a, personas.director, personas.om_member, personas.ggz_member):
        client = at_table(user)
        assert client.get(url("disclosure_correct", original)).status_code == 404
        assert client.post(url("disclosure_correct", original), form(personas)).status_code == 404
    assert Disclosure.objects.count() == 1


def test_a_disclosure_cannot_be_edited_or_deleted_anywhere() -> None:
    names = {
        name
        for name in get_resolver().reverse_dict
        if isinstance(name, str) and "disclosure" in name
    }
    namespaced = set(get_resolver().namespace_dict["cases"][1].reverse_dict)
    disclosure_pages = {n for n in namespaced if isinstance(n, str) and "disclosure" in n}

    assert disclosure_pages == {"disclosure_create", "disclosure_correct"}
    assert not {n for n in names if "edit" in n or "delete" in n or "update" in n}


def test_the_correction_page_needs_the_acknowledgment_first(personas, item, signed_in) -> None:
    meeting_acknowledge(membership=membership_of(personas.police_member), meeting=item.meeting)
    client = signed_in(personas.police_member)
    client.post(url("disclosure_create", item), form(personas))
    original = Disclosure.objects.get()
    # Someone else of the police, who has not acknowledged yet.
    colleague = MembershipFactory(organisation=personas.police, role="partner_member").user

    response = signed_in(colleague).get(url("disclosure_correct", original))

    assert response.status_code == 302
    assert response["Location"] == f"{url('meeting_detail', item.meeting)}?punt={item.pk}"
