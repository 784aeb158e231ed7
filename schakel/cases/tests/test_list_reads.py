"""Lists of interventions show what a person gets (kind, owner, life domain, status): the page
or API answer logs one read per person shown, in one write, and nothing for rows not shown
(issue 13, item 7)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests.helpers import url
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.verification import verify_processing_log
from schakel.cases.models import Case, Intervention
from schakel.cases.tests.factories import open_case
from schakel.cases.tests.plan_view_helpers import INTERVENTIONS, add_intervention

pytestmark = pytest.mark.django_db

NAMES = ["Anna", "Bram", "Cato"]


def person(case: Case) -> str:
    return audit.Subject(SubjectType.PERSON, str(case.subject_id)).pseudonym


def list_records(name: str = "intervention_list_read") -> list[LogRecord]:
    return list(LogRecord.objects.filter(name=name).order_by("sequence"))


def cases_with_interventions(personas) -> list[Case]:
    cases = []
    for name in NAMES:
        case = open_case(personas, given_names=name)
        add_intervention(personas, case)
        add_intervention(personas, case, owner=personas.om)
        cases.append(case)
    return cases


def test_the_intervention_list_logs_each_person_once_in_one_write(personas, signed_in) -> None:
    cases = cases_with_interventions(personas)
    client = signed_in(personas.police_member)
    with mock.patch.object(audit, "log_processing", wraps=audit.log_processing) as writer:
        client.get(INTERVENTIONS)
    calls = [c for c in writer.call_args_list if c.kwargs["name"] == "intervention_list_read"]
    assert len(calls) == 1
    records = list_records()
    # Six rows, three persons: one record each, next to each other in the chain.
    assert sorted(r.data_subject_id for r in records) == sorted(person(c) for c in cases)
    assert [r.sequence for r in records] == list(
        range(records[0].sequence, records[0].sequence + 3)
    )
    assert {r.attributes["rows"] for r in records} == {6}
    assert {r.actor_user_id for r in records} == {str(personas.police_member.pk)}
    report, _run = verify_processing_log()
    assert report.intact


def test_rows_not_shown_are_not_logged(personas, signed_in) -> None:
    """Filtered to the police's own interventions: the case with only the OM's is not shown."""
    shown = open_case(personas, given_names="Anna")
    add_intervention(personas, shown)
    hidden = open_case(personas, given_names="Bram")
    add_intervention(personas, hidden, owner=personas.om)
    client = signed_in(personas.police_member)
    client.get(INTERVENTIONS, {"eigen": "on"})
    assert [r.data_subject_id for r in list_records()] == [person(shown)]


def test_an_empty_list_writes_nothing(personas, signed_in) -> None:
    signed_in(personas.police_member).get(INTERVENTIONS)
    assert list_records() == []


def test_the_api_lists_log_the_persons_on_the_page(personas, api_client) -> None:
    cases = cases_with_interventions(personas)
    client = api_client(personas.director)
    with mock.patch.object(audit, "log_processing", wraps=audit.log_processing) as writer:
        assert client.get(url("intervention-list")).status_code == 200
    assert [c.kwargs["name"] for c in writer.call_args_list] == ["intervention_list_read"]
    assert sorted(r.data_subject_id for r in list_records()) == sorted(person(c) for c in cases)

    LogRecord.objects.filter(name="intervention_list_read").delete()
    answer = client.get(url("case-interventions", cases[0].pk))
    assert answer.json()["count"] == 2
    assert [r.data_subject_id for r in list_records()] == [person(cases[0])]


def test_the_dashboard_logs_the_persons_of_its_overdue_interventions(personas, signed_in) -> None:
    late = open_case(personas, given_names="Anna")
    intervention = add_intervention(personas, late)
    on_time = open_case(personas, given_names="Bram")
    add_intervention(personas, on_time)
    Intervention.objects.filter(pk=intervention.pk).update(
        starts_on=timezone.localdate() - timedelta(days=20),
        due_on=timezone.localdate() - timedelta(days=1),
    )
    signed_in(personas.director).get(reverse("core:dashboard"))
    records = list_records("dashboard_interventions_read")
    assert [r.data_subject_id for r in records] == [person(late)]
