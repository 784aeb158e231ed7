"""The case page's overview: the phase bar, the timeline per persona (nobody sees more than
elsewhere), its read record and query count, and the document buttons (issue 13, item 4)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.stepup import SESSION_KEY
from schakel.audit.models import LogRecord
from schakel.cases.choices import MeetingStatus
from schakel.cases.lifecycle_services import case_close
from schakel.cases.models import Case, ConsultationMeeting
from schakel.cases.tests.case_view_helpers import text, url
from schakel.cases.tests.factories import on_agenda, open_case, planned_intervention
from schakel.cases.timeline import phase_steps
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

TIMELINE = re.compile(r'<section[^>]*aria-labelledby="verloop".*?</section>', re.S)
PHASES = re.compile(r'<ol class="schakel-phases">.*?</ol>', re.S)


def timeline_of(page: str) -> str:
    found = TIMELINE.search(page)
    assert found is not None
    return found.group(0)


def links_in(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)"', html)


# The phase bar ------------------------------------------------------------------------------


def test_the_phase_bar_marks_the_current_step_and_the_steps_before_it(personas, signed_in) -> None:
    case = open_case(personas)
    page = text(signed_in(personas.lead_a).get(url("case_detail", case)))
    bar = PHASES.search(page)
    assert bar is not None
    steps = re.findall(r"<li ([^>]*)>(.*?)</li>", bar.group(0), re.S)
    assert [re.sub(r"<.*?>|\s*\(.*\)", "", label) for _attrs, label in steps] == [
        "Signaal", "Weging", "Casusoverleg", "Monitoring", "Nazorg", "Afgesloten",
    ]  # fmt: skip
    current = [label for attrs, label in steps if 'aria-current="step"' in attrs]
    assert len(current) == 1
    assert current[0].startswith("Casusoverleg")
    assert "(huidige fase)" in current[0]
    assert "(afgerond)" in steps[0][1]
    assert "(afgerond)" in steps[1][1]
    assert "(nog niet bereikt)" in steps[3][1]


def test_a_case_closed_without_aftercare_shows_aftercare_as_skipped(personas) -> None:
    case = open_case(personas)
    case_close(
        membership=membership_of(personas.director), case=case, reason="goals_reached", note=""
    )
    case.refresh_from_db()
    states = [step.state for step in phase_steps(case)]
    # Closed straight from consultation: neither monitoring nor aftercare happened.
    assert states == ["done", "done", "done", "skipped", "skipped", "current"]


def test_a_case_that_was_monitored_shows_monitoring_as_done(personas) -> None:
    from schakel.cases.lifecycle_services import case_to_monitoring

    case = open_case(personas)
    director = membership_of(personas.director)
    case = case_to_monitoring(membership=director, case=case)
    assert case.monitoring_started_at is not None
    case_close(membership=director, case=case, reason="goals_reached", note="")
    case.refresh_from_db()
    states = [step.state for step in phase_steps(case)]
    assert states == ["done", "done", "done", "done", "skipped", "current"]


# The timeline per persona -------------------------------------------------------------------


def test_the_lead_sees_the_whole_course_newest_first(personas, signed_in, scene) -> None:
    page = text(signed_in(personas.lead_a).get(url("case_detail", scene.case_one)))
    timeline = timeline_of(page)
    signal = scene.case_one.opened_from.signals.get()
    # The lead's meldpunt registered the signal and weighed it: both are in the course.
    assert reverse("intake:signal_detail", kwargs={"pk": signal.pk}) in timeline
    assert reverse("weighing:item_detail", kwargs={"pk": scene.case_one.opened_from_id}) in (
        timeline
    )
    assert "Casus geopend" in timeline
    assert reverse("cases:meeting_detail", kwargs={"pk": scene.meeting.pk}) in timeline
    assert "Versie 1 vastgesteld in het casusoverleg van" in timeline
    assert "Ingebracht door Politie-eenheid Noordkaap" in timeline
    assert "Start: Bestuurlijk, door Politie-eenheid Noordkaap" in timeline
    # Newest first: the dates in the datetime attributes never go up.
    stamps = re.findall(r'<time datetime="([^"]+)"', timeline)
    assert stamps == sorted(stamps, key=lambda s: s[:10], reverse=True)
    # No free text of a disclosure, a decision or the plan.
    assert "Inbreng bij" not in timeline


def test_the_process_director_and_the_police_do_not_see_the_signals(
    personas, signed_in, scene
) -> None:
    signal = scene.case_one.opened_from.signals.get()
    for user in (personas.director, personas.police_member):
        timeline = timeline_of(text(signed_in(user).get(url("case_detail", scene.case_one))))
        assert reverse("intake:signal_detail", kwargs={"pk": signal.pk}) not in timeline
        assert "Signaal" not in timeline
        assert "Casus geopend" in timeline


def test_a_partner_sees_only_the_disclosures_its_item_page_shows(
    personas, signed_in, scene
) -> None:
    """Case two: the police told only the ZVH, the GGZ told the ZVH and the municipality."""
    steering = timeline_of(text(signed_in(personas.lead_a).get(url("case_detail", scene.case_two))))
    assert "Ingebracht door GGZ Noordkaap" in steering
    assert "Ingebracht door Politie-eenheid Noordkaap" in steering
    police = timeline_of(
        text(signed_in(personas.police_member).get(url("case_detail", scene.case_two)))
    )
    assert "Ingebracht door Politie-eenheid Noordkaap" in police
    assert "GGZ Noordkaap" not in police


@pytest.mark.parametrize("who", ["ggz_member", "privacy_officer_a", "lead_b", "director_other"])
def test_whoever_may_not_see_the_case_gets_no_timeline(personas, signed_in, scene, who) -> None:
    """The GGZ is invited to an agenda item of case two only: it sees that item, not the case."""
    client = signed_in(getattr(personas, who))
    for case in (scene.case_one, scene.case_two):
        assert client.get(url("case_detail", case)).status_code == 404


@pytest.mark.parametrize("who", ["lead_a", "director", "police_member", "om_member"])
def test_every_link_in_the_timeline_opens_for_the_viewer(personas, signed_in, scene, who) -> None:
    """Nobody reaches anything through the course that they could not open before."""
    client = signed_in(getattr(personas, who))
    timeline = timeline_of(text(client.get(url("case_detail", scene.case_one))))
    links = links_in(timeline)
    assert links
    for link in links:
        # (An agenda item first asks for the meeting's confidentiality acknowledgment.)
        assert client.get(link, follow=True).status_code == 200, link


def test_the_read_record_names_what_the_page_showed(personas, signed_in, scene) -> None:
    signed_in(personas.lead_a).get(url("case_detail", scene.case_one))
    record = LogRecord.objects.filter(name="case_read").order_by("-sequence").first()
    assert record is not None
    assert record.attributes["interventions"] == 1
    assert record.attributes["timeline_entries"] >= 7


def test_the_timeline_does_not_grow_in_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    case = open_case(personas)
    client = signed_in(personas.lead_a)
    client.get(url("case_detail", case))
    # 27 today: the page, the read record and four for the course (signals, weighing item,
    # disclosures, with the lists the page already had).
    with django_assert_max_num_queries(30) as few:
        client.get(url("case_detail", case))
    director = membership_of(personas.director)
    for days in (10, 20, 30):
        item = on_agenda(personas, case)
        starts = timezone.now() + timedelta(days=days)
        ConsultationMeeting.objects.filter(pk=item.meeting_id).update(
            starts_at=starts, ends_at=starts + timedelta(hours=2)
        )
        planned_intervention(
            director, case, kind="care", owner=personas.police, description="Gesprek.", days=days
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = text(client.get(url("case_detail", case)))
    assert timeline_of(page).count("schakel-timeline__entry--meeting") == 3


# Document buttons ---------------------------------------------------------------------------


def test_the_case_and_plan_pages_link_the_plan_pdf_and_offer_printing(
    personas, signed_in, scene
) -> None:
    client = signed_in(personas.director)
    pdf = reverse("cases:plan_version_pdf", kwargs={"pk": scene.case_one.pk, "number": 1})
    case_page = text(client.get(url("case_detail", scene.case_one)))
    plan_page = text(client.get(url("plan_version", scene.case_one, number=1)))
    for page in (case_page, plan_page):
        assert f'href="{pdf}"' in page
        # The print button is added by a static script; without it the placeholder is hidden.
        assert 'data-schakel-print="Afdrukken" hidden' in page
        assert "js/print-button.js" in page
    # Without a fresh step-up the link leads to the step-up page and back.
    session = client.session
    session.pop(SESSION_KEY, None)
    session.save()
    answer = client.get(pdf)
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("accounts:step_up"))


def test_the_meeting_pages_link_the_minutes_and_the_calendar(personas, signed_in, scene) -> None:
    client = signed_in(personas.director)
    minutes = reverse("cases:meeting_minutes_pdf", kwargs={"pk": scene.meeting.pk})
    calendar = reverse("cases:meeting_calendar")
    detail = reverse("cases:meeting_detail", kwargs={"pk": scene.meeting.pk})
    listing = reverse("cases:meeting_list")
    # A planned meeting has no minutes yet.
    assert minutes not in text(client.get(detail))
    assert minutes not in text(client.get(listing))
    ConsultationMeeting.objects.filter(pk=scene.meeting.pk).update(status=MeetingStatus.HELD)
    for page in (text(client.get(detail)), text(client.get(listing))):
        assert f'href="{minutes}"' in page
        assert f'href="{calendar}"' in page
    assert client.get(calendar)["Content-Type"].startswith("text/calendar")


def test_a_closed_case_is_still_overviewed_for_the_lead(personas, signed_in) -> None:
    case = open_case(personas)
    case_close(
        membership=membership_of(personas.director), case=case, reason="goals_reached", note=""
    )
    page = text(signed_in(personas.lead_a).get(url("case_detail", case)))
    assert "Afgesloten: Doelen bereikt" in timeline_of(page)
    assert Case.objects.get(pk=case.pk).is_closed
