"""Versioning (every version kept, exactly one current), attachments, who may write, and the
refusal of person data."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from schakel.core.uploads import attachment_storage
from schakel.intake.tests.factories import membership_of
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.models import KnowledgeAttachment, KnowledgeItem, KnowledgeVersion
from schakel.knowledge.services import ItemInput, VersionInput, item_create, item_revise
from schakel.knowledge.tests.conftest import Knowledge, add_item, pdf

pytestmark = pytest.mark.django_db


def _describe(item: KnowledgeItem, **changes: Any) -> ItemInput:
    values: dict[str, Any] = {
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "owner_organisation": item.owner_organisation,
    }
    values.update(changes)
    return ItemInput(**values)


def test_a_new_version_keeps_the_old_one_and_is_the_only_current(
    knowledge: Knowledge, network: Any
) -> None:
    item = knowledge.partnership
    membership = membership_of(network.chair)
    second = item_revise(
        membership=membership,
        item=item,
        data=_describe(item, title="Handboek signalering 2027"),
        version=VersionInput(note="Herzien na evaluatie.", body="Nieuwe tekst."),
    )
    third = item_revise(
        membership=membership,
        item=item,
        data=_describe(item),
        version=VersionInput(note="Zonder bijlage.", body="Derde tekst.", keep_attachment=False),
    )
    versions = list(item.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2, 3]
    assert [v.is_current for v in versions] == [False, False, True]
    assert versions[0].body == "Hoe professionals signalen van radicalisering herkennen."
    # The second kept the first's file; the third has none; the file itself is still there.
    first_file = versions[0].attachment.file.name
    assert second.attachment.file.name == first_file
    assert not KnowledgeAttachment.objects.filter(version=third).exists()
    assert attachment_storage().exists(first_file)
    item.refresh_from_db()
    assert item.title == "Handboek signalering"  # the third version set it back


def test_the_database_refuses_a_second_current_version(knowledge: Knowledge) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        KnowledgeVersion.objects.create(
            item=knowledge.partnership, number=9, note="x", body="x", is_current=True
        )


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("title", "Casus van Jan de Vries, 12-03-1990"),
        ("summary", "Over de persoon met BSN 999900018."),
        ("body", "Betrokkene is geboren op 3 mei 2001."),
        ("note", "Aangevuld met gegevens over Piet Jansen 01-01-1985."),
        ("themes", "Geboren 4-4-1999"),
    ],
)
def test_person_data_is_refused_in_every_free_text(
    knowledge: Knowledge, network: Any, field: str, text: str
) -> None:
    item = knowledge.partnership
    described: dict[str, Any] = {"themes": [text]} if field == "themes" else {}
    if field in ("title", "summary"):
        described[field] = text
    version = {"note": text if field == "note" else "Herzien.", "body": "Tekst."}
    if field == "body":
        version["body"] = text
    with pytest.raises(ValidationError) as refused:
        item_revise(
            membership=membership_of(network.coordinator),
            item=item,
            data=_describe(item, **described),
            version=VersionInput(**version),
        )
    assert field in refused.value.message_dict
    assert item.versions.count() == 1


@pytest.mark.parametrize(
    "who", ["lead_a", "police_member", "coordinator_other", "administrator_a", "outsider"]
)
def test_only_managers_write_in_a_collaboration(
    knowledge: Knowledge, network: Any, personas: Any, who: str
) -> None:
    user = getattr(network, who, None) or getattr(personas, who)
    with pytest.raises(PermissionDenied):
        add_item(user, network.partnership, "Niet toegestaan")


@pytest.mark.parametrize("who", ["coordinator", "lead_a", "director"])
def test_national_items_are_written_by_the_nctv_and_the_operator_only(
    knowledge: Knowledge, network: Any, personas: Any, who: str
) -> None:
    user = getattr(network, who, None) or getattr(personas, who)
    with pytest.raises(PermissionDenied):
        add_item(user, None, "Niet toegestaan")
    assert add_item(knowledge.operator, None, "Van de beheerder").is_national
    assert add_item(knowledge.nctv_member, None, "Van de NCTV").is_national


def test_a_version_needs_a_text_or_an_attachment(knowledge: Knowledge, network: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        add_item(network.coordinator, network.partnership, "Leeg", body="")
    assert "body" in refused.value.message_dict


def test_a_fake_pdf_is_refused_and_leaves_no_file(knowledge: Knowledge, network: Any) -> None:
    before = set(attachment_storage().listdir("")[0]) if attachment_storage().exists("") else set()
    fake = SimpleUploadedFile("factsheet.pdf", b"MZ not a pdf at all", "application/pdf")
    with pytest.raises(ValidationError) as refused:
        add_item(network.coordinator, network.partnership, "Nep", attachment=fake)
    assert "attachment" in refused.value.message_dict
    after = set(attachment_storage().listdir("")[0]) if attachment_storage().exists("") else set()
    assert after == before
    assert not KnowledgeItem.objects.filter(title="Nep").exists()


def test_the_owner_must_be_in_the_scope(knowledge: Knowledge, network: Any, personas: Any) -> None:
    membership = membership_of(network.coordinator)
    with pytest.raises(ValidationError) as refused:
        item_create(
            membership=membership,
            collaboration=network.partnership,
            item=ItemInput(
                kind=KnowledgeKind.PROTOCOL,
                title="Eigenaar elders",
                summary="Samenvatting.",
                owner_organisation=personas.municipality_other_region,
            ),
            version=VersionInput(note="Eerste versie.", body="Tekst."),
        )
    assert "owner_organisation" in refused.value.message_dict
    item = add_item(network.coordinator, network.partnership, "Met pdf", attachment=pdf())
    assert item.versions.get().attachment.content_type == "application/pdf"
