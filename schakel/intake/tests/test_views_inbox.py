"""The municipal lead's inbox: new signals, open match suggestions, signals about to expire."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.intake.choices import SignalStatus, SourceDomain, Urgency
from schakel.intake.models import Phenomenon, Signal
from schakel.intake.tests.factories import register

pytestmark = pytest.mark.django_db

INBOX = reverse("intake:inbox")


def signals_section(content: str) -> str:
    """The inbox's table of signals (the suggestions below name the signals they pair)."""
    return content.split('id="matchsuggesties"')[0]


@pytest.mark.parametrize(
    "user", ["school_member", "police_member", "privacy_officer_a", "admin_a", "superuser"]
)
def test_only_a_municipal_lead_has_an_inbox(personas, signed_in, user) -> None:
    assert signed_in(getattr(personas, user)).get(INBOX).status_code == 404


def test_inbox_shows_the_municipalitys_new_signals_by_default(personas, signed_in) -> None:
    new = register(personas.police_member, residence=personas.municipality_a).signal
    handled = register(personas.police_member, residence=personas.municipality_a).signal
    Signal.objects.filter(pk=handled.pk).update(status=SignalStatus.UNDER_REVIEW)
    elsewhere = register(personas.police_member, residence=personas.municipality_b).signal

    response = signed_in(personas.lead_a).get(INBOX)

    content = signals_section(response.content.decode())
    assert response.status_code == 200
    assert "Meldpunt Gemeente Aldermeer" in content
    assert new.reference in content
    assert handled.reference not in content
    assert elsewhere.reference not in content
    assert "Hoogeveld" not in content  # no names in lists
    assert "Signalen (1)" in content


def test_outsider_sees_an_empty_inbox_of_their_own(personas, signed_in) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    content = signed_in(personas.outsider).get(INBOX).content.decode()
    assert signal.reference not in content
    assert "Er zijn geen open matchsuggesties." in content
    assert "Geen signalen met deze filters." in content


def test_filters_are_a_plain_get_form(personas, signed_in) -> None:
    other = Phenomenon.objects.create(name="Fictief fenomeen voor de test", position=999)
    high = register(
        personas.police_member,
        residence=personas.municipality_a,
        urgency=Urgency.HIGH,
        source_domain=SourceDomain.SAFETY,
        phenomenon=other,
    ).signal
    normal = register(personas.police_member, residence=personas.municipality_a).signal
    client = signed_in(personas.lead_a)

    page = client.get(INBOX).content.decode()
    assert 'method="get"' in page
    assert "Filter toepassen" in page

    content = signals_section(client.get(INBOX, {"urgency": "high"}).content.decode())
    assert high.reference in content
    assert normal.reference not in content

    content = signals_section(client.get(INBOX, {"source_domain": "education"}).content.decode())
    assert normal.reference in content
    assert high.reference not in content

    content = signals_section(client.get(INBOX, {"phenomenon": str(other.pk)}).content.decode())
    assert high.reference in content
    assert normal.reference not in content

    Signal.objects.filter(pk=normal.pk).update(status=SignalStatus.CLOSED_WITHOUT_ACTION)
    content = signals_section(
        client.get(INBOX, {"status": "closed_without_action"}).content.decode()
    )
    assert normal.reference in content
    assert high.reference not in content


def test_unknown_filter_values_fall_back_to_the_defaults(personas, signed_in) -> None:
    signal = register(personas.police_member, residence=personas.municipality_a).signal
    response = signed_in(personas.lead_a).get(
        INBOX, {"status": "<script>", "phenomenon": "geen-uuid", "urgency": "x"}
    )
    assert response.status_code == 200
    assert signal.reference in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_open_suggestions_show_score_dates_and_both_municipalities(personas, signed_in) -> None:
    register(personas.police_member, residence=personas.municipality_b)
    second = register(personas.school_member, residence=personas.municipality_a, surname_prefix="")
    [suggestion] = second.suggestions

    for lead in (personas.lead_a, personas.lead_b):
        content = signed_in(lead).get(INBOX).content.decode()
        assert "Open matchsuggesties (1)" in content
        assert reverse("intake:suggestion_detail", kwargs={"pk": suggestion.pk}) in content
        assert f"Waarschijnlijk dezelfde persoon ({suggestion.score}%)" in content
        assert "Gemeente Aldermeer" in content
        assert "Gemeente Brookdam" in content

    content = signed_in(personas.outsider).get(INBOX).content.decode()
    assert "Open matchsuggesties (0)" in content


def test_signals_expiring_within_30_days_are_listed(personas, signed_in) -> None:
    soon = register(personas.police_member, residence=personas.municipality_a).signal
    later = register(personas.police_member, residence=personas.municipality_a).signal
    Signal.objects.filter(pk=soon.pk).update(expires_at=timezone.now() + timedelta(days=10))

    content = signed_in(personas.lead_a).get(INBOX).content.decode()

    section = content[content.index('id="vervallen"') :]
    assert "Binnenkort vervallen (1)" in content
    assert soon.reference in section
    assert later.reference not in section


def test_inbox_query_count_does_not_grow(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    register(personas.police_member, residence=personas.municipality_a)
    for index in range(12):
        registration = register(
            personas.school_member, residence=personas.municipality_a, address=f"Weg {index}"
        )
        Signal.objects.filter(pk=registration.signal.pk).update(
            expires_at=timezone.now() + timedelta(days=5)
        )
    client = signed_in(personas.lead_a)

    # +3: the one write of the reads shown (claim, insert, chain head)
    with django_assert_max_num_queries(19):
        response = client.get(INBOX)

    assert response.status_code == 200
    assert "Open matchsuggesties (0)" not in response.content.decode()


def test_pagination_keeps_the_filters(personas, signed_in) -> None:
    for _ in range(51):
        register(personas.police_member, residence=personas.municipality_a, urgency=Urgency.HIGH)
    content = signed_in(personas.lead_a).get(INBOX, {"urgency": "high"}).content.decode()
    assert "urgency=high&amp;pagina=2" in content
