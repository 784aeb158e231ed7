"""Full-text search on the database the suite runs on (SQLite and PostgreSQL): Dutch word
forms, ranking, filters, and never an item of a collaboration the searcher is not in."""

from typing import Any

import pytest

from schakel.intake.tests.factories import membership_of
from schakel.knowledge import search
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.selectors import NATIONAL, Filters, search_for
from schakel.knowledge.tests.conftest import Knowledge, add_item

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (("protocol", "protocollen"), True),
        (("handboek", "handboeken"), True),
        (("factsheet", "factsheets"), True),
        (("radicaal", "radicale", "radicalen"), True),
        (("gemeente", "gemeenten"), True),
        (("mogelijkheid", "mogelijkheden"), True),
        (("meisje", "meisjes"), True),
        (("school", "schaal"), False),
    ],
)
def test_the_stemmer_reduces_regular_word_forms_to_one(forms: tuple[str, ...], same: bool) -> None:
    stems = {search.stem(word) for word in forms}
    assert (len(stems) == 1) is same


def _titles(user: Any, **filters: Any) -> list[str]:
    return [i.title for i in search_for(membership_of(user), Filters(**filters))]


@pytest.mark.parametrize(
    "query",
    ["handboeken", "Handboek", "signalen herkennen", "professional", "radicalisering"],
)
def test_search_finds_dutch_word_forms(knowledge: Knowledge, network: Any, query: str) -> None:
    assert "Handboek signalering" in _titles(network.coordinator, q=query)


def test_search_finds_nothing_for_words_that_do_not_occur(
    knowledge: Knowledge, network: Any
) -> None:
    assert _titles(network.coordinator, q="fietsenstalling") == []
    assert _titles(network.coordinator, q="handboek fietsenstalling") == []


def test_search_never_returns_items_of_a_collaboration_the_user_is_not_in(
    knowledge: Knowledge, network: Any, personas: Any
) -> None:
    # All three items mention radicalisering; each sees their own collaboration's and national.
    assert set(_titles(network.coordinator, q="radicalisering")) == {
        "Handboek signalering",
        "Landelijke factsheet jihadisme",
    }
    assert set(_titles(personas.outsider, q="radicalisering")) == {
        "Protocol Zuidmeer",
        "Landelijke factsheet jihadisme",
    }
    assert set(_titles(personas.ggz_member, q="radicalisering")) == {
        "Landelijke factsheet jihadisme"
    }
    # Asking for another collaboration's items by filter gives nothing either.
    assert _titles(personas.ggz_member, scope=str(network.partnership.pk)) == []


def test_the_title_ranks_above_the_text(knowledge: Knowledge, network: Any) -> None:
    add_item(
        network.coordinator,
        network.partnership,
        "Werkwijze meldpunt",
        body="Het meldpunt verwijst naar het protocol over jihadisme.",
    )
    add_item(network.coordinator, network.partnership, "Protocol jihadisme regio")
    titles = _titles(network.coordinator, q="jihadisme")
    assert titles.index("Protocol jihadisme regio") < titles.index("Werkwijze meldpunt")


def test_filters_by_kind_theme_and_scope(knowledge: Knowledge, network: Any) -> None:
    theme = knowledge.partnership.themes.get()
    assert _titles(network.coordinator, kind=KnowledgeKind.HANDBOOK) == ["Handboek signalering"]
    assert _titles(network.coordinator, theme=theme.pk) == ["Handboek signalering"]
    assert _titles(network.coordinator, scope=NATIONAL) == ["Landelijke factsheet jihadisme"]
    assert _titles(network.coordinator, scope="geen-uuid") == []
    assert _titles(network.coordinator, q="radicalisering", kind=KnowledgeKind.FACTSHEET) == [
        "Landelijke factsheet jihadisme"
    ]


def test_a_new_version_replaces_what_search_finds(knowledge: Knowledge, network: Any) -> None:
    from schakel.knowledge.services import ItemInput, VersionInput, item_revise

    item = knowledge.partnership
    membership = membership_of(network.coordinator)
    item_revise(
        membership=membership,
        item=item,
        data=ItemInput(
            kind=item.kind,
            title=item.title,
            summary=item.summary,
            owner_organisation=item.owner_organisation,
        ),
        version=VersionInput(note="Herzien.", body="Nu over weerbaarheid van scholen."),
    )
    assert "Handboek signalering" in _titles(network.coordinator, q="weerbaarheid")
    assert "Handboek signalering" not in _titles(network.coordinator, q="professionals")


def test_odd_input_is_searched_safely(knowledge: Knowledge, network: Any) -> None:
    for query in ['"', "AND OR NOT", "*", "-", "{title}:x", "a' OR 1=1 --", "(((", "NEAR("]:
        _titles(network.coordinator, q=query)  # no error


@pytest.mark.parametrize("reranked", [1, 2, 100])
def test_pages_of_results_fit_together_however_many_are_reranked(
    knowledge: Knowledge, network: Any, monkeypatch: pytest.MonkeyPatch, reranked: int
) -> None:
    # On PostgreSQL only the best hits by the quick rank are ranked again on everything; the
    # later ones follow. Every page must continue the one before, and the count stay right.
    monkeypatch.setattr(search, "RERANKED", reranked)
    for n in range(4):
        add_item(network.coordinator, network.partnership, f"Werkwijze {n}", body="Jihadisme.")
    add_item(network.coordinator, network.partnership, "Protocol jihadisme regio")
    found = search_for(membership_of(network.coordinator), Filters(q="jihadisme"))
    everything = [item.title for item in found]
    assert found.count() == len(everything) == 6  # the five above and the national factsheet
    pages = [item.title for start in range(0, 6, 2) for item in found[start : start + 2]]
    assert pages == everything
    assert everything.index("Protocol jihadisme regio") < everything.index("Werkwijze 0")


def test_a_search_leaves_the_planner_as_it_found_it(knowledge: Knowledge, network: Any) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    found = search_for(membership_of(network.coordinator), Filters(q="radicalisering"))
    assert found.count() == 2
    with connection.cursor() as cursor:  # still inside the test's transaction
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
