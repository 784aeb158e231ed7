"""Fixtures shared by the tests of cases, meetings and action plans."""

from datetime import date

import pytest

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.api.tests.conftest import api_client, api_schema, token_for  # noqa: F401 (fixtures)
from schakel.cases.choices import InterventionKind
from schakel.cases.meetings.disclosures import disclosure_record
from schakel.cases.meetings.services import attendance_record, decision_record, meeting_acknowledge
from schakel.cases.models import AgendaItem, Case, ConsultationMeeting, Intervention
from schakel.cases.plans.services import (
    plan_adopt,
)
from schakel.cases.tests.document_helpers import (
    DECISION_ONE,
    DECISION_TWO,
    GGZ_PURPOSE,
    GOALS,
    HOUSING,
    IDEOLOGY,
    INTERVENTION,
    POLICE_TO_ALL,
    POLICE_TO_ZVH_ONLY,
    SECOND_SURNAME,
    Scene,
    _disclosure,
)
from schakel.cases.tests.factories import (
    first_draft,
    invite,
    meeting,
    on_agenda,
    open_case,
    planned_intervention,
)
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of

# The API tests of cases, meetings and action plans ------------------------------------------------


@pytest.fixture
def case(personas) -> Case:
    return open_case(personas)


@pytest.fixture
def item(personas, case) -> AgendaItem:
    return on_agenda(personas, case)


@pytest.fixture
def intervention(personas, case) -> Intervention:
    return planned_intervention(
        membership_of(personas.director),
        case,
        kind="care",
        owner=personas.police,
        description="Gesprekken met de wijkagent over het forum.",
        life_domain="online",
    )


# The consultation meeting's screens ---------------------------------------------------------------


@pytest.fixture
def world(personas):
    """One meeting with two cases of Aldermeer on the agenda (police and OM structural)."""
    case = open_case(personas)
    item = on_agenda(personas, case)
    other_case = open_case(personas, given_names="Ilse", surname="Brandsma")
    other_item = on_agenda(personas, other_case, item.meeting)
    return item, other_item


# The minutes and the action plan as PDF -----------------------------------------------------------


@pytest.fixture
def scene(personas) -> Scene:
    for user, title in (
        (personas.director, "Procesregisseur"),
        (personas.police_member, "Wijkagent"),
        (personas.ggz_member, "Casemanager"),
    ):
        user.function_title = title
        user.save(update_fields=["function_title"])
    case_one = open_case(personas)
    case_two = open_case(
        personas,
        given_names="Mira",
        surname_prefix="",
        surname=SECOND_SURNAME,
        date_of_birth=date(2001, 6, 2),
    )
    the_meeting = meeting(personas)
    # A minute taker of the ZVH, to see that they too appear by function only.
    minute_taker = MembershipFactory(
        organisation=personas.zvh,
        role=Role.PROCESS_DIRECTOR,
        user__function_title="Secretaris casusoverleg",
    ).user
    ConsultationMeeting.objects.filter(pk=the_meeting.pk).update(minute_taker=minute_taker)
    the_meeting.refresh_from_db()
    item_one = on_agenda(personas, case_one, the_meeting)
    item_two = on_agenda(personas, case_two, the_meeting)
    # The GGZ is an incidental partner for the second case only.
    invite(personas, item_two, personas.ggz)

    director = membership_of(personas.director)
    police = membership_of(personas.police_member)
    ggz = membership_of(personas.ggz_member)
    for member in (director, police, ggz):
        meeting_acknowledge(membership=member, meeting=the_meeting)
    attendance_record(
        membership=director,
        meeting=the_meeting,
        present={a.pk: True for a in the_meeting.attendances.all()},
    )
    disclosure_record(
        membership=police,
        item=item_one,
        data=_disclosure(
            personas,
            purpose=POLICE_TO_ALL,
            recipients=[personas.municipality_a, personas.zvh],
        ),
    )
    disclosure_record(
        membership=police,
        item=item_two,
        data=_disclosure(personas, purpose=POLICE_TO_ZVH_ONLY, recipients=[personas.zvh]),
    )
    disclosure_record(
        membership=ggz,
        item=item_two,
        data=_disclosure(
            personas,
            purpose=GGZ_PURPOSE,
            recipients=[personas.zvh, personas.municipality_a],
            category=DataCategory.SPECIAL,
        ),
    )
    decision_record(
        membership=director, item=item_one, text=DECISION_ONE, category=DataCategory.ORDINARY
    )
    decision_record(
        membership=director, item=item_two, text=DECISION_TWO, category=DataCategory.SPECIAL
    )

    draft = first_draft(director, case_one, goals=GOALS, housing=HOUSING, ideology=IDEOLOGY)
    planned_intervention(
        director,
        case_one,
        kind=InterventionKind.ADMINISTRATIVE,
        owner=personas.police,
        description=INTERVENTION,
    )
    draft.refresh_from_db()
    adopted = plan_adopt(
        membership=director,
        item=item_one,
        based_on_revision=draft.revision,
        meeting_in_progress=True,
    )
    return Scene(the_meeting, case_one, case_two, item_one, item_two, adopted, minute_taker)
