"""What the weighing, case, meeting, plan and disclosure endpoints share.

- The acting membership: without one there is nothing to see (404).
- A service's ``ValidationError`` (a dict of Dutch messages per field) becomes a 400
  ``validation`` problem; ``PermissionDenied`` and ``Http404`` become the 404 every other
  refusal gives (the plumbing in ``schakel.api.problems`` does that).
- Conflicts are a 409 problem of their own type, optionally with extension members (such as the
  current revision of a plan), and "acknowledge confidentiality first" is a 409 of type
  ``urn:schakel:problem:acknowledgment-required``.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import set_rollback

from schakel.accounts.models import Membership
from schakel.api.problems import PROBLEM_CONTENT_TYPE, ProblemType, problem_body
from schakel.api.schema import SchakelAutoSchema
from schakel.api.serializers import ProblemSerializer
from schakel.api.views import acting_membership_of
from schakel.cases.meeting_services import has_acknowledged
from schakel.cases.models import ConsultationMeeting
from schakel.cases.services import CaseStateError
from schakel.intake import validators
from schakel.weighing.services import AlreadyDecidedError

# The same type URI the meldpunt's conflicts have (urn:schakel:problem:conflict).
CONFLICT = ProblemType("conflict", 409, "Conflict", "Conflict")
ACKNOWLEDGMENT_REQUIRED = ProblemType(
    "acknowledgment-required",
    409,
    "Geheimhouding nog niet bevestigd",
    "Confidentiality not yet acknowledged",
)
# Status values fit a 32-bit integer column on every database; larger ones are simply unknown.
MAX_INT = 2**31 - 1


class Problem(exceptions.APIException):
    """A problem with its own type and, optionally, extension members (RFC 9457 §3.2)."""

    status_code = 409
    default_code = "conflict"

    def __init__(self, problem: ProblemType, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.problem = problem
        self.status_code = problem.status
        self.extensions = extensions


def conflict(detail: str, **extensions: Any) -> Problem:
    return Problem(CONFLICT, detail, **extensions)


def changed_meanwhile() -> Problem:
    return conflict(
        gettext(
            "Er is niets opgeslagen: dit is intussen gewijzigd of afgehandeld. Haal de "
            "gegevens opnieuw op."
        )
    )


def acknowledgment_required() -> Problem:
    return Problem(
        ACKNOWLEDGMENT_REQUIRED,
        gettext(
            "Bevestig eerst de geheimhouding van dit casusoverleg "
            "(POST …/meetings/{id}/acknowledgment/); daarna kunt u het openen."
        ),
    )


def require_acknowledgment(membership: Membership, meeting: ConsultationMeeting) -> None:
    """Inside a meeting only after this person's confidentiality acknowledgment."""
    if not has_acknowledged(user=membership.user, meeting=meeting):
        raise acknowledgment_required()


@contextmanager
def service_errors() -> Iterator[None]:
    """A service's Dutch messages per field as a 400; a state that changed meanwhile as a 409.
    ``PermissionDenied`` passes on and becomes a 404."""
    try:
        yield
    except DjangoValidationError as error:
        raise validation_error(error) from None
    except (AlreadyDecidedError, CaseStateError):
        raise changed_meanwhile() from None


def validation_error(
    error: DjangoValidationError, rename: dict[str, str] | None = None
) -> exceptions.ValidationError:
    detail = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    rename = rename or {}
    return exceptions.ValidationError(
        {rename.get(str(key), key or "non_field_errors"): value for key, value in detail.items()}
    )


def membership_of(request: Request) -> Membership:
    """The acting membership; without one there is nothing to see or do (404)."""
    membership = acting_membership_of(request)
    if membership is None:
        raise exceptions.NotFound()
    return membership


class ProcessAPIView(GenericAPIView[Any]):
    """Base of the weighing, case, meeting, plan and disclosure endpoints."""

    schema = SchakelAutoSchema()
    permission_classes = [IsAuthenticated]

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            "membership": acting_membership_of(self.request),
        }

    @property
    def fake(self) -> bool:
        """Schema generation has no caller."""
        return bool(getattr(self, "swagger_fake_view", False))

    def paginated(self, rows: Any, serializer_class: Any) -> Response:
        """A page of ``rows`` (a queryset or a list) as the standard paginated answer."""
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializer_class(page, many=True).data)

    def handle_exception(self, exc: Exception) -> Response:
        if not isinstance(exc, Problem):
            return super().handle_exception(exc)
        set_rollback()
        body = problem_body(exc.problem, path=self.request.path, detail=str(exc.detail))
        body.update(exc.extensions)
        # A plain JSON response, like ``problem_exception_handler`` gives (DRF accepts it).
        response = JsonResponse(
            body,
            status=exc.problem.status,
            content_type=PROBLEM_CONTENT_TYPE,
            json_dumps_params={"ensure_ascii": False},
        )
        return cast(Response, response)


def problem_response(description: str, serializer: Any = ProblemSerializer) -> dict[Any, Any]:
    """A documented 409 problem response for ``extend_schema(responses=…)``."""
    return {(409, PROBLEM_CONTENT_TYPE): OpenApiResponse(serializer, description)}


CONFLICT_RESPONSE = problem_response(
    "Conflict (urn:schakel:problem:conflict): intussen gewijzigd of al afgehandeld; er is "
    "niets opgeslagen."
)
ACKNOWLEDGMENT_RESPONSE = problem_response(
    "Geheimhouding nog niet bevestigd (urn:schakel:problem:acknowledgment-required): bevestig "
    "eerst met POST /api/v1/meetings/{id}/acknowledgment/."
)


class RevisionConflictProblemSerializer(ProblemSerializer):
    """A 409 for an edit based on an outdated revision: nothing was saved."""

    saved = serializers.BooleanField(
        required=False, help_text="Bij een revisieconflict: false, er is niets opgeslagen."
    )
    current_revision = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Bij een revisieconflict: de revisie zoals die nu is opgeslagen.",
    )


class PlanConflictProblemSerializer(RevisionConflictProblemSerializer):
    current_version = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="Bij een revisieconflict: id van de nu laatste versie (null: nog geen).",
    )
    current_number = serializers.IntegerField(
        required=False, allow_null=True, help_text="Het nummer van die versie."
    )


REVISION_CONFLICT_DETAIL = _(
    "Er is niets opgeslagen: iemand anders heeft dit intussen gewijzigd. Haal de huidige "
    "revisie op, vergelijk die met uw wijziging en stuur die opnieuw."
)


def free_text(help_text: str, **kwargs: Any) -> serializers.CharField:
    """Free text the service checks (required, length, control characters) with Dutch messages;
    missing counts as empty, so every message comes back at once."""
    return serializers.CharField(
        max_length=validators.TEXT_MAX_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text=help_text,
        **kwargs,
    )


def revision_field(help_text: str) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=help_text)
