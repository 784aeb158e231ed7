"""Fixtures of the notification tests: a frozen clock at 07:00 on a Monday, Amsterdam time."""

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from schakel.api.tests.conftest import api_client, api_schema, token_for  # noqa: F401 (fixtures)

START = datetime(2026, 3, 2, 7, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller
