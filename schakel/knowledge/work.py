"""What waits in the knowledge base (Mijn werk, ``WORK_ITEMS``): items whose review date has
come, for their contact person and for who manages them (``selectors.due_for_review``). Titles
and dates only, in one query."""

from django.urls import reverse
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.knowledge.selectors import due_for_review

REVIEW_DUE = "knowledge_review"


def reviews_due(membership: Membership) -> list[WorkItem]:
    rows = due_for_review(membership).values_list("pk", "title", "review_on")[:ROWS_PER_KIND]
    return [
        WorkItem(
            kind=REVIEW_DUE,
            label=_("Kennisitem herzien: %(title)s") % {"title": title},
            due_on=review_on,
            url=reverse("knowledge:item_detail", kwargs={"pk": pk}),
            menu="knowledge:item_list",
            reference=title,
        )
        for pk, title, review_on in rows
    ]


WORK = [reviews_due]
