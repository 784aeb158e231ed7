"""The one writer of the processing log: what a record holds, and that it fails closed."""

import datetime as dt
import threading

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from schakel.accounts.activities import AccountActivity
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.accounts.services import membership_create
from schakel.accounts.tests.factories import UserFactory
from schakel.audit import services
from schakel.audit.choices import StatusCode, SubjectType
from schakel.audit.models import ChainHead, LogRecord
from schakel.audit.services import ProcessingLogError, Subject, employee, log_processing
from schakel.audit.verification import verify_processing_log
from schakel.cases.activities import CaseActivity
from schakel.core import context
from schakel.core.pseudonyms import log_subject_pseudonym
from schakel.network.tests.factories import OrganisationFactory
from schakel.privacy.activities import PrivacyActivity

INCOMING_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
INCOMING_PARENT = "00f067aa0ba902b7"

pytestmark = pytest.mark.django_db


def request_context(**changes: str) -> context.RequestContext:
    values = {
        "trace_id": "0af7651916cd43dd8448eb211c80319c",
        "span_id": "b7ad6b7169203331",
        "origin": "192.0.2.10",
        "membership_id": "m-1",
        "organisation_id": "org-1",
        "role": Role.MUNICIPAL_LEAD.value,
    }
    return context.RequestContext(**{**values, **changes})


def test_a_record_holds_trace_actor_origin_and_a_pseudonym_not_the_subject_id() -> None:
    actor, subject = UserFactory(), UserFactory()
    with context.activated(request_context()), transaction.atomic():
        [record] = log_processing(
            activity=AccountActivity.ACCOUNT_ADMINISTRATION,
            name="account.user.update",
            by=actor,
            subjects=[employee(subject)],
            attributes={"field": "function_title", "count": 1, "changed": True},
        )

    stored = LogRecord.objects.get()
    assert stored.sequence == record.sequence == 1
    assert stored.trace_id == "0af7651916cd43dd8448eb211c80319c"
    assert stored.parent_span_id == "b7ad6b7169203331"
    assert len(stored.span_id) == 16
    assert stored.span_id != stored.parent_span_id
    assert stored.name == "account.user.update"
    assert stored.activity_id == AccountActivity.ACCOUNT_ADMINISTRATION
    assert stored.status_code == StatusCode.OK
    assert stored.result == "ok"
    assert stored.start_time <= stored.end_time
    assert stored.actor_user_id == str(actor.pk)
    assert stored.actor_organisation_id == "org-1"
    assert stored.actor_role == Role.MUNICIPAL_LEAD
    assert stored.origin == "192.0.2.10"
    assert stored.data_subject_type == SubjectType.EMPLOYEE
    assert stored.data_subject_id == log_subject_pseudonym("employee", str(subject.pk))
    assert str(subject.pk) not in stored.data_subject_id
    assert stored.attributes == {"field": "function_title", "count": 1, "changed": True}
    assert stored.record_hash == record.record_hash
    assert ChainHead.objects.get().sequence == 1


def test_one_record_per_subject_in_one_trace_each_its_own_span_under_the_request_span() -> None:
    subjects = [Subject(SubjectType.PERSON, f"person-{n}") for n in range(3)]
    with context.activated(request_context()), transaction.atomic():
        log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="case.read",
            by=UserFactory(),
            subjects=subjects,
        )

    records = list(LogRecord.objects.order_by("sequence"))
    assert [r.sequence for r in records] == [1, 2, 3]
    assert {r.trace_id for r in records} == {"0af7651916cd43dd8448eb211c80319c"}
    assert {r.parent_span_id for r in records} == {"b7ad6b7169203331"}
    assert len({r.span_id for r in records}) == 3
    assert [r.data_subject_id for r in records] == [s.pseudonym for s in subjects]
    assert [r.previous_hash for r in records[1:]] == [r.record_hash for r in records[:-1]]
    assert verify_processing_log()[0].intact


def test_an_action_without_subject_gets_one_record_and_a_system_action_no_actor() -> None:
    [record] = log_processing(
        activity=PrivacyActivity.STATISTICS, name="statistics.compute", by=None
    )

    assert record.data_subject_id == ""
    assert record.data_subject_type == ""
    assert record.actor_user_id == record.actor_organisation_id == record.actor_role == ""
    assert record.origin == "system"


def test_outside_a_request_each_call_starts_its_own_system_trace() -> None:
    first = log_processing(activity=PrivacyActivity.STATISTICS, name="a", by=None)[0]
    second = log_processing(activity=PrivacyActivity.STATISTICS, name="b", by=None)[0]

    assert first.trace_id != second.trace_id


def add_membership(*, by, user, organisation) -> Membership:
    return membership_create(
        by=by,
        user=user,
        organisation=organisation,
        role=Role.MUNICIPAL_LEAD,
        valid_from=dt.date(2026, 1, 1),
        valid_until=None,
    )


def test_a_failing_log_write_rolls_back_the_action(monkeypatch) -> None:
    admin, user, organisation = UserFactory(), UserFactory(), OrganisationFactory()
    # The database refuses the log record (here: its table cannot be found).
    for name in ("_INSERT_SQL", "_INSERT_ONE_AND_MOVE_HEAD_SQL"):
        broken = getattr(services, name).replace("audit_logrecord", "audit_logrecord_gone")
        monkeypatch.setattr(services, name, broken)

    with pytest.raises(DatabaseError):
        add_membership(by=admin, user=user, organisation=organisation)

    assert not Membership.objects.filter(user=user, organisation=organisation).exists()
    assert not LogRecord.objects.exists()
    assert ChainHead.objects.get().sequence == 0


def test_without_a_chain_head_no_action_happens() -> None:
    admin, user, organisation = UserFactory(), UserFactory(), OrganisationFactory()
    ChainHead.objects.all().delete()

    with pytest.raises(ProcessingLogError):
        add_membership(by=admin, user=user, organisation=organisation)

    assert not Membership.objects.filter(user=user, organisation=organisation).exists()
    assert not LogRecord.objects.exists()


def test_a_logged_action_and_its_record_are_committed_together() -> None:
    admin, user, organisation = UserFactory(), UserFactory(), OrganisationFactory()

    membership = add_membership(by=admin, user=user, organisation=organisation)

    record = LogRecord.objects.get(name="account.membership.create")
    assert record.attributes["membership"] == str(membership.pk)
    assert record.actor_user_id == str(admin.pk)


@pytest.mark.parametrize("value", [1.5, None, ["a"], {"nested": 1}])
def test_attributes_are_flat_codes_and_counts_only(value: object) -> None:
    with pytest.raises(TypeError):
        log_processing(
            activity=PrivacyActivity.STATISTICS,
            name="x",
            by=None,
            attributes={"value": value},  # type: ignore[dict-item]
        )
    assert not LogRecord.objects.exists()


def test_a_field_with_the_unit_separator_is_refused_so_boundaries_cannot_shift() -> None:
    with pytest.raises(ValueError, match="separator"), transaction.atomic():
        log_processing(activity=PrivacyActivity.STATISTICS, name="a\x1fb", by=None)
    assert not LogRecord.objects.exists()


def test_a_traceparent_sent_in_is_in_the_record_and_in_the_response(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    response = client.post(
        reverse("accounts:logout"),
        headers={"traceparent": f"00-{INCOMING_TRACE}-{INCOMING_PARENT}-01"},
    )

    record = LogRecord.objects.get(name="account.sign_out")
    version, trace_id, span_id, flags = response["traceparent"].split("-")
    assert (version, trace_id, flags) == ("00", INCOMING_TRACE, "01")
    assert span_id not in (INCOMING_PARENT, "0" * 16)
    assert record.trace_id == INCOMING_TRACE
    assert record.parent_span_id == span_id
    assert record.actor_organisation_id == str(personas.municipality_a.pk)
    assert record.origin == "127.0.0.1"


@pytest.mark.parametrize(
    "header",
    [
        "not-a-traceparent",
        f"01-{INCOMING_TRACE}-{INCOMING_PARENT}-01",
        f"00-{'0' * 32}-{INCOMING_PARENT}-01",
        f"00-{INCOMING_TRACE.upper()}-{INCOMING_PARENT}-01",
    ],
)
def test_an_invalid_traceparent_is_ignored_and_a_new_trace_started(
    personas, signed_in, header: str
) -> None:
    client = signed_in(personas.admin_a)

    response = client.post(reverse("accounts:logout"), headers={"traceparent": header})

    record = LogRecord.objects.get(name="account.sign_out")
    trace_id = response["traceparent"].split("-")[1]
    assert trace_id not in (INCOMING_TRACE, INCOMING_TRACE.upper(), "0" * 32)
    assert record.trace_id == trace_id


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises all writers; PostgreSQL only"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_keep_one_intact_chain() -> None:
    actor = UserFactory()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def write(worker: int) -> None:
        try:
            start.wait()
            for number in range(200):
                with transaction.atomic():
                    log_processing(
                        activity=CaseActivity.CASE_CONSULTATION,
                        name="case.update",
                        by=actor,
                        subjects=[Subject(SubjectType.PERSON, f"{worker}-{number}")],
                    )
        except BaseException as exc:  # pragma: no cover (reported below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert LogRecord.objects.count() == 400
    report, _run = verify_processing_log()
    assert report.intact
    assert report.records_checked == 400
