"""Fixtures shared by the network-events tests."""

from schakel.api.tests.conftest import api_client, api_schema, token_for  # noqa: F401 (fixtures)
