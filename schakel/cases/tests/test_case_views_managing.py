"""Managing a case through its pages (informing, reviews, reassessment, participations, phase,
closure), all without JS, and a case from informing to closure through the screens."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases.choices import CasePhase, InformingStatus, ParticipationKind
from schakel.cases.models import Participation
from schakel.cases.tests.case_view_helpers import LIST, day, management_pages, text, url
from schakel.cases.tests.factories import open_case

pytestmark = pytest.mark.django_db

CASE_CHANGED = "Dit kan nu niet meer: de casus is intussen gewijzigd of afgesloten."


# Managing a case -----------------------------------------------------------------------------


def test_the_lead_records_that_the_person_was_informed(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.lead_a)
    page = client.get(url("case_informing", case))
    assert page.status_code == 200
    assert "<legend" in page.content.decode()

    response = client.post(
        url("case_informing", case),
        {
            "status": InformingStatus.INFORMED,
            "informed_on": day(-1),
            "informed_by": str(personas.municipality_a.pk),
            "note": "Gesprek op het gemeentehuis.",
            "reconsider_on": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url("case_detail", case)
    case.refresh_from_db()
    assert case.informing_status == InformingStatus.INFORMED
    assert case.informed_by == personas.municipality_a
    content = text(client.get(url("case_detail", case)))
    assert "Het informeren van de persoon is vastgelegd." in content
    assert "Geïnformeerd" in content


def test_deferring_without_reason_or_date_shows_dutch_errors_and_keeps_the_input(
    personas, signed_in
) -> None:
    case = open_case(personas)
    response = signed_in(personas.director).post(
        url("case_informing", case),
        {"status": InformingStatus.DEFERRED, "note": "", "reconsider_on": "", "informed_on": ""},
    )

    content = text(response)
    assert response.status_code == 200
    assert "Er is nog niets opgeslagen" in content
    assert "Licht toe waarom het informeren wordt uitgesteld." in content
    assert "Vul in wanneer het uitstel wordt heroverwogen." in content
    assert 'href="#id_note"' in content
    assert 'value="deferred"' in content
    assert content.count("checked") == 1
    case.refresh_from_db()
    assert case.informing_status == InformingStatus.UNDECIDED


def test_reassessing_further_than_a_year_ahead_is_refused(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    refused = client.post(url("case_reassess", case), {"next_due_on": day(400)})
    assert refused.status_code == 200
    assert "Kies een datum na vandaag en binnen een jaar." in text(refused)
    not_a_date = client.post(url("case_reassess", case), {"next_due_on": "morgen"})
    assert "Vul een bestaande datum in als 31-12-2026." in text(not_a_date)

    done = client.post(url("case_reassess", case), {"next_due_on": day(180)})

    assert done.status_code == 302
    case.refresh_from_db()
    assert case.reassessment_due_on == timezone.localdate() + timedelta(days=180)
    assert case.last_reassessed_on == timezone.localdate()


def test_participations_are_added_and_ended_through_the_pages(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    form = text(client.get(url("case_participation_add", case)))
    options = form.split('name="organisation"')[1].split("</select>")[0]
    assert "NCTV" in options
    assert "Politie-eenheid Noordkaap" not in options  # already at the table
    assert "Gemeente Aldermeer" not in options
    incomplete = client.post(
        url("case_participation_add", case),
        {"organisation": str(personas.nctv.pk), "kind": "incidental", "starts_on": day(0)},
    )
    assert "Een incidentele deelname heeft een einddatum." in text(incomplete)

    added = client.post(
        url("case_participation_add", case),
        {"organisation": str(personas.nctv.pk), "kind": "structural", "starts_on": day(0)},
    )

    assert added.status_code == 302
    participation = Participation.objects.get(case=case, organisation=personas.nctv)
    assert participation.kind == ParticipationKind.STRUCTURAL
    ended = client.post(
        url("case_participation_end", case, participation_pk=participation.pk),
        {"ends_on": day(0)},
    )
    assert ended.status_code == 302
    participation.refresh_from_db()
    assert participation.ends_on == timezone.localdate()


def test_ending_a_participation_of_another_case_is_not_found(personas, signed_in) -> None:
    case = open_case(personas)
    other = open_case(personas, given_names="Sanne")
    foreign = other.participations.first()
    response = signed_in(personas.director).get(
        url("case_participation_end", case, participation_pk=foreign.pk)
    )
    assert response.status_code == 404


def test_review_monitoring_and_deescalation_through_the_pages(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.lead_a)
    assert client.post(url("case_review", case), {"next_review_on": day(14)}).status_code == 302
    assert client.post(url("case_to_monitoring", case), {}).status_code == 302
    case.refresh_from_db()
    assert case.phase == CasePhase.MONITORING
    assert case.next_review_on == timezone.localdate() + timedelta(days=14)

    again = client.post(url("case_to_monitoring", case), {})
    assert again.status_code == 200
    assert CASE_CHANGED in text(again)

    missing = client.post(url("case_deescalate", case), {"destination": "", "aftercare_until": ""})
    assert "Kies bij „Waarheen wordt afgeschaald?” een van de mogelijkheden." in text(missing)
    assert "Vul bij „Nazorg tot en met” een datum in als 31-12-2026." in text(missing)
    done = client.post(
        url("case_deescalate", case),
        {"destination": "neighbourhood_team", "aftercare_until": day(60), "stap": "bevestigen"},
    )
    assert done.status_code == 302
    case.refresh_from_db()
    assert case.phase == CasePhase.AFTERCARE
    assert case.deescalation_destination == "neighbourhood_team"


def test_the_close_page_warns_that_partners_lose_access_and_retention_starts(
    personas, signed_in
) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    page = text(client.get(url("case_close", case)))
    assert "de partners verliezen de toegang tot de casus" in page
    assert "De bewaartermijn gaat vandaag in." in page

    refused = client.post(
        url("case_close", case), {"reason": "other", "note": "", "stap": "bevestigen"}
    )
    assert "Licht de reden van afsluiting toe." in text(refused)
    review = client.post(url("case_close", case), {"reason": "moved", "note": ""})
    assert review.status_code == 200
    assert "Controleer wat u hebt ingevuld" in text(review)
    case.refresh_from_db()
    assert case.phase != CasePhase.CLOSED
    confirmed = {"reason": "moved", "note": "", "stap": "bevestigen"}
    assert client.post(url("case_close", case), confirmed).status_code == 302

    case.refresh_from_db()
    assert case.phase == CasePhase.CLOSED
    assert case.retention_starts_on == timezone.localdate()
    # Closed: nothing is managed any more, by anyone.
    for page_url, data in management_pages(case):
        assert client.get(page_url).status_code == 404
        assert client.post(page_url, data).status_code == 404


# End to end --------------------------------------------------------------------------------


def test_a_case_from_informing_to_closure_through_the_screens(personas, signed_in) -> None:
    case = open_case(personas)
    lead = signed_in(personas.lead_a)
    director = signed_in(personas.director)
    police = signed_in(personas.police_member)

    informed = director.post(
        url("case_informing", case),
        {
            "status": InformingStatus.DEFERRED,
            "note": "Lopend strafrechtelijk onderzoek.",
            "reconsider_on": day(60),
            "informed_on": "",
            "informed_by": "",
        },
    )
    assert informed.status_code == 302
    assert lead.post(url("case_reassess", case), {"next_due_on": day(300)}).status_code == 302
    assert (
        director.post(
            url("case_participation_add", case),
            {"organisation": str(personas.nctv.pk), "kind": "structural", "starts_on": day(0)},
        ).status_code
        == 302
    )
    plan = {
        "analysis_online": "Volgt kanalen die geweld verheerlijken.",
        "goals": "Afstand tot het online netwerk.",
        "based_on_version": "",
        "based_on_revision": "",
    }
    assert director.post(url("plan_edit", case), plan).status_code == 302
    assert (
        director.post(
            url("intervention_create", case),
            {
                "kind": "administrative",
                "owner": str(personas.police.pk),
                "life_domain": "online",
                "description": "Stopgesprek door de wijkagent.",
                "starts_on": day(0),
                "due_on": day(30),
            },
        ).status_code
        == 302
    )
    intervention = case.action_plan.interventions.get()
    progress_url = reverse("cases:intervention_detail", kwargs={"pk": intervention.pk})
    assert (
        police.post(
            progress_url,
            {
                "status": "completed",
                "outcome": "Gesprek gevoerd; afspraken gemaakt.",
                "based_on_revision": str(intervention.revision),
            },
        ).status_code
        == 302
    )
    shown = text(lead.get(url("case_detail", case)))
    assert "Lopend strafrechtelijk onderzoek." in shown
    assert "NCTV" in shown
    assert "Afgerond" in shown
    assert (
        lead.post(
            url("case_deescalate", case),
            {"destination": "regular_care", "aftercare_until": day(90), "stap": "bevestigen"},
        ).status_code
        == 302
    )
    assert (
        director.post(
            url("case_close", case),
            {"reason": "goals_reached", "note": "Doelen gehaald.", "stap": "bevestigen"},
        ).status_code
        == 302
    )

    case.refresh_from_db()
    assert case.phase == CasePhase.CLOSED
    assert case.retention_starts_on == timezone.localdate()
    # The partner lost access; the directing lead and the ZVH still see the closed case.
    assert police.get(url("case_detail", case)).status_code == 404
    assert police.get(progress_url).status_code == 404
    assert case.reference not in text(police.get(LIST))
    closed = lead.get(url("case_detail", case))
    assert closed.status_code == 200
    assert "De casus is afgesloten" in text(closed)
    assert "Doelen bereikt" in text(closed)
    assert director.get(url("case_detail", case)).status_code == 200


def test_closing_shows_the_values_back_and_changes_nothing_until_confirmed(
    personas, signed_in
) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    detail = text(client.get(url("case_detail", case)))
    assert "utrecht-button-link--secondary-action" in detail
    data = {"reason": "other", "note": "Verhuisd naar het buitenland."}

    review = text(client.post(url("case_close", case), data))

    assert "Afsluiten controleren" in review
    assert "Verhuisd naar het buitenland." in review
    assert 'name="stap" value="bevestigen"' in review
    assert 'name="stap" value="wijzigen"' in review
    assert 'type="hidden" name="note" value="Verhuisd naar het buitenland."' in review
    assert "Afsluiten kan niet ongedaan worden gemaakt." in review
    edit = text(client.post(url("case_close", case), {**data, "stap": "wijzigen"}))
    assert "Verhuisd naar het buitenland.</textarea>" in edit
    case.refresh_from_db()
    assert case.phase != CasePhase.CLOSED

    done = client.post(url("case_close", case), {**data, "stap": "bevestigen"})

    assert done["Location"] == url("case_detail", case)
    case.refresh_from_db()
    assert case.phase == CasePhase.CLOSED


def test_deescalating_asks_for_confirmation_first(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    data = {"destination": "regular_care", "aftercare_until": day(90)}

    review = text(client.post(url("case_deescalate", case), data))

    assert "Afschalen controleren" in review
    assert "Afschalen kan niet worden teruggedraaid." in review
    case.refresh_from_db()
    assert case.phase != CasePhase.AFTERCARE
    client.post(url("case_deescalate", case), {**data, "stap": "bevestigen"})
    case.refresh_from_db()
    assert case.phase == CasePhase.AFTERCARE


@pytest.mark.parametrize("persona", ["police_member", "lead_b"])
def test_others_get_404_on_the_close_review(personas, signed_in, persona) -> None:
    case = open_case(personas)
    client = signed_in(getattr(personas, persona))
    data = {"reason": "moved", "note": ""}

    assert client.post(url("case_close", case), data).status_code == 404
    assert client.post(url("case_close", case), {**data, "stap": "bevestigen"}).status_code == 404
    case.refresh_from_db()
    assert case.phase != CasePhase.CLOSED
