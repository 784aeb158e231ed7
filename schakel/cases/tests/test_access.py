"""Access follows participation: the matrix of personas × case, agenda item, meeting and
intervention, generated over every persona (not hand-picked), with a frozen clock for the
incidental partner's invitation period."""

from datetime import timedelta

import pytest
import time_machine
from django.http import Http404
from django.utils import timezone

from schakel.cases import selectors
from schakel.cases.access import (
    agenda_items_visible_to,
    cases_visible_to,
    interventions_visible_to,
    meetings_visible_to,
)
from schakel.cases.choices import ClosureReason, InterventionKind
from schakel.cases.lifecycle_services import case_close
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.tests.factories import invite, on_agenda, open_case, planned_intervention
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

# Who sees the whole case of a resident of Aldermeer (ZVH Noordkaap; police and OM structural).
FULL_ACCESS = {"lead_a", "colleague_a", "director", "police_member", "om_member"}
PERSONAS = [
    "lead_a", "colleague_a", "lead_b", "outsider", "director", "director_other", "police_member",
    "om_member", "ggz_member", "school_member", "privacy_officer_a", "police_privacy_officer",
    "admin_a", "admin_b", "superuser",
]  # fmt: skip


def _membership(personas, name):
    user = getattr(personas, name)
    return membership_of(user) if user.memberships.exists() else None


@pytest.fixture
def world(personas):
    case = open_case(personas)
    item = on_agenda(personas, case)
    other_case = open_case(personas, given_names="Ilse", surname="Brandsma")
    other_item = on_agenda(personas, other_case, item.meeting)
    today = timezone.localdate()
    invite(
        personas,
        item,
        personas.ggz,
        valid_from=today + timedelta(days=2),
        valid_until=today + timedelta(days=9),
    )
    intervention = planned_intervention(
        membership_of(personas.director),
        case,
        kind=InterventionKind.CARE,
        owner=personas.ggz,
        description="Behandeltraject bij GGZ Noordkaap.",
        days=60,
    )
    return case, item, other_item, intervention


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_case_is_visible_exactly_to_those_with_full_access(personas, world, persona) -> None:
    case, item, _, _ = world
    membership = _membership(personas, persona)

    sees_case = cases_visible_to(membership=membership).filter(pk=case.pk).exists()
    sees_item = agenda_items_visible_to(membership=membership).filter(pk=item.pk).exists()
    sees_meeting = meetings_visible_to(membership=membership).filter(pk=item.meeting_id).exists()

    expected = persona in FULL_ACCESS
    assert (sees_case, sees_item, sees_meeting) == (expected, expected, expected)
    if not expected:
        with pytest.raises(Http404):
            selectors.case_get_for(membership=membership, pk=case.pk)
        with pytest.raises(Http404):
            selectors.agenda_item_get_for(membership=membership, pk=item.pk)


@pytest.mark.parametrize(
    ("days_ahead", "sees_item"),
    [(0, False), (2, True), (9, True), (10, False)],
    ids=["before", "first-day", "last-day", "after"],
)
def test_the_incidental_partner_sees_its_item_only_during_the_invitation(
    personas, world, days_ahead, sees_item
) -> None:
    case, item, other_item, _ = world
    ggz = membership_of(personas.ggz_member)

    with time_machine.travel(timezone.now() + timedelta(days=days_ahead)):
        assert agenda_items_visible_to(membership=ggz).filter(pk=item.pk).exists() is sees_item
        assert meetings_visible_to(membership=ggz).filter(pk=item.meeting_id).exists() is sees_item
        # Never the case itself, nor the other items of the same meeting.
        assert not cases_visible_to(membership=ggz).filter(pk=case.pk).exists()
        assert not agenda_items_visible_to(membership=ggz).filter(pk=other_item.pk).exists()
        if sees_item:
            meeting_acknowledge(membership=ggz, meeting=item.meeting)
            view = selectors.agenda_item_get_for(membership=ggz, pk=item.pk)
            assert view.full_access is False
            assert view.identity.surname == "Hoogeveld"
            items = selectors.meeting_items_for(membership=ggz, meeting=item.meeting)
            assert [i.pk for i in items] == [item.pk]
        else:
            with pytest.raises(Http404):
                selectors.agenda_item_get_for(membership=ggz, pk=item.pk)


def test_the_owner_of_an_intervention_sees_it_without_seeing_the_case(personas, world) -> None:
    case, _, _, intervention = world
    ggz = membership_of(personas.ggz_member)
    school = membership_of(personas.school_member)

    assert interventions_visible_to(membership=ggz).filter(pk=intervention.pk).exists()
    assert not interventions_visible_to(membership=school).filter(pk=intervention.pk).exists()
    assert not cases_visible_to(membership=ggz).filter(pk=case.pk).exists()


def test_closing_ends_partner_access_but_the_lead_and_the_zvh_keep_the_case(
    personas, world
) -> None:
    case, item, _, intervention = world
    case_close(
        membership=membership_of(personas.lead_a), case=case, reason=ClosureReason.GOALS_REACHED
    )

    for persona in ("police_member", "om_member"):
        membership = membership_of(getattr(personas, persona))
        assert not cases_visible_to(membership=membership).filter(pk=case.pk).exists()
        assert not agenda_items_visible_to(membership=membership).filter(pk=item.pk).exists()
    ggz = membership_of(personas.ggz_member)
    assert not interventions_visible_to(membership=ggz).filter(pk=intervention.pk).exists()
    for persona in ("lead_a", "director"):
        membership = membership_of(getattr(personas, persona))
        assert cases_visible_to(membership=membership).filter(pk=case.pk).exists()


def test_a_structural_partner_loses_access_when_its_participation_ends(personas, world) -> None:
    case, _, _, _ = world
    police = membership_of(personas.police_member)
    participation = case.participations.get(organisation=personas.police)
    participation.ends_on = timezone.localdate()
    participation.save()

    assert cases_visible_to(membership=police).filter(pk=case.pk).exists()
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert not cases_visible_to(membership=police).filter(pk=case.pk).exists()


def test_a_case_list_reads_no_person_data_and_its_query_count_is_flat(
    personas, django_assert_max_num_queries
) -> None:
    open_case(personas)
    lead = membership_of(personas.lead_a)
    with django_assert_max_num_queries(1):
        first = list(selectors.case_list_for(membership=lead))
    for n in range(3):
        open_case(personas, given_names=f"Test{'a' * (n + 1)}", surname="Veldkamp")
    with django_assert_max_num_queries(1):
        rows = list(selectors.case_list_for(membership=lead))

    assert len(rows) == len(first) + 3
