"""OpenAPI conventions applied to every operation: the bearer scheme, the common headers and
the problem+json error responses, so later endpoints get them without repeating them."""

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import Direction, OpenApiParameter, OpenApiResponse
from rest_framework import permissions

from schakel.api.authentication import MEMBERSHIP_HEADER
from schakel.api.problems import PROBLEM_CONTENT_TYPE
from schakel.api.serializers import ProblemSerializer
from schakel.api.version import API_VERSION, API_VERSION_HEADER

ERROR_DESCRIPTIONS = {
    "400": "Ongeldige invoer (met errors) of een onbruikbaar X-Schakel-Membership.",
    "401": "Niet aangemeld: geen, een onbekend, verlopen of ingetrokken token.",
    "404": "Bestaat niet, of u heeft er geen toegang toe (niet toegestaan lijkt op niet gevonden).",
    "415": "Formaat van de invoer niet ondersteund.",
    "422": (
        "Idempotency-Key al gebruikt voor een ander verzoek "
        "(urn:schakel:problem:idempotency-key-reused); er is niets gewijzigd."
    ),
    "429": "Te veel verzoeken; zie Retry-After.",
}
RETRY_AFTER_HEADER = {
    "description": "Aantal seconden waarna een nieuw verzoek weer kan.",
    "schema": {"type": "integer", "minimum": 1},
}
TRACEPARENT_PATTERN = r"^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"
VERSION_HEADER = {API_VERSION_HEADER: {"$ref": f"#/components/headers/{API_VERSION_HEADER}"}}


def full_version(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: ``info.version`` is the full semantic version, also when the
    document is served under /api/v1/ (drf-spectacular would append " (v1)"), and the
    ``API-Version`` header every response refers to is described once."""
    result["info"]["version"] = API_VERSION
    result.setdefault("components", {}).setdefault("headers", {})[API_VERSION_HEADER] = {
        "description": "De volledige versie van de API die antwoordde (semantic versioning).",
        "schema": {"type": "string", "example": API_VERSION},
    }
    return result


class PersonalAccessTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "schakel.api.authentication.PersonalAccessTokenAuthentication"
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "schakel_pat_…",
            "description": (
                "Persoonlijk toegangstoken, aan te maken onder /api-tokens/ na herbevestiging. "
                "Handelt met precies de lidmaatschappen van de gebruiker."
            ),
        }


class VerifiedSessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "schakel.api.authentication.VerifiedSessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": (
                "De sessie van de webinterface, alleen na inloggen met de tweede factor. "
                "Wijzigende verzoeken sturen het CSRF-token mee in X-CSRFToken."
            ),
        }


class SchakelAutoSchema(AutoSchema):
    """Adds the shared headers and the problem responses every operation can give."""

    def get_override_parameters(self) -> list[Any]:
        shared = [
            OpenApiParameter(
                "traceparent",
                str,
                OpenApiParameter.HEADER,
                description=(
                    "W3C trace context; het antwoord geeft het traceparent van dit verzoek."
                ),
                pattern=TRACEPARENT_PATTERN,
            ),
        ]
        if not self._allows_anonymous():
            shared.append(
                OpenApiParameter(
                    MEMBERSHIP_HEADER,
                    {"type": "string", "format": "uuid"},
                    OpenApiParameter.HEADER,
                    description=(
                        "Id van het eigen actieve lidmaatschap waarin u handelt; "
                        "standaard het eerste."
                    ),
                )
            )
        if self.method == "POST" and not self._allows_anonymous():
            shared.append(
                OpenApiParameter(
                    "Idempotency-Key",
                    # Visible ASCII only, as ``idempotency.KEY_PATTERN`` checks.
                    {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
                    OpenApiParameter.HEADER,
                    description=(
                        "Optioneel, per aanroeper 24 uur bewaard: hetzelfde verzoek met dezelfde "
                        "sleutel geeft hetzelfde antwoord nog eens (met Idempotent-Replayed: "
                        "true) en wijzigt niets opnieuw; dezelfde sleutel met een ander verzoek "
                        "geeft 422, terwijl het eerste nog loopt 409."
                    ),
                )
            )
        return [*super().get_override_parameters(), *shared]

    def _allows_anonymous(self) -> bool:
        return any(isinstance(p, permissions.AllowAny) for p in self.view.get_permissions())

    def _get_response_bodies(self, direction: Direction = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        codes = ["400", "404"]
        if not self._allows_anonymous():
            codes.append("401")
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append("415")
        if self.method == "POST" and not self._allows_anonymous():
            codes.append("422")
        if getattr(self.view, "throttle_classes", None):
            codes.append("429")
        for code in codes:
            if code not in responses:
                problem = OpenApiResponse(ProblemSerializer, ERROR_DESCRIPTIONS[code])
                responses[code] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                    problem, code, [PROBLEM_CONTENT_TYPE], direction
                )
        if "429" in responses:
            responses["429"].setdefault("headers", {})["Retry-After"] = RETRY_AFTER_HEADER
        for response in responses.values():
            response["description"] = response.get("description") or "Gelukt."
            response["headers"] = {**response.get("headers", {}), **VERSION_HEADER}
        return dict(sorted(responses.items()))
