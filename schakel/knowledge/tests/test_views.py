"""The pages of the knowledge base: who gets 200 and who 404 per persona, adding an item with
a PDF, a new version, the history, the download and the search form."""

from typing import Any

import pytest
from django.urls import reverse

from schakel.knowledge.models import KnowledgeItem
from schakel.knowledge.tests.conftest import PDF_BYTES, Knowledge, add_item, pdf

pytestmark = pytest.mark.django_db

PARTNERSHIP_MEMBERS = [
    "coordinator",
    "chair",
    "administrator_a",
    "lead_a",
    "police_member",
    "om_member",
    "director",
]
OTHERS = ["outsider", "coordinator_other", "ggz_member", "school_member", "nctv_member"]
EVERYONE = PARTNERSHIP_MEMBERS + OTHERS + ["operator"]


def user(name: str, personas: Any, network: Any, knowledge: Knowledge) -> Any:
    for source in (network, knowledge, personas):
        if hasattr(source, name):
            return getattr(source, name)
    raise AssertionError(name)


def _urls(knowledge: Knowledge, item: KnowledgeItem) -> list[str]:
    version = item.versions.get(number=1)
    return [
        reverse("knowledge:item_detail", kwargs={"pk": item.pk}),
        reverse("knowledge:version_detail", kwargs={"pk": item.pk, "version": version.pk}),
    ]


@pytest.mark.parametrize("who", EVERYONE)
def test_read_access_per_persona(
    signed_in: Any, personas: Any, network: Any, knowledge: Knowledge, who: str
) -> None:
    client = signed_in(user(who, personas, network, knowledge))
    assert client.get(reverse("knowledge:item_list")).status_code == 200
    for path in _urls(knowledge, knowledge.national):
        assert client.get(path).status_code == 200, path
    partnership = 200 if who in PARTNERSHIP_MEMBERS else 404
    for path in _urls(knowledge, knowledge.partnership):
        assert client.get(path).status_code == partnership, path
    version = knowledge.partnership.versions.get()
    download = reverse(
        "knowledge:attachment_download",
        kwargs={"pk": knowledge.partnership.pk, "version": version.pk},
    )
    response = client.get(download)
    assert response.status_code == partnership
    if partnership == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Disposition"].startswith("attachment")
    alliance = 200 if who in ("outsider", "coordinator_other") else 404
    for path in _urls(knowledge, knowledge.alliance):
        assert client.get(path).status_code == alliance, path


@pytest.mark.parametrize("who", EVERYONE)
def test_write_access_per_persona(
    signed_in: Any, personas: Any, network: Any, knowledge: Knowledge, who: str
) -> None:
    client = signed_in(user(who, personas, network, knowledge))
    edit = {
        "partnership": 200 if who in ("coordinator", "chair") else 404,
        "alliance": 200 if who == "coordinator_other" else 404,
        "national": 200 if who in ("nctv_member", "operator") else 404,
    }
    for scope, status in edit.items():
        item = getattr(knowledge, scope)
        path = reverse("knowledge:item_edit", kwargs={"pk": item.pk})
        assert client.get(path).status_code == status, scope
        assert client.post(path, {}).status_code == status, scope
    creates = any(status == 200 for status in edit.values())
    assert client.get(reverse("knowledge:item_create")).status_code == (200 if creates else 404)


def test_without_an_acting_membership_everything_is_404(
    signed_in: Any, personas: Any, knowledge: Knowledge
) -> None:
    from schakel.accounts.tests.factories import UserFactory

    client = signed_in(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(reverse("knowledge:item_list")).status_code == 404
    detail = reverse("knowledge:item_detail", kwargs={"pk": knowledge.national.pk})
    assert client.get(detail).status_code == 404


def test_the_coordinator_adds_a_factsheet_with_a_pdf_and_a_new_version(
    signed_in: Any, network: Any, knowledge: Knowledge
) -> None:
    client = signed_in(network.coordinator)
    response = client.post(
        reverse("knowledge:item_create"),
        {
            "bereik": str(network.partnership.pk),
            "kind": "factsheet",
            "title": "Factsheet online radicalisering",
            "summary": "Signalen bij jongeren online.",
            "themes": "Online radicalisering, Jongeren",
            "owner_organisation": str(network.partnership.members.get(name="Gemeente Brookdam").pk),
            "owner_is_me": "on",
            "review_on": "2030-01-01",
            "body": "",
            "attachment": pdf("online.pdf"),
            "note": "Eerste versie.",
        },
    )
    item = KnowledgeItem.objects.get(title="Factsheet online radicalisering")
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:item_detail", kwargs={"pk": item.pk})
    assert sorted(t.name for t in item.themes.all()) == ["Jongeren", "Online radicalisering"]
    page = client.get(response["Location"]).content.decode()
    assert "online.pdf" in page
    assert "Gemeente Brookdam" in page
    assert "Regionaal coördinator" in page or "–" in page  # the contact, by function

    edit = reverse("knowledge:item_edit", kwargs={"pk": item.pk})
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "kind": "factsheet",
            "title": "Factsheet online radicalisering",
            "summary": "Signalen bij jongeren online.",
            "themes": "Jongeren",
            "owner_organisation": str(item.owner_organisation_id),
            "body": "Nu ook met een tekst.",
            "keep_attachment": "on",
            "note": "Tekst toegevoegd.",
        },
    )
    assert response.status_code == 302
    assert [v.number for v in item.versions.all()] == [2, 1]
    page = client.get(response["Location"]).content.decode()
    assert "Versie 2" in page
    assert "Tekst toegevoegd." in page
    assert "online.pdf" in page
    old = item.versions.get(number=1)
    old_page = client.get(
        reverse("knowledge:version_detail", kwargs={"pk": item.pk, "version": old.pk})
    ).content.decode()
    assert "niet de huidige versie" in old_page


def test_a_refused_form_says_why_and_saves_nothing(signed_in: Any, network: Any) -> None:
    client = signed_in(network.coordinator)
    response = client.post(
        reverse("knowledge:item_create"),
        {
            "bereik": str(network.partnership.pk),
            "kind": "protocol",
            "title": "Protocol",
            "summary": "Over Jan Jansen, geboren 01-02-1990.",
            "owner_organisation": str(network.partnership.members.first().pk),
            "body": "Tekst.",
            "note": "Eerste versie.",
        },
    )
    assert response.status_code == 200
    assert "geboortedatum" in response.content.decode()
    assert not KnowledgeItem.objects.exists()


def test_search_on_the_page(signed_in: Any, network: Any, knowledge: Knowledge) -> None:
    client = signed_in(network.chair)
    page = client.get(reverse("knowledge:item_list"), {"q": "handboeken"}).content.decode()
    assert "Handboek signalering" in page
    assert "Protocol Zuidmeer" not in page
    page = client.get(reverse("knowledge:item_list"), {"bereik": "landelijk"}).content.decode()
    assert "Landelijke factsheet jihadisme" in page
    assert "Handboek signalering" not in page


def test_the_theme_filter_offers_only_themes_of_visible_items(
    signed_in: Any, network: Any, knowledge: Knowledge
) -> None:
    add_item(network.coordinator_other, network.alliance, "Plan", themes=["Zuidmeer intern"])
    page = signed_in(network.chair).get(reverse("knowledge:item_list")).content.decode()
    assert "Signalering" in page  # a theme of the partnership's handbook
    assert "Zuidmeer intern" not in page
    other = signed_in(network.coordinator_other).get(reverse("knowledge:item_list"))
    assert "Zuidmeer intern" in other.content.decode()
