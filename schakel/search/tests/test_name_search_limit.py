"""The name-search limit: a count per user in fixed ten-minute windows, in the database, counted
up atomically; over the limit the search does not happen, and when the count cannot be written
it does not happen either (fail closed)."""

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import DatabaseError, connection
from django.db.models import QuerySet
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.search import lookup
from schakel.search.models import NameSearchCount
from schakel.search.tests.helpers import two_municipalities

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")
NAME = "Hoogeveld"
# Thirty seconds into a window (windows start at whole ten minutes, UTC).
START = datetime(2026, 3, 2, 9, 0, 30, tzinfo=UTC)


def _by_name(client):
    return client.post(SEARCH, {"soort": "naam", "voornaam": "", "achternaam": NAME})


def test_the_window_is_fixed_and_does_not_slide(personas, signed_in, settings) -> None:
    settings.SCHAKEL_NAME_SEARCHES_PER_10_MINUTES = 2
    scene = two_municipalities(personas)
    with time_machine.travel(START, tick=False) as traveller:
        client = signed_in(personas.lead_a)
        for _ in range(2):
            assert scene.signal_a.reference in _by_name(client).content.decode()
        assert _by_name(client).status_code == 429
        # Six minutes on, still in the window: still refused (a sliding 5-minute cache
        # timeout would have let this one through).
        traveller.shift(timedelta(minutes=6))
        refused = _by_name(client)
        assert refused.status_code == 429
        assert scene.signal_a.reference not in refused.content.decode()
        # The next window starts at 9:10:00, not ten minutes after the first search: allowed.
        traveller.shift(timedelta(minutes=3, seconds=30))
        assert scene.signal_a.reference in _by_name(client).content.decode()
    throttled = LogRecord.objects.filter(name="search_by_name", result="throttled")
    assert throttled.count() == 2


def test_counts_are_per_user_and_old_windows_are_purged(personas) -> None:
    lead = personas.lead_a.memberships.get()
    colleague = personas.colleague_a.memberships.get()
    with time_machine.travel(START, tick=False) as traveller:
        assert lookup.within_name_search_limit(lead)
        assert lookup.within_name_search_limit(lead)
        assert lookup.within_name_search_limit(colleague)
        assert dict(NameSearchCount.objects.values_list("user_id", "count")) == {
            lead.user_id: 2,
            colleague.user_id: 1,
        }
        [window] = set(NameSearchCount.objects.values_list("window_start", flat=True))
        assert window == START.replace(second=0)
        traveller.shift(timedelta(minutes=70))
        assert lookup.within_name_search_limit(lead)
        # The rows of windows ended more than an hour ago are gone; only the new one is left.
        assert list(NameSearchCount.objects.values_list("user_id", "count")) == [(lead.user_id, 1)]


def test_no_search_when_the_count_cannot_be_written(personas, signed_in, monkeypatch) -> None:
    two_municipalities(personas)
    client = signed_in(personas.lead_a)
    client.raise_request_exception = True
    looked_up: list[object] = []
    monkeypatch.setattr(lookup, "signals_named", lambda **kw: looked_up.append(kw))

    update = QuerySet.update

    def broken(queryset: QuerySet[Any], **values: object) -> int:
        if queryset.model is NameSearchCount:
            raise DatabaseError("the counter table is not writable")
        return update(queryset, **values)

    monkeypatch.setattr(QuerySet, "update", broken)
    before = LogRecord.objects.filter(name="search_by_name", result="ok").count()
    with pytest.raises(DatabaseError):
        _by_name(client)
    assert looked_up == []
    assert LogRecord.objects.filter(name="search_by_name", result="ok").count() == before


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises all writers; PostgreSQL only"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_searches_each_see_their_own_count(personas, settings) -> None:
    settings.SCHAKEL_NAME_SEARCHES_PER_10_MINUTES = 30
    lead = personas.lead_a.memberships.get()
    answers: list[bool] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def search() -> None:
        try:
            start.wait()
            for _ in range(10):
                answers.append(lookup.within_name_search_limit(lead))
        except BaseException as exc:  # pragma: no cover (reported below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=search) for _ in range(4)]
    with time_machine.travel(START, tick=False):  # all in one window
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert (answers.count(True), answers.count(False)) == (30, 10)
    assert sum(NameSearchCount.objects.values_list("count", flat=True)) == 40
