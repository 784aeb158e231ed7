"""The consultation meeting through its screens: the list, planning, the confidentiality gate,
the agenda with attendance and status, and the agenda item with invitations, decisions and the
adoption of the plan — with the incidental partner's invitation period on a frozen clock and a
404 for everyone who is not at the table."""

import html
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from schakel.accounts.display import staff_display
from schakel.audit.models import LogRecord
from schakel.cases import selectors
from schakel.cases.choices import MeetingStatus, ParticipationKind, PlanVersionStatus
from schakel.cases.meeting_services import meeting_acknowledge
from schakel.cases.models import (
    AgendaItem,
    ConsultationMeeting,
    Invitation,
    ItemDecision,
    MeetingAttendance,
)
from schakel.cases.plan_services import PlanInput, plan_update
from schakel.cases.tests.factories import invite, meeting, on_agenda, open_case
from schakel.intake.tests.factories import membership_of
from schakel.privacy.models import LegalBasis
from schakel.privacy.services import DisclosureInput, disclosure_record

pytestmark = pytest.mark.django_db

LIST = reverse("cases:meeting_list")
CREATE = reverse("cases:meeting_create")
SURNAME = "Hoogeveld"  # the fictional person of the factories
NOT_AT_THE_TABLE = [
    "school_member", "lead_b", "outsider", "director_other", "privacy_officer_a", "admin_a",
]  # fmt: skip


def url(name: str, obj: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": obj.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def world(personas):
    """One meeting with two cases of Aldermeer on the agenda (police and OM structural)."""
    case = open_case(personas)
    item = on_agenda(personas, case)
    other_case = open_case(personas, given_names="Ilse", surname="Brandsma")
    other_item = on_agenda(personas, other_case, item.meeting)
    return item, other_item


def acknowledged(signed_in: Any, user: Any, the_meeting: ConsultationMeeting) -> Any:
    meeting_acknowledge(membership=membership_of(user), meeting=the_meeting)
    return signed_in(user)


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_the_meetings_with_the_items_the_viewer_sees(
    personas, world, signed_in
) -> None:
    item, _ = world
    director = text(signed_in(personas.director).get(LIST))
    police = text(signed_in(personas.police_member).get(LIST))

    assert "Vergaderzaal 2, ZVH Noordkaap" in director
    assert url("meeting_detail", item.meeting) in director
    assert "Overleg plannen" in director
    assert "Overleg plannen" not in police
    assert url("meeting_detail", item.meeting) in police
    for content in (director, police):
        assert SURNAME not in content
        assert "Brandsma" not in content


def test_the_list_counts_only_the_items_the_viewer_sees(personas, world, signed_in) -> None:
    item, _ = world
    invite(personas, item, personas.ggz)
    director = signed_in(personas.director).get(LIST)
    ggz = signed_in(personas.ggz_member).get(LIST)

    assert [row.item_count for row in director.context["rows"]] == [2]
    assert [row.item_count for row in ggz.context["rows"]] == [1]


def test_a_lead_of_another_municipality_sees_an_empty_list(personas, world, signed_in) -> None:
    item, _ = world
    response = signed_in(personas.lead_b).get(LIST)

    assert response.status_code == 200
    assert url("meeting_detail", item.meeting) not in text(response)


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_the_list_is_not_found_for_roles_that_never_sit_at_the_table(
    personas, signed_in, persona
) -> None:
    assert signed_in(getattr(personas, persona)).get(LIST).status_code == 404


def test_the_list_query_count_does_not_grow_with_the_meetings(personas, signed_in) -> None:
    case = open_case(personas)
    on_agenda(personas, case)
    client = signed_in(personas.director)
    client.get(LIST)  # warm up (session, caches)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    for days in range(2, 7):
        on_agenda(
            personas, case, meeting(personas, starts_at=timezone.now() + timedelta(days=days))
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)

    assert len(response.context["rows"]) == 6
    assert len(many.captured_queries) == len(one.captured_queries)


def test_the_list_stays_within_a_fixed_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    case = open_case(personas)
    for days in range(1, 8):
        on_agenda(
            personas, case, meeting(personas, starts_at=timezone.now() + timedelta(days=days))
        )
    client = signed_in(personas.police_member)
    client.get(LIST)

    with django_assert_max_num_queries(12):
        assert client.get(LIST).status_code == 200


# Planning ---------------------------------------------------------------------------------


def meeting_form(personas: Any, **overrides: Any) -> dict[str, Any]:
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    data = {
        "day": day,
        "start_time": "09:30",
        "end_time": "11:00",
        "place": "Vergaderzaal 3, ZVH Noordkaap",
        "chair": str(personas.director.pk),
        "minute_taker": "",
    }
    data.update(overrides)
    return data


def test_a_process_director_plans_a_meeting(personas, signed_in) -> None:
    client = signed_in(personas.director)
    page = text(client.get(CREATE))
    assert "geen namen of andere persoonsgegevens" in page
    assert 'type="date"' in page
    assert personas.director.full_name in page
    assert personas.police_member.full_name not in page

    response = client.post(CREATE, meeting_form(personas))

    created = ConsultationMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("meeting_detail", created)
    assert created.zvh == personas.zvh
    assert created.chair == personas.director
    assert timezone.localtime(created.starts_at).strftime("%H:%M") == "09:30"
    assert timezone.localtime(created.ends_at).strftime("%H:%M") == "11:00"


def test_a_meeting_that_ends_before_it_starts_is_refused_with_the_input_kept(
    personas, signed_in
) -> None:
    response = signed_in(personas.director).post(
        CREATE, meeting_form(personas, end_time="08:00", place="Zaal 4")
    )

    assert response.status_code == 200
    content = text(response)
    assert "De eindtijd ligt vóór de begintijd." in content
    assert 'href="#id_end_time"' in content
    assert 'value="Zaal 4"' in content
    assert not ConsultationMeeting.objects.exists()


def test_the_chair_must_work_for_the_zvh(personas, signed_in) -> None:
    response = signed_in(personas.director).post(
        CREATE, meeting_form(personas, chair=str(personas.police_member.pk))
    )

    assert response.status_code == 200
    assert not ConsultationMeeting.objects.exists()


@pytest.mark.parametrize("persona", ["police_member", "lead_a", "admin_a", "privacy_officer_a"])
def test_only_a_process_director_plans_meetings(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, meeting_form(personas)).status_code == 404
    assert not ConsultationMeeting.objects.exists()


def test_a_director_plans_only_with_colleagues_of_its_own_zvh(personas, signed_in) -> None:
    client = signed_in(personas.director_other)
    assert personas.director.full_name not in text(client.get(CREATE))

    response = client.post(CREATE, meeting_form(personas))

    assert response.status_code == 200
    assert not ConsultationMeeting.objects.exists()


# The confidentiality gate -----------------------------------------------------------------


def test_the_first_visit_shows_the_gate_and_nothing_of_the_agenda(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = signed_in(personas.police_member)
    before = LogRecord.objects.count()

    response = client.get(url("meeting_detail", item.meeting))

    assert response.status_code == 200
    content = text(response)
    assert "Ik bevestig de geheimhouding" in content
    assert "Wat is vertrouwelijk?" in content
    assert "Wat wordt vastgelegd?" in content
    assert item.case.reference not in content
    assert url("item_detail", item) not in content
    assert SURNAME not in content
    assert LogRecord.objects.count() == before
    assert not MeetingAttendance.objects.exists()


def test_acknowledging_records_the_attendance_and_a_log_record_then_shows_the_agenda(
    personas, world, signed_in
) -> None:
    item, other_item = world
    client = signed_in(personas.police_member)

    response = client.post(url("meeting_acknowledge", item.meeting))

    assert response.status_code == 302
    assert response["Location"] == url("meeting_detail", item.meeting)
    attendance = MeetingAttendance.objects.get()
    assert attendance.user == personas.police_member
    assert attendance.organisation == personas.police
    assert attendance.acknowledged_at is not None
    assert attendance.present is None
    log = LogRecord.objects.get(name="meeting_confidentiality_acknowledged")
    assert log.actor_user_id == str(personas.police_member.pk)
    content = text(client.get(url("meeting_detail", item.meeting)))
    assert "Ik bevestig de geheimhouding" not in content
    assert item.case.reference in content
    assert other_item.case.reference in content
    assert url("item_detail", item) in content
    assert staff_display(personas.police_member, personas.police) in content
    assert personas.police_member.full_name not in content
    assert SURNAME not in content


def test_acknowledging_twice_keeps_the_first_acknowledgment(personas, world, signed_in) -> None:
    item, _ = world
    client = signed_in(personas.police_member)
    client.post(url("meeting_acknowledge", item.meeting))
    first = MeetingAttendance.objects.get().acknowledged_at

    client.post(url("meeting_acknowledge", item.meeting))

    assert MeetingAttendance.objects.get().acknowledged_at == first
    assert LogRecord.objects.filter(name="meeting_confidentiality_acknowledged").count() == 1


def test_an_item_page_first_sends_to_the_gate_and_returns_after_acknowledging(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = signed_in(personas.police_member)

    response = client.get(url("item_detail", item))

    gate = f"{url('meeting_detail', item.meeting)}?punt={item.pk}"
    assert response.status_code == 302
    assert response["Location"] == gate
    assert not LogRecord.objects.filter(name="agenda_item_read").exists()
    page = text(client.get(gate))
    assert f'value="{item.pk}"' in page
    response = client.post(url("meeting_acknowledge", item.meeting), {"punt": str(item.pk)})
    assert response["Location"] == url("item_detail", item)
    page = text(client.get(url("item_detail", item)))
    assert SURNAME in page
    assert LogRecord.objects.filter(name="agenda_item_read").exists()


def test_the_gate_returns_only_to_an_item_of_this_meeting(personas, world, signed_in) -> None:
    item, _ = world
    elsewhere = on_agenda(personas, open_case(personas, given_names="Ruben", surname="Smit"))
    client = signed_in(personas.police_member)

    response = client.post(url("meeting_acknowledge", item.meeting), {"punt": str(elsewhere.pk)})

    assert response["Location"] == url("meeting_detail", item.meeting)


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("item_create", "meeting"),
        ("attendance_record", "meeting"),
        ("meeting_status", "meeting"),
        ("invitation_create", "item"),
        ("item_decision", "item"),
        ("item_plan_adopt", "item"),
        ("disclosure_create", "item"),
    ],
)
def test_no_action_is_taken_before_the_acknowledgment(
    personas, world, signed_in, name, target
) -> None:
    item, _ = world
    obj = item.meeting if target == "meeting" else item
    client = signed_in(personas.director)

    response = client.post(url(name, obj), {"status": "cancelled"})

    assert response.status_code == 302
    assert response["Location"].startswith(url("meeting_detail", item.meeting))
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED
    assert not ItemDecision.objects.exists()


# The agenda --------------------------------------------------------------------------------


def test_the_director_puts_an_open_case_of_the_zvh_on_the_agenda(
    personas, world, signed_in
) -> None:
    item, _ = world
    third = open_case(personas, given_names="Ruben", surname="Smit")
    client = acknowledged(signed_in, personas.director, item.meeting)
    page = text(client.get(url("meeting_detail", item.meeting)))
    assert "Casus op de agenda zetten" in page
    assert f'value="{third.pk}"' in page
    assert f'value="{item.case.pk}"' not in page  # already on the agenda

    response = client.post(url("item_create", item.meeting), {"agenda-case": str(third.pk)})

    assert response.status_code == 302
    assert AgendaItem.objects.filter(meeting=item.meeting, case=third).exists()
    # Its structural partners are invited with it.
    added = AgendaItem.objects.get(meeting=item.meeting, case=third)
    assert {i.organisation for i in added.invitations.all()} == {personas.police, personas.om}


def test_a_case_that_cannot_go_on_the_agenda_is_refused_with_a_message(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(url("item_create", item.meeting), {"agenda-case": str(item.case.pk)})

    assert response.status_code == 200
    assert "Deze casus kan niet op deze agenda." in text(response)
    assert item.meeting.agenda_items.count() == 2


def test_partners_do_not_see_the_agenda_and_status_controls(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.police_member, item.meeting)
    page = text(client.get(url("meeting_detail", item.meeting)))

    assert "Casus op de agenda zetten" not in page
    assert "Aanwezigheid opslaan" not in page
    assert "Overleg annuleren" not in page
    for name in ("item_create", "attendance_record", "meeting_status"):
        assert client.post(url(name, item.meeting), {"status": "held"}).status_code == 404
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED


def test_the_chair_records_attendance(personas, world, signed_in) -> None:
    item, _ = world
    meeting_acknowledge(membership=membership_of(personas.police_member), meeting=item.meeting)
    meeting_acknowledge(membership=membership_of(personas.om_member), meeting=item.meeting)
    client = acknowledged(signed_in, personas.director, item.meeting)
    police = MeetingAttendance.objects.get(user=personas.police_member)
    page = text(client.get(url("meeting_detail", item.meeting)))
    assert f'id="aanwezig-{police.pk}"' in page
    assert staff_display(personas.om_member, personas.om) in page

    response = client.post(url("attendance_record", item.meeting), {"present": [str(police.pk)]})

    assert response.status_code == 302
    present = dict(MeetingAttendance.objects.values_list("user_id", "present"))
    assert present == {
        personas.police_member.pk: True,
        personas.om_member.pk: False,
        personas.director.pk: False,
    }
    assert LogRecord.objects.filter(name="meeting_attendance_recorded").exists()


@pytest.mark.parametrize("status", [MeetingStatus.HELD, MeetingStatus.CANCELLED])
def test_the_director_sets_the_meeting_held_or_cancelled(
    personas, world, signed_in, status
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(url("meeting_status", item.meeting), {"status": status})

    assert response.status_code == 302
    item.meeting.refresh_from_db()
    assert item.meeting.status == status
    again = client.post(url("meeting_status", item.meeting), {"status": status}, follow=True)
    assert "De status is intussen al gewijzigd" in text(again)


# The agenda item --------------------------------------------------------------------------


def test_the_item_page_shows_the_person_the_table_and_the_invitations(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.get(url("item_detail", item))

    assert response.status_code == 200
    content = text(response)
    assert "Daan Pieter van Hoogeveld" in content
    for org in (personas.municipality_a, personas.zvh, personas.police, personas.om):
        assert org.name in content
    assert "Structureel" in content
    assert "Een incidentele partner uitnodigen" in content
    assert "Besluit vastleggen" in content
    assert LogRecord.objects.filter(name="agenda_item_read").exists()


def test_the_director_invites_an_incidental_partner(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)
    page = text(client.get(url("item_detail", item)))
    assert f'<option value="{personas.ggz.pk}"' in page
    assert f'<option value="{personas.police.pk}"' not in page  # already at the table
    today = timezone.localdate()

    response = client.post(
        url("invitation_create", item),
        {
            "uitnodiging-organisation": str(personas.ggz.pk),
            "uitnodiging-valid_from": today.isoformat(),
            "uitnodiging-valid_until": (today + timedelta(days=7)).isoformat(),
        },
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=personas.ggz)
    assert invitation.kind == ParticipationKind.INCIDENTAL
    assert invitation.valid_until == today + timedelta(days=7)


def test_an_invitation_for_a_past_period_is_refused_with_the_input_kept(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)
    past = timezone.localdate() - timedelta(days=3)

    response = client.post(
        url("invitation_create", item),
        {
            "uitnodiging-organisation": str(personas.ggz.pk),
            "uitnodiging-valid_from": (past - timedelta(days=3)).isoformat(),
            "uitnodiging-valid_until": past.isoformat(),
        },
    )

    assert response.status_code == 200
    content = text(response)
    assert "Deze periode is al voorbij." in content
    assert 'href="#id_uitnodiging-valid_until"' in content
    assert not Invitation.objects.filter(organisation=personas.ggz).exists()


def test_the_director_records_a_decision(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(
        url("item_decision", item),
        {
            "besluit-text": "Gesprek met betrokkene door de wijkagent.",
            "besluit-category": "ordinary",
        },
    )

    assert response.status_code == 302
    decision = ItemDecision.objects.get()
    assert decision.text == "Gesprek met betrokkene door de wijkagent."
    page = text(client.get(url("item_detail", item)))
    assert "Gesprek met betrokkene door de wijkagent." in page
    assert staff_display(personas.director, personas.zvh) in page


def test_an_empty_decision_is_refused(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(
        url("item_decision", item), {"besluit-text": "  ", "besluit-category": "ordinary"}
    )

    assert response.status_code == 200
    assert "Vul het besluit in." in text(response)
    assert not ItemDecision.objects.exists()


def test_a_partner_cannot_record_decisions_or_invite(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.police_member, item.meeting)
    page = text(client.get(url("item_detail", item)))
    assert "Besluit vastleggen" not in page
    assert "Een incidentele partner uitnodigen" not in page

    decision = client.post(
        url("item_decision", item), {"besluit-text": "X", "besluit-category": "ordinary"}
    )
    invitation = client.post(
        url("invitation_create", item), {"uitnodiging-organisation": str(personas.ggz.pk)}
    )

    assert (decision.status_code, invitation.status_code) == (404, 404)
    assert not ItemDecision.objects.exists()


def draft_of(personas: Any, case: Any) -> Any:
    return plan_update(
        membership=membership_of(personas.director),
        case=case,
        data=PlanInput(
            analysis={"housing": "Woont bij ouders."},
            goals="Stabiel netwerk.",
            based_on_version=None,
            based_on_revision=None,
        ),
    )


def test_the_plan_draft_is_adopted_in_the_meeting(personas, world, signed_in) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.director, item.meeting)
    page = text(client.get(url("item_detail", item)))
    assert f"Conceptversie {draft.number}, revisie {draft.revision}" in page

    response = client.post(
        url("item_plan_adopt", item), {"based_on_revision": draft.revision}, follow=True
    )

    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED
    assert draft.adopted_in == item
    assert f"Versie {draft.number} van het plan van aanpak is vastgesteld" in text(response)


def test_adopting_a_draft_changed_meanwhile_is_refused_with_a_clear_message(
    personas, world, signed_in
) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    seen = draft.revision
    client = acknowledged(signed_in, personas.director, item.meeting)
    plan_update(
        membership=membership_of(personas.lead_a),
        case=item.case,
        data=PlanInput(
            analysis={},
            goals="Aangepast door de gemeente.",
            based_on_version=draft.pk,
            based_on_revision=seen,
        ),
    )

    response = client.post(url("item_plan_adopt", item), {"based_on_revision": seen}, follow=True)

    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT
    content = text(response)
    assert "iemand heeft het concept gewijzigd nadat u deze pagina opende" in content
    assert f"revisie {draft.revision}" in content


def test_a_partner_does_not_adopt_the_plan(personas, world, signed_in) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.police_member, item.meeting)

    response = client.post(url("item_plan_adopt", item), {"based_on_revision": draft.revision})

    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT


# The incidental partner, on a frozen clock ------------------------------------------------


def case_page_is_hidden(client: Any, user: Any, case: Any) -> bool:
    try:
        case_url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        try:
            selectors.case_get_for(membership=membership_of(user), pk=case.pk)
        except Http404:
            return True
        return False
    return bool(client.get(case_url).status_code == 404)


def test_the_incidental_partner_sees_its_item_only_during_the_invitation(
    personas, world, signed_in
) -> None:
    item, other_item = world
    today = timezone.localdate()
    invite(
        personas,
        item,
        personas.ggz,
        valid_from=today + timedelta(days=2),
        valid_until=today + timedelta(days=9),
    )
    pages = [url("meeting_detail", item.meeting), url("item_detail", item)]

    # Before the invitation period.
    client = signed_in(personas.ggz_member)
    for page in pages:
        assert client.get(page).status_code == 404
    assert client.post(url("meeting_acknowledge", item.meeting)).status_code == 404
    assert not MeetingAttendance.objects.exists()

    # During: the gate, then only its own item.
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        client = signed_in(personas.ggz_member)
        gate = client.get(url("meeting_detail", item.meeting))
        assert "Ik bevestig de geheimhouding" in text(gate)
        client.post(url("meeting_acknowledge", item.meeting))
        agenda = text(client.get(url("meeting_detail", item.meeting)))
        assert url("item_detail", item) in agenda
        assert url("item_detail", other_item) not in agenda
        assert other_item.case.reference not in agenda
        assert SURNAME not in agenda
        page = client.get(url("item_detail", item))
        assert page.status_code == 200
        content = text(page)
        assert SURNAME in content
        assert "U ziet alleen dit agendapunt, niet de rest van de casus." in content
        assert "Plan van aanpak" not in content
        assert client.get(url("item_detail", other_item)).status_code == 404
        assert client.get(url("disclosure_create", other_item)).status_code == 404
        assert case_page_is_hidden(client, personas.ggz_member, item.case)
        assert case_page_is_hidden(client, personas.ggz_member, other_item.case)
        listed = signed_in(personas.ggz_member).get(LIST)
        assert [row.item_count for row in listed.context["rows"]] == [1]

    # After the invitation period.
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        client = signed_in(personas.ggz_member)
        for page in pages:
            assert client.get(page).status_code == 404
        assert client.get(url("disclosure_create", item)).status_code == 404


# Not at the table: 404 everywhere ---------------------------------------------------------


def every_meeting_page(item: AgendaItem, disclosure: Any) -> list[tuple[str, str]]:
    """(method, url) of every meeting page and action."""
    the_meeting = item.meeting
    return [
        ("get", url("meeting_detail", the_meeting)),
        ("post", url("meeting_acknowledge", the_meeting)),
        ("post", url("meeting_status", the_meeting)),
        ("post", url("item_create", the_meeting)),
        ("post", url("attendance_record", the_meeting)),
        ("get", url("item_detail", item)),
        ("post", url("invitation_create", item)),
        ("post", url("item_decision", item)),
        ("post", url("item_plan_adopt", item)),
        ("get", url("disclosure_create", item)),
        ("post", url("disclosure_create", item)),
        ("get", url("disclosure_correct", disclosure)),
        ("post", url("disclosure_correct", disclosure)),
    ]


@pytest.mark.parametrize("persona", NOT_AT_THE_TABLE)
def test_everyone_not_at_the_table_gets_404_on_every_meeting_page_and_action(
    personas, world, signed_in, persona
) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    disclosure = disclosure_record(
        membership=membership_of(personas.police_member),
        item=item,
        data=DisclosureInput(
            content="Bekend bij de politie.",
            categories=["criminal"],
            legal_basis=LegalBasis.objects.get(code="wet-pga"),
            purpose="Weging in het overleg.",
            necessity_note="Alleen wat nodig is.",
            recipients=[personas.zvh],
        ),
    )
    user = getattr(personas, persona)
    client = signed_in(user)
    posted = {
        "status": "cancelled",
        "agenda-case": str(item.case.pk),
        "present": [],
        "uitnodiging-organisation": str(personas.ggz.pk),
        "besluit-text": "Besluit.",
        "besluit-category": "ordinary",
        "based_on_revision": str(draft.revision),
        "content": "X",
    }

    for method, page in every_meeting_page(item, disclosure):
        response = getattr(client, method)(page, posted if method == "post" else None)
        assert response.status_code == 404, (method, page)
        assert SURNAME not in text(response)

    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED
    assert not MeetingAttendance.objects.filter(user=user).exists()
    assert not ItemDecision.objects.exists()
    assert not Invitation.objects.filter(organisation=personas.ggz).exists()
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT
    assert not LogRecord.objects.filter(
        name="agenda_item_read", actor_user_id=str(user.pk)
    ).exists()
