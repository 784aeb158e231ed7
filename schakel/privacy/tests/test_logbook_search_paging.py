"""The privacy officer's log search: keyset pages, filters only by POST, no pseudonym in a link."""

import datetime as dt
import re

from django.test import Client
from django.utils import timezone

from conftest import sign_in
from schakel.cases.activities import CaseActivity
from schakel.intake.activities import IntakeActivity
from schakel.privacy.logbook.search import LogFilters, Period, keyset_page, matching_records
from schakel.privacy.tests.logbook_search_helpers import SEARCH, names_on, search_records
from schakel.privacy.tests.test_logbook_search_data import (
    PERSON_1,
    PERSON_2,
    PERSON_3,
    seed_log,
    write,
)
from schakel.weighing.activities import WeighingActivity


def _many(personas, count: int) -> None:
    moment = timezone.now() - dt.timedelta(hours=1)
    for number in range(count):
        # Pairs share their start time: the pages must not lose or repeat either of them.
        write(
            by=personas.lead_a,
            organisation=personas.municipality_a,
            role="municipal_lead",
            activity=WeighingActivity.WEIGHING,
            name=f"read_{number:03d}",
            started_at=moment + dt.timedelta(seconds=number // 2),
        )


def test_keyset_pages_walk_every_record_once_in_both_directions(personas) -> None:
    _many(personas, 23)
    membership = personas.privacy_officer_a.memberships.get()
    today = timezone.localdate()
    filters = LogFilters(period=Period(today - dt.timedelta(days=1), today))
    records = matching_records(membership=membership, filters=filters)

    seen: list[str] = []
    pages = [keyset_page(records, after=None, before=None, size=5)]
    while pages[-1].older is not None:
        seen += [r.name for r in pages[-1].records]
        pages.append(keyset_page(records, after=pages[-1].older, before=None, size=5))
    seen += [r.name for r in pages[-1].records]

    assert seen == [f"read_{n:03d}" for n in reversed(range(23))]
    assert pages[0].newer is None
    assert len(pages) == 5
    back = keyset_page(records, after=None, before=pages[2].newer, size=5)
    assert [r.name for r in back.records] == [r.name for r in pages[1].records]
    assert back.newer == pages[1].newer
    assert back.older == pages[1].older
    # An unknown cursor starts at the top.
    assert keyset_page(records, after=999_999, before=None, size=5) == pages[0]


def hidden_fields(form: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))


def paging_form(page: str, label: str) -> dict[str, str]:
    """The hidden fields of the paging form whose button reads ``label``."""
    nav = page.split('<nav class="schakel-pagination"', 1)[1].split("</nav>", 1)[0]
    [form] = [f for f in nav.split("<form")[1:] if f">{label}</button>" in f]
    assert 'method="post"' in form
    fields = hidden_fields(form)
    fields.pop("csrfmiddlewaretoken")
    return fields


def test_ui_pages_post_older_and_newer(personas, signed_in) -> None:
    _many(personas, 60)
    client = signed_in(personas.privacy_officer_a)
    filters = {"activiteit": WeighingActivity.WEIGHING, "medewerker": str(personas.lead_a.pk)}

    first = client.post(SEARCH, filters).content.decode()
    older = paging_form(first, "Oudere logregels")
    second = client.post(SEARCH, older).content.decode()
    newer = paging_form(second, "Nieuwere logregels")
    back = client.post(SEARCH, newer).content.decode()
    newest = paging_form(second, "Nieuwste logregels")

    # The filters travel along in hidden fields, with the cursor.
    assert older["activiteit"] == WeighingActivity.WEIGHING
    assert older["medewerker"] == str(personas.lead_a.pk)
    assert {"van", "tot", "na"} <= set(older)
    assert "voor" not in older
    assert "voor" in newer
    assert "na" not in newest
    assert "voor" not in newest
    # Filtered on the reads, the first page holds the newest 50 and the second the other 10.
    assert "read_059" in first
    assert "read_010" in first
    assert "read_009" not in first
    assert {f"read_{n:03d}" for n in range(10)} == names_in(second)
    assert "Oudere logregels" not in second
    assert names_in(back) == names_in(first)
    assert 'name="voor"' not in back  # back on the newest page
    assert [r.attributes["actor_filter"] for r in search_records()] == [True, True, True]


def names_in(page: str) -> set[str]:
    return {name for name in names_on(page) if name.startswith("read_")}


def test_a_get_with_filters_in_the_query_string_is_not_honoured(personas, signed_in) -> None:
    seed_log(personas)
    client = signed_in(personas.privacy_officer_a)
    query = {"betrokkene": PERSON_2.pseudonym, "medewerker": str(personas.colleague_a.pk)}

    response = client.get(SEARCH, {**query, "activiteit": IntakeActivity.ONLINE_RESEARCH})
    assert response.status_code == 302
    assert response["Location"] == SEARCH  # the query leaves the address bar
    assert not search_records()  # nothing was searched for the refused query
    page = client.get(response["Location"]).content.decode()

    # The default search: every record of the last 30 days, not only PERSON_2's.
    assert {"weighing_item_read", "case_read", "signal_expire"} <= names_on(page)
    [record] = search_records()
    assert "subject_filter" not in record.attributes
    assert "actor_filter" not in record.attributes
    assert "activity" not in record.attributes


def test_no_link_on_the_page_holds_a_pseudonym_or_an_actor_id(personas, signed_in) -> None:
    seed_log(personas)
    _many(personas, 60)
    client = signed_in(personas.privacy_officer_a)
    filters = {"betrokkene": PERSON_1.pseudonym, "medewerker": str(personas.lead_a.pk)}

    pages = [
        client.get(SEARCH).content.decode(),
        client.post(SEARCH, {"medewerker": str(personas.lead_a.pk)}).content.decode(),
        client.post(SEARCH, filters).content.decode(),
    ]
    pages.append(client.post(SEARCH, paging_form(pages[1], "Oudere logregels")).content.decode())

    pseudonyms = {PERSON_1.pseudonym, PERSON_2.pseudonym, PERSON_3.pseudonym}
    for page in pages:
        targets = re.findall(r'(?:href|action|src)="([^"]*)"', page)
        assert targets
        for target in targets:
            assert not any(p in target for p in pseudonyms), target
            assert str(personas.lead_a.pk) not in target, target
            assert str(personas.colleague_a.pk) not in target, target
            assert "betrokkene" not in target, target
            assert "medewerker" not in target, target
        assert 'method="get"' not in page.split("<main", 1)[-1]
    # The pseudonyms are on the page (for the per-row search), just not in a URL.
    assert PERSON_1.pseudonym in pages[0]


def test_the_per_row_subject_search_posts_the_pseudonym(personas, signed_in) -> None:
    seed_log(personas)
    client = signed_in(personas.privacy_officer_a)

    page = client.post(SEARCH, {"activiteit": CaseActivity.CASE_CONSULTATION}).content.decode()
    [form] = [
        f"<form{form}"
        for form in page.split("<tbody", 1)[1].split("<form")[1:]
        if f'name="betrokkene" value="{PERSON_2.pseudonym}"' in form
    ][:1]
    fields = hidden_fields(form)
    narrowed = client.post(SEARCH, fields).content.decode()

    assert 'method="post"' in form
    assert fields["activiteit"] == CaseActivity.CASE_CONSULTATION
    assert fields["betrokkene"] == PERSON_2.pseudonym
    assert "(zoek op deze betrokkene)" in form
    assert names_on(narrowed) == {"agenda_item_read"}
    assert search_records()[-1].attributes["subject_filter"] is True


def test_the_search_needs_the_csrf_token(personas) -> None:
    client = sign_in(Client(enforce_csrf_checks=True), personas.privacy_officer_a)

    refused = client.post(SEARCH, {"betrokkene": PERSON_1.pseudonym})
    form = client.get(SEARCH).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    allowed = client.post(SEARCH, {"csrfmiddlewaretoken": token.group(1)})

    assert refused.status_code == 403
    assert PERSON_1.pseudonym not in refused.content.decode()
    assert allowed.status_code == 200
    assert len(search_records()) == 2  # the GET and the POST with the token, not the refused one


def test_query_count_does_not_grow_with_the_log(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    seed_log(personas)
    client = signed_in(personas.privacy_officer_a)
    with django_assert_max_num_queries(20):
        assert client.get(SEARCH).status_code == 200
    _many(personas, 80)
    with django_assert_max_num_queries(20):
        assert client.post(SEARCH, {"na": "40"}).status_code == 200
