"""The access matrix: every persona × every collaboration page and endpoint, generated from the
URL configuration (a new route is in the matrix without anyone adding it here).

Members of the partnership read it (200); the chair and the coordinator also write its plan; the
chair, the coordinator, functional admins of member organisations and the platform operator
administer its roles and hosted weighing. Everyone else gets 404, on GET and on POST.
"""

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from conftest import sign_in
from schakel.accounts.services import access_token_create
from schakel.cases.tests.test_access_matrix import Route, _walk

pytestmark = pytest.mark.django_db

PERSONAS = [
    "lead_a", "colleague_a", "lead_b", "outsider", "director", "director_other", "police_member",
    "om_member", "ggz_member", "school_member", "privacy_officer_a", "police_privacy_officer",
    "admin_a", "admin_b", "superuser", "coordinator", "coordinator_other", "administrator_a",
]  # fmt: skip
MANAGERS = {"lead_b", "coordinator"}  # the chair and the coordinator of the partnership
ADMINISTRATORS = MANAGERS | {"admin_a", "admin_b", "superuser"}
MEMBERS = ADMINISTRATORS | {
    "lead_a", "colleague_a", "director", "police_member", "om_member", "privacy_officer_a",
    "police_privacy_officer", "administrator_a",
}  # fmt: skip
# Who may use a route, by its name (the rest of a collaboration's routes: the members).
AUDIENCE = {
    "collaboration:roles": ADMINISTRATORS,
    "collaboration:role_end": ADMINISTRATORS,
    "collaboration:hosting": ADMINISTRATORS,
    "collaboration:hosting_end": ADMINISTRATORS,
    "collaboration:plan_edit": MANAGERS,
    "collaboration:goal_add": MANAGERS,
    "collaboration:indicator_add": MANAGERS,
    "collaboration:progress_add": MANAGERS,
    "v1:collaboration-policy-goal-create": MANAGERS,
    "v1:policy-goal-progress-create": MANAGERS,
}
WRITE_ONLY = {"v1:collaboration-policy-goal-create", "v1:policy-goal-progress-create"}


def user_of(personas: Any, network: Any, name: str) -> Any:
    return getattr(network, name, None) or getattr(personas, name)


def routes() -> list[Route]:
    return [
        route
        for route in _walk(get_resolver().url_patterns, "", "")
        if route.name.startswith("collaboration:")
        or route.path.startswith(("api/v1/collaborations", "api/v1/policy-goals"))
    ]


def _url(route: Route, network: Any, world: Any) -> str:
    values = {
        "pk": network.partnership.pk,
        "role_pk": world.role.pk,
        "hosted_pk": world.hosted.pk,
        "goal_pk": world.goal.pk,
        "id": world.goal.pk
        if route.path.startswith("api/v1/policy-goals")
        else network.partnership.pk,
    }
    kwargs = {param: values[param] for param in route.params}
    return reverse(route.name, kwargs=kwargs)


def _client(user: Any, api: bool) -> Client:
    if api:
        token = access_token_create(user=user, name="Matrix", days=30)[1]
        return Client(headers={"Authorization": f"Bearer {token}"})
    return sign_in(Client(), user)


def test_the_matrix_covers_the_routes() -> None:
    names = {route.name for route in routes()}
    assert {"collaboration:detail", "collaboration:plan_pdf", "v1:collaboration-detail"} <= names
    assert set(AUDIENCE) <= names
    assert len(names) >= 19


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_answers_each_persona_as_its_audience_says(
    personas: Any, network: Any, world: Any, persona: str
) -> None:
    user = user_of(personas, network, persona)
    clients = {False: _client(user, api=False), True: _client(user, api=True)}
    failures = []
    for route in routes():
        client = clients[route.is_api]
        url = _url(route, network, world)
        if not route.params:  # the lists: everyone, showing only their own collaborations
            body = client.get(url).content.decode()
            shown = network.partnership.name in body
            if shown != (persona in MEMBERS):
                failures.append(f"{route.name}: partnership shown={shown}")
            continue
        audience = AUDIENCE.get(route.name, MEMBERS)
        get = client.get(url).status_code
        if persona in audience and route.name.endswith("_end"):
            post = 200  # it would end the role or the hosting: tested apart
        else:
            post = client.post(url, {}, content_type="application/json").status_code
        if persona in audience:
            expected_get = 405 if route.name in WRITE_ONLY else 200
            if get != expected_get or post == 404:
                failures.append(f"{route.name}: GET {get}, POST {post} for the audience")
        elif {get, post} - {404, 405} or 404 not in {get, post}:
            failures.append(f"{route.name}: GET {get}, POST {post}, expected 404")
    assert not failures, "\n".join(failures)


def test_the_other_collaboration_is_its_own_members_only(
    personas: Any, network: Any, signed_in: Any
) -> None:
    url = reverse("collaboration:detail", kwargs={"pk": network.alliance.pk})
    assert signed_in(network.coordinator_other).get(url).status_code == 200
    assert signed_in(personas.outsider).get(url).status_code == 200  # Zuiderhaven is a member
    assert signed_in(network.coordinator).get(url).status_code == 404
    assert signed_in(personas.lead_a).get(url).status_code == 404
