"""What every app's endpoints share (only `<app>/api/` modules import this).

- The acting membership: without one there is nothing to see (404).
- A service's ``ValidationError`` (a dict of Dutch messages per field) becomes a 400
  ``validation`` problem; ``PermissionDenied`` and ``Http404`` become the 404 every other
  refusal gives (``schakel.api.problems`` does that).
- A ``StateError`` (someone else acted first, it changed meanwhile) becomes a 409 problem of
  type ``urn:schakel:problem:conflict`` with the error's Dutch ``detail``; a conflict may carry
  extension members (such as the current revision of a plan).
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView, set_rollback

from schakel.accounts.models import Membership
from schakel.api import idempotency
from schakel.api.problems import PROBLEM_CONTENT_TYPE, ProblemType, problem_body
from schakel.api.schema import SchakelAutoSchema
from schakel.api.serializers import ProblemSerializer
from schakel.api.views import acting_membership_of
from schakel.core import validators
from schakel.core.errors import StateError

CONFLICT = ProblemType("conflict", 409, "Conflict", "Conflict")
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


@contextmanager
def service_errors() -> Iterator[None]:
    """A service's Dutch messages per field as a 400; a state that changed meanwhile as a 409.
    ``PermissionDenied`` passes on and becomes a 404."""
    try:
        yield
    except DjangoValidationError as error:
        raise validation_error(error) from None
    except StateError as error:
        raise conflict(str(error.detail)) from None


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


def visible_or_404[M: Model](visible: QuerySet[M], pk: Any) -> M:
    """The object with this id among those the caller may see; any other id is a 404."""
    found = visible.filter(pk=pk).first()
    if found is None:
        raise exceptions.NotFound()
    return found


class SchakelAPIView(GenericAPIView[Any]):
    """Base of every app's endpoints."""

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

    def valid_input(self, serializer_class: Any) -> Any:
        """The request body read by ``serializer_class``; invalid input is a 400 with every
        message at once."""
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer

    def paginated(self, rows: Any, serializer_class: Any) -> Response:
        """A page of ``rows`` (a queryset or a list) as the standard paginated answer."""
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializer_class(page, many=True).data)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """After sign-in, permissions and rate limits: claim a POST's ``Idempotency-Key``."""
        super().initial(request, *args, **kwargs)
        self.idempotency_record = None
        if request.method == "POST":
            try:
                self.idempotency_record = idempotency.claim(request)
            except idempotency.KeyProblemError as error:
                raise Problem(error.problem, error.detail) from None

    def finalize_response(
        self, request: Request, response: Any, *args: Any, **kwargs: Any
    ) -> Response:
        final = super().finalize_response(request, response, *args, **kwargs)
        record = getattr(self, "idempotency_record", None)
        if record is not None:
            self.idempotency_record = None
            idempotency.remember(record, final)
        return final

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, idempotency.ReplayError):
            return cast(Response, idempotency.replayed(exc.record))
        record = getattr(self, "idempotency_record", None)
        if record is not None and not isinstance(exc, exceptions.APIException):
            # An unexpected error: nothing to replay, and the key must not stay claimed.
            self.idempotency_record = None
            idempotency.release(record)
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


class VisibleListView(ListModelMixin, SchakelAPIView):
    """A list endpoint: ``visible_rows()`` paginated, filtered and ordered as the view declares.
    Schema generation has no caller: it gets the empty ``queryset`` (which names the model)."""

    def visible_rows(self) -> QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if self.fake:
            return super().get_queryset()
        return self.visible_rows()

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)


class ActionView(SchakelAPIView):
    """One change through one service call, in the order every action keeps: find what it
    changes (``target``: a 404 when not visible, a 409 when it can no longer change), read the
    input (``input_serializer``, 400; ``None``: the action reads no input), change it (``act``,
    inside ``errors``: by default a service's messages are a 400, a state that changed meanwhile
    a 409) and ``answer``. A view's ``post`` (or ``patch``) is ``return self.perform(request, id)``.
    """

    input_serializer: Any = None

    def target(self, membership: Membership, pk: Any) -> Any:
        raise NotImplementedError

    def act(self, membership: Membership, target: Any, serializer: Any) -> Any:
        raise NotImplementedError

    def answer(self, membership: Membership, target: Any, result: Any) -> Response:
        raise NotImplementedError

    def errors(self, target: Any) -> AbstractContextManager[None]:
        return service_errors()

    def perform(self, request: Request, pk: Any) -> Response:
        membership = membership_of(request)
        target = self.target(membership, pk)
        serializer = self.valid_input(self.input_serializer) if self.input_serializer else None
        with self.errors(target):
            result = self.act(membership, target, serializer)
        return self.answer(membership, target, result)


def problem_response(description: str, serializer: Any = ProblemSerializer) -> dict[Any, Any]:
    """A documented 409 problem response for ``extend_schema(responses=…)``."""
    return {(409, PROBLEM_CONTENT_TYPE): OpenApiResponse(serializer, description)}


CONFLICT_RESPONSE = problem_response(
    "Conflict (urn:schakel:problem:conflict): intussen gewijzigd of al afgehandeld; er is "
    "niets opgeslagen."
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


class PostAllowedBy(BasePermission):
    """POST only when ``predicate(acting membership)`` holds; a refusal becomes a 404."""

    predicate: Any = staticmethod(lambda membership: False)

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method != "POST":
            return True
        return bool(self.predicate(acting_membership_of(request)))
