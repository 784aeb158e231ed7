"""A disclosure is saved only with its legal basis, data categories, purpose and note, to
organisations at the table; it is never changed — a correction is a new record — and a partner
sees only the disclosures from or to its own organisation."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from schakel.audit.models import LogRecord
from schakel.cases import selectors
from schakel.cases.meetings.disclosures import (
    DisclosureInput,
    disclosure_correct,
    disclosure_record,
)
from schakel.cases.models import Disclosure
from schakel.cases.tests.factories import invite, on_agenda, open_case
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(personas):
    """An agenda item about a resident of Aldermeer: at the table are Aldermeer, the ZVH, the
    police and the OM (structural) and the GGZ (invited incidentally)."""
    agenda_item = on_agenda(personas, open_case(personas))
    invite(personas, agenda_item, personas.ggz)
    return agenda_item


def basis(code: str = "wet-pga") -> LegalBasis:
    return LegalBasis.objects.get(code=code)


def data(personas: Any, **overrides: Any) -> DisclosureInput:
    values: dict[str, Any] = {
        "content": "Betrokkene is bekend bij de politie wegens bedreiging via sociale media.",
        "categories": [DataCategory.CRIMINAL],
        "legal_basis": basis(),
        "purpose": "Gezamenlijke weging van het risico in het casusoverleg.",
        "necessity_note": "Nodig voor het plan; alleen de feiten die voor de aanpak tellen.",
        "recipients": [personas.municipality_a, personas.zvh],
    }
    values.update(overrides)
    return DisclosureInput(**values)


def record(personas: Any, item: Any, user: Any = None, **overrides: Any) -> Disclosure:
    return disclosure_record(
        membership=membership_of(user or personas.police_member),
        item=item,
        data=data(personas, **overrides),
    )


def stored(disclosure: Disclosure) -> dict[str, object]:
    """Every stored value of a disclosure, its recipients included, read fresh."""
    fresh = Disclosure.objects.get(pk=disclosure.pk)
    values: dict[str, object] = {f.attname: getattr(fresh, f.attname) for f in fresh._meta.fields}
    values["recipients"] = sorted(str(pk) for pk in fresh.recipients.values_list("pk", flat=True))
    return values


def test_a_complete_disclosure_is_saved_with_everything_and_logged(personas, item) -> None:
    disclosure = record(personas, item, categories=[DataCategory.CRIMINAL, DataCategory.SPECIAL])

    assert disclosure.from_organisation == personas.police
    assert disclosure.disclosed_by == personas.police_member
    assert disclosure.data_categories == [DataCategory.SPECIAL, DataCategory.CRIMINAL]
    assert set(disclosure.recipients.all()) == {personas.municipality_a, personas.zvh}
    assert disclosure.corrects is None
    log = LogRecord.objects.get(name="disclosure_recorded")
    assert log.attributes["legal_basis"] == "wet-pga"
    assert "bedreiging" not in str(log.attributes)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("legal_basis", None),
        ("categories", []),
        ("necessity_note", "   "),
        ("purpose", ""),
        ("content", ""),
    ],
)
def test_a_disclosure_without_a_required_part_is_refused_and_nothing_is_saved(
    personas, item, field, value
) -> None:
    with pytest.raises(ValidationError) as error:
        record(personas, item, **{field: value})

    assert list(error.value.message_dict) == [field]
    assert not Disclosure.objects.exists()
    assert not LogRecord.objects.filter(name="disclosure_recorded").exists()


def test_everything_missing_is_reported_at_once(personas, item) -> None:
    with pytest.raises(ValidationError) as error:
        record(
            personas,
            item,
            content="",
            categories=[],
            legal_basis=None,
            purpose="",
            necessity_note="",
            recipients=[],
        )

    assert set(error.value.message_dict) == {
        "content",
        "categories",
        "legal_basis",
        "purpose",
        "necessity_note",
        "recipients",
    }
    assert not Disclosure.objects.exists()


def test_a_legal_basis_that_does_not_apply_to_the_organisation_kind_is_refused(
    personas, item
) -> None:
    municipal_only = basis("gemeentewet-172")
    assert not municipal_only.applies_to(personas.police.kind)

    with pytest.raises(ValidationError) as error:
        record(personas, item, legal_basis=municipal_only)

    assert error.value.message_dict["legal_basis"] == [
        "Deze grondslag geldt niet voor uw organisatie."
    ]
    assert not Disclosure.objects.exists()
    # The municipality itself may disclose on it.
    record(
        personas,
        item,
        user=personas.lead_a,
        legal_basis=municipal_only,
        recipients=[personas.police],
    )
    assert Disclosure.objects.count() == 1


def test_an_inactive_legal_basis_is_refused(personas, item) -> None:
    retired = basis("avg-6-1-c")
    retired.is_active = False
    retired.save()

    with pytest.raises(ValidationError) as error:
        record(personas, item, legal_basis=retired)

    assert "legal_basis" in error.value.message_dict


@pytest.mark.parametrize(
    "recipients",
    [
        pytest.param(lambda p: [p.school], id="not-at-the-table"),
        pytest.param(lambda p: [p.zvh, p.municipality_other_region], id="one-not-at-the-table"),
        pytest.param(lambda p: [p.police], id="own-organisation"),
        pytest.param(lambda p: [], id="nobody"),
    ],
)
def test_recipients_must_be_other_organisations_at_the_table(personas, item, recipients) -> None:
    with pytest.raises(ValidationError) as error:
        record(personas, item, recipients=recipients(personas))

    assert list(error.value.message_dict) == ["recipients"]
    assert not Disclosure.objects.exists()


def test_an_invited_incidental_partner_is_at_the_table_and_may_receive_and_disclose(
    personas, item
) -> None:
    received = record(personas, item, recipients=[personas.ggz])
    given = record(
        personas, item, user=personas.ggz_member, categories=[DataCategory.SPECIAL],
        recipients=[personas.zvh],
    )  # fmt: skip

    assert list(received.recipients.all()) == [personas.ggz]
    assert given.from_organisation == personas.ggz


def test_someone_not_at_the_table_cannot_disclose(personas, item) -> None:
    # The services expect an item fetched through the access check; the school never is.
    with pytest.raises(Http404):
        selectors.agenda_item_get_for(membership=membership_of(personas.school_member), pk=item.pk)
    with pytest.raises(PermissionDenied):
        record(personas, item, user=personas.privacy_officer_a)


def test_a_correction_is_a_new_record_and_the_original_is_unchanged(personas, item) -> None:
    original = record(personas, item)
    before = stored(original)

    correction = disclosure_correct(
        membership=membership_of(personas.police_member),
        original=original,
        data=data(
            personas,
            content="Correctie: het ging om één melding van bedreiging, niet meerdere.",
            categories=[DataCategory.CRIMINAL, DataCategory.ORDINARY],
            legal_basis=basis("avg-6-1-e"),
            recipients=[personas.zvh],
        ),
    )

    assert correction.pk != original.pk
    assert correction.corrects == original
    assert Disclosure.objects.count() == 2
    assert stored(original) == before
    assert original.corrected_by == correction  # type: ignore[attr-defined]
    assert LogRecord.objects.filter(name="disclosure_corrected").count() == 1


def test_a_disclosure_is_corrected_only_once_but_the_correction_can_be_corrected(
    personas, item
) -> None:
    police = membership_of(personas.police_member)
    original = record(personas, item)
    correction = disclosure_correct(membership=police, original=original, data=data(personas))
    before = stored(correction)

    with pytest.raises(ValidationError) as error:
        disclosure_correct(membership=police, original=original, data=data(personas))

    assert "corrects" in error.value.message_dict
    assert Disclosure.objects.count() == 2
    assert stored(correction) == before
    second = disclosure_correct(membership=police, original=correction, data=data(personas))
    assert second.corrects == correction


def test_only_the_disclosing_organisation_corrects(personas, item) -> None:
    original = record(personas, item, recipients=[personas.om])

    with pytest.raises(PermissionDenied):
        disclosure_correct(
            membership=membership_of(personas.om_member),
            original=original,
            data=data(personas, recipients=[personas.zvh]),
        )

    assert Disclosure.objects.count() == 1


def test_a_correction_is_validated_like_a_disclosure(personas, item) -> None:
    original = record(personas, item)

    with pytest.raises(ValidationError) as error:
        disclosure_correct(
            membership=membership_of(personas.police_member),
            original=original,
            data=data(personas, necessity_note="", recipients=[personas.school]),
        )

    assert set(error.value.message_dict) == {"necessity_note", "recipients"}
    assert Disclosure.objects.count() == 1


def visible_to(user: Any, item: Any) -> set[Disclosure]:
    membership = membership_of(user)
    view = selectors.agenda_item_get_for(membership=membership, pk=item.pk)
    return set(view.disclosures)


def test_a_partner_sees_only_disclosures_from_or_to_its_organisation(personas, item) -> None:
    police_to_lead = record(personas, item, recipients=[personas.municipality_a])
    police_to_om = record(personas, item, recipients=[personas.om])
    om_to_ggz = record(personas, item, user=personas.om_member, recipients=[personas.ggz])
    lead_to_zvh = record(
        personas, item, user=personas.lead_a, recipients=[personas.zvh, personas.om]
    )
    everything = {police_to_lead, police_to_om, om_to_ggz, lead_to_zvh}

    assert visible_to(personas.police_member, item) == {police_to_lead, police_to_om}
    assert visible_to(personas.om_member, item) == {police_to_om, om_to_ggz, lead_to_zvh}
    assert visible_to(personas.ggz_member, item) == {om_to_ggz}
    assert visible_to(personas.lead_a, item) == everything
    assert visible_to(personas.colleague_a, item) == everything
    assert visible_to(personas.director, item) == everything
