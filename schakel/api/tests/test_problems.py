"""Every API error is problem+json (RFC 9457) and leaks nothing."""

import json
from typing import Any

import pytest
from django.test import Client
from rest_framework import exceptions, throttling
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

SECRET = "secret internal detail: bsn 999999990"
PROBLEM_KEYS = {"type", "title", "title_en", "status", "detail", "instance"}


def assert_problem(response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = json.loads(response.content)
    assert set(body) >= PROBLEM_KEYS
    assert body["type"] == f"urn:schakel:problem:{slug}"
    assert body["status"] == status
    assert body["title"]
    assert body["title_en"]
    assert body["title"] != body["title_en"]
    return body


def test_401_without_credentials(db) -> None:
    response = Client().get("/api/v1/partners?kind=police")

    body = assert_problem(response, 401, "not-authenticated")
    assert body["title"] == "Niet aangemeld"
    assert body["title_en"] == "Authentication required"
    assert body["instance"] == "/api/v1/partners"  # the path only, never the query
    assert response["WWW-Authenticate"] == 'Bearer realm="schakel"'


def test_404_for_an_unknown_api_path(db) -> None:
    response = Client().get("/api/v1/bestaat-niet")

    body = assert_problem(response, 404, "not-found")
    assert body["instance"] == "/api/v1/bestaat-niet"


def test_404_for_a_path_with_a_trailing_slash_says_so(db) -> None:
    response = Client().get("/api/v1/me/")

    body = assert_problem(response, 404, "not-found")
    assert body["detail"] == "Paden eindigen niet op een schuine streep: /api/v1/me"
    assert "Location" not in response


def test_404_for_an_unknown_api_path_answers_every_method(db) -> None:
    assert_problem(Client().delete("/api/v1/geen/pad"), 404, "not-found")


def test_404_for_an_organisation_outside_the_directory(personas, api_client) -> None:
    url = f"/api/v1/partners/{personas.municipality_other_region.pk}"

    body = assert_problem(api_client(personas.lead_a).get(url), 404, "not-found")

    assert "Zuiderhaven" not in str(body)


def test_405_for_an_unsupported_method(personas, api_client) -> None:
    response = api_client(personas.lead_a).delete("/api/v1/me")

    assert_problem(response, 405, "method-not-allowed")
    assert "GET" in response["Allow"]


def test_validation_error_lists_field_and_message(personas, api_client) -> None:
    response = api_client(personas.lead_a).get("/api/v1/partners?kind=bakkerij")

    body = assert_problem(response, 400, "validation")
    assert body["errors"][0]["field"] == "kind"
    assert body["errors"][0]["message"]
    assert body["errors"][0]["code"] == "invalid_choice"


def test_problem_is_json_even_where_the_view_renders_yaml(db) -> None:
    response = Client().get("/api/v1/openapi.json", {"format": "xml"})

    assert_problem(response, 404, "not-found")


def test_406_when_json_is_not_accepted(db) -> None:
    response = Client().get("/api/v1/me", headers={"Accept": "text/html"})

    assert_problem(response, 406, "not-acceptable")


def test_detail_follows_the_request_language_titles_do_not(db) -> None:
    dutch = Client().get("/api/v1/me").json()
    english = Client().get("/api/v1/me", headers={"Accept-Language": "en"}).json()

    assert dutch["title"] == english["title"] == "Niet aangemeld"
    assert dutch["detail"] != english["detail"]


# The plumbing for errors no current endpoint produces, on small views of this test module.


class EchoView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request: Request) -> Response:
        return Response(request.data)


class ThrottledView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    class Always(throttling.BaseThrottle):
        def allow_request(self, request: Any, view: Any) -> bool:
            return False

        def wait(self) -> float:
            return 30.0

    throttle_classes = [Always]

    def get(self, request: Request) -> Response:
        return Response({})


class BrokenView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request: Request) -> Response:
        raise RuntimeError(SECRET)


class NestedValidationView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request: Request) -> Response:
        raise exceptions.ValidationError(
            {"non_field_errors": ["Geheel ongeldig."], "items": [{}, {"name": ["Verplicht."]}]}
        )


class ForbiddenView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request: Request) -> Response:
        raise exceptions.PermissionDenied()


factory = APIRequestFactory()


def render(response: Any) -> Any:
    """Problems are plain JSON responses; a DRF Response would need rendering first."""
    if isinstance(response, Response):
        response.render()
    return response


def test_415_for_an_unsupported_media_type() -> None:
    request = factory.post("/api/v1/echo", data="a=b", content_type="text/plain")

    assert_problem(render(EchoView.as_view()(request)), 415, "unsupported-media-type")


def test_400_for_malformed_json() -> None:
    request = factory.post("/api/v1/echo", data="{nope", content_type="application/json")

    assert_problem(render(EchoView.as_view()(request)), 400, "malformed-request")


def test_429_with_retry_after() -> None:
    response = render(ThrottledView.as_view()(factory.get("/api/v1/throttled")))

    assert_problem(response, 429, "throttled")
    assert response["Retry-After"] == "30"


def test_unexpected_exception_is_a_500_that_leaks_nothing(caplog: pytest.LogCaptureFixture) -> None:
    response = render(BrokenView.as_view()(factory.get("/api/v1/broken")))

    body = assert_problem(response, 500, "server-error")
    assert "secret" not in response.content.decode()
    assert "999999990" not in response.content.decode()
    assert body["instance"] == "/api/v1/broken"
    assert "Unhandled API exception RuntimeError" in caplog.text
    assert "test_problems.py" in caplog.text  # where it failed, for operators
    assert "999999990" not in caplog.text  # but not the message, which may hold personal data


def test_not_allowed_looks_like_not_found() -> None:
    response = render(ForbiddenView.as_view()(factory.get("/api/v1/forbidden")))

    assert_problem(response, 404, "not-found")


def test_nested_validation_errors_are_flattened() -> None:
    response = render(NestedValidationView.as_view()(factory.get("/api/v1/nested")))

    body = assert_problem(response, 400, "validation")
    assert body["errors"] == [
        {"field": None, "message": "Geheel ongeldig.", "code": "invalid"},
        {"field": "items.1.name", "message": "Verplicht.", "code": "invalid"},
    ]
