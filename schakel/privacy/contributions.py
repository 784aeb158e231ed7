"""What privacy adds to the whole (``schakel.core.extensions``)."""

import uuid

from schakel.intake.models import Subject
from schakel.privacy.demo import seed_privacy_demo
from schakel.privacy.models import LegalHold, SubjectRequest


def _demo_request() -> str:
    if seed_privacy_demo():
        return "Fictief AVG-verzoek met inbreng en een bewaarplicht toegevoegd."
    return ""


DEMO_DATA = [_demo_request]


def _move_requests_and_holds(*, joined: list[uuid.UUID], into: Subject) -> None:
    """Two persons found to be one: their data-subject requests and legal holds move along."""
    SubjectRequest.objects.filter(subject_id__in=joined).update(subject=into)
    LegalHold.objects.filter(subject_id__in=joined).update(subject=into)


PERSON_JOIN_HOOKS = [_move_requests_and_holds]
