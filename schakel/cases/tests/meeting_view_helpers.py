"""Helpers shared by the tests of the consultation meeting's screens."""

import html
from typing import Any

from django.urls import reverse

from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import ConsultationMeeting
from schakel.cases.tests.factories import first_draft
from schakel.intake.tests.factories import membership_of

LIST = reverse("cases:meeting_list")
SURNAME = "Hoogeveld"  # the fictional person of the factories


def url(name: str, obj: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": obj.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def acknowledged(signed_in: Any, user: Any, the_meeting: ConsultationMeeting) -> Any:
    meeting_acknowledge(membership=membership_of(user), meeting=the_meeting)
    return signed_in(user)


def draft_of(personas: Any, case: Any) -> Any:
    return first_draft(
        membership_of(personas.director),
        case,
        goals="Stabiel netwerk.",
        housing="Woont bij ouders.",
    )
