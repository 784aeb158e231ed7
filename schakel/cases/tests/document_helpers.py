"""Helpers shared by the tests of the minutes and the action plan as PDF."""

import io
from dataclasses import dataclass

from django.urls import reverse
from pypdf import PdfReader

from schakel.accounts.models import User
from schakel.cases.meetings.disclosures import DisclosureInput
from schakel.cases.models import ActionPlanVersion, AgendaItem, Case, ConsultationMeeting
from schakel.intake.choices import DataCategory
from schakel.legal.models import LegalBasis

HOUSING = "Woont zelfstandig in een kamer boven de bakkerij."
IDEOLOGY = "Verheerlijkt geweld in besloten online groepen."
GOALS = "Afstand nemen van het online netwerk; dagbesteding vinden."
INTERVENTION = "Stopgesprek door de wijkagent met een vervolgafspraak."
POLICE_TO_ALL = "Beeld van eerdere incidenten rond het station."
POLICE_TO_ZVH_ONLY = "Lopend onderzoek waarover alleen het ZVH wordt ingelicht."
GGZ_PURPOSE = "Inzicht in de zorgbehoefte voor een passend aanbod."
DECISION_ONE = "Plan van aanpak vastgesteld; de wijkagent voert het stopgesprek."
DECISION_TWO = "De GGZ start een verkennend gesprek binnen twee weken."
SECOND_SURNAME = "Oosterling"


@dataclass
class Scene:
    meeting: ConsultationMeeting
    case_one: Case
    case_two: Case
    item_one: AgendaItem
    item_two: AgendaItem
    adopted: ActionPlanVersion
    minute_taker: User


def _disclosure(personas, *, purpose: str, recipients, category=DataCategory.CRIMINAL):
    return DisclosureInput(
        content=f"Inbreng bij {purpose}",
        categories=[category],
        legal_basis=LegalBasis.objects.get(code="wet-pga"),
        purpose=purpose,
        necessity_note="Nodig voor een gezamenlijk beeld; lichtere middelen volstaan niet.",
        recipients=recipients,
    )


def plan_url(case: Case, number: int) -> str:
    return reverse("cases:plan_version_pdf", kwargs={"pk": case.pk, "number": number})


def pdf_text(content: bytes) -> str:
    """The text of every page, whitespace normalised (lines wrap anywhere in a PDF)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def staff(personas):
    minute_takers = User.objects.filter(minuted_meetings__isnull=False).distinct()
    return [
        *minute_takers,
        personas.director,
        personas.police_member,
        personas.ggz_member,
        personas.lead_a,
        personas.om_member,
    ]


def assert_no_staff_identity(text: str, personas) -> None:
    for user in staff(personas):
        assert user.full_name not in text
        assert user.email not in text
    assert "Testpersoon" not in text  # the factory's staff names


def download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    return response.content
