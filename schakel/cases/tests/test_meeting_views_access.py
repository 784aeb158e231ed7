"""Who sees the consultation meeting's screens: the incidental partner only during its
invitation period (on a frozen clock), and a 404 for everyone who is not at the table."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases import selectors
from schakel.cases.choices import MeetingStatus, PlanVersionStatus
from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.models import AgendaItem, Invitation, ItemDecision, MeetingAttendance
from schakel.cases.tests.factories import invite
from schakel.cases.tests.meeting_view_helpers import LIST, SURNAME, draft_of, text, url
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

pytestmark = pytest.mark.django_db

NOT_AT_THE_TABLE = [
    "school_member", "lead_b", "outsider", "director_other", "privacy_officer_a", "admin_a",
]  # fmt: skip


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
