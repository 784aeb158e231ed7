"""Lawfulness and accountability: legal bases, disclosures, subject requests, retention, and the
privacy officer's supervision access and access-rights review."""

from schakel.privacy.models.desk import AccessReviewSignOff, SupervisionAccess
from schakel.privacy.models.legal import Disclosure, LegalBasis
from schakel.privacy.models.requests import RequestContribution, SubjectRequest
from schakel.privacy.models.retention import LegalHold, RetentionPolicy, RetentionRun

__all__ = [
    "AccessReviewSignOff",
    "Disclosure",
    "LegalBasis",
    "LegalHold",
    "RequestContribution",
    "RetentionPolicy",
    "RetentionRun",
    "SubjectRequest",
    "SupervisionAccess",
]
