"""Fixtures shared by the weighing tests."""

from schakel.api.tests.conftest import api_client, token_for  # noqa: F401 (fixtures)
