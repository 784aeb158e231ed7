"""The weighing through its screens (server-rendered, no JavaScript): plan a session, put a
person on the agenda, record the decision; who sees what, and what lists never show."""

import html
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.models import Case
from schakel.cases.tests.factories import (
    JUSTIFICATION,
    arrangement_for,
    decision,
    weighed_signal,
    weighing_session,
)
from schakel.intake.tests.factories import membership_of, register
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.selectors import active_criteria
from schakel.weighing.services import item_add, item_decide

pytestmark = pytest.mark.django_db

LIST = reverse("weighing:session_list")
CREATE = reverse("weighing:session_create")
SURNAME = "Hoogeveld"  # the fictional person of the intake factories


def session_url(session: WeighingSession, name: str = "session_detail") -> str:
    return reverse(f"weighing:{name}", kwargs={"pk": session.pk})


def item_url(item: WeighingItem, name: str = "item_detail") -> str:
    return reverse(f"weighing:{name}", kwargs={"pk": item.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def decision_data(outcome: str = WeighingOutcome.INCLUDE, **overrides: Any) -> dict[str, Any]:
    criteria = list(active_criteria()[:2])
    data: dict[str, Any] = {
        "outcome": outcome,
        "criteria": [str(c.pk) for c in criteria],
        "justification": JUSTIFICATION,
        "justification_category": "ordinary",
        "follow_up_on": "",
        "process_director": "",
    }
    for criterion in criteria:
        data[f"note_{criterion.pk}"] = "Besproken met politie en OM."
    data.update(overrides)
    return data


# The whole flow -----------------------------------------------------------------------------


def test_the_meldpunt_plans_adds_a_person_and_includes_them(personas, signed_in) -> None:
    arrangement = arrangement_for(personas.municipality_a)
    client: Client = signed_in(personas.lead_a)
    assert "Weging plannen" in text(client.get(LIST))

    form = text(client.get(CREATE))
    assert "Deelnemende organisaties" in form
    # Staff of another organisation appear by function and organisation, not by name.
    assert "Beleidsmedewerker – Politie-eenheid Noordkaap" in form
    assert personas.police_member.full_name not in form
    held_on = timezone.localdate() + timedelta(days=3)
    response = client.post(
        CREATE,
        {
            "afspraak": str(arrangement.pk),
            "held_on": held_on.isoformat(),
            "held_at_time": "09:30",
            "participants": [
                str(personas.municipality_a.pk),
                str(personas.police.pk),
                str(personas.om.pk),
            ],
            "chair": str(personas.lead_a.pk),
        },
    )
    session = WeighingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session_url(session)
    assert session.chair == personas.lead_a
    assert timezone.localtime(session.held_at).date() == held_on
    assert set(session.participants.all()) == {
        personas.municipality_a,
        personas.police,
        personas.om,
    }

    signal = register(personas.police_member, residence=personas.municipality_a).signal
    detail = text(client.get(session_url(session)))
    assert f"Signaal {signal.reference}" in detail
    assert SURNAME not in detail
    response = client.post(session_url(session, "item_add"), {"signal": str(signal.pk)})
    item = WeighingItem.objects.get()
    assert response.status_code == 302
    assert "De persoon staat op de agenda" in text(client.get(session_url(session)))

    page = text(client.get(item_url(item)))
    assert SURNAME in page
    assert "Deelt op school teksten" in page
    assert "Soort gegevens: Gewone persoonsgegevens" in page
    assert "Besluit vastleggen" in page

    response = client.post(
        item_url(item, "item_decide"), decision_data(process_director=str(personas.director.pk))
    )

    assert response.status_code == 302
    case = Case.objects.get(opened_from=item)
    assert case.directing_municipality == personas.municipality_a
    assert case.process_director == personas.director
    assert case.zvh == personas.zvh
    page = text(client.get(item_url(item)))
    assert "Het besluit van de weging is vastgelegd." in page
    assert "Opnemen in de persoonsgerichte aanpak" in page
    assert JUSTIFICATION in page
    assert "Besproken met politie en OM." in page
    assert case.reference in page
    assert "Besluit vastleggen" not in page


def test_a_decision_without_justification_is_shown_again_and_saves_nothing(
    personas, signed_in
) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(justification="   "),
    )

    assert response.status_code == 200
    content = text(response)
    assert "Er is nog niets opgeslagen" in content
    assert "Onderbouw de noodzaak, proportionaliteit en subsidiariteit van het besluit." in content
    # What was typed is still there, and what was ticked.
    assert "Besproken met politie en OM." in content
    first = active_criteria()[0]
    assert f'value="{first.pk}" id="id_criteria_0" checked' in content
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""
    assert not Case.objects.exists()


def test_a_decision_needs_criteria_and_a_date_for_more_information(personas, signed_in):
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(WeighingOutcome.MORE_INFORMATION, criteria=[]),
    )

    content = text(response)
    assert "Geef aan welke criteria zijn overwogen." in content
    assert "Vul de datum in waarop de weging een vervolg krijgt." in content
    # A note by an unticked criterion is not silently dropped.
    assert "niet is aangevinkt" in content
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""


def test_more_information_shows_as_a_follow_up_without_person_data(personas, signed_in):
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)
    due = timezone.localdate() + timedelta(days=14)

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(WeighingOutcome.MORE_INFORMATION, follow_up_on=due.isoformat()),
    )

    assert response.status_code == 302
    content = text(client.get(LIST))
    assert "Vervolg van eerdere wegingen" in content
    assert "Meer informatie nodig" in content
    assert item_url(weighed.item) in content
    assert SURNAME not in content


def test_someone_else_deciding_first_is_a_clear_conflict_and_keeps_the_input(
    personas, signed_in
) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)
    item_decide(
        membership=membership_of(personas.colleague_a),
        item=weighed.item,
        data=decision(WeighingOutcome.NO_ACTION),
    )

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(justification="Mijn eigen onderbouwing, niet opgeslagen."),
    )

    assert response.status_code == 409
    content = text(response)
    assert "Iemand anders heeft intussen over dit punt besloten" in content
    assert "Mijn eigen onderbouwing, niet opgeslagen." in content
    assert "Geen actie" in content
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == WeighingOutcome.NO_ACTION
    assert not Case.objects.exists()


# Planning ------------------------------------------------------------------------------------


def test_a_session_without_the_om_is_refused_with_the_input_kept(personas, signed_in) -> None:
    arrangement_for(personas.municipality_a)
    client = signed_in(personas.lead_a)

    response = client.post(
        CREATE,
        {
            "held_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "held_at_time": "14:00",
            "participants": [str(personas.municipality_a.pk), str(personas.police.pk)],
            "chair": str(personas.ggz_member.pk),
        },
    )

    assert response.status_code == 200
    content = text(response)
    assert "Aan een weging nemen ten minste een gemeente, de politie en het OM deel." in content
    assert "De voorzitter werkt voor een deelnemende of de faciliterende organisatie." in content
    assert 'value="14:00"' in content
    assert not WeighingSession.objects.exists()


def test_with_several_arrangements_the_arrangement_is_chosen_first(personas, signed_in):
    own = arrangement_for(personas.municipality_a)
    regional = arrangement_for(
        personas.municipality_a, personas.municipality_b, facilitator=personas.municipality_a
    )
    client = signed_in(personas.lead_a)

    step = text(client.get(CREATE))
    assert "Kies eerst voor welke afspraak" in step
    assert own.name in step
    assert regional.name in step

    form = text(client.get(CREATE, {"afspraak": str(regional.pk)}))
    assert personas.municipality_b.name in form
    assert 'name="participants"' in form

    foreign = arrangement_for(personas.municipality_b)
    response = client.post(CREATE, {"afspraak": str(foreign.pk)})
    assert response.status_code == 404


def test_closing_asks_for_confirmation_and_hides_items_from_the_police(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    police = signed_in(personas.police_member)
    assert SURNAME in text(police.get(item_url(weighed.item)))
    lead = signed_in(personas.lead_a)

    confirm = text(lead.get(session_url(weighed.session, "session_close")))
    assert "Weet u zeker dat u dit overleg wilt sluiten?" in confirm
    assert "1 wegingspunt is nog niet besloten." in confirm
    weighed.session.refresh_from_db()
    assert weighed.session.status == SessionStatus.OPEN

    response = lead.post(session_url(weighed.session, "session_close"))

    assert response.status_code == 302
    weighed.session.refresh_from_db()
    assert weighed.session.status == SessionStatus.CLOSED
    assert police.get(item_url(weighed.item)).status_code == 404
    # The directing municipality keeps its item; nothing more can be decided.
    page = text(lead.get(item_url(weighed.item)))
    assert SURNAME in page
    assert "Besluit vastleggen" not in page
    assert lead.post(item_url(weighed.item, "item_decide"), decision_data()).status_code == 404


# Who sees what ------------------------------------------------------------------------------

OUTSIDERS = [
    "lead_b",
    "outsider",
    "school_member",
    "privacy_officer_a",
    "admin_a",
    "director_other",
]


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_get_404_for_every_page_and_action(personas, signed_in, persona) -> None:
    weighed = weighed_signal(personas)
    other = register(personas.lead_a, residence=personas.municipality_a, surname="Zeewind")
    client = signed_in(getattr(personas, persona))

    pages = [
        client.get(session_url(weighed.session)),
        client.get(session_url(weighed.session, "session_close")),
        client.get(item_url(weighed.item)),
        client.get(CREATE),
        client.post(CREATE, {"afspraak": str(weighed.session.arrangement_id)}),
        client.post(session_url(weighed.session, "item_add"), {"signal": str(other.signal.pk)}),
        client.post(session_url(weighed.session, "session_close")),
        client.post(item_url(weighed.item, "item_decide"), decision_data()),
    ]

    assert [page.status_code for page in pages] == [404] * len(pages)
    weighed.item.refresh_from_db()
    weighed.session.refresh_from_db()
    assert weighed.item.outcome == ""
    assert weighed.session.status == SessionStatus.OPEN
    assert WeighingItem.objects.count() == 1
    assert not LogRecord.objects.filter(name="weighing_item_read").exists()


@pytest.mark.parametrize("persona", ["lead_b", "outsider", "school_member", "director_other"])
def test_the_list_of_others_does_not_show_the_session(personas, signed_in, persona) -> None:
    weighed = weighed_signal(personas)

    response = signed_in(getattr(personas, persona)).get(LIST)

    assert response.status_code == 200
    assert weighed.session.reference not in text(response)
    assert "Weging plannen" not in text(response)


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_roles_that_never_sit_at_the_table_get_404_for_the_list(personas, signed_in, persona):
    assert signed_in(getattr(personas, persona)).get(LIST).status_code == 404


def test_participants_see_but_do_not_decide_add_or_close(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    other = register(personas.lead_a, residence=personas.municipality_a, surname="Zeewind")
    client = signed_in(personas.police_member)

    listing = text(client.get(LIST))
    assert weighed.session.reference in listing
    # The chair (of another organisation) by function and organisation only.
    assert "Beleidsmedewerker – Gemeente Aldermeer" in listing
    assert personas.lead_a.full_name not in listing
    detail = text(client.get(session_url(weighed.session)))
    assert "Persoon aanmelden" not in detail
    assert "Overleg sluiten" not in detail
    assert "Besluit vastleggen" not in text(client.get(item_url(weighed.item)))
    assert client.get(CREATE).status_code == 404
    responses = [
        client.post(session_url(weighed.session, "item_add"), {"signal": str(other.signal.pk)}),
        client.get(session_url(weighed.session, "session_close")),
        client.post(session_url(weighed.session, "session_close")),
        client.post(item_url(weighed.item, "item_decide"), decision_data()),
    ]
    assert [r.status_code for r in responses] == [404] * len(responses)


def test_reading_an_item_writes_a_log_record(personas, signed_in) -> None:
    weighed = weighed_signal(personas)

    signed_in(personas.om_member).get(item_url(weighed.item))

    record = LogRecord.objects.get(name="weighing_item_read")
    assert record.activity_id == "weighing"


def test_lists_show_no_person_data(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    register(personas.lead_a, residence=personas.municipality_a, surname="Zeewind")
    client = signed_in(personas.lead_a)

    for url in (LIST, session_url(weighed.session)):
        content = text(client.get(url))
        assert SURNAME not in content
        assert "Zeewind" not in content
        assert "Daan" not in content
    assert not LogRecord.objects.filter(name="weighing_item_read").exists()


def test_the_signal_select_offers_only_weighable_signals_of_the_own_residents(
    personas, signed_in
) -> None:
    weighed = weighed_signal(personas)
    waiting = register(personas.lead_a, residence=personas.municipality_a, surname="Zeewind")
    elsewhere = register(personas.lead_b, residence=personas.municipality_b, surname="Duinrand")
    content = text(signed_in(personas.lead_a).get(session_url(weighed.session)))

    assert f"Signaal {waiting.signal.reference}" in content
    assert f"Signaal {weighed.signal.reference}" not in content  # already on the agenda
    assert f"Signaal {elsewhere.signal.reference}" not in content


def test_a_signal_of_another_municipality_cannot_be_posted(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    elsewhere = register(personas.lead_b, residence=personas.municipality_b, surname="Duinrand")

    response = signed_in(personas.lead_a).post(
        session_url(weighed.session, "item_add"), {"signal": str(elsewhere.signal.pk)}
    )

    assert response.status_code == 200
    assert "geldige keuze" in text(response)
    assert WeighingItem.objects.count() == 1


# Query counts -------------------------------------------------------------------------------


LETTERS = "abcdefghij"


def _sessions_with_items(personas: Any, sessions: int, per_session: int) -> WeighingSession:
    lead = membership_of(personas.lead_a)
    arrangement = arrangement_for(personas.municipality_a)
    last = None
    for number in range(sessions):
        last = weighing_session(personas, arrangement=arrangement)
        for index in range(per_session):
            signal = register(
                personas.police_member,
                residence=personas.municipality_a,
                surname=f"Zee{LETTERS[number]}{LETTERS[index]}",
                address=f"Weg {number}-{index}",
            ).signal
            item = item_add(membership=lead, session=last, signal=signal)
            if index % 2:
                item_decide(
                    membership=lead,
                    item=item,
                    data=decision(
                        WeighingOutcome.REWEIGH,
                        follow_up_on=timezone.localdate() + timedelta(days=30),
                    ),
                )
    assert last is not None
    return last


@pytest.mark.parametrize("size", [1, 6])
def test_the_session_list_query_count_does_not_grow(
    personas, signed_in, django_assert_max_num_queries, size
) -> None:
    _sessions_with_items(personas, sessions=size, per_session=size)
    client = signed_in(personas.lead_a)

    with django_assert_max_num_queries(16):
        response = client.get(LIST)

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_the_session_detail_query_count_does_not_grow(
    personas, signed_in, django_assert_max_num_queries, size
) -> None:
    session = _sessions_with_items(personas, sessions=1, per_session=size)
    client = signed_in(personas.lead_a)

    with django_assert_max_num_queries(16):
        response = client.get(session_url(session))

    assert response.status_code == 200
