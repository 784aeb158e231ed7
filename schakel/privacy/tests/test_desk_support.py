"""Shared data for the desk, supervision, access-review and catalogue tests (no tests here).

``plant`` makes a case about a resident of Aldermeer with distinctive text in every kind of
case content — the plan's analysis, a decision, a disclosure's content and its notes — so a test
can prove where that text appears and where it never does.
"""

from dataclasses import dataclass
from typing import Any

from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.meetings.services import decision_record
from schakel.cases.models import AgendaItem, Case, Disclosure
from schakel.cases.tests.factories import first_draft, on_agenda, open_case
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

ANALYSIS = "Zuurstokroze analyse: woont tijdelijk bij een oom aan de Lindelaan."
GOALS = "Grutto-doel: terug naar school voor de zomer."
DISCLOSURE = "Kwartelkoning-inhoud: eerder aangehouden wegens bedreiging via sociale media."
PURPOSE = "Waterhoen-doel: gezamenlijke weging van het risico in het overleg."
NOTE = "Roerdomp-afweging: alleen de feiten die voor de aanpak tellen; lichtere middelen faalden."
DECISION = "IJsvogel-besluit: huisbezoek door de wijkagent binnen twee weken."
PERSON_SURNAME = "Hoogeveld"  # the default person of the intake factories
CONTENT = (ANALYSIS, GOALS, DISCLOSURE, DECISION)


@dataclass
class Planted:
    case: Case
    item: AgendaItem
    disclosure: Disclosure


def plant(personas: Any) -> Planted:
    case = open_case(personas)
    item = on_agenda(personas, case)
    director = membership_of(personas.director)
    first_draft(director, case, goals=GOALS, housing=ANALYSIS)
    disclosure = disclosure_record(
        membership=membership_of(personas.police_member),
        item=item,
        data=DisclosureInput(
            content=DISCLOSURE,
            categories=[DataCategory.CRIMINAL],
            legal_basis=LegalBasis.objects.get(code="wet-pga"),
            purpose=PURPOSE,
            necessity_note=NOTE,
            recipients=[personas.municipality_a, personas.zvh],
        ),
    )
    decision_record(membership=director, item=item, text=DECISION, category="ordinary")
    return Planted(case=case, item=item, disclosure=disclosure)
