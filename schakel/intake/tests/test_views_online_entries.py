"""The online research log in the UI, per persona: who sees the entries, the list, reading an
entry and completing it."""

import pytest

from schakel.audit.models import LogRecord
from schakel.intake import online_services
from schakel.intake.choices import DataCategory, ResearchLegalBasis, ResearchOutcome
from schakel.intake.models import OnlineResearchEntry
from schakel.intake.online_services import (
    ResearchPlan,
    online_research_complete,
    online_research_start,
)
from schakel.intake.tests.factories import membership_of
from schakel.intake.tests.online_view_helpers import complete_data, plan_data, url

pytestmark = pytest.mark.django_db


def entry_of(user, **overrides) -> OnlineResearchEntry:
    values = {
        "purpose": "Nagaan of een openbare oproep nog online staat.",
        "occasion": "Signaal van een partner.",
        "legal_basis": ResearchLegalBasis.PUBLIC_ORDER.value,
        "public_order_interest": "Openbare orde in de wijk.",
        "subsidiarity": "Minder ingrijpende middelen zijn geprobeerd.",
        "person_surname": "Vlinderhaven",
        "confirms_no_fictitious_profile": True,
        "confirms_no_closed_groups": True,
        "confirms_no_systematic_following": True,
    }
    values.update(overrides)
    return online_research_start(membership=membership_of(user), plan=ResearchPlan(**values))


def all_views(entry: OnlineResearchEntry) -> list[tuple[str, str]]:
    return [
        ("get", url("list")),
        ("get", url("start")),
        ("post", url("start")),
        ("get", url("detail", entry)),
        ("get", url("complete", entry)),
        ("post", url("complete", entry)),
    ]


# Who sees what -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona", ["police_member", "school_member", "admin_a", "police_privacy_officer"]
)
def test_anyone_but_lead_and_privacy_officer_of_a_municipality_gets_404(
    personas, signed_in, persona
) -> None:
    entry = entry_of(personas.lead_a)
    client = signed_in(getattr(personas, persona))

    for method, address in all_views(entry):
        response = getattr(client, method)(address, plan_data() if method == "post" else {})
        assert response.status_code == 404, (method, address)
    assert OnlineResearchEntry.objects.count() == 1


@pytest.mark.parametrize("persona", ["outsider", "lead_b"])
def test_lead_of_another_municipality_gets_404_on_the_entries_of_a(
    personas, signed_in, persona
) -> None:
    entry = entry_of(personas.lead_a)
    client = signed_in(getattr(personas, persona))

    for method, address in all_views(entry)[3:]:
        response = getattr(client, method)(address, complete_data() if method == "post" else {})
        assert response.status_code == 404, (method, address)
    listing = client.get(url("list"))
    assert listing.status_code == 200
    assert url("detail", entry) not in listing.content.decode()
    entry.refresh_from_db()
    assert not entry.is_completed
    assert not LogRecord.objects.filter(name="online_research_read").exists()


def test_privacy_officer_lists_and_reads_but_never_starts_or_completes(personas, signed_in) -> None:
    entry = entry_of(personas.lead_a)
    client = signed_in(personas.privacy_officer_a)

    listing = client.get(url("list")).content.decode()
    assert url("detail", entry) in listing
    assert "Nieuw online onderzoek vastleggen" not in listing
    detail = client.get(url("detail", entry))
    assert detail.status_code == 200
    assert entry.purpose in detail.content.decode()
    assert "Uitkomst vastleggen" not in detail.content.decode()

    assert client.get(url("start")).status_code == 404
    assert client.post(url("start"), plan_data()).status_code == 404
    assert client.get(url("complete", entry)).status_code == 404
    assert client.post(url("complete", entry), complete_data()).status_code == 404
    assert OnlineResearchEntry.objects.count() == 1
    entry.refresh_from_db()
    assert not entry.is_completed


def test_list_shows_metadata_and_function_only(personas, signed_in) -> None:
    open_entry = entry_of(personas.lead_a, purpose="Geheim doel dat niet in de lijst hoort.")
    done = entry_of(personas.colleague_a, legal_basis=ResearchLegalBasis.PGA_ACT.value)
    online_research_complete(
        entry=done,
        membership=membership_of(personas.colleague_a),
        sources_consulted="Openbare website",
        outcome=ResearchOutcome.NOTHING_FOUND,
    )
    of_b = entry_of(personas.lead_b)

    page = signed_in(personas.privacy_officer_a).get(url("list")).content.decode()

    assert url("detail", open_entry) in page
    assert url("detail", done) in page
    assert "nog niet afgerond" in page
    assert "Niets gevonden" in page
    assert str(ResearchLegalBasis.PGA_ACT.label) in page
    assert "Beleidsmedewerker – Gemeente Aldermeer (" in page
    assert personas.lead_a.full_name not in page
    assert personas.colleague_a.full_name not in page
    assert "Geheim doel" not in page
    assert "Openbare website" not in page
    assert url("detail", of_b) not in page


def test_lead_sees_the_button_to_record(personas, signed_in) -> None:
    page = signed_in(personas.lead_a).get(url("list")).content.decode()
    assert "Nieuw online onderzoek vastleggen" in page
    assert url("start") in page


def test_list_query_count_does_not_grow_and_pages_by_fifty(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.privacy_officer_a)
    for _ in range(3):
        entry_of(personas.lead_a)
    with django_assert_max_num_queries(12) as few:
        client.get(url("list"))
    for _ in range(55):
        entry_of(personas.colleague_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url("list")).content.decode()
    assert page.count(">Beleidsmedewerker – ") == 50
    assert "Pagina 1 van 2" in page
    second = client.get(url("list"), {"pagina": 2}).content.decode()
    assert second.count(">Beleidsmedewerker – ") == 8


# Reading and completing ----------------------------------------------------------------------


def test_reading_an_entry_is_logged(personas, signed_in) -> None:
    entry = entry_of(personas.lead_a)

    signed_in(personas.privacy_officer_a).get(url("detail", entry))

    record = LogRecord.objects.get(name="online_research_read")
    assert record.attributes == {"entry": str(entry.pk)}
    assert record.actor_user_id == str(personas.privacy_officer_a.pk)


def test_detail_shows_the_plan_and_the_confirmations(personas, signed_in) -> None:
    entry = entry_of(personas.lead_a)

    page = signed_in(personas.lead_a).get(url("detail", entry)).content.decode()

    for text in (entry.purpose, entry.occasion, entry.public_order_interest, entry.subsidiarity):
        assert text in page
    assert str(ResearchLegalBasis.PUBLIC_ORDER.label) in page
    assert "Ik gebruik geen fictief profiel" in page
    assert "Ik kijk niet in besloten groepen" in page
    assert "Ik volg de persoon niet stelselmatig" in page
    assert "Beleidsmedewerker – Gemeente Aldermeer" in page
    assert personas.lead_a.full_name not in page
    assert f'action="{url("complete", entry)}"' in page


def test_completion_with_nothing_found(personas, signed_in) -> None:
    entry = entry_of(personas.lead_a)
    client = signed_in(personas.colleague_a)

    assert client.get(url("complete", entry)).status_code == 200
    response = client.post(url("complete", entry), complete_data(), follow=True)

    entry.refresh_from_db()
    assert entry.is_completed
    assert entry.outcome == ResearchOutcome.NOTHING_FOUND
    assert entry.outcome_summary == ""
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == url("detail", entry)
    assert "Niets gevonden" in page
    assert "Uitkomst vastleggen" not in page
    assert LogRecord.objects.filter(name="online_research_complete").count() == 1


def test_completion_with_findings_needs_them(personas, signed_in) -> None:
    entry = entry_of(personas.lead_a)
    client = signed_in(personas.lead_a)

    response = client.post(url("complete", entry), complete_data(outcome="found"))
    entry.refresh_from_db()
    assert not entry.is_completed
    assert "Beschrijf wat is gevonden." in response.content.decode()
    assert 'href="#id_outcome_summary"' in response.content.decode()

    client.post(
        url("complete", entry),
        complete_data(
            outcome="found",
            outcome_summary="Openbare video met oproep.",
            outcome_category=DataCategory.CRIMINAL.value,
        ),
    )
    entry.refresh_from_db()
    assert entry.outcome == ResearchOutcome.FOUND
    assert entry.outcome_category == DataCategory.CRIMINAL


@pytest.mark.parametrize(
    ("missing", "message"),
    [("sources_consulted", "Dit veld is vereist."), ("outcome", "Kies een uitkomst.")],
)
def test_completion_without_sources_or_outcome_saves_nothing(
    personas, signed_in, missing, message
) -> None:
    entry = entry_of(personas.lead_a)
    data = complete_data()
    del data[missing]

    response = signed_in(personas.lead_a).post(url("complete", entry), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    entry.refresh_from_db()
    assert not entry.is_completed


def test_completing_twice_says_it_is_already_completed(personas, signed_in) -> None:
    entry = entry_of(personas.lead_a)
    client = signed_in(personas.lead_a)
    client.post(url("complete", entry), complete_data())

    response = client.post(
        url("complete", entry), complete_data(sources_consulted="Iets anders"), follow=True
    )

    assert "Dit onderzoek is al afgerond" in response.content.decode()
    entry.refresh_from_db()
    assert entry.sources_consulted == "Openbaar profiel op een videoplatform."


def test_someone_completing_first_is_told_not_an_error(personas, signed_in, monkeypatch) -> None:
    entry = entry_of(personas.lead_a)

    def completed_meanwhile(**kwargs):
        raise online_services.AlreadyDecidedError

    monkeypatch.setattr(online_services, "online_research_complete", completed_meanwhile)
    response = signed_in(personas.lead_a).post(url("complete", entry), complete_data(), follow=True)

    assert response.redirect_chain[-1][0] == url("detail", entry)
    assert "Dit onderzoek is al afgerond" in response.content.decode()
