"""Helpers shared by the tests of the online research log in the UI."""

from django.urls import reverse

from schakel.intake.choices import DataCategory, ResearchLegalBasis, ResearchOutcome
from schakel.intake.models import OnlineResearchEntry


def url(name: str, entry: OnlineResearchEntry | None = None) -> str:
    kwargs = {"pk": entry.pk} if entry is not None else None
    return reverse(f"intake:online:{name}", kwargs=kwargs)


def plan_data(**overrides: str) -> dict[str, str]:
    data = {
        "purpose": "Nagaan of de oproep tot geweld nog openbaar te zien is.",
        "occasion": "Melding van de school over een openbare video.",
        "legal_basis": ResearchLegalBasis.PUBLIC_ORDER.value,
        "public_order_interest": "Mogelijke verstoring bij een demonstratie volgende week.",
        "subsidiarity": "Navraag bij de school leverde niet genoeg op.",
        "signal": "",
        "person_surname": "Vlinderhaven",
        "confirms_no_fictitious_profile": "on",
        "confirms_no_closed_groups": "on",
        "confirms_no_systematic_following": "on",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def complete_data(**overrides: str) -> dict[str, str]:
    data = {
        "sources_consulted": "Openbaar profiel op een videoplatform.",
        "outcome": ResearchOutcome.NOTHING_FOUND.value,
        "outcome_summary": "",
        "outcome_category": DataCategory.ORDINARY.value,
    }
    data.update(overrides)
    return data
