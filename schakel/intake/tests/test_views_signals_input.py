"""The signal form's input (server-rendered, no JS): Dutch messages next to the field, nothing
saved on bad input, everything typed kept, markup escaped, names as typed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from schakel.intake.models import RelatedPerson, Signal
from schakel.intake.tests.factories import INVALID_BSN, VALID_BSN
from schakel.intake.tests.signal_view_helpers import CREATE, detail, form_data, text

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


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
            "Vul „Naam” in.",
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
