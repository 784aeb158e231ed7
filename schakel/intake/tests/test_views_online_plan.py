"""The online research log in the UI: recording the plan (its rules, required parts and
escaping) and the signal that occasioned it."""

import uuid

import pytest

from schakel.audit.models import LogRecord
from schakel.intake.choices import ResearchLegalBasis, ResearchOutcome
from schakel.intake.models import OnlineResearchEntry
from schakel.intake.tests.factories import register
from schakel.intake.tests.online_view_helpers import complete_data, plan_data, url

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b>vet</b>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;"


# Recording the plan --------------------------------------------------------------------------


def test_start_page_explains_the_rules_and_offers_the_confirmations(personas, signed_in) -> None:
    page = signed_in(personas.lead_a).get(url("start")).content.decode()

    assert "vóór het zoeken" in page
    assert "openbaar toegankelijke bronnen" in page
    assert "ook als u niets hebt gevonden" in page
    assert "minder ingrijpende middelen" in page
    for label in (
        "Ik gebruik geen fictief profiel",
        "Ik kijk niet in besloten groepen",
        "Ik volg de persoon niet stelselmatig",
    ):
        assert label in page
    for basis in ResearchLegalBasis:
        assert str(basis.label) in page
    assert 'type="radio"' in page


def test_lead_records_a_plan_and_lands_on_the_entry(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)

    response = client.post(url("start"), plan_data(), follow=True)

    entry = OnlineResearchEntry.objects.get()
    assert response.redirect_chain[-1][0] == url("detail", entry)
    assert entry.municipality == personas.municipality_a
    assert entry.recorded_by == personas.lead_a
    assert entry.legal_basis == ResearchLegalBasis.PUBLIC_ORDER
    assert LogRecord.objects.filter(name="online_research_start").count() == 1
    page = response.content.decode()
    assert "Het plan is vastgelegd" in page
    assert "Uitkomst vastleggen" in page


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("purpose", "Dit veld is vereist."),
        ("occasion", "Dit veld is vereist."),
        ("public_order_interest", "Dit veld is vereist."),
        ("subsidiarity", "Dit veld is vereist."),
        ("legal_basis", "Kies een grondslag."),
        ("confirms_no_fictitious_profile", "Bevestig dit voordat u zoekt."),
        ("confirms_no_closed_groups", "Bevestig dit voordat u zoekt."),
        ("confirms_no_systematic_following", "Bevestig dit voordat u zoekt."),
    ],
)
def test_plan_is_not_saved_without_each_required_part(
    personas, signed_in, missing, message
) -> None:
    client = signed_in(personas.lead_a)
    data = plan_data()
    del data[missing]

    response = client.post(url("start"), data)

    assert response.status_code == 200
    assert OnlineResearchEntry.objects.count() == 0
    page = response.content.decode()
    assert message in page
    assert "Er is nog niets opgeslagen" in page
    assert "<title>Fout:" in page
    anchor = f"id_{missing}_0" if missing == "legal_basis" else f"id_{missing}"
    assert f'href="#{anchor}"' in page
    assert f'id="{anchor}"' in page
    # What was typed is kept.
    kept = "Navraag bij de school leverde niet genoeg op."
    assert kept in page or missing == "subsidiarity"


def test_blank_text_and_unknown_basis_are_refused(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)

    response = client.post(url("start"), plan_data(purpose="   ", legal_basis="anything"))

    assert OnlineResearchEntry.objects.count() == 0
    page = response.content.decode()
    assert "Dit veld is vereist." in page
    assert "Kies een grondslag." in page


def test_too_long_text_gets_the_services_dutch_message_on_the_field(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)

    response = client.post(url("start"), plan_data(occasion="a" * 100_000))

    assert response.status_code == 200
    assert OnlineResearchEntry.objects.count() == 0
    page = response.content.decode()
    assert 'href="#id_occasion"' in page
    assert "id_occasion_error" in page


def test_html_and_script_are_shown_escaped(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    texts = ("purpose", "occasion", "public_order_interest", "subsidiarity")
    client.post(url("start"), plan_data(**dict.fromkeys(texts, SCRIPT)))
    entry = OnlineResearchEntry.objects.get()
    client.post(
        url("complete", entry),
        complete_data(
            sources_consulted=SCRIPT,
            outcome=ResearchOutcome.FOUND.value,
            outcome_summary=SCRIPT,
        ),
    )

    page = client.get(url("detail", entry)).content.decode()

    assert SCRIPT not in page
    assert "<b>vet</b>" not in page
    assert page.count(ESCAPED) == 6


def test_input_with_script_is_kept_escaped_after_an_error(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).post(
        url("start"), plan_data(purpose=SCRIPT, legal_basis="")
    )
    page = response.content.decode()
    assert SCRIPT not in page
    assert ESCAPED in page


# The occasion signal -------------------------------------------------------------------------


def test_signal_is_preselected_from_the_query_and_shown_without_names(personas, signed_in) -> None:
    signal = register(personas.school_member, residence=personas.municipality_a).signal

    page = (
        signed_in(personas.lead_a).get(url("start"), {"signaal": str(signal.pk)}).content.decode()
    )

    assert f'<option value="{signal.pk}" selected>' in page
    assert f"Signaal {signal.reference} van " in page
    assert "Hoogeveld" not in page
    assert "Daan" not in page


@pytest.mark.parametrize("value", ["not-a-uuid", "unknown", "other"])
def test_a_signal_the_lead_may_not_use_is_silently_ignored(personas, signed_in, value) -> None:
    other = register(personas.police_member, residence=personas.municipality_b).signal
    value = {"other": str(other.pk), "unknown": str(uuid.uuid4())}.get(value, value)

    response = signed_in(personas.lead_a).get(url("start"), {"signaal": value})

    assert response.status_code == 200
    page = response.content.decode()
    select = page.split('name="signal"')[1].split("</select>")[0]
    assert str(other.pk) not in select
    # The page repeats its own address (language switch); nothing else may name the signal.
    assert other.reference not in page.replace(value, "")
    assert '<option value="" selected>' in select
    assert select.count(" selected>") == 1


def test_posting_another_municipalitys_signal_saves_nothing(personas, signed_in) -> None:
    other = register(personas.police_member, residence=personas.municipality_b).signal

    response = signed_in(personas.lead_a).post(url("start"), plan_data(signal=str(other.pk)))

    assert OnlineResearchEntry.objects.count() == 0
    page = response.content.decode()
    assert "Kies een signaal van uw gemeente." in page
    assert other.reference not in page


def test_plan_with_own_signal_links_it_and_shows_its_reference(personas, signed_in) -> None:
    signal = register(personas.school_member, residence=personas.municipality_a).signal
    client = signed_in(personas.lead_a)

    response = client.post(url("start"), plan_data(signal=str(signal.pk)), follow=True)

    assert OnlineResearchEntry.objects.get().signal == signal
    assert f"Signaal {signal.reference} van " in response.content.decode()
