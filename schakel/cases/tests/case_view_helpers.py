"""Helpers shared by the tests of the case screens."""

import html
from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from schakel.cases.choices import InformingStatus
from schakel.cases.models import Case

LIST = reverse("cases:case_list")


def url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": case.pk, **kwargs})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


# Management pages: (url name, valid POST data); the access tests walk them all.
def management_pages(case: Case) -> list[tuple[str, dict[str, str]]]:
    participation = case.participations.first()
    assert participation is not None
    return [
        (url("case_informing", case), {"status": InformingStatus.UNDECIDED}),
        (url("case_review", case), {"next_review_on": day(20)}),
        (url("case_reassess", case), {"next_due_on": day(200)}),
        (
            url("case_participation_add", case),
            {"organisation": "", "kind": "structural", "starts_on": day(0)},
        ),
        (
            url("case_participation_end", case, participation_pk=participation.pk),
            {"ends_on": day(0)},
        ),
        (url("case_to_monitoring", case), {}),
        (
            url("case_deescalate", case),
            {
                "destination": "regular_care",
                "aftercare_until": day(90),
                "stap": "bevestigen",
            },
        ),
        (url("case_close", case), {"reason": "goals_reached", "note": "", "stap": "bevestigen"}),
    ]
