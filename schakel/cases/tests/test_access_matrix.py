"""The access matrix: every persona × every weighing and case page and endpoint, generated from
the URL configuration (a new route is in the matrix without anyone adding it here).

Each route is tied to the resource its first id points at, by its path. The rule per resource:
a persona outside the resource's audience gets 404 on GET and on POST (a read-only route may
answer 405 to a POST, which it does for any id, existing or not); a persona in the audience gets
200 on the read routes (lists, details, versions, documents). Lists never show another
audience's references.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from conftest import sign_in
from schakel.accounts.services import access_token_create
from schakel.cases.choices import InterventionKind
from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.tests.factories import (
    first_draft,
    invite,
    on_agenda,
    open_case,
    planned_intervention,
    weighed_signal,
)
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

pytestmark = pytest.mark.django_db

PERSONAS = [
    "lead_a", "colleague_a", "lead_b", "outsider", "director", "director_other", "police_member",
    "om_member", "ggz_member", "school_member", "privacy_officer_a", "police_privacy_officer",
    "admin_a", "admin_b", "superuser",
]  # fmt: skip
CASE_AUDIENCE = {"lead_a", "colleague_a", "director", "police_member", "om_member"}
# Who sees what in the world built below (ggz is invited to one agenda item and owns one
# intervention; the disclosure goes from the police to Aldermeer and the OM).
AUDIENCE = {
    "case": CASE_AUDIENCE,
    "participation": CASE_AUDIENCE,
    "meeting": CASE_AUDIENCE | {"ggz_member"},
    "item": CASE_AUDIENCE | {"ggz_member"},
    "intervention": CASE_AUDIENCE | {"ggz_member"},
    "disclosure": CASE_AUDIENCE,
    "session": {"lead_a", "colleague_a", "police_member", "om_member"},
    "weighing_item": {"lead_a", "colleague_a", "police_member", "om_member"},
}
# Who may see a reference in a list: the case's reference is also shown to the owner of an
# intervention in it and to the invited partner (next to its intervention and agenda item).
LISTED = ("case_reference", "meeting", "session")
AUDIENCE["case_reference"] = CASE_AUDIENCE | {"ggz_member"}
# The resource a route is about, by the start of its path (longest match wins).
RESOURCE_BY_PATH = {
    "weging/punten/": "weighing_item",
    "weging/": "session",
    "casussen/": "case",
    "interventies/": "intervention",
    "casusoverleg/punten/": "item",
    "casusoverleg/verstrekkingen/": "disclosure",
    "casusoverleg/": "meeting",
    "api/v1/weighing-sessions": "session",
    "api/v1/weighing-items": "weighing_item",
    "api/v1/cases": "case",
    "api/v1/participations": "participation",
    "api/v1/interventions": "intervention",
    "api/v1/meetings": "meeting",
    "api/v1/agenda-items": "item",
    "api/v1/disclosures": "disclosure",
}
PAGE_METHODS = ("get", "post")
API_METHODS = ("get", "post", "put", "patch", "delete")
READ_SUFFIXES = ("_detail", "-detail", "_list", "-list", "_versions", "_version", "_pdf")


@dataclass(frozen=True)
class Route:
    name: str  # namespaced
    path: str  # the pattern, e.g. "casussen/<uuid:pk>/"
    params: tuple[str, ...]

    @property
    def is_api(self) -> bool:
        return self.path.startswith("api/")

    @property
    def resource(self) -> str | None:
        if not self.params:
            return None
        matches = [p for p in RESOURCE_BY_PATH if self.path.startswith(p)]
        assert matches, f"route {self.name} ({self.path}) has no resource: extend RESOURCE_BY_PATH"
        return RESOURCE_BY_PATH[max(matches, key=len)]

    @property
    def is_read(self) -> bool:
        return self.name.endswith(READ_SUFFIXES)


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            path = prefix + str(entry.pattern)
            params = tuple(entry.pattern.converters) if hasattr(entry.pattern, "converters") else ()
            yield Route(f"{namespace}:{entry.name}", path, params)


def routes() -> list[Route]:
    """Every named route of the weighing and cases apps and of their API."""
    found = []
    for route in _walk(get_resolver().url_patterns, "", ""):
        if route.name.startswith(("weighing:", "cases:")) or (
            route.is_api
            and route.path.startswith(tuple(p for p in RESOURCE_BY_PATH if "api/" in p))
        ):
            found.append(route)
    return found


@pytest.fixture
def world(personas) -> dict[str, Any]:
    case = open_case(personas)
    item = on_agenda(personas, case)
    today = timezone.localdate()
    invite(personas, item, personas.ggz, valid_from=today, valid_until=today + timedelta(days=14))
    director = membership_of(personas.director)
    first_draft(director, case, goals="Dagbesteding vinden.", housing="Woont bij ouders.")
    intervention = planned_intervention(
        director,
        case,
        kind=InterventionKind.CARE,
        owner=personas.ggz,
        description="Behandeltraject.",
        days=60,
    )
    disclosure = disclosure_record(
        membership=membership_of(personas.police_member),
        item=item,
        data=DisclosureInput(
            content="Bekend van een aangifte van bedreiging.",
            categories=[DataCategory.CRIMINAL],
            legal_basis=LegalBasis.objects.get(code="wet-pga"),
            purpose="Inschatting van het risico.",
            necessity_note="Nodig voor de aanpak; geen lichter middel.",
            recipients=[personas.municipality_a, personas.om],
        ),
    )
    weighing = weighed_signal(personas, given_names="Sanne", surname="Oosterbroek")
    for name in AUDIENCE["meeting"]:
        meeting_acknowledge(membership=membership_of(getattr(personas, name)), meeting=item.meeting)
    return {
        "case": case,
        "participation": case.participations.get(organisation=personas.police),
        "meeting": item.meeting,
        "item": item,
        "intervention": intervention,
        "disclosure": disclosure,
        "session": weighing.session,
        "weighing_item": weighing.item,
        "references": [case.reference, item.meeting.reference, weighing.session.reference],
    }


def _url(route: Route, world: dict[str, Any]) -> str:
    kwargs: dict[str, Any] = {}
    for param in route.params:
        if param == "number":
            kwargs[param] = 1
        elif param == "participation_pk":
            kwargs[param] = world["participation"].pk
        else:
            kwargs[param] = world[route.resource or ""].pk
    return reverse(route.name, kwargs=kwargs)


def _client(user: Any, api: bool) -> Client:
    if api:
        token = access_token_create(user=user, name="Matrix", days=30)[1]
        return Client(headers={"Authorization": f"Bearer {token}"})
    return sign_in(Client(), user)


def test_the_matrix_covers_the_routes() -> None:
    found = routes()
    names = {r.name for r in found}
    assert {"cases:case_detail", "cases:item_detail", "weighing:item_detail"} <= names
    assert any(r.is_api for r in found)
    assert all(r.resource in AUDIENCE or r.resource is None for r in found)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_answers_each_persona_as_its_audience_says(personas, world, persona) -> None:
    user = getattr(personas, persona)
    clients = {False: _client(user, api=False), True: _client(user, api=True)}
    failures = []
    for route in routes():
        client = clients[route.is_api]
        url = _url(route, world)
        resource = route.resource
        if resource is None:
            if route.is_read:
                body = client.get(url).content.decode(errors="replace")
                leaked = [
                    ref for ref, kind in zip(world["references"], LISTED, strict=True)
                    if persona not in AUDIENCE[kind] and ref in body
                ]  # fmt: skip
                if leaked:
                    failures.append(f"{route.name}: list shows {leaked}")
            continue
        if persona in AUDIENCE[resource]:
            if route.is_read:
                status = client.get(url).status_code
                if status != 200:
                    failures.append(f"{route.name} GET {status}, expected 200")
            continue
        statuses = {
            method: getattr(client, method)(url, {}, content_type="application/json").status_code
            if method != "get"
            else client.get(url).status_code
            for method in (API_METHODS if route.is_api else PAGE_METHODS)
        }
        if set(statuses.values()) - {404, 405} or 404 not in statuses.values():
            failures.append(f"{route.name}: {statuses}, expected 404 (405 for other methods)")
    assert not failures, "\n".join(failures)
