"""Registering signals through the screens (server-rendered, no JS): by a partner, by the
meldpunt for a citizen, an online signal, and who may register."""

import pytest

from schakel.intake.models import RelatedPerson, Signal
from schakel.intake.tests.factories import VALID_BSN
from schakel.intake.tests.signal_view_helpers import CREATE, detail, form_data, text

pytestmark = pytest.mark.django_db


# Registering -------------------------------------------------------------------------------


def test_partner_registers_a_signal_and_sees_it_with_its_reference(personas, signed_in) -> None:
    client = signed_in(personas.police_member)
    page = client.get(CREATE)
    assert page.status_code == 200
    content = text(page)
    assert "Acuut gevaar? Bel 112 of de politie." in content
    assert 'type="date"' in content
    assert "Maximaal 10.000 tekens." in content
    assert "Alleen bij brondomein Online." in content

    response = client.post(
        CREATE,
        form_data(
            personas.municipality_a,
            bsn=VALID_BSN,
            **{"omgeving-0-relation": "parent", "omgeving-0-name": "Mirjam van Hoogeveld"},
        ),
    )

    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(signal)
    assert signal.registering_organisation == personas.police
    assert signal.directing_municipality == personas.municipality_a
    assert signal.bsn == VALID_BSN
    assert [r.name for r in RelatedPerson.objects.all()] == ["Mirjam van Hoogeveld"]
    page = text(client.get(detail(signal)))
    assert f"Het signaal is geregistreerd met kenmerk {signal.reference}." in page
    assert "Mirjam van Hoogeveld" in page
    assert "Ouder" in page
    assert "Soort gegevens: Gewone persoonsgegevens" in page


def test_bsn_field_is_shown_only_to_organisations_that_may_process_it(personas, signed_in):
    assert 'name="bsn"' in signed_in(personas.police_member).get(CREATE).content.decode()
    assert 'name="bsn"' not in signed_in(personas.school_member).get(CREATE).content.decode()


def test_only_the_meldpunt_may_register_for_a_citizen(personas, signed_in) -> None:
    partner_form = signed_in(personas.police_member).get(CREATE).content.decode()
    lead_form = signed_in(personas.lead_a).get(CREATE).content.decode()
    assert 'name="reported_by" value="citizen"' not in partner_form
    assert 'name="reporter_contact"' not in partner_form
    assert 'name="reported_by" value="citizen"' in lead_form
    assert 'name="reporter_contact"' in lead_form


def test_lead_registers_for_a_citizen_with_contact_details(personas, signed_in) -> None:
    client = signed_in(personas.lead_a)
    response = client.post(
        CREATE,
        form_data(
            personas.municipality_a,
            source_domain="citizen",
            reported_by="citizen",
            reporter_contact="Bereikbaar via 06-00000000 (fictief)",
            reporter_contact_category="special",
        ),
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.reporter_contact == "Bereikbaar via 06-00000000 (fictief)"
    content = text(client.get(detail(signal)))
    assert "Bereikbaar via 06-00000000 (fictief)" in content
    assert "Soort gegevens: Bijzondere persoonsgegevens (art. 9 AVG)" in content


def test_online_signal_keeps_platform_openness_content_and_fingerprint(personas, signed_in):
    client = signed_in(personas.police_member)
    fingerprint = "ab" * 32
    response = client.post(
        CREATE,
        form_data(
            personas.municipality_a,
            source_domain="online",
            online_platform="Videoplatform",
            online_source_openness="public",
            online_content="Filmpje met oproep tot geweld",
            online_content_category="criminal",
            capture_fingerprint=fingerprint.upper(),
        ),
    )
    assert response.status_code == 302
    content = text(client.get(detail(Signal.objects.get())))
    assert "Videoplatform" in content
    assert "Openbare bron" in content
    assert fingerprint in content
    assert "Soort gegevens: Strafrechtelijke gegevens (art. 10 AVG)" in content


@pytest.mark.parametrize("user", ["privacy_officer_a", "admin_a", "police_privacy_officer"])
def test_roles_that_do_not_register_get_404_on_the_form(personas, signed_in, user) -> None:
    client = signed_in(getattr(personas, user))
    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, form_data(personas.municipality_a)).status_code == 404
    assert Signal.objects.count() == 0


def test_a_partner_cannot_choose_the_citizen_option_by_posting_it(personas, signed_in):
    response = signed_in(personas.police_member).post(
        CREATE, form_data(personas.municipality_a, reported_by="citizen")
    )
    assert response.status_code == 200
    assert Signal.objects.count() == 0
