"""Helpers shared by the tests of the meldpunt API for signals."""

from django.test import Client

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create
from schakel.intake.models import Signal

LIST = "/api/v1/signals"
PROBLEM = "application/problem+json"


def api(user: User) -> Client:
    """A client with a personal access token of the user (the API's own way in)."""
    raw = access_token_create(user=user, name="Test", days=1)[1]
    return Client(headers={"Authorization": f"Bearer {raw}"})


def detail(signal: Signal) -> str:
    return f"{LIST}/{signal.pk}"
