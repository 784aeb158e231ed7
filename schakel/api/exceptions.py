"""API exceptions of Schakel's own. Kept free of view imports: authentication classes import
this module while DRF itself is still loading its settings."""

from django.utils.translation import gettext_lazy
from rest_framework import exceptions

BEARER_CHALLENGE = 'Bearer realm="schakel"'


class CsrfFailed(exceptions.APIException):
    """A session-authenticated change without a valid CSRF token (not hidden as a 404)."""

    status_code = 403
    default_code = "csrf_failed"
    default_detail = gettext_lazy("CSRF-controle mislukt. Stuur het CSRF-token mee.")


class InvalidMembership(exceptions.APIException):
    """The ``X-Schakel-Membership`` header names no active membership of the caller."""

    status_code = 400
    default_code = "invalid_membership"
    default_detail = gettext_lazy(
        "De gekozen rol (X-Schakel-Membership) is geen actief lidmaatschap van u."
    )
