"""Edges found in review: access that must end with a participation, persons who must not
lose their identity to expiry or a merge, and the plan that must not change under an adoption."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from schakel.cases.access import agenda_items_visible_to, cases_visible_to
from schakel.cases.choices import InterventionKind, ParticipationKind
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import Participation
from schakel.cases.plans.services import (
    InterventionInput,
    PlanConflictError,
    intervention_add,
    plan_adopt,
)
from schakel.cases.selectors import case_get_for, meeting_attendances_for
from schakel.cases.services import participation_end
from schakel.cases.tests.factories import (
    first_draft,
    invite,
    on_agenda,
    open_case,
    participating,
    planned_intervention,
    weighed_signal,
)
from schakel.intake.models import Signal
from schakel.intake.tests.expiry_helpers import expire_signals
from schakel.intake.tests.factories import VALID_BSN, membership_of, register
from schakel.network.choices import OrganisationKind
from schakel.weighing.services import may_be_weighed, session_close

pytestmark = pytest.mark.django_db


def _later(days: int):
    return time_machine.travel(timezone.now() + timedelta(days=days))


def test_a_structural_partner_loses_the_agenda_item_with_its_participation(personas) -> None:
    case = open_case(personas)
    item = on_agenda(personas, case)  # the meeting is a week ahead
    police = membership_of(personas.police_member)
    participation = Participation.objects.get(case=case, organisation=personas.police)
    participation_end(
        membership=membership_of(personas.director),
        participation=participation,
        ends_on=timezone.localdate(),
    )

    with _later(1):
        assert not cases_visible_to(membership=police).filter(pk=case.pk).exists()
        assert not agenda_items_visible_to(membership=police).filter(pk=item.pk).exists()


def test_a_future_structural_participation_gives_nothing_before_it_starts(personas) -> None:
    case = open_case(personas)
    item = on_agenda(personas, case)
    participating(personas, case, personas.school, ParticipationKind.STRUCTURAL, starts_in=3)
    school = membership_of(personas.school_member)

    assert not agenda_items_visible_to(membership=school).filter(pk=item.pk).exists()
    with _later(3):
        assert agenda_items_visible_to(membership=school).filter(pk=item.pk).exists()


def test_ending_an_incidental_participation_ends_the_invitation(personas) -> None:
    case = open_case(personas)
    item = on_agenda(personas, case)
    invite(personas, item, personas.ggz)
    ggz = membership_of(personas.ggz_member)
    assert agenda_items_visible_to(membership=ggz).filter(pk=item.pk).exists()
    participation = Participation.objects.get(case=case, organisation=personas.ggz)

    participation_end(
        membership=membership_of(personas.director),
        participation=participation,
        ends_on=timezone.localdate(),
    )

    assert item.invitations.get(organisation=personas.ggz).valid_until == timezone.localdate()
    with _later(1):
        assert not agenda_items_visible_to(membership=ggz).filter(pk=item.pk).exists()


def test_an_incidental_invitation_is_bounded_to_shortly_after_the_meeting(personas) -> None:
    item = on_agenda(personas, open_case(personas))

    with pytest.raises(ValidationError) as error:
        invite(personas, item, personas.ggz, valid_until=timezone.localdate() + timedelta(days=365))

    assert "valid_until" in error.value.message_dict


def test_only_the_police_and_the_om_of_the_weighing_become_structural_partners(personas) -> None:
    case = open_case(personas)

    kinds = {p.organisation.kind for p in case.participations.select_related("organisation")}

    assert kinds == {OrganisationKind.POLICE, OrganisationKind.PUBLIC_PROSECUTION}


def test_an_intervention_owner_must_be_at_the_table(personas) -> None:
    case = open_case(personas)
    today = timezone.localdate()

    with pytest.raises(ValidationError) as error:
        intervention_add(
            membership=membership_of(personas.director),
            case=case,
            data=InterventionInput(
                kind=InterventionKind.OTHER,
                owner=personas.school,
                description="Gesprek op school.",
                starts_on=today,
                due_on=today + timedelta(days=10),
            ),
        )

    assert "owner" in error.value.message_dict


def test_an_intervention_added_after_the_page_was_read_blocks_the_adoption(personas) -> None:
    case = open_case(personas)
    director = membership_of(personas.director)
    draft = first_draft(director, case, goals="Werk vinden.", housing="Woont zelfstandig.")
    seen_revision = draft.revision
    planned_intervention(
        director,
        case,
        kind=InterventionKind.ADMINISTRATIVE,
        owner=personas.police,
        description="Gesprek.",
        days=10,
    )

    with pytest.raises(PlanConflictError):
        plan_adopt(
            membership=director,
            item=on_agenda(personas, case),
            based_on_revision=seen_revision,
            meeting_in_progress=True,
        )


def test_expiry_keeps_a_person_who_was_weighed(personas) -> None:
    other = register(personas.lead_a, residence=personas.municipality_a, surname="Anders")
    weighed = weighed_signal(personas)
    session_close(membership=membership_of(personas.lead_a), session=weighed.session)
    Signal.objects.filter(pk__in=[other.signal.pk, weighed.signal.pk]).update(
        expires_at=timezone.now() - timedelta(days=1)
    )

    expire_signals()

    other.signal.refresh_from_db()
    assert other.signal.person_data_deleted_at is not None
    weighed.item.refresh_from_db()  # the item and its subject are still there
    assert weighed.item.subject_id is not None


def test_a_person_in_a_case_is_not_weighed_again_and_closing_keeps_the_case_signals(
    personas,
) -> None:
    case = open_case(personas)
    case_signal = Signal.objects.get(subject=case.subject)
    new_signal = register(personas.police_member, residence=personas.municipality_a).signal
    Signal.objects.filter(pk=new_signal.pk).update(subject=case.subject)
    new_signal.refresh_from_db()

    assert not may_be_weighed(new_signal)
    case_signal.refresh_from_db()
    assert case_signal.status == "linked_to_weighing"


def test_a_partner_sees_only_the_attendance_of_its_own_table(personas) -> None:
    first = open_case(personas)
    second = open_case(personas, given_names="Ilse", surname="Brandsma")
    item = on_agenda(personas, first)
    on_agenda(personas, second, item.meeting)
    invite(personas, item, personas.ggz)
    for user in (personas.director, personas.police_member, personas.ggz_member):
        meeting_acknowledge(membership=membership_of(user), meeting=item.meeting)

    shown = meeting_attendances_for(
        membership=membership_of(personas.ggz_member), meeting=item.meeting
    )
    everyone = meeting_attendances_for(
        membership=membership_of(personas.director), meeting=item.meeting
    )

    assert everyone.count() == 3
    assert {a.organisation for a in shown} <= {
        personas.ggz,
        personas.zvh,
        personas.police,
        personas.om,
        personas.municipality_a,
    }


def test_an_organisation_without_bsn_rights_does_not_see_even_the_masked_bsn(personas) -> None:
    case = open_case(personas, bsn=VALID_BSN)
    participating(personas, case, personas.school, ParticipationKind.STRUCTURAL)

    school_view = case_get_for(membership=membership_of(personas.school_member), pk=case.pk)
    police_view = case_get_for(membership=membership_of(personas.police_member), pk=case.pk)

    assert school_view.identity.bsn_masked == ""
    assert police_view.identity.bsn_masked.endswith(VALID_BSN[-3:])


def test_confirming_a_match_with_a_person_in_a_case_keeps_the_case_person(personas) -> None:
    from schakel.intake.models import Subject
    from schakel.intake.services import _link

    earlier = register(personas.lead_a, residence=personas.municipality_a).signal
    Signal.objects.filter(pk=earlier.pk).update(subject=Subject.objects.create())
    case = open_case(personas)
    weighed = Signal.objects.get(subject=case.subject)
    earlier.refresh_from_db()

    subject, _ = _link(weighed, earlier)

    assert subject.pk == case.subject_id
    earlier.refresh_from_db()
    assert earlier.subject_id == case.subject_id
