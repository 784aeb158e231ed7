"""The consultation API: meetings, the confidentiality acknowledgment, agenda items, invitations,
disclosures (immutable; corrections), decisions, adopting the plan, the calendar feed and the
legal-basis catalogue."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests import conftest as api_fixtures
from schakel.audit.models import LogRecord
from schakel.cases.choices import ClosureReason, MeetingStatus, PlanVersionStatus
from schakel.cases.meeting_services import meeting_acknowledge, meeting_set_status
from schakel.cases.models import (
    AgendaItem,
    Case,
    ConsultationMeeting,
    ItemDecision,
    MeetingAttendance,
)
from schakel.cases.plan_services import PlanInput, plan_update
from schakel.cases.services import case_close
from schakel.cases.tests.factories import invite, meeting, on_agenda, open_case
from schakel.intake.tests.factories import membership_of
from schakel.privacy.models import Disclosure, LegalBasis

pytestmark = pytest.mark.django_db

# The API tests' token fixtures (a client per persona), shared with this module.
api_client = api_fixtures.api_client
token_for = api_fixtures.token_for

PROBLEM = "application/problem+json"
OUTSIDERS = [
    "lead_b",
    "outsider",
    "director_other",
    "school_member",
    "privacy_officer_a",
    "admin_a",
]
ACK_TYPE = "urn:schakel:problem:acknowledgment-required"


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def assert_not_found(response: Any) -> None:
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:not-found"


def assert_problem(response: Any, status: int, slug: str) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == f"urn:schakel:problem:{slug}"


def acknowledge(user: Any, the_meeting: ConsultationMeeting) -> None:
    meeting_acknowledge(membership=membership_of(user), meeting=the_meeting)


def basis(code: str | None = None) -> LegalBasis:
    bases = LegalBasis.objects.filter(is_active=True)
    found = bases.filter(code=code).first() if code else None
    return found or bases.filter(organisation_kinds=[]).first() or bases.first()  # type: ignore[return-value]


def disclosure_body(personas: Any, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "content": "Bekend bij de politie wegens bedreiging op sociale media.",
        "categories": ["criminal"],
        "legal_basis": str(basis().pk),
        "purpose": "Gezamenlijke aanpak bepalen.",
        "necessity_note": "Noodzakelijk voor de risicotaxatie; geen lichter middel.",
        "recipients": [str(personas.municipality_a.pk), str(personas.zvh.pk)],
    }
    body.update(overrides)
    return body


@pytest.fixture
def case(personas) -> Case:
    return open_case(personas)


@pytest.fixture
def item(personas, case) -> AgendaItem:
    return on_agenda(personas, case)


# --- meetings ----------------------------------------------------------------------------------


def test_the_director_schedules_a_meeting(personas, api_client) -> None:
    starts = timezone.now() + timedelta(days=5)
    response = post(
        api_client(personas.director),
        url("meeting-list"),
        {
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "place": "Vergaderzaal 1",
        },
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "planned"
    assert data["zvh"]["name"] == "ZVH Noordkaap"
    assert data["chair"].endswith(f"– ZVH Noordkaap ({personas.zvh.mailbox})")
    assert personas.director.full_name not in response.content.decode()
    assert ConsultationMeeting.objects.get().chair == personas.director


def test_scheduling_checks_times_and_place_in_dutch(personas, api_client) -> None:
    starts = timezone.now() + timedelta(days=5)
    response = post(
        api_client(personas.director),
        url("meeting-list"),
        {"starts_at": starts.isoformat(), "ends_at": starts.isoformat(), "place": "  "},
    )

    assert response.status_code == 400
    assert messages(response) == {
        "ends_at": ["De eindtijd ligt vóór de begintijd."],
        "place": ["Vul de plaats of de verbinding in."],
    }
    assert not ConsultationMeeting.objects.exists()


def test_a_chair_from_elsewhere_is_refused(personas, api_client) -> None:
    starts = timezone.now() + timedelta(days=5)
    response = post(
        api_client(personas.director),
        url("meeting-list"),
        {
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "place": "Zaal",
            "chair": str(personas.director_other.pk),
        },
    )

    assert messages(response) == {"chair": ["Kies een medewerker van uw Zorg- en Veiligheidshuis."]}


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director_other", "admin_a"])
def test_only_process_directors_schedule_here_others_get_404(personas, api_client, persona) -> None:
    response = post(api_client(getattr(personas, persona)), url("meeting-list"), {})

    if persona == "director_other":
        assert response.status_code == 400  # a director of their own ZVH: input is checked
    else:
        assert_not_found(response)


def test_meetings_are_listed_for_those_with_a_visible_item(
    personas, api_client, item, django_assert_max_num_queries
) -> None:
    for _ in range(4):
        meeting(personas)
    director = api_client(personas.director)
    director.get(url("meeting-list"))

    with django_assert_max_num_queries(12):
        response = director.get(url("meeting-list"))

    assert response.json()["count"] == 5
    police = api_client(personas.police_member).get(url("meeting-list")).json()
    assert [row["id"] for row in police["results"]] == [str(item.meeting_id)]
    assert api_client(personas.lead_b).get(url("meeting-list")).json()["count"] == 0
    filtered = director.get(url("meeting-list"), {"status": "held"}).json()
    assert filtered["count"] == 0


def test_opening_a_meeting_needs_the_acknowledgment_first(personas, api_client, item) -> None:
    client = api_client(personas.police_member)

    response = client.get(url("meeting-detail", item.meeting_id))
    assert_problem(response, 409, "acknowledgment-required")
    assert response.json()["title"] == "Geheimhouding nog niet bevestigd"
    assert response.json()["title_en"] == "Confidentiality not yet acknowledged"
    assert "acknowledgment" in response.json()["detail"]

    ack = post(client, url("meeting-acknowledgment", item.meeting_id))
    assert ack.status_code == 200
    assert ack.json()["meeting"] == str(item.meeting_id)
    again = post(client, url("meeting-acknowledgment", item.meeting_id))
    assert again.json()["acknowledged_at"] == ack.json()["acknowledged_at"]
    assert MeetingAttendance.objects.filter(user=personas.police_member).count() == 1

    response = client.get(url("meeting-detail", item.meeting_id))
    assert response.status_code == 200, response.content
    data = response.json()
    assert [row["id"] for row in data["agenda_items"]] == [str(item.pk)]
    assert data["agenda_items"][0]["case"]["reference"] == item.case.reference
    [attendance] = data["attendances"]
    assert attendance["organisation"]["name"] == "Politie-eenheid Noordkaap"
    assert personas.police_member.full_name not in response.content.decode()
    assert data["may_edit_agenda"] is False
    assert "Hoogeveld" not in response.content.decode()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_get_404_for_meetings_and_items(personas, api_client, item, persona) -> None:
    client = api_client(getattr(personas, persona))
    acknowledge(personas.director, item.meeting)
    disclosure = post(
        api_client(personas.director), url("agenda-item-disclosures", item.pk),
        disclosure_body(personas, recipients=[str(personas.police.pk)]),
    )  # fmt: skip
    assert disclosure.status_code == 201, disclosure.content
    disclosure_id = disclosure.json()["id"]

    assert_not_found(client.get(url("meeting-detail", item.meeting_id)))
    assert_not_found(post(client, url("meeting-acknowledgment", item.meeting_id)))
    assert_not_found(post(client, url("meeting-agenda-items", item.meeting_id), {"case": "x"}))
    assert_not_found(client.get(url("agenda-item-detail", item.pk)))
    assert_not_found(post(client, url("agenda-item-invitations", item.pk), {}))
    assert_not_found(client.get(url("agenda-item-disclosures", item.pk)))
    assert_not_found(post(client, url("agenda-item-disclosures", item.pk), {}))
    assert_not_found(client.get(url("disclosure-detail", disclosure_id)))
    assert_not_found(post(client, url("disclosure-corrections", disclosure_id), {}))
    assert_not_found(post(client, url("agenda-item-decisions", item.pk), {"text": "Besluit"}))
    assert_not_found(post(client, url("agenda-item-plan-adoption", item.pk), {}))
    assert not MeetingAttendance.objects.exclude(user=personas.director).exists()


# --- agenda items and invitations --------------------------------------------------------------


def test_the_director_puts_a_case_on_the_agenda(personas, api_client, case) -> None:
    the_meeting = meeting(personas)
    client = api_client(personas.director)

    response = post(client, url("meeting-agenda-items", the_meeting.pk), {"case": str(case.pk)})

    assert response.status_code == 201, response.content
    assert response.json()["case"] == {"id": str(case.pk), "reference": case.reference}
    again = post(client, url("meeting-agenda-items", the_meeting.pk), {"case": str(case.pk)})
    assert messages(again) == {"case": ["Deze casus staat al op de agenda."]}


def test_a_case_of_another_zvh_cannot_go_on_the_agenda(personas, api_client) -> None:
    the_meeting = meeting(personas)
    response = post(
        api_client(personas.director),
        url("meeting-agenda-items", the_meeting.pk),
        {"case": "00000000-0000-0000-0000-000000000000"},
    )

    assert messages(response) == {"case": ["Deze casus kan niet op deze agenda."]}


def test_the_agenda_of_a_held_meeting_is_fixed(personas, api_client, case, item) -> None:
    meeting_set_status(
        membership=membership_of(personas.director), meeting=item.meeting, status="held"
    )
    other = open_case(personas, given_names="Ilse", surname="Brandsma")

    response = post(
        api_client(personas.director),
        url("meeting-agenda-items", item.meeting_id),
        {"case": str(other.pk)},
    )

    assert_problem(response, 409, "conflict")


def test_the_agenda_item_holds_the_person_and_logs_the_read(personas, api_client, item) -> None:
    acknowledge(personas.om_member, item.meeting)

    response = api_client(personas.om_member).get(url("agenda-item-detail", item.pk))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["person"]["surname"] == "Hoogeveld"
    assert data["full_access"] is True
    assert data["meeting"]["id"] == str(item.meeting_id)
    assert {org["name"] for org in data["at_table"]} >= {
        "Gemeente Aldermeer",
        "ZVH Noordkaap",
        "Politie-eenheid Noordkaap",
        "OM Arrondissement Noordkaap",
    }
    assert data["may_disclose"] is True
    assert data["may_minute"] is False
    assert LogRecord.objects.filter(name="agenda_item_read").exists()


def test_the_agenda_item_needs_the_acknowledgment(personas, api_client, item) -> None:
    response = api_client(personas.om_member).get(url("agenda-item-detail", item.pk))

    assert_problem(response, 409, "acknowledgment-required")
    assert not LogRecord.objects.filter(name="agenda_item_read").exists()


def test_an_incidental_partner_sees_the_item_only_during_the_invitation(
    personas, api_client, item
) -> None:
    today = timezone.localdate()
    response = post(
        api_client(personas.director),
        url("agenda-item-invitations", item.pk),
        {
            "organisation": str(personas.ggz.pk),
            "valid_from": (today + timedelta(days=2)).isoformat(),
            "valid_until": (today + timedelta(days=9)).isoformat(),
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "incidental"
    acknowledge(personas.director, item.meeting)
    client = api_client(personas.ggz_member)

    assert_not_found(client.get(url("agenda-item-detail", item.pk)))
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        client = api_client(personas.ggz_member)
        assert post(client, url("meeting-acknowledgment", item.meeting_id)).status_code == 200
        during = client.get(url("agenda-item-detail", item.pk))
        assert during.status_code == 200
        assert during.json()["full_access"] is False
        assert during.json()["draft"] is None
        assert_not_found(client.get(url("case-detail", item.case_id)))
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        assert_not_found(api_client(personas.ggz_member).get(url("agenda-item-detail", item.pk)))


def test_an_invitation_period_in_the_past_is_refused(personas, api_client, item) -> None:
    response = post(
        api_client(personas.director),
        url("agenda-item-invitations", item.pk),
        {"organisation": str(personas.ggz.pk), "valid_until": "2020-01-01"},
    )

    assert response.status_code == 400
    assert "valid_until" in messages(response)


# --- disclosures -------------------------------------------------------------------------------


def test_a_partner_records_a_disclosure(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    client = api_client(personas.police_member)

    response = post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))

    assert response.status_code == 201, response.content
    data = response.json()
    disclosure = Disclosure.objects.get()
    assert data["id"] == str(disclosure.pk)
    assert data["from_organisation"]["name"] == "Politie-eenheid Noordkaap"
    assert data["data_categories"] == ["criminal"]
    assert data["corrects"] is None
    assert {r["name"] for r in data["recipients"]} == {"Gemeente Aldermeer", "ZVH Noordkaap"}
    assert data["disclosed_by"].endswith(f"– Politie-eenheid Noordkaap ({personas.police.mailbox})")
    assert LogRecord.objects.filter(name="disclosure_recorded").exists()


def test_a_disclosure_needs_basis_categories_and_note(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)

    response = post(api_client(personas.police_member), url("agenda-item-disclosures", item.pk))

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert messages(response) == {
        "content": ["Vul in wat u inbrengt."],
        "purpose": ["Vul het doel van de verstrekking in."],
        "necessity_note": ["Licht noodzaak, proportionaliteit en subsidiariteit toe."],
        "categories": ["Kies minstens één categorie persoonsgegevens."],
        "legal_basis": ["Kies de grondslag van de verstrekking."],
        "recipients": ["Kies aan wie u de informatie verstrekt."],
    }
    assert not Disclosure.objects.exists()


def test_recipients_must_be_at_the_table(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    body = disclosure_body(personas, recipients=[str(personas.school.pk)])

    response = post(
        api_client(personas.police_member), url("agenda-item-disclosures", item.pk), body
    )

    assert messages(response) == {
        "recipients": ["U verstrekt alleen aan andere organisaties aan tafel."]
    }


def test_disclosures_need_the_acknowledgment(personas, api_client, item) -> None:
    client = api_client(personas.police_member)

    assert_problem(
        client.get(url("agenda-item-disclosures", item.pk)), 409, "acknowledgment-required"
    )
    assert_problem(
        post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas)),
        409,
        "acknowledgment-required",
    )
    assert not Disclosure.objects.exists()


def test_who_sees_which_disclosure(personas, api_client, item) -> None:
    for user in (personas.police_member, personas.om_member, personas.lead_a):
        acknowledge(user, item.meeting)
    to_lead = post(
        api_client(personas.police_member),
        url("agenda-item-disclosures", item.pk),
        disclosure_body(personas, recipients=[str(personas.municipality_a.pk)]),
    ).json()

    lead = api_client(personas.lead_a).get(url("agenda-item-disclosures", item.pk)).json()
    om = api_client(personas.om_member).get(url("agenda-item-disclosures", item.pk)).json()

    assert [row["id"] for row in lead["results"]] == [to_lead["id"]]
    assert om["count"] == 0
    assert_not_found(api_client(personas.om_member).get(url("disclosure-detail", to_lead["id"])))
    detail = api_client(personas.lead_a).get(url("disclosure-detail", to_lead["id"]))
    assert detail.status_code == 200
    assert detail.json()["content"].startswith("Bekend bij de politie")


def test_a_disclosure_cannot_be_changed_or_deleted(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    client = api_client(personas.police_member)
    created = post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))
    path = url("disclosure-detail", created.json()["id"])

    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(
            path, {"content": "Anders"}, content_type="application/json"
        )
        assert_problem(response, 405, "method-not-allowed")
        assert "PUT" not in response["Allow"]
    assert Disclosure.objects.get().content.startswith("Bekend bij de politie")


def test_a_correction_is_a_new_disclosure_and_only_once(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    acknowledge(personas.lead_a, item.meeting)
    client = api_client(personas.police_member)
    original = post(client, url("agenda-item-disclosures", item.pk), disclosure_body(personas))
    path = url("disclosure-corrections", original.json()["id"])

    assert_not_found(post(api_client(personas.lead_a), path, disclosure_body(personas)))
    response = post(client, path, disclosure_body(personas, content="Correctie: alleen online."))

    assert response.status_code == 201, response.content
    assert response.json()["corrects"] == original.json()["id"]
    assert Disclosure.objects.count() == 2
    assert Disclosure.objects.get(pk=original.json()["id"]).content.startswith("Bekend")
    again = post(client, path, disclosure_body(personas))
    assert_problem(again, 409, "conflict")
    assert "corrigeer de correctie" in again.json()["detail"]
    assert LogRecord.objects.filter(name="disclosure_corrected").exists()


def test_disclosures_in_a_cancelled_meeting_are_a_conflict(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)
    meeting_set_status(
        membership=membership_of(personas.director), meeting=item.meeting, status="cancelled"
    )

    response = post(
        api_client(personas.police_member),
        url("agenda-item-disclosures", item.pk),
        disclosure_body(personas),
    )

    assert_problem(response, 409, "conflict")


def test_legal_bases_are_the_active_catalogue(
    personas, api_client, django_assert_max_num_queries
) -> None:
    client = api_client(personas.police_member)
    client.get(url("legal-basis-list"))

    with django_assert_max_num_queries(10):
        response = client.get(url("legal-basis-list"))

    assert response.status_code == 200
    rows = response.json()["results"]
    assert {row["code"] for row in rows} == set(
        LegalBasis.objects.filter(is_active=True).values_list("code", flat=True)
    )
    assert set(rows[0]) == {
        "id", "code", "name", "name_en", "citation", "description", "organisation_kinds",
    }  # fmt: skip


# --- decisions and adopting the plan -----------------------------------------------------------


def test_who_runs_the_meeting_records_a_decision(personas, api_client, item) -> None:
    acknowledge(personas.director, item.meeting)
    client = api_client(personas.director)

    empty = post(client, url("agenda-item-decisions", item.pk), {"text": " "})
    assert messages(empty) == {"text": ["Vul het besluit in."]}
    response = post(
        client, url("agenda-item-decisions", item.pk), {"text": "Huisbezoek door de wijkagent."}
    )

    assert response.status_code == 201, response.content
    assert response.json()["text_category"] == "ordinary"
    assert ItemDecision.objects.get().text == "Huisbezoek door de wijkagent."


def test_partners_may_not_record_decisions(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)

    response = post(
        api_client(personas.police_member), url("agenda-item-decisions", item.pk), {"text": "x"}
    )

    assert_not_found(response)


def test_decisions_on_a_closed_case_are_a_conflict(personas, api_client, item) -> None:
    acknowledge(personas.director, item.meeting)
    case_close(
        membership=membership_of(personas.director),
        case=item.case,
        reason=ClosureReason.GOALS_REACHED,
    )

    response = post(
        api_client(personas.director), url("agenda-item-decisions", item.pk), {"text": "x"}
    )

    assert_problem(response, 409, "conflict")


def draft_of(personas: Any, case: Case) -> Any:
    return plan_update(
        membership=membership_of(personas.director),
        case=case,
        data=PlanInput(
            analysis={"housing": "Woont bij ouders."},
            goals="Afstand tot de groep.",
            based_on_version=None,
            based_on_revision=None,
        ),
    )


def test_the_meeting_adopts_the_draft(personas, api_client, item) -> None:
    draft = draft_of(personas, item.case)
    acknowledge(personas.director, item.meeting)
    client = api_client(personas.director)

    response = post(
        client, url("agenda-item-plan-adoption", item.pk), {"based_on_revision": draft.revision}
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "adopted"
    assert response.json()["adopted_in"] == str(item.pk)
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED
    nothing = post(client, url("agenda-item-plan-adoption", item.pk), {"based_on_revision": 1})
    assert messages(nothing) == {"plan": ["Er is geen conceptversie om vast te stellen."]}


def test_adopting_an_outdated_revision_is_a_conflict_and_adopts_nothing(
    personas, api_client, item
) -> None:
    draft = draft_of(personas, item.case)
    acknowledge(personas.director, item.meeting)

    response = post(
        api_client(personas.director),
        url("agenda-item-plan-adoption", item.pk),
        {"based_on_revision": draft.revision + 5},
    )

    assert_problem(response, 409, "conflict")
    data = response.json()
    assert data["saved"] is False
    assert data["current_version"] == str(draft.pk)
    assert data["current_revision"] == draft.revision
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT


def test_adopting_needs_a_revision(personas, api_client, item) -> None:
    acknowledge(personas.director, item.meeting)

    response = post(api_client(personas.director), url("agenda-item-plan-adoption", item.pk), {})

    assert messages(response) == {"based_on_revision": ["Dit veld is vereist."]}


# --- the calendar feed -------------------------------------------------------------------------


def test_the_calendar_feed_has_the_visible_meetings_without_person_data(
    personas, api_client, item
) -> None:
    cancelled = meeting(personas)
    meeting_set_status(
        membership=membership_of(personas.director),
        meeting=cancelled,
        status=MeetingStatus.CANCELLED,
    )

    response = api_client(personas.director).get(url("meeting-calendar"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content.decode()
    assert content.startswith("BEGIN:VCALENDAR")
    assert content.count("BEGIN:VEVENT") == 2
    assert "STATUS:CANCELLED" in content
    for word in ("Hoogeveld", item.case.reference, personas.director.full_name):
        assert word not in content
    police = api_client(personas.police_member).get(url("meeting-calendar")).content.decode()
    assert police.count("BEGIN:VEVENT") == 1
    empty = api_client(personas.lead_b).get(url("meeting-calendar")).content.decode()
    assert "BEGIN:VEVENT" not in empty


def test_the_calendar_feed_needs_a_token(personas) -> None:
    response = Client().get(url("meeting-calendar"))

    assert_problem(response, 401, "not-authenticated")


def test_invited_partners_meeting_shows_only_their_item(personas, api_client, case, item) -> None:
    other = on_agenda(
        personas, open_case(personas, given_names="Ilse", surname="Brandsma"), item.meeting
    )
    invite(personas, other, personas.ggz)
    acknowledge(personas.ggz_member, item.meeting)

    data = api_client(personas.ggz_member).get(url("meeting-detail", item.meeting_id)).json()

    assert [row["id"] for row in data["agenda_items"]] == [str(other.pk)]
