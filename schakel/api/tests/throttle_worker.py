"""One OS process of the shared-counting test (test_throttling.py): makes API requests through
the real throttles against the database the test names, and prints what it got as JSON.

    python throttle_worker.py '<job as JSON>'

The job: ``database`` (Django's settings of the shared database), ``migrate`` (apply the api
migration that creates the cache table first: a fresh database), ``requests`` (a list of
``[token id, user id]``), ``locmem`` (count in a per-process cache instead), ``forget`` (delete
the counts of these ids afterwards). Requests go to a small view with the default throttle
classes and problem handler; the caller is a stand-in token and user, no database rows.
"""

import json
import os
import sys
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
RATES = {"token": "3/minute", "user": "100/minute", "anon": None}


def main(job: dict[str, Any]) -> list[dict[str, Any]]:
    from django.conf import settings

    settings.DATABASES["default"].update(job["database"])
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.test import override_settings
    from rest_framework.request import Request
    from rest_framework.response import Response
    from rest_framework.test import APIRequestFactory, force_authenticate
    from rest_framework.views import APIView

    from schakel.accounts.models import PersonalAccessToken, User

    if job.get("migrate"):
        MigrationExecutor(connection).migrate([("api", "0001_cache_table")])

    class Ping(APIView):
        permission_classes: list[Any] = []

        def get(self, request: Request) -> Response:
            return Response({})

    caches = settings.CACHES
    if job.get("locmem"):
        caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    rest = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": RATES}
    results = []
    with override_settings(REST_FRAMEWORK=rest, CACHES=caches):
        for token_id, user_id in job["requests"]:
            request = APIRequestFactory().get("/api/v1/ping")
            user = User(pk=uuid.UUID(user_id), is_active=True)
            token = PersonalAccessToken(pk=uuid.UUID(token_id), user=user)
            force_authenticate(request, user=user, token=token)
            response = Ping.as_view()(request)
            results.append(
                {"status": response.status_code, "retry_after": response.get("Retry-After")}
            )
    for ident in job.get("forget", []):
        cache.delete_many([f"throttle_token_{ident}", f"throttle_user_{ident}"])
    return results


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
