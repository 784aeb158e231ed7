"""Who sees which signal, suggestion and research entry — per persona, at the selector level."""

import pytest
from django.http import Http404

from schakel.audit.models import LogRecord
from schakel.intake import online_selectors, selectors, suggestion_selectors
from schakel.intake.tests.factories import membership_of, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_signals(personas):
    """The police and a school report the same resident of municipality A."""
    police = register(personas.police_member, residence=personas.municipality_a)
    school = register(personas.school_member, residence=personas.municipality_a, surname="Hogeveld")
    return police, school


def visible(user, signal) -> bool:
    return (
        selectors.signals_visible_to(membership=membership_of(user)).filter(pk=signal.pk).exists()
    )


def test_a_partner_sees_its_own_signal_but_not_another_partners(personas, two_signals):
    police, school = two_signals
    assert visible(personas.police_member, police.signal)
    assert not visible(personas.police_member, school.signal)
    with pytest.raises(Http404):
        selectors.signal_get_for(
            membership=membership_of(personas.police_member), pk=school.signal.pk
        )


def test_the_lead_sees_residents_signals_of_their_own_municipality_only(personas, two_signals):
    police, school = two_signals
    assert visible(personas.lead_a, police.signal)
    assert visible(personas.lead_a, school.signal)
    assert visible(personas.colleague_a, school.signal)
    for user in (personas.lead_b, personas.outsider, personas.admin_a, personas.privacy_officer_a):
        assert not visible(user, police.signal), user
        with pytest.raises(Http404):
            selectors.signal_get_for(membership=membership_of(user), pk=police.signal.pk)


def test_reading_a_signal_logs_one_record_per_person(personas, two_signals):
    police, _ = two_signals
    selectors.signal_get_for(membership=membership_of(personas.lead_a), pk=police.signal.pk)
    record = LogRecord.objects.get(name="signal_read")
    assert record.activity_id == "signal_registration"
    assert record.actor_user_id == str(personas.lead_a.pk)
    assert record.data_subject_type == "person"


def test_the_privacy_officer_gets_metadata_without_person_fields(personas, two_signals):
    rows = list(
        selectors.signal_metadata_for_privacy_officer(
            membership=membership_of(personas.privacy_officer_a)
        )
    )
    assert len(rows) == 2
    forbidden = {"given_names", "surname", "surname_prefix", "date_of_birth", "bsn", "observation"}
    for row in rows:
        assert forbidden.isdisjoint(row)
        assert "hoogeveld" not in repr(row).casefold()
    police_officer = membership_of(personas.police_privacy_officer)
    assert len(list(selectors.signal_metadata_for_privacy_officer(membership=police_officer))) == 1
    lead = membership_of(personas.lead_a)
    assert list(selectors.signal_metadata_for_privacy_officer(membership=lead)) == []


def test_lists_never_load_person_fields(personas, two_signals, django_assert_max_num_queries):
    lead = membership_of(personas.lead_a)
    with django_assert_max_num_queries(1):
        signals = list(selectors.signal_list_for(membership=lead))
    deferred = signals[0].get_deferred_fields()
    assert {"given_names", "surname", "date_of_birth", "bsn", "observation"} <= deferred


def test_suggestions_are_for_the_leads_of_both_municipalities_only(personas):
    register(personas.police_member, residence=personas.municipality_b)
    later = register(personas.school_member, residence=personas.municipality_a)
    [suggestion] = later.suggestions
    for user in (personas.lead_a, personas.lead_b):
        found = suggestion_selectors.suggestion_get_for(
            membership=membership_of(user), pk=suggestion.pk
        )
        assert found.pk == suggestion.pk
    for user in (
        personas.police_member,
        personas.school_member,
        personas.outsider,
        personas.privacy_officer_a,
    ):
        with pytest.raises(Http404):
            suggestion_selectors.suggestion_get_for(
                membership=membership_of(user), pk=suggestion.pk
            )
    assert LogRecord.objects.filter(name="suggestion_read").count() == 4  # 2 reads × 2 persons


def test_online_research_is_for_the_lead_and_privacy_officer_of_the_municipality(personas):
    from schakel.intake.online_services import ResearchPlan, online_research_start

    entry = online_research_start(
        membership=membership_of(personas.lead_a),
        plan=ResearchPlan(
            purpose="Nagaan of oproepen tot geweld openbaar zichtbaar zijn",
            occasion="Melding van de wijkagent",
            legal_basis="public_order",
            public_order_interest="Dreiging van een ordeverstoring bij een bijeenkomst",
            subsidiarity="Een gesprek is eerst geprobeerd",
            confirms_no_fictitious_profile=True,
            confirms_no_closed_groups=True,
            confirms_no_systematic_following=True,
            person_surname="Vlinderhaven",
        ),
    )
    for user in (personas.lead_a, personas.privacy_officer_a):
        assert online_selectors.online_research_get_for(membership=membership_of(user), pk=entry.pk)
    for user in (personas.lead_b, personas.police_member, personas.outsider, personas.admin_a):
        with pytest.raises(Http404):
            online_selectors.online_research_get_for(membership=membership_of(user), pk=entry.pk)


def test_a_department_of_the_municipality_does_not_see_what_the_meldpunt_registered(
    personas, signed_in
):
    from schakel.accounts.choices import Role
    from schakel.accounts.tests.factories import MembershipFactory
    from schakel.intake.choices import ReportedBy, SourceDomain

    department = MembershipFactory(
        organisation=personas.municipality_a, role=Role.PARTNER_MEMBER
    ).user
    citizen = register(
        personas.lead_a,
        residence=personas.municipality_b,
        reported_by=ReportedBy.CITIZEN,
        reporter_contact="Buurvrouw, 06-00000000",
        source_domain=SourceDomain.CITIZEN,
    )
    own = register(department, residence=personas.municipality_b)
    assert not visible(department, citizen.signal)
    assert visible(department, own.signal)
    assert visible(personas.colleague_a, citizen.signal)  # the meldpunt, same role
    assert signed_in(department).get(f"/signalen/{citizen.signal.pk}/").status_code == 404
    api = signed_in(department).get(f"/api/v1/signals/{citizen.signal.pk}?include=person")
    assert api.status_code == 404


def test_the_registering_partner_does_not_see_the_meldpunts_handling_note(personas, signed_in):
    from schakel.intake.services import signal_set_status

    done = register(personas.police_member, residence=personas.municipality_a)
    signal_set_status(
        signal=done.signal,
        membership=membership_of(personas.lead_a),
        status="closed_without_action",
        note="Achtergrond uit een gesprek met de huisarts",
    )
    page = signed_in(personas.police_member).get(f"/signalen/{done.signal.pk}/")
    assert page.status_code == 200
    assert "huisarts" not in page.content.decode()
    lead_page = signed_in(personas.lead_a).get(f"/signalen/{done.signal.pk}/")
    assert "huisarts" in lead_page.content.decode()


def test_only_the_registering_side_learns_where_the_person_is_known(personas, signed_in):
    register(personas.police_member, residence=personas.municipality_b)
    later = register(personas.school_member, residence=personas.municipality_a)
    url = f"/api/v1/signals/{later.signal.pk}"
    school = signed_in(personas.school_member).get(url).json()
    assert [k["meldpunt"] for k in school["known_at"]] == ["Gemeente Brookdam"]
    for user in (personas.privacy_officer_a, personas.lead_a):
        response = signed_in(user).get(url)
        assert response.status_code == 200
        assert response.json()["known_at"] == []
