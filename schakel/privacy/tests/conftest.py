"""Fixtures shared by the privacy tests."""

from typing import Any

import pytest

from schakel.api.tests.conftest import api_client, api_schema, token_for  # noqa: F401 (fixtures)
from schakel.privacy.models import SubjectRequest
from schakel.privacy.tests.request_factories import register_request
from schakel.privacy.tests.test_desk_support import plant


@pytest.fixture
def access_request(personas: Any) -> SubjectRequest:
    planted = plant(personas)
    return register_request(personas, planted.case)
