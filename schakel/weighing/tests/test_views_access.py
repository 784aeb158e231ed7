"""The weighing screens per persona: who sees what, what lists never show, and query counts
that do not grow with the sessions."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import (
    OUTSIDERS,
    arrangement_for,
    decision,
    weighed_signal,
    weighing_session,
)
from schakel.intake.tests.factories import membership_of, register
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.services import item_add, item_decide
from schakel.weighing.tests.view_helpers import (
    CREATE,
    LIST,
    SURNAME,
    decision_data,
    item_url,
    session_url,
    text,
)

pytestmark = pytest.mark.django_db


# Who sees what ------------------------------------------------------------------------------


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
    assert "Kies een van de mogelijkheden die er staan." in text(response)
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
