"""The request screens per persona: the contact point registers and handles; a participating
partner sees only the metadata and gives its own input; everyone else gets a 404."""

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import open_case
from schakel.intake.tests.factories import register
from schakel.privacy.choices import ContributionStatus, RequestStatus
from schakel.privacy.models import SubjectRequest
from schakel.privacy.tests.request_factories import IDENTITY_NOTE, full_story, register_request

pytestmark = pytest.mark.django_db

DESCRIPTION = "De persoon wil weten welke gegevens over hem zijn vastgelegd."
CONTACT_POINT = ["lead_a", "colleague_a", "privacy_officer_a"]
NOBODY = ["lead_b", "outsider", "admin_a", "director_other", "superuser"]


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"privacy:{name}", kwargs=kwargs)


@pytest.fixture
def case(personas):  # type: ignore[no-untyped-def]
    return open_case(personas)


@pytest.fixture
def request_(personas, case) -> SubjectRequest:
    return register_request(personas, case)


def contribution_url(request: SubjectRequest, organisation: Any) -> str:
    contribution = request.contributions.get(organisation=organisation)
    return url("request_contribution", pk=contribution.pk)


# --- registration -------------------------------------------------------------------------------


def test_the_lead_registers_from_the_case_and_every_organisation_is_asked(
    personas, signed_in, case
) -> None:
    client = signed_in(personas.lead_a)
    form_url = url("request_register") + f"?case={case.pk}"

    page = client.get(form_url)
    assert page.status_code == 200
    assert "Hoogeveld" in page.content.decode()  # who it is about, to check the requester
    response = client.post(
        form_url,
        {
            "kind": "access",
            "received_on": timezone.localdate().isoformat(),
            "description": DESCRIPTION,
            "identity_verified_on": timezone.localdate().isoformat(),
            "identity_verification_note": IDENTITY_NOTE,
        },
    )

    request = SubjectRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("request_detail", pk=request.pk)
    assert set(request.contributions.values_list("organisation__name", flat=True)) == {
        "Gemeente Aldermeer",
        "Politie-eenheid Noordkaap",
        "OM Arrondissement Noordkaap",
        "ZVH Noordkaap",
    }
    assert LogRecord.objects.filter(name="request_person_read").count() == 1


def test_the_form_names_every_problem_and_keeps_what_was_typed(personas, signed_in, case) -> None:
    client = signed_in(personas.lead_a)

    response = client.post(
        url("request_register") + f"?case={case.pk}",
        {
            "kind": "",
            "received_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
            "description": DESCRIPTION,
            "identity_verified_on": timezone.localdate().isoformat(),
            "identity_verification_note": "Paspoort NXC4R5TK3",
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Er is nog niets opgeslagen" in content
    assert "Kies de soort verzoek." in content
    assert "Deze datum ligt in de toekomst." in content
    assert "nooit een BSN of het nummer" in content
    assert DESCRIPTION in content
    assert not SubjectRequest.objects.exists()


def test_a_partner_who_sees_the_case_is_told_who_the_contact_point_is(
    personas, signed_in, case
) -> None:
    response = signed_in(personas.police_member).get(url("request_register") + f"?case={case.pk}")

    assert response.status_code == 403
    content = response.content.decode()
    assert "Gemeente Aldermeer" in content
    assert "regievoerder of de privacyfunctionaris" in content
    assert "Hoogeveld" not in content


@pytest.mark.parametrize("persona", [*NOBODY, "school_member"])
def test_a_case_out_of_reach_cannot_be_a_starting_point(personas, signed_in, case, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(url("request_register") + f"?case={case.pk}").status_code == 404
    assert client.get(url("request_register") + "?case=niet-een-id").status_code == 404


def test_a_signal_is_a_starting_point_for_its_municipality_of_residence(
    personas, signed_in
) -> None:
    signal = register(personas.school_member, residence=personas.municipality_b).signal

    assert (
        signed_in(personas.lead_b).get(url("request_register") + f"?signal={signal.pk}").status_code
        == 200
    )
    assert (
        signed_in(personas.lead_a).get(url("request_register") + f"?signal={signal.pk}").status_code
        == 404
    )
    # The school registered it: it sees the signal, and is told where to send the person.
    told = signed_in(personas.school_member).get(url("request_register") + f"?signal={signal.pk}")
    assert told.status_code == 403
    assert "Gemeente Brookdam" in told.content.decode()


def test_the_privacy_officer_starts_from_a_case_reference(personas, signed_in, case) -> None:
    client = signed_in(personas.privacy_officer_a)

    found = client.post(url("request_register"), {"reference": case.reference})
    unknown = client.post(url("request_register"), {"reference": "CAS-2026-9999"})

    assert found.status_code == 302
    assert found["Location"] == url("request_register") + f"?case={case.pk}"
    assert "Geen casus of signaal met dit kenmerk" in unknown.content.decode()
    assert signed_in(personas.police_member).get(url("request_register")).status_code == 404


# --- the list and the detail --------------------------------------------------------------------


@pytest.mark.parametrize("persona", CONTACT_POINT)
def test_the_contact_point_lists_and_opens_the_request(
    personas, signed_in, request_, persona
) -> None:
    client = signed_in(getattr(personas, persona))

    listing = client.get(url("request_list")).content.decode()
    detail = client.get(url("request_detail", pk=request_.pk))

    assert request_.reference in listing
    assert "Hoogeveld" not in listing
    assert detail.status_code == 200
    content = detail.content.decode()
    assert "Hoogeveld" in content
    assert DESCRIPTION in content
    assert "Politie-eenheid Noordkaap" in content
    assert LogRecord.objects.filter(name="request_read").count() == 1


@pytest.mark.parametrize("persona", [*NOBODY, "police_member", "om_member", "director"])
def test_nobody_else_sees_the_request(personas, signed_in, request_, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(url("request_detail", pk=request_.pk)).status_code == 404
    assert client.post(url("request_decide", pk=request_.pk), {}).status_code == 404
    assert client.post(url("request_extend", pk=request_.pk), {}).status_code == 404
    listing = client.get(url("request_list"))
    assert listing.status_code == 404 or request_.reference not in listing.content.decode()


def test_the_list_is_overdue_first_and_says_so_in_words(personas, signed_in, case) -> None:
    late = register_request(personas, case, received_on=timezone.localdate() - timedelta(days=40))
    register_request(personas, case)

    content = signed_in(personas.lead_a).get(url("request_list")).content.decode()

    assert "1 open verzoek is over de termijn." in content
    assert content.index(late.reference) < content.rindex("VRZ-")
    assert "Termijn verstreken" in content


def test_the_list_query_count_does_not_grow(
    personas, signed_in, case, django_assert_max_num_queries
) -> None:
    for _ in range(5):
        register_request(personas, case)
    client = signed_in(personas.lead_a)
    client.get(url("request_list"))

    with django_assert_max_num_queries(15):
        response = client.get(url("request_list"))

    assert response.content.decode().count("VRZ-") >= 5


# --- handling -----------------------------------------------------------------------------------


def test_extension_on_the_detail_page_with_its_rules(personas, signed_in, request_) -> None:
    client = signed_in(personas.lead_a)
    too_late = request_.received_on + timedelta(days=200)

    refused = client.post(
        url("request_extend", pk=request_.pk),
        {"extended_until": too_late.isoformat(), "reason": "", "informed_on": ""},
    )
    assert refused.status_code == 400
    content = refused.content.decode()
    assert "ten hoogste twee maanden" in content
    assert "Geef de reden van de verlenging." in content

    done = client.post(
        url("request_extend", pk=request_.pk),
        {
            "extended_until": (request_.received_on + timedelta(days=50)).isoformat(),
            "reason": "Veel betrokken organisaties.",
            "informed_on": timezone.localdate().isoformat(),
        },
    )
    assert done.status_code == 302
    page = client.get(url("request_detail", pk=request_.pk)).content.decode()
    assert "De termijn is al verlengd; verlengen kan maar één keer." in page


def test_after_the_term_the_page_says_extension_is_impossible(personas, signed_in, case) -> None:
    late = register_request(personas, case, received_on=timezone.localdate() - timedelta(days=40))

    page = signed_in(personas.lead_a).get(url("request_detail", pk=late.pk)).content.decode()

    assert "verlengen kan niet meer" in page
    assert 'action="' + url("request_extend", pk=late.pk) not in page
    assert "De termijn is verstreken" in page


def test_deciding_without_all_input_needs_the_checkbox(personas, signed_in, request_) -> None:
    client = signed_in(personas.privacy_officer_a)
    values = {
        "decision": "granted",
        "restriction": "",
        "decided_on": timezone.localdate().isoformat(),
    }

    refused = client.post(url("request_decide", pk=request_.pk), values)
    assert refused.status_code == 400
    assert "Bevestig dat u besluit zonder alle inbreng" in refused.content.decode()

    done = client.post(url("request_decide", pk=request_.pk), {**values, "without_all_input": "on"})
    assert done.status_code == 302
    request_.refresh_from_db()
    assert request_.status == RequestStatus.DECIDED
    log = LogRecord.objects.get(name="request_decided")
    assert log.attributes["without_all_input"] == 1


def test_withdrawal_is_confirmed_first(personas, signed_in, request_) -> None:
    client = signed_in(personas.lead_a)

    assert client.get(url("request_withdraw", pk=request_.pk)).status_code == 200
    assert client.post(url("request_withdraw", pk=request_.pk), {}).status_code == 200
    assert (
        client.post(url("request_withdraw", pk=request_.pk), {"confirm": "on"}).status_code == 302
    )
    request_.refresh_from_db()
    assert request_.status == RequestStatus.WITHDRAWN


# --- the partners' input ------------------------------------------------------------------------


def test_a_participating_partner_sees_the_metadata_and_its_own_contribution_only(
    personas, signed_in, request_
) -> None:
    om = request_.contributions.get(organisation=personas.om)
    om.input = "Inbreng van het OM die de politie niet mag zien."
    om.holds_data = True
    om.status = ContributionStatus.ANSWERED
    om.answered_at = timezone.now()
    om.save()
    client = signed_in(personas.police_member)

    inbox = client.get(url("request_inbox")).content.decode()
    page = client.get(contribution_url(request_, personas.police))

    assert request_.reference in inbox
    assert page.status_code == 200
    content = page.content.decode()
    assert request_.reference in content
    assert DESCRIPTION not in content
    assert "Hoogeveld" not in content
    assert "die de politie niet mag zien" not in content
    assert "Inbreng geven" in content
    assert LogRecord.objects.filter(name="request_contribution_read").count() == 1

    response = client.post(
        contribution_url(request_, personas.police),
        {"holds_data": "yes", "input": "Registraties in BVH.", "objects_to_disclosure": ""},
    )
    assert response.status_code == 302
    police = request_.contributions.get(organisation=personas.police)
    assert police.status == ContributionStatus.ANSWERED
    assert police.answered_by == personas.police_member


@pytest.mark.parametrize("persona", ["om_member", "ggz_member", "lead_b", "outsider", "lead_a"])
def test_another_organisations_contribution_is_not_found(
    personas, signed_in, request_, persona
) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(contribution_url(request_, personas.police)).status_code == 404


def test_the_partner_page_names_the_case_reference_to_look_the_person_up(
    personas, signed_in, request_, case
) -> None:
    content = signed_in(personas.om_member).get(contribution_url(request_, personas.om))

    assert case.reference in content.content.decode()


def test_the_inbox_is_for_contributing_roles_only(personas, signed_in, request_) -> None:
    assert signed_in(personas.admin_a).get(url("request_inbox")).status_code == 404
    police_officer = signed_in(personas.police_privacy_officer).get(url("request_inbox"))
    assert request_.reference in police_officer.content.decode()
    school = signed_in(personas.school_member).get(url("request_inbox")).content.decode()
    assert request_.reference not in school


def test_the_full_story_fans_out_to_the_school_and_the_ggz(personas, signed_in) -> None:
    story = full_story(personas)
    request = register_request(personas, story.case)

    for persona in ("school_member", "ggz_member", "director"):
        inbox = signed_in(getattr(personas, persona)).get(url("request_inbox")).content.decode()
        assert request.reference in inbox, persona
