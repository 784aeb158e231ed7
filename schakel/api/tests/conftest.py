"""Fixtures for the API tests: a token for a persona, a client that sends it, and the OpenAPI
document for the property-based tests. Other apps' conftests import them for their API tests."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
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


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    """The OpenAPI document, loaded from and calling into Django's WSGI application.

    Like Django's test client, keep the connection open across requests: the handler would
    otherwise close it when a request ends, and with it the test's transaction (PostgreSQL).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
