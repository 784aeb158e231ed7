"""Registering, listing and reading signals through the screens (server-rendered, no JS)."""

import html
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.intake.choices import SignalStatus
from schakel.intake.models import RelatedPerson, Signal
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import (
    INVALID_BSN,
    VALID_BSN,
    membership_of,
    phenomenon,
    register,
)

pytestmark = pytest.mark.django_db

CREATE = reverse("intake:signal_create")
LIST = reverse("intake:signal_list")
SCRIPT = "<script>alert('x')</script>"


def detail(signal: Signal) -> str:
    return reverse("intake:signal_detail", kwargs={"pk": signal.pk})


def status_url(signal: Signal) -> str:
    return reverse("intake:signal_status", kwargs={"pk": signal.pk})


def yesterday() -> str:
    return (timezone.localdate() - timedelta(days=1)).isoformat()


def form_data(residence: Any, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "given_names": "Daan Pieter",
        "surname_prefix": "van",
        "surname": "Hoogeveld",
        "date_of_birth": "2004-03-17",
        "sex": "",
        "bsn": "",
        "address": "",
        "residence": str(residence.pk),
        "observation": "Deelt op school teksten die geweld tegen een groep goedpraten.",
        "observation_category": "ordinary",
        "observed_on": yesterday(),
        "source_domain": "education",
        "phenomenon": str(phenomenon().pk),
        "urgency": "normal",
        "reported_by": "own_organisation",
        "reporter_contact": "",
        "reporter_contact_category": "ordinary",
        "online_platform": "",
        "online_source_openness": "",
        "online_content": "",
        "online_content_category": "ordinary",
        "capture_fingerprint": "",
        "omgeving-TOTAL_FORMS": "2",
        "omgeving-INITIAL_FORMS": "0",
        "omgeving-MIN_NUM_FORMS": "0",
        "omgeving-MAX_NUM_FORMS": "2",
        "account-TOTAL_FORMS": "2",
        "account-INITIAL_FORMS": "0",
        "account-MIN_NUM_FORMS": "0",
        "account-MAX_NUM_FORMS": "2",
    }
    for row in range(2):
        for name in ("relation", "name", "date_of_birth"):
            data[f"omgeving-{row}-{name}"] = ""
        for name in ("platform", "handle"):
            data[f"account-{row}-{name}"] = ""
    data.update(overrides)
    return data


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


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


@pytest.mark.parametrize(
    ("user", "overrides", "field", "message"),
    [
        pytest.param(
            "police_member",
            {"bsn": INVALID_BSN},
            "bsn",
            "Dit is geen geldig BSN",
            id="invalid-bsn",
        ),
        pytest.param(
            "school_member",
            {"bsn": VALID_BSN},
            None,
            "Uw organisatie mag geen BSN verwerken",
            id="bsn-from-an-organisation-that-may-not",
        ),
        pytest.param(
            "police_member",
            {"date_of_birth": (timezone.localdate() + timedelta(days=2)).isoformat()},
            "date_of_birth",
            "De geboortedatum ligt in de toekomst.",
            id="date-of-birth-in-the-future",
        ),
        pytest.param(
            "police_member",
            {"observation": "x" * 100_000},
            "observation",
            "Maximaal 10.000 tekens (nu 100.000).",
            id="100000-characters",
        ),
        pytest.param(
            "police_member",
            {"surname": "", "surname_prefix": ""},
            "surname",
            "Vul een achternaam in. Is de naam niet bekend, vul dan een online account in",
            id="missing-surname",
        ),
        pytest.param(
            "police_member",
            {"capture_fingerprint": "abc", "source_domain": "online"},
            "capture_fingerprint",
            "SHA-256-waarde van 64 hexadecimale tekens",
            id="bad-fingerprint",
        ),
        pytest.param(
            "police_member",
            {"online_platform": "Forum"},
            "source_domain",
            "Online gegevens horen bij het brondomein „Online”.",
            id="online-data-without-online-domain",
        ),
        pytest.param(
            "police_member",
            {"omgeving-1-relation": "friend", "omgeving-1-name": "   "},
            "omgeving-1-name",
            "Dit veld is vereist.",
            id="related-person-without-name",
        ),
        pytest.param(
            "police_member",
            {
                "omgeving-1-relation": "friend",
                "omgeving-1-name": "Sem Bakker",
                "omgeving-1-date_of_birth": (timezone.localdate() + timedelta(days=1)).isoformat(),
            },
            "omgeving-1-date_of_birth",
            "De geboortedatum ligt in de toekomst.",
            id="related-person-born-in-the-future",
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_next_to_the_field_and_saves_nothing(
    personas, signed_in, user, overrides, field, message
) -> None:
    client = signed_in(getattr(personas, user))

    response = client.post(CREATE, form_data(personas.municipality_a, **overrides))

    assert response.status_code == 200
    assert Signal.objects.count() == 0
    assert RelatedPerson.objects.count() == 0
    content = text(response)
    assert message in content
    assert "Er is nog niets opgeslagen" in content
    if field is not None:
        # The message sits with its field and the summary links to it.
        assert f'id="id_{field}_error"' in content
        assert f'href="#id_{field}"' in content
        assert 'aria-invalid="true"' in content


def test_everything_typed_is_kept_when_the_form_comes_back(personas, signed_in) -> None:
    client = signed_in(personas.police_member)
    response = client.post(
        CREATE,
        form_data(
            personas.municipality_a,
            bsn=INVALID_BSN,
            given_names="Yara",
            surname="Çelik-de Vries",
            observation="Eerste regel\nTweede regel",
            **{"omgeving-0-relation": "sibling", "omgeving-0-name": "Lotte Çelik"},
        ),
    )
    content = text(response)
    assert response.status_code == 200
    assert 'value="Yara"' in content
    assert 'value="Çelik-de Vries"' in content
    assert f'value="{INVALID_BSN}"' in content
    assert "Eerste regel\nTweede regel</textarea>" in content
    assert 'value="Lotte Çelik"' in content
    assert '<option value="sibling" selected>' in content


def test_html_and_script_in_every_text_field_are_kept_escaped_and_shown_escaped(
    personas, signed_in
) -> None:
    client = signed_in(personas.lead_a)
    text_fields = {
        "given_names": f"Daan {SCRIPT}",
        "surname_prefix": "<b>van</b>",
        "surname": f"Hoogeveld {SCRIPT}",
        "address": f"Dorpsstraat 1 {SCRIPT}",
        "observation": f"Waarneming {SCRIPT}",
        "reporter_contact": f"Contact {SCRIPT}",
        "online_platform": f"Platform {SCRIPT}",
        "online_content": f"Inhoud {SCRIPT}",
        "omgeving-0-relation": "parent",
        "omgeving-0-name": f"Ouder {SCRIPT}",
    }
    # With an invalid date the form comes back: nothing saved, nothing executable.
    bad = form_data(
        personas.municipality_a,
        source_domain="online",
        reported_by="citizen",
        date_of_birth=(timezone.localdate() + timedelta(days=3)).isoformat(),
        **text_fields,
    )
    response = client.post(CREATE, bad)
    assert response.status_code == 200
    assert Signal.objects.count() == 0
    assert SCRIPT not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()

    # Names are letters only: markup there is refused with a message ...
    assert "Een naam bestaat uit letters" in response.content.decode()
    # ... while free text keeps it, as text.
    good = {
        **bad,
        "date_of_birth": "2004-03-17",
        "given_names": "Daan",
        "surname_prefix": "van",
        "surname": "Hoogeveld",
        "omgeving-0-name": "Ouder Hoogeveld",
    }
    response = client.post(CREATE, good)
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.observation == f"Waarneming {SCRIPT}"

    page = client.get(detail(signal)).content.decode()
    assert SCRIPT not in page
    assert page.count("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;") >= 5


@pytest.mark.parametrize(
    ("given_names", "prefix", "surname"),
    [
        pytest.param("Jan", "van 't", "Hof", id="van-t-hof"),
        pytest.param("Wei", "", "Ng", id="ng"),
        pytest.param("Ayşe Nur", "", "Çelik-de Vries", id="celik-de-vries"),
    ],
)
def test_names_save_and_display_as_typed(personas, signed_in, given_names, prefix, surname):
    client = signed_in(personas.police_member)
    response = client.post(
        CREATE,
        form_data(
            personas.municipality_a,
            given_names=given_names,
            surname_prefix=prefix,
            surname=surname,
        ),
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert (signal.given_names, signal.surname_prefix, signal.surname) == (
        given_names,
        prefix,
        surname,
    )
    content = text(client.get(detail(signal)))
    for part in (given_names, prefix, surname):
        assert part in content


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


# Own organisation's list -------------------------------------------------------------------


def test_list_shows_own_signals_without_names(personas, signed_in) -> None:
    own = register(personas.police_member, residence=personas.municipality_a).signal
    other = register(
        personas.school_member, residence=personas.municipality_a, surname="Anderveld"
    ).signal

    content = signed_in(personas.police_member).get(LIST).content.decode()

    assert own.reference in content
    assert other.reference not in content
    assert "Hoogeveld" not in content
    assert "Daan" not in content
    assert "Gemeente Aldermeer" in content


def test_lead_lists_own_residents_signals_but_not_another_municipalitys(personas, signed_in):
    resident_a = register(personas.police_member, residence=personas.municipality_a).signal
    resident_b = register(personas.police_member, residence=personas.municipality_b).signal

    content = signed_in(personas.lead_a).get(LIST).content.decode()

    assert resident_a.reference in content
    assert resident_b.reference not in content


def test_outsider_list_is_empty_and_roles_without_signals_get_404(personas, signed_in):
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    response = signed_in(personas.outsider).get(LIST)
    assert response.status_code == 200
    assert signal.reference not in response.content.decode()
    assert signed_in(personas.privacy_officer_a).get(LIST).status_code == 404


def test_signal_list_query_count_does_not_grow_with_signals(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for index in range(30):
        register(personas.police_member, residence=personas.municipality_a, address=f"Laan {index}")
    client = signed_in(personas.police_member)

    with django_assert_max_num_queries(12):
        response = client.get(LIST)

    assert response.status_code == 200
    assert response.content.decode().count("/signalen/") >= 30


def test_signal_list_is_paginated_by_50(personas, signed_in) -> None:
    for _ in range(51):
        register(personas.police_member, residence=personas.municipality_a)
    client = signed_in(personas.police_member)
    first = client.get(LIST).content.decode()
    assert "Pagina 1 van 2" in first
    second = client.get(LIST, {"pagina": 2}).content.decode()
    assert "Pagina 2 van 2" in second


# Detail ------------------------------------------------------------------------------------


def test_partner_a_cannot_see_partner_bs_signal(personas, signed_in) -> None:
    school_signal = register(personas.school_member, residence=personas.municipality_a).signal
    assert signed_in(personas.police_member).get(detail(school_signal)).status_code == 404


@pytest.mark.parametrize("user", ["lead_b", "outsider", "privacy_officer_a", "admin_a"])
def test_others_get_404_on_a_signal_about_a_resident_of_a(personas, signed_in, user) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    client = signed_in(getattr(personas, user))
    assert client.get(detail(signal)).status_code == 404
    assert client.post(status_url(signal), {"status": "under_review"}).status_code == 404
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_reading_a_signal_is_logged(personas, signed_in) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    signed_in(personas.lead_a).get(detail(signal))
    assert LogRecord.objects.filter(name="signal_read").exists()


def test_registered_by_shows_function_and_organisation_never_a_name(personas, signed_in):
    user = personas.police_member
    user.function_title = "Wijkagent"
    user.save()
    signal = register(user, residence=personas.municipality_a).signal

    content = text(signed_in(personas.lead_a).get(detail(signal)))

    assert f"Wijkagent – Politie-eenheid Noordkaap ({personas.police.mailbox})" in content
    assert user.full_name not in content
    assert user.email not in content


def test_second_partner_sees_only_which_meldpunt_knows_the_person(personas, signed_in):
    first = register(
        personas.police_member,
        residence=personas.municipality_a,
        observation="Eerste waarneming van de politie",
    ).signal
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
    ).signal

    content = text(signed_in(personas.school_member).get(detail(second)))

    assert "Mogelijk is deze persoon al bekend bij het meldpunt van Gemeente Aldermeer." in content
    assert personas.municipality_a.mailbox in content
    assert "Eerste waarneming van de politie" not in content
    assert personas.police.name not in content
    assert first.reference not in content


def test_after_confirmation_the_partner_reads_that_the_person_is_known(personas, signed_in):
    register(personas.police_member, residence=personas.municipality_b)
    second = register(personas.school_member, residence=personas.municipality_a, surname_prefix="")
    [suggestion] = second.suggestions
    for lead in (personas.lead_a, personas.lead_b):
        suggestion_decide(suggestion=suggestion, membership=membership_of(lead), confirm=True)

    content = text(signed_in(personas.school_member).get(detail(second.signal)))

    assert "Deze persoon is bekend bij het meldpunt van Gemeente Brookdam." in content
    assert personas.municipality_b.mailbox in content
    assert personas.police.name not in content


def test_directing_lead_sees_suggestions_and_online_research_link_not_the_notice(
    personas, signed_in
):
    register(personas.police_member, residence=personas.municipality_a)
    second = register(personas.school_member, residence=personas.municipality_a).signal

    content = text(signed_in(personas.lead_a).get(detail(second)))

    assert "Mogelijk is deze persoon" not in content
    [suggestion] = second.suggestions.all()
    assert reverse("intake:suggestion_detail", kwargs={"pk": suggestion.pk}) in content
    assert f"{reverse('intake:online:start')}?signaal={second.pk}" in content
    assert "In behandeling nemen" in content


def test_partner_sees_no_status_actions(personas, signed_in) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    client = signed_in(personas.police_member)
    assert "In behandeling nemen" not in client.get(detail(signal)).content.decode()
    assert client.post(status_url(signal), {"status": "under_review"}).status_code == 404


# Status actions ----------------------------------------------------------------------------


def test_lead_takes_a_signal_in_handling_closes_it_with_a_note_and_reopens_it(
    personas, signed_in
) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    client = signed_in(personas.lead_a)

    response = client.post(status_url(signal), {"status": "under_review", "seen_status": "new"})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.UNDER_REVIEW

    response = client.post(
        status_url(signal), {"status": "closed_without_action", "seen_status": "under_review"}
    )
    assert response.status_code == 200
    assert "Licht toe waarom het signaal zonder actie wordt afgesloten." in text(response)
    signal.refresh_from_db()
    assert signal.status == SignalStatus.UNDER_REVIEW

    response = client.post(
        status_url(signal),
        {
            "status": "closed_without_action",
            "seen_status": "under_review",
            "note": "Geen zorgen na gesprek met school.",
        },
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED_WITHOUT_ACTION
    page = text(client.get(detail(signal)))
    assert "Geen zorgen na gesprek met school." in page
    assert "Heropenen" in page

    client.post(status_url(signal), {"status": "under_review", "seen_status": signal.status})
    signal.refresh_from_db()
    assert signal.status == SignalStatus.UNDER_REVIEW


def test_status_changed_by_someone_else_meanwhile_is_reported(personas, signed_in) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    signed_in(personas.colleague_a).post(
        status_url(signal), {"status": "under_review", "seen_status": "new"}
    )
    client = signed_in(personas.lead_a)

    response = client.post(
        status_url(signal), {"status": "under_review", "seen_status": "new"}, follow=True
    )

    assert "Iemand anders heeft de status intussen gewijzigd." in text(response)
    assert LogRecord.objects.filter(name="signal_status").count() == 1
