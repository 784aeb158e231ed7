"""Reads for the privacy officer: the register and the state of the processing log's chain.

Neither holds person data: the register describes activities, the status counts records.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from schakel.accounts.models import User
from schakel.audit.models import ChainHead, ProcessingActivity, VerificationRun


@dataclass(frozen=True)
class IntegrityStatus:
    records: int
    last_run: VerificationRun | None


def processing_register(*, user: User) -> QuerySet[ProcessingActivity]:
    return ProcessingActivity.objects.order_by("name")


def integrity_status(*, user: User) -> IntegrityStatus:
    head = ChainHead.objects.filter(pk=1).first()
    return IntegrityStatus(
        records=head.sequence if head else 0,
        last_run=VerificationRun.objects.order_by("-started_at").first(),
    )
