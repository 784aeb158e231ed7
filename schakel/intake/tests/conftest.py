"""Fixtures shared by the meldpunt tests."""

import pytest

from schakel.api.tests.conftest import api_schema  # noqa: F401 (fixture)
from schakel.intake.models import MatchSuggestion
from schakel.intake.tests.factories import register


@pytest.fixture
def across(personas) -> MatchSuggestion:
    """The police registered a resident of Brookdam; a school registers the same person (with
    a typo) as a resident of Aldermeer: one suggestion between two municipalities."""
    register(personas.police_member, residence=personas.municipality_b)
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
    )
    [suggestion] = second.suggestions
    return suggestion
