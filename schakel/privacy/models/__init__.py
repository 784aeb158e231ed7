"""The privacy desk: subject requests, legal holds and retention runs, and the privacy officer's
supervision access and access-rights review. (The legal catalogue and retention terms are in
``schakel.legal``; disclosures are part of the case consultation, ``schakel.cases``.)"""

from schakel.privacy.models.desk import AccessReviewSignOff, SupervisionAccess
from schakel.privacy.models.requests import RequestContribution, SubjectRequest
from schakel.privacy.models.retention import LegalHold, RetentionRun

__all__ = [
    "AccessReviewSignOff",
    "LegalHold",
    "RequestContribution",
    "RetentionRun",
    "SubjectRequest",
    "SupervisionAccess",
]
