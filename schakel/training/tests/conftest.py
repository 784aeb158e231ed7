"""Fixtures shared by the training tests."""

from schakel.api.tests.conftest import api_client, token_for  # noqa: F401 (fixtures)
