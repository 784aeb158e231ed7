"""One request of each kind (selectors, UI, API) for a persona: latency and query counts."""

import random
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

from cases_personas import Persona

PAGE_SIZE = 50  # the selector-level list reads one page of this size and the count
WARM_UP = 10
URL_NAMES = {
    "UI list": ("cases:case_list", None),
    "UI detail": ("cases:case_detail", "pk"),
    "API list": ("v1:case-list", None),
    "API detail": ("v1:case-detail", "id"),
}


def available_measures() -> tuple[list[str], list[str]]:
    """The measures whose URLs exist (the views are built alongside this benchmark)."""
    from django.urls import NoReverseMatch, reverse

    available, missing = ["selector list", "selector detail"], []
    for measure, (name, kwarg) in URL_NAMES.items():
        try:
            reverse(name, kwargs={kwarg: uuid.uuid4()} if kwarg else None)
        except NoReverseMatch:
            missing.append(f"{measure}: URL name {name} does not exist")
        else:
            available.append(measure)
    return available, missing


def ui_client(persona: Persona) -> Any:
    """A test client signed in as ``conftest.sign_in`` does it: second factor done."""
    from django.test import Client
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = persona.membership.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    assert device is not None
    client = Client()
    client.force_login(user)
    session = client.session
    now = timezone.now().isoformat()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session["auth_started_at"] = now
    session["last_seen_at"] = now
    session.save()
    return client


def api_client(persona: Persona) -> Any:
    from django.test import Client

    return Client(headers={"Authorization": f"Bearer {persona.token}"})


def request_for(persona: Persona, measure: str) -> Callable[[uuid.UUID], int]:
    """A function doing one request (or selector call) of this kind; returns the status."""
    from django.db import transaction
    from django.urls import reverse

    from schakel.cases.selectors import case_get_for, case_list_for
    from schakel.core import context

    membership = persona.membership
    if measure == "selector list":

        def selector_list(_pk: uuid.UUID) -> int:
            cases = case_list_for(membership=membership)
            cases.count()
            for case in cases[:PAGE_SIZE]:
                _ = (case.reference, case.directing_municipality.name, case.zvh.name)
            return 200

        return selector_list
    if measure == "selector detail":
        request_context = context.RequestContext(
            trace_id=context.new_trace_id(),
            span_id=context.new_span_id(),
            origin="127.0.0.1",
            membership_id=str(membership.pk),
            organisation_id=str(membership.organisation_id),
            role=membership.role,
        )

        def selector_detail(pk: uuid.UUID) -> int:
            with context.activated(request_context), transaction.atomic():
                case_get_for(membership=membership, pk=pk)
            return 200

        return selector_detail
    name, kwarg = URL_NAMES[measure]
    client = ui_client(persona) if measure.startswith("UI") else api_client(persona)

    def http(pk: uuid.UUID) -> int:
        url = reverse(name, kwargs={kwarg: pk}) if kwarg else reverse(name)
        status: int = client.get(url).status_code
        return status

    return http


def query_counts(
    persona: Persona, measures: list[str], detail_id: uuid.UUID, warm_ids: list[uuid.UUID]
) -> dict[str, int | str]:
    """Queries of one request of each kind, after one untimed request of that kind."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts: dict[str, int | str] = {}
    for measure in measures:
        call = request_for(persona, measure)
        try:
            call(detail_id)
            with CaptureQueriesContext(connection) as captured:
                call(detail_id)
        except Exception as failed:  # a view still being built must not stop the benchmark
            counts[measure] = f"{type(failed).__name__}: {failed}"[:200]
            continue
        counts[measure] = len(captured.captured_queries)
    return counts


def measure_latency(
    persona: Persona, measure: str, requests: int, rng: random.Random
) -> dict[str, Any]:
    if not persona.visible_ids:
        return {"error": "the persona sees no case"}
    call = request_for(persona, measure)
    ids = [rng.choice(persona.visible_ids) for _ in range(requests + WARM_UP)]
    times: list[float] = []
    failures = 0
    try:
        for number, pk in enumerate(ids):
            started = time.perf_counter()
            status = call(pk)
            elapsed = time.perf_counter() - started
            if number >= WARM_UP:
                times.append(elapsed)
                failures += status != 200
    except Exception as failed:  # a view still being built must not stop the benchmark
        return {"error": f"{type(failed).__name__}: {failed}"[:200]}
    return {
        "count": len(times),
        "median_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * statistics.quantiles(times, n=100, method="inclusive")[94],
        "max_ms": 1000 * max(times),
        "failures": failures,
    }
