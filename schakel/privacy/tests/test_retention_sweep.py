"""The retention sweep with a frozen clock: after it, no trace of a person's identifiers or
free text remains in any table, while deletion records and statistics stay; legal holds and open
requests block it; a stopped run resumes; the processing log is pruned and stays verifiable."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from schakel.audit.models import ChainHead, DeletionRecord, LogRecord
from schakel.audit.verification import verify_processing_log
from schakel.cases.choices import CasePhase
from schakel.cases.models import Case
from schakel.intake.choices import SignalStatus
from schakel.intake.models import IdentityEncoding, RelatedPerson, Signal
from schakel.intake.tests.factories import membership_of
from schakel.legal.choices import RetentionKind
from schakel.privacy.choices import RequestKind, RetentionRunStatus
from schakel.privacy.models import RetentionRun, SubjectRequest
from schakel.privacy.retention import engine, handlers, signal_and_case_handlers
from schakel.privacy.retention.holds import HoldInput, hold_place
from schakel.privacy.tests.retention_world import closed_case, never_weighed, traces
from schakel.weighing.models import WeighingItem

T0 = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
LATER = T0 + timedelta(days=6 * 365)  # past every default term but the log's (7 years)

pytestmark = pytest.mark.django_db(transaction=False)


def test_after_the_sweep_no_trace_of_the_person_remains_but_statistics_do(personas):
    with time_machine.travel(T0, tick=False):
        never = never_weighed(personas, "Qvexa")
        included = closed_case(personas, "Zorbik")
    planted = never.values + included.values
    assert len(traces(planted)) >= len(planted), "every planted value is stored somewhere"
    cases_before = Case.objects.count()
    signals_before = Signal.objects.count()

    with time_machine.travel(LATER, tick=False):
        run = engine.sweep()

    assert run.status == RetentionRunStatus.FINISHED
    assert traces(planted) == []
    # Statistics stay: the case's phase and dates, the weighing's outcome, the signals' rows.
    assert Case.objects.count() == cases_before
    case = Case.objects.get(pk=included.case.pk)  # type: ignore[union-attr]
    assert case.phase == CasePhase.CLOSED
    assert case.content_deleted_at is not None
    assert case.opened_at is not None
    assert case.retention_starts_on is not None
    item = WeighingItem.objects.get(pk=case.opened_from_id)
    assert item.outcome == "include"
    assert item.justification is None
    assert Signal.objects.count() == signals_before
    assert Signal.objects.get(pk=never.signal.pk).status == SignalStatus.EXPIRED
    assert not RelatedPerson.objects.exists()
    assert not IdentityEncoding.objects.exists()
    # The deletion register proves it, per kind and count, in this run, without who.
    kinds = dict(DeletionRecord.objects.filter(run_id=run.pk).values_list("object_kind", "count"))
    assert kinds["signal_person_data"] >= 1
    assert kinds["case_content"] == 1
    assert kinds["disclosure_content"] == 1
    assert kinds["action_plan_version_content"] >= 1
    assert kinds["online_research_text"] == 1
    assert run.progress[RetentionKind.CLOSED_CASE]["deleted"] == 1
    assert run.progress[RetentionKind.SIGNAL_NOT_WEIGHED]["deleted"] == 1
    # Every person's deletion is in the processing log, as a pseudonym only.
    assert LogRecord.objects.filter(name="retention_closed_case").exists()


def test_nothing_is_deleted_before_the_term_ends(personas):
    with time_machine.travel(T0, tick=False):
        included = closed_case(personas, "Wubbo")
    with time_machine.travel(T0 + timedelta(days=4 * 365), tick=False):
        engine.sweep()
    assert traces(["Wubbointerventie", "Wubbovoornaam"]) != []
    assert Case.objects.get(pk=included.case.pk).content_deleted_at is None  # type: ignore[union-attr]


def test_a_legal_hold_blocks_deletion_until_it_ends(personas):
    with time_machine.travel(T0, tick=False):
        held = closed_case(personas, "Hyxo")
    ends = (LATER + timedelta(days=30)).date()
    with time_machine.travel(LATER - timedelta(days=1), tick=False):
        hold = hold_place(
            membership=membership_of(personas.privacy_officer_a),
            data=HoldInput(
                reference=held.case.reference,  # type: ignore[union-attr]
                kind="",
                reason="Lopende procedure Hyxoreden bij de rechtbank.",
                starts_on=None,
                ends_on=ends,
            ),
        )
    with time_machine.travel(LATER, tick=False):
        engine.sweep()
    assert "Hyxointerventie".lower() in " ".join(traces(held.values)).lower()
    with time_machine.travel(datetime.combine(ends, datetime.min.time(), UTC) + timedelta(days=2)):
        engine.sweep()
    assert traces([*held.values, "Hyxoreden"]) == []
    hold.refresh_from_db()
    assert hold.content_deleted_at is not None
    assert hold.ends_on == ends


def test_a_hold_on_a_kind_blocks_that_kind_only(personas):
    with time_machine.travel(T0, tick=False):
        never = never_weighed(personas, "Kindo")
        included = closed_case(personas, "Kaxu")
        hold_place(
            membership=membership_of(personas.police_privacy_officer),
            data=HoldInput(
                reference="",
                kind=RetentionKind.CLOSED_CASE,
                reason="Incidentonderzoek naar verwerkingen.",
                starts_on=None,
                ends_on=(LATER + timedelta(days=400)).date(),
            ),
        )
    with time_machine.travel(LATER, tick=False):
        engine.sweep()
    assert traces(never.values) == []
    assert traces(included.values) != []


def test_an_open_subject_request_holds_the_persons_data(personas):
    with time_machine.travel(T0, tick=False):
        included = closed_case(personas, "Rekwo")
    case = included.case
    assert case is not None
    with time_machine.travel(LATER - timedelta(days=3), tick=False):
        SubjectRequest.objects.create(
            subject=case.subject,
            contact_point=personas.municipality_a,
            kind=RequestKind.ACCESS,
            received_on=(LATER - timedelta(days=3)).date(),
            deadline_on=(LATER + timedelta(days=28)).date(),
            registered_by=personas.lead_a,
        )
    with time_machine.travel(LATER, tick=False):
        engine.sweep()
    assert traces(included.values) != []


def test_a_stopped_run_resumes_with_the_same_moment(personas, monkeypatch):
    with time_machine.travel(T0, tick=False):
        first = never_weighed(personas, "Ruxa")
        second = never_weighed(personas, "Ruxo")
    original = signal_and_case_handlers.signals_delete
    calls = {"n": 0}

    def failing(ids, moment, run_id, by):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return original(ids, moment, run_id, by)

    monkeypatch.setattr(
        handlers,
        "OWN_HANDLERS",
        tuple(
            handlers.Handler(h.kind, h.due, failing) if h.kind == "signal_not_weighed" else h
            for h in handlers.OWN_HANDLERS
        ),
    )
    with time_machine.travel(LATER, tick=False), pytest.raises(RuntimeError):
        engine.sweep(batch_size=1)
    run = RetentionRun.objects.get()
    assert run.status == RetentionRunStatus.FAILED
    assert len(traces(first.values + second.values)) > 0  # one batch done, one not
    with time_machine.travel(LATER + timedelta(hours=1), tick=False):
        resumed = engine.sweep(resume=engine.resumable(), batch_size=1)
    assert resumed.pk == run.pk
    assert resumed.moment == run.moment
    assert resumed.status == RetentionRunStatus.FINISHED
    assert traces(first.values + second.values) == []
    assert (
        sum(
            DeletionRecord.objects.filter(
                run_id=run.pk, object_kind="signal_person_data"
            ).values_list("count", flat=True)
        )
        == 2
    )


def test_the_processing_log_is_pruned_and_stays_verifiable(personas):
    with time_machine.travel(T0, tick=False):
        never_weighed(personas, "Logxa")
    old = LogRecord.objects.count()
    assert old > 0
    with time_machine.travel(T0 + timedelta(days=8 * 365), tick=False):
        never_weighed(personas, "Logxo")
        run = engine.sweep(kinds=[RetentionKind.PROCESSING_LOG])
        report, _ = verify_processing_log()
    assert report.intact, report
    head = ChainHead.objects.get(pk=1)
    assert head.pruned_through == old
    assert not LogRecord.objects.filter(sequence__lte=old).exists()
    assert DeletionRecord.objects.get(run_id=run.pk, object_kind="log_record").count == old


def test_moving_the_anchor_without_the_sweep_is_tampering(personas):
    with time_machine.travel(T0, tick=False):
        never_weighed(personas, "Tampa")
    first = LogRecord.objects.order_by("sequence").first()
    assert first is not None
    ChainHead.objects.filter(pk=1).update(
        pruned_through=first.sequence, pruned_hash=first.record_hash
    )
    first.delete()
    report, _ = verify_processing_log()
    assert not report.intact


def test_preview_counts_what_is_due_without_deleting(personas):
    with time_machine.travel(T0, tick=False):
        never = never_weighed(personas, "Previa")
    with time_machine.travel(LATER, tick=False):
        counts = engine.preview()
    assert counts[RetentionKind.SIGNAL_NOT_WEIGHED] == 1
    assert counts[RetentionKind.ONLINE_RESEARCH] == 1
    assert traces(never.values) != []


def test_policy_terms_are_applied(personas):
    from schakel.privacy.retention.policies import policy_update

    with time_machine.travel(T0, tick=False):
        never = never_weighed(personas, "Termo")
        policy_update(by=personas.admin_a, kind=RetentionKind.SIGNAL_NOT_WEIGHED, months=2, note="")
        policy_update(by=personas.admin_a, kind=RetentionKind.ONLINE_RESEARCH, months=2, note="")
    assert Signal.objects.get(pk=never.signal.pk).expires_at.date() == date(2026, 3, 12)
    with time_machine.travel(T0 + timedelta(days=62), tick=False):
        engine.sweep()
    assert traces(never.values) == []


def test_failed_sign_in_attempts_go_after_their_term(personas):
    from axes.models import AccessFailureLog

    with time_machine.travel(T0, tick=False):
        AccessFailureLog.objects.create(
            username="vergeten@example.org", ip_address="127.0.0.1", user_agent="test",
            path_info="/inloggen/", http_accept="text/html", locked_out=False,
        )  # fmt: skip
    with time_machine.travel(T0 + timedelta(days=60), tick=False):
        engine.sweep()
    assert AccessFailureLog.objects.count() == 1
    with time_machine.travel(T0 + timedelta(days=100), tick=False):
        run = engine.sweep()
    assert not AccessFailureLog.objects.exists()
    assert DeletionRecord.objects.get(run_id=run.pk, object_kind="sign_in_failure").count == 1


def test_a_later_signal_or_weighing_of_the_person_keeps_its_own_term(personas):
    with time_machine.travel(T0, tick=False):
        included = closed_case(personas, "Latro")
    case = included.case
    assert case is not None
    with time_machine.travel(LATER - timedelta(days=30), tick=False):
        later = never_weighed(personas, "Nieuwo")
        Signal.objects.filter(pk=later.signal.pk).update(subject=case.subject)
    with time_machine.travel(LATER, tick=False):
        engine.sweep()
    # The case's person data went; the signal that joined later waits for its own expiry.
    assert traces(["Latrointerventie", "Latrovoornaam"]) == []
    assert traces(["Nieuwovoornaam", "Nieuwowaarneming"]) != []
    with time_machine.travel(LATER + timedelta(days=400), tick=False):
        engine.sweep()
    assert traces(later.values) == []
