"""Listing and reading signals through the screens (server-rendered, no JS): the own
organisation's list, the detail page per persona (a logged read), and the status actions."""

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.intake.choices import SignalStatus
from schakel.intake.models import Signal
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import membership_of, register
from schakel.intake.tests.signal_view_helpers import detail, text

pytestmark = pytest.mark.django_db

LIST = reverse("intake:signal_list")


def status_url(signal: Signal) -> str:
    return reverse("intake:signal_status", kwargs={"pk": signal.pk})


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

    # +3: the one write of the reads shown (claim, insert, chain head)
    with django_assert_max_num_queries(15):
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
