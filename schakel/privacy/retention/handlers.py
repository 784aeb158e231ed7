"""What the sweep does per kind of data: which objects are due, and deleting one batch.

Each handler finds what is due at a moment (its term passed, no legal hold, no open request),
and deletes a batch in one transaction: it locks and re-checks, removes the person data, writes
the deletion records (kind and count, never who) and one processing-log record per person.
What must stay for statistics (dates, outcomes, phases, organisations) stays, without person data.
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from schakel.audit import pruning
from schakel.audit import services as audit
from schakel.audit.choices import Activity, SubjectType
from schakel.audit.models import DeletionRecord
from schakel.cases.choices import CasePhase
from schakel.cases.models import (
    ActionPlanVersion,
    Case,
    Intervention,
    ItemDecision,
)
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.intake import expiry
from schakel.intake.choices import EXPIRABLE_STATUSES
from schakel.intake.models import OnlineResearchEntry, Signal, Subject
from schakel.privacy.choices import RetentionKind
from schakel.privacy.models import (
    Disclosure,
    LegalHold,
    RequestContribution,
    SubjectRequest,
    SupervisionAccess,
)
from schakel.privacy.retention.holds import held_subjects, kind_is_held
from schakel.weighing.models import ItemCriterion, WeighingItem


@dataclass(frozen=True)
class Moment:
    """The moment a run applies the terms for, and each kind's cut-off at that moment."""

    now: datetime
    cutoffs: dict[str, datetime]

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)

    @property
    def hold_day(self) -> date:
        """The day legal holds are checked for: the moment's, or the current day when the run
        goes on past it (resumed, or past midnight) — a hold placed since then counts too."""
        return max(self.today, timezone.localdate())


Key = uuid.UUID


def _record(kind: str, count: int, *, policy: str, run_id: uuid.UUID, now: datetime) -> None:
    if count:
        DeletionRecord.objects.create(
            object_kind=kind, count=count, policy=policy, run_id=run_id, deleted_at=now
        )


def _log(
    policy: str, run_id: uuid.UUID, subjects: list[audit.Subject], by_id: uuid.UUID | None
) -> None:
    from schakel.accounts.models import User

    by = User.objects.filter(pk=by_id).first() if by_id else None
    audit.log_processing(
        activity=Activity.RETENTION,
        name=f"retention_{policy}",
        by=by,
        subjects=subjects,
        attributes={"run": str(run_id), "policy": policy},
    )


def _person(pk: object) -> audit.Subject:
    return audit.Subject(SubjectType.PERSON, str(pk))


def _persons_and_related(
    subject_ids: list[Key], signal_ids: list[Key], related_ids: list[Key]
) -> list[audit.Subject]:
    """A person-wide deletion's log subjects: the person (as weighing and case log them), each
    signal (as the meldpunt logs them) and each related person."""
    return [
        *(_person(pk) for pk in subject_ids),
        *(_person(pk) for pk in signal_ids),
        *(audit.Subject(SubjectType.RELATED_PERSON, str(pk)) for pk in related_ids),
    ]


# --- signals never weighed --------------------------------------------------------------------


def signals_due(moment: Moment) -> list[Key]:
    if kind_is_held(RetentionKind.SIGNAL_NOT_WEIGHED, moment.hold_day):
        return []
    return expiry.expirable_signals(now=moment.now, held=held_subjects(moment.hold_day))


def signals_delete(ids: list[Key], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    return expiry._expire_batch(
        ids, now=moment.now, run_id=run_id, held=held_subjects(moment.hold_day)
    )


# --- weighed without inclusion ----------------------------------------------------------------


def _weighed_not_included(moment: Moment) -> QuerySet[Subject]:
    cutoff = moment.cutoffs[RetentionKind.WEIGHED_NOT_INCLUDED]
    return (
        Subject.objects.filter(weighing_items__isnull=False)
        .filter(~Exists(Case.objects.filter(subject=OuterRef("pk"))))
        .annotate(
            last_decided=Max("weighing_items__decided_at"),
            undecided=Count("weighing_items", filter=Q(weighing_items__outcome="")),
            kept=Count("weighing_items", filter=Q(weighing_items__content_deleted_at=None)),
        )
        .filter(undecided=0, kept__gt=0, last_decided__lte=cutoff)
    )


def weighed_due(moment: Moment) -> list[Key]:
    if kind_is_held(RetentionKind.WEIGHED_NOT_INCLUDED, moment.hold_day):
        return []
    due = _weighed_not_included(moment).exclude(pk__in=held_subjects(moment.hold_day))
    return list(due.order_by("last_decided").values_list("pk", flat=True))  # type: ignore[misc]


def _erase_weighing(
    subject_ids: list[Key], *, now: datetime, run_id: uuid.UUID, policy: str
) -> None:
    items = WeighingItem.objects.filter(subject_id__in=subject_ids, content_deleted_at=None)
    item_ids = list(items.values_list("pk", flat=True))
    notes = ItemCriterion.objects.filter(item_id__in=item_ids).update(note=None, updated_at=now)
    WeighingItem.objects.filter(pk__in=item_ids).update(
        justification=None, content_deleted_at=now, updated_at=now
    )
    _record("weighing_item_content", len(item_ids), policy=policy, run_id=run_id, now=now)
    _record("weighing_criterion_note", notes, policy=policy, run_id=run_id, now=now)


def _erase_signals(
    signals: QuerySet[Signal], *, now: datetime, run_id: uuid.UUID, policy: str
) -> tuple[list[Key], list[Key]]:
    chosen = list(
        signals.select_for_update().filter(person_data_deleted_at=None).order_by("pk")
        .values_list("pk", flat=True)
    )  # fmt: skip
    if not chosen:
        return [], []
    related = expiry.erase_signal_person_data(
        chosen, now=now, run_id=run_id, policy=policy, expire=False
    )
    return chosen, related


def _erase_holds(subject_ids: list[Key], *, now: datetime, run_id: uuid.UUID, policy: str) -> None:
    """Holds of these persons have ended (else they would not be due); their reasons go."""
    ended = LegalHold.objects.filter(subject_id__in=subject_ids, content_deleted_at=None)
    count = ended.update(reason=None, content_deleted_at=now, updated_at=now)
    _record("legal_hold_reason", count, policy=policy, run_id=run_id, now=now)


def weighed_delete(ids: list[Key], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    policy = RetentionKind.WEIGHED_NOT_INCLUDED.value
    with transaction.atomic():
        due = list(
            _weighed_not_included(moment)
            .filter(pk__in=ids)
            .exclude(pk__in=held_subjects(moment.hold_day))
            .values_list("pk", flat=True)
        )
        if not due:
            return 0
        weighed = Signal.objects.filter(
            Exists(WeighingItem.signals.through.objects.filter(
                signal_id=OuterRef("pk"), weighingitem__subject_id__in=due))
        )  # fmt: skip
        signal_ids, related = _erase_signals(weighed, now=moment.now, run_id=run_id, policy=policy)
        _erase_weighing(due, now=moment.now, run_id=run_id, policy=policy)
        _erase_holds(due, now=moment.now, run_id=run_id, policy=policy)
        _log(policy, run_id, _persons_and_related(due, signal_ids, related), by)
    return len(due)


# --- closed cases -----------------------------------------------------------------------------


def _closed_cases(moment: Moment) -> QuerySet[Subject]:
    cutoff = timezone.localdate(moment.cutoffs[RetentionKind.CLOSED_CASE])
    return (
        Subject.objects.filter(cases__isnull=False)
        .annotate(
            open_cases=Count("cases", filter=~Q(cases__phase=CasePhase.CLOSED)),
            kept=Count("cases", filter=Q(cases__content_deleted_at=None)),
            last_closed=Max("cases__retention_starts_on"),
        )
        .filter(open_cases=0, kept__gt=0, last_closed__lte=cutoff)
        # A weighing after the closure (undecided, or decided within its own term) keeps the
        # person until that term has passed too.
        .exclude(Exists(WeighingItem.objects.filter(subject=OuterRef("pk"), outcome="")))
        .exclude(
            Exists(
                WeighingItem.objects.filter(
                    subject=OuterRef("pk"),
                    decided_at__gt=moment.cutoffs[RetentionKind.WEIGHED_NOT_INCLUDED],
                )
            )
        )
    )


def cases_due(moment: Moment) -> list[Key]:
    if kind_is_held(RetentionKind.CLOSED_CASE, moment.hold_day):
        return []
    due = _closed_cases(moment).exclude(pk__in=held_subjects(moment.hold_day))
    return list(due.order_by("last_closed").values_list("pk", flat=True))  # type: ignore[misc]


def _erase_case_content(
    subject_ids: list[Key], *, now: datetime, run_id: uuid.UUID, policy: str
) -> None:
    cases = Case.objects.filter(subject_id__in=subject_ids)
    count = cases.filter(content_deleted_at=None).update(
        informing_note=None, closure_note=None, content_deleted_at=now, updated_at=now
    )
    _record("case_content", count, policy=policy, run_id=run_id, now=now)
    versions = ActionPlanVersion.objects.filter(plan__case__in=cases).update(
        **dict.fromkeys(ANALYSIS_FIELDS.values()),
        goals=None,
        interventions_snapshot=None,
        updated_at=now,
    )
    _record("action_plan_version_content", versions, policy=policy, run_id=run_id, now=now)
    interventions = Intervention.objects.filter(plan__case__in=cases).update(
        description="", outcome=None, updated_at=now
    )
    _record("intervention_content", interventions, policy=policy, run_id=run_id, now=now)
    decisions = ItemDecision.objects.filter(agenda_item__case__in=cases).update(
        text="", updated_at=now
    )
    _record("meeting_decision_text", decisions, policy=policy, run_id=run_id, now=now)
    disclosures = Disclosure.objects.filter(
        agenda_item__case__in=cases, content_deleted_at=None
    ).update(
        content=None, purpose=None, necessity_note=None, content_deleted_at=now, updated_at=now
    )
    _record("disclosure_content", disclosures, policy=policy, run_id=run_id, now=now)
    supervision = SupervisionAccess.objects.filter(case__in=cases).exclude(reason="")
    _record(
        "supervision_reason",
        supervision.update(reason="", updated_at=now),
        policy=policy,
        run_id=run_id,
        now=now,
    )


def cases_delete(ids: list[Key], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    policy = RetentionKind.CLOSED_CASE.value
    with transaction.atomic():
        due = list(
            _closed_cases(moment)
            .filter(pk__in=ids)
            .exclude(pk__in=held_subjects(moment.hold_day))
            .values_list("pk", flat=True)
        )
        if not due:
            return 0
        # Lock the cases: nobody reopens or edits them while their content goes.
        list(Case.objects.select_for_update().filter(subject_id__in=due).values_list("pk"))
        # A signal that joined the person after the closure and still waits for its own
        # expiry keeps its term.
        signals = Signal.objects.filter(subject_id__in=due).exclude(
            status__in=EXPIRABLE_STATUSES, expires_at__gt=moment.now
        )
        signal_ids, related = _erase_signals(signals, now=moment.now, run_id=run_id, policy=policy)
        _erase_weighing(due, now=moment.now, run_id=run_id, policy=policy)
        _erase_case_content(due, now=moment.now, run_id=run_id, policy=policy)
        _erase_holds(due, now=moment.now, run_id=run_id, policy=policy)
        _log(policy, run_id, _persons_and_related(due, signal_ids, related), by)
    return len(due)


# --- online research --------------------------------------------------------------------------


def _research(moment: Moment) -> QuerySet[OnlineResearchEntry]:
    cutoff = moment.cutoffs[RetentionKind.ONLINE_RESEARCH]
    return OnlineResearchEntry.objects.filter(
        created_at__lte=cutoff, content_deleted_at=None
    ).exclude(signal__subject__in=held_subjects(moment.hold_day))


def research_due(moment: Moment) -> list[Key]:
    if kind_is_held(RetentionKind.ONLINE_RESEARCH, moment.hold_day):
        return []
    return list(_research(moment).order_by("created_at").values_list("pk", flat=True))


def research_delete(ids: list[Key], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    policy = RetentionKind.ONLINE_RESEARCH.value
    with transaction.atomic():
        rows = list(
            _research(moment).select_for_update().filter(pk__in=ids).values_list("pk", "signal_id")
        )
        if not rows:
            return 0
        chosen = [pk for pk, _ in rows]
        expiry.erase_research_text(chosen, now=moment.now)
        _record("online_research_text", len(chosen), policy=policy, run_id=run_id, now=moment.now)
        _log(policy, run_id, [_person(signal) for _, signal in rows if signal], by)
    return len(chosen)


# --- data-subject requests --------------------------------------------------------------------


def _requests(moment: Moment) -> QuerySet[SubjectRequest]:
    cutoff = moment.cutoffs[RetentionKind.SUBJECT_REQUEST]
    return SubjectRequest.objects.filter(closed_at__lte=cutoff, content_deleted_at=None).exclude(
        subject__in=held_subjects(moment.hold_day)
    )


def requests_due(moment: Moment) -> list[Key]:
    if kind_is_held(RetentionKind.SUBJECT_REQUEST, moment.hold_day):
        return []
    return list(_requests(moment).order_by("closed_at").values_list("pk", flat=True))


def requests_delete(ids: list[Key], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    policy = RetentionKind.SUBJECT_REQUEST.value
    now = moment.now
    with transaction.atomic():
        rows = list(
            _requests(moment).select_for_update().filter(pk__in=ids).values_list("pk", "subject_id")
        )
        if not rows:
            return 0
        chosen = [pk for pk, _ in rows]
        SubjectRequest.objects.filter(pk__in=chosen).update(
            description=None,
            identity_verification_note=None,
            # The extension's date stays; its reason goes (the constraint wants a value).
            extension_reason="",
            decision_grounds=None,
            content_deleted_at=now,
            updated_at=now,
        )
        SubjectRequest.objects.filter(pk__in=chosen, extended_until=None).update(
            extension_reason=None
        )
        inputs = RequestContribution.objects.filter(request_id__in=chosen).update(
            input=None, updated_at=now
        )
        _record("subject_request_content", len(chosen), policy=policy, run_id=run_id, now=now)
        _record("request_contribution_input", inputs, policy=policy, run_id=run_id, now=now)
        _log(policy, run_id, [_person(subject) for _, subject in rows], by)
    return len(chosen)


# --- the processing log -----------------------------------------------------------------------


def log_due(moment: Moment) -> range:
    """The sequence numbers due: always a prefix of the chain (a range, not a list)."""
    if kind_is_held(RetentionKind.PROCESSING_LOG, moment.hold_day):
        return range(0)
    from schakel.audit.models import ChainHead

    head = ChainHead.objects.get(pk=1)
    through = pruning.due_through(before=moment.cutoffs[RetentionKind.PROCESSING_LOG])
    return range(head.pruned_through + 1, through + 1)


def log_delete(ids: range, moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    policy = RetentionKind.PROCESSING_LOG.value
    with transaction.atomic():
        removed = pruning.prune_batch(
            before=moment.cutoffs[RetentionKind.PROCESSING_LOG],
            now=moment.now,
            run_id=run_id,
            policy=policy,
            batch_size=len(ids),
        )
        if removed:
            _log(policy, run_id, [], by)
    return removed


# --- failed sign-in attempts ------------------------------------------------------------------


def sign_in_failures_due(moment: Moment) -> list[int]:
    from axes.models import AccessFailureLog

    if kind_is_held(RetentionKind.SIGN_IN_FAILURES, moment.hold_day):
        return []
    cutoff = moment.cutoffs[RetentionKind.SIGN_IN_FAILURES]
    due = AccessFailureLog.objects.filter(attempt_time__lte=cutoff).order_by("pk")
    return list(due.values_list("pk", flat=True))


def sign_in_failures_delete(
    ids: list[int], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None
) -> int:
    from axes.models import AccessFailureLog

    policy = RetentionKind.SIGN_IN_FAILURES.value
    cutoff = moment.cutoffs[RetentionKind.SIGN_IN_FAILURES]
    with transaction.atomic():
        removed: int = AccessFailureLog.objects.filter(
            pk__in=ids, attempt_time__lte=cutoff
        ).delete()[0]
        _record("sign_in_failure", removed, policy=policy, run_id=run_id, now=moment.now)
        if removed:
            _log(policy, run_id, [], by)
    return removed


@dataclass(frozen=True)
class Handler:
    kind: str
    due: Callable[[Moment], Sequence[Any]]
    delete: Callable[[Any, Moment, uuid.UUID, uuid.UUID | None], int]


HANDLERS: tuple[Handler, ...] = (
    Handler(RetentionKind.SIGNAL_NOT_WEIGHED, signals_due, signals_delete),
    Handler(RetentionKind.WEIGHED_NOT_INCLUDED, weighed_due, weighed_delete),
    Handler(RetentionKind.CLOSED_CASE, cases_due, cases_delete),
    Handler(RetentionKind.ONLINE_RESEARCH, research_due, research_delete),
    Handler(RetentionKind.SUBJECT_REQUEST, requests_due, requests_delete),
    Handler(RetentionKind.SIGN_IN_FAILURES, sign_in_failures_due, sign_in_failures_delete),
    # Last: the sweep's own log records of this run are not yet due.
    Handler(RetentionKind.PROCESSING_LOG, log_due, log_delete),
)
