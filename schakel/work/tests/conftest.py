"""Fixtures of the Mijn werk tests."""

from typing import Any

import pytest

from schakel.api.tests.conftest import api_client, token_for  # noqa: F401 (fixtures)
from schakel.work.tests.world import World, busy_region


@pytest.fixture
def world(personas: Any) -> World:
    return busy_region(personas)
