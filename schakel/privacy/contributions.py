"""What privacy adds to the whole (``schakel.core.extensions``)."""

import uuid

from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.cases import permissions as case_permissions
from schakel.cases.models import Case
from schakel.cases.sections import CaseSection
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind
from schakel.intake.models import Subject
from schakel.privacy import activities, search, work
from schakel.privacy.demo import seed_privacy_demo
from schakel.privacy.models import LegalHold, SubjectRequest
from schakel.privacy.supervision import accesses_for_case


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


def _supervision_on_the_case(membership: Membership | None, case: Case) -> CaseSection | None:
    """The directing municipality sees every privacy officer's supervision access."""
    if not case_permissions.directs_case(membership, case):
        return None
    return CaseSection(
        anchor="toezichtsinzagen",
        title=_("Toezichtsinzagen"),
        template="privacy/desk/case_supervision_section.html",
        context={"accesses": accesses_for_case(membership=membership, case=case)},
    )


CASE_SECTIONS = [_supervision_on_the_case]


NAVIGATION = [
    NavItem(
        _("AVG-verzoeken"),
        "privacy:request_list",
        frozenset({Role.MUNICIPAL_LEAD, Role.PRIVACY_OFFICER}),
        acting=True,
        position=100,
    ),
    NavItem(
        _("Verzoeken om inbreng"),
        "privacy:request_inbox",
        frozenset({Role.PROCESS_DIRECTOR, Role.PARTNER_MEMBER}),
        acting=True,
        position=110,
    ),
    NavItem(
        _("Privacybureau"),
        "privacy:desk",
        frozenset({Role.PRIVACY_OFFICER}),
        acting=True,
        position=130,
    ),
    NavItem(
        _("Verwerkingsregister"),
        "audit:register",
        frozenset({Role.PRIVACY_OFFICER}),
        position=140,
    ),
    NavItem(
        _("Logboek"),
        "audit:log_search",
        frozenset({Role.PRIVACY_OFFICER}),
        acting=True,
        position=150,
    ),
    NavItem(
        _("Toegangsreview"),
        "privacy:desk_access_review",
        frozenset({Role.FUNCTIONAL_ADMIN, Role.ADMINISTRATOR}),
        acting=True,
        position=160,
    ),
]

API_URLS = ["schakel.privacy.api.urls", "schakel.privacy.logbook.api.urls"]

# Its processing activities for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER

# What waits for a membership on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.SUBJECT_REQUEST, _("AVG-verzoek")),
    WorkKind(work.INPUT_REQUEST, _("Verzoek om inbreng")),
    WorkKind(work.RETENTION, _("Bewaartermijnen")),
]

# Its lookups for the search (``schakel.core.search``, docs/search.md).
SEARCH_PROVIDERS = [search.PROVIDER]
