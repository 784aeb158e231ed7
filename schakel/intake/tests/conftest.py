"""Fixtures shared by the meldpunt tests."""

from schakel.api.tests.conftest import api_schema  # noqa: F401 (fixture)
