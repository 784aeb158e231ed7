"""Putting a person on the agenda: the signals offered tell themselves apart without names, in
an accessible table of radio buttons, and showing them is logged per person in one write."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import weighed_signal
from schakel.intake.log_subjects import person
from schakel.intake.tests.factories import register
from schakel.weighing.tests.view_helpers import session_url, text

pytestmark = pytest.mark.django_db


def offered_rows(content: str) -> list[str]:
    table = content.split("Signalen die u kunt aanmelden")[1].split("</table>")[0]
    return [row for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S) if "<td" in row]


def test_signals_alike_are_told_apart_by_what_the_lead_already_sees(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    offered = [
        register(user, residence=personas.municipality_a, surname="Zeewind").signal
        for user in (personas.police_member, personas.school_member, personas.lead_a)
    ]
    client = signed_in(personas.lead_a)

    with CaptureQueriesContext(connection) as queries:
        content = text(client.get(session_url(weighed.session)))

    rows = offered_rows(content)
    assert len(rows) == 3
    assert len(set(rows)) == 3
    for signal in offered:
        assert f"Signaal {signal.reference}" in content
    assert any("Politie-eenheid Noordkaap" in row for row in rows)
    assert any("Scholengroep Noordkaap" in row for row in rows)
    assert any("Gemeente Aldermeer" in row for row in rows)
    assert all(re.search(r"\d{1,2}:\d{2}</time>", row) for row in rows)  # time received
    assert "Zeewind" not in content
    assert '<th class="utrecht-table__header-cell" scope="row">' in content
    assert re.search(r'<input type="radio" name="signal" [^>]*id="id_signal_0"', content)
    assert re.search(r'<label class="[^"]*utrecht-form-label--radio" for="id_signal_0">', content)
    assert "<caption" in content
    # One record per signal offered, written in one statement.
    assert sorted(
        LogRecord.objects.filter(name="weighing_signals_offered_read").values_list(
            "data_subject_id", flat=True
        )
    ) == sorted(person(signal).pseudonym for signal in offered)
    assert (
        sum(
            q["sql"].startswith("3 times: INSERT INTO audit_logrecord")
            for q in queries.captured_queries
        )
        == 1
    )


def test_participants_who_cannot_add_see_no_signals_and_log_none(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    register(personas.police_member, residence=personas.municipality_a, surname="Zeewind")

    content = text(signed_in(personas.om_member).get(session_url(weighed.session)))

    assert "Signalen die u kunt aanmelden" not in content
    assert not LogRecord.objects.filter(name="weighing_signals_offered_read").exists()


def test_choosing_a_signal_from_the_table_puts_the_person_on_the_agenda(
    personas, signed_in
) -> None:
    weighed = weighed_signal(personas)
    waiting = register(personas.police_member, residence=personas.municipality_a, surname="Zee")
    client = signed_in(personas.lead_a)

    response = client.post(
        session_url(weighed.session, "item_add"), {"signal": str(waiting.signal.pk)}
    )

    assert response.status_code == 302
    assert weighed.session.items.count() == 2
