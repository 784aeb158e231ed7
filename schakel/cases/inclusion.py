"""Cases take up what the weighing includes (``INCLUSION_FOLLOW_UP``, see
``schakel.weighing.follow_up``): an "include" decision opens the case, a person with an open
case is in the approach, and the decided item links to its case for one who may see it."""

from typing import Any

from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse

from schakel.accounts.models import Membership, User
from schakel.cases.access import cases_visible_to
from schakel.cases.choices import OPEN_PHASES
from schakel.cases.models import Case
from schakel.cases.services import case_open_from_weighing
from schakel.weighing.follow_up import FollowUpLink, InclusionFollowUp
from schakel.weighing.models import WeighingItem


def _take_up(membership: Membership, item: WeighingItem, process_director: User | None) -> Case:
    return case_open_from_weighing(
        membership=membership, item=item, process_director=process_director
    )


def _subjects_with_an_open_case() -> "QuerySet[Any, Any]":
    return Case.objects.filter(phase__in=OPEN_PHASES, subject__isnull=False).values("subject_id")


def _case_link(membership: Membership, item: WeighingItem) -> FollowUpLink | None:
    case = cases_visible_to(membership=membership).filter(opened_from=item).first()
    if case is None:
        return None
    try:
        url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        url = ""
    return FollowUpLink(reference=case.reference, url=url)


CASE_FROM_INCLUSION = InclusionFollowUp(
    take_up=_take_up, subjects_in_approach=_subjects_with_an_open_case, link=_case_link
)
