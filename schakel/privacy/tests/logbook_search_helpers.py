"""Helpers shared by the tests of the privacy officer's log search."""

import re

from django.urls import reverse

from schakel.audit.models import LogRecord

SEARCH = reverse("audit:log_search")


def names_on(page: str) -> set[str]:
    return set(re.findall(r'<code class="schakel-log-code">([^<]+)</code></td>', page))


def search_records() -> list[LogRecord]:
    return list(LogRecord.objects.filter(name="log_search").order_by("sequence"))
