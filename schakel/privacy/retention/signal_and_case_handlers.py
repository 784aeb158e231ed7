"""Retention handlers for person data of the meldpunt and the case work: signals never weighed,
subjects weighed without inclusion, closed cases and online research. Each finds what is due
and deletes one batch in one transaction, locking and re-checking first.
"""

import uuid
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from schakel.cases.choices import CasePhase
from schakel.cases.models import (
    ActionPlanVersion,
    Case,
    Disclosure,
    Intervention,
    ItemDecision,
)
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.core.retention import Moment
from schakel.intake import expiry
from schakel.intake.choices import EXPIRABLE_STATUSES
from schakel.intake.models import OnlineResearchEntry, Signal, Subject
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import LegalHold, SupervisionAccess
from schakel.privacy.retention.batch import Key, _log, _person, _persons_and_related, _record
from schakel.privacy.retention.holds import held_subjects, kind_is_held
from schakel.weighing.models import ItemCriterion, WeighingItem

# --- signals never weighed --------------------------------------------------------------------


def signals_due(moment: Moment) -> list[Key]:
    if kind_is_held(RetentionKind.SIGNAL_NOT_WEIGHED, moment.hold_day):
        return []
    return expiry.expirable_signals(now=moment.now, held=held_subjects(moment.hold_day))


def signals_delete(ids: list[Key], moment: Moment, run_id: uuid.UUID, by: uuid.UUID | None) -> int:
    return expiry.expire_batch(
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
