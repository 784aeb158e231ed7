"""Retention handlers for the records kept about the handling itself: handled data-subject
requests, the processing log and failed sign-in attempts. Each finds what is due and deletes
one batch in one transaction.
"""

import uuid

from django.db import transaction
from django.db.models import QuerySet

from schakel.audit import pruning
from schakel.core.retention import Moment
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import (
    RequestContribution,
    SubjectRequest,
)
from schakel.privacy.retention.batch import Key, _log, _person, _record
from schakel.privacy.retention.holds import held_subjects, kind_is_held

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
