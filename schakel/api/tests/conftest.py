"""Fixtures for the API tests: a token for a persona and a client that sends it."""

from collections.abc import Callable

import pytest
from django.test import Client

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create


@pytest.fixture
def token_for() -> Callable[..., str]:
    """Create a token for a user through the service; returns the plain value."""

    def _create(user: User, *, days: int = 90, name: str = "Koppeling test") -> str:
        return access_token_create(user=user, name=name, days=days)[1]

    return _create


@pytest.fixture
def api_client(token_for: Callable[..., str]) -> Callable[..., Client]:
    """A client that authenticates every request with a fresh token of the given user."""

    def _client(user: User, **headers: str) -> Client:
        return Client(headers={"Authorization": f"Bearer {token_for(user)}", **headers})

    return _client
