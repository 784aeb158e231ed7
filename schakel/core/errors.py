"""Errors that services raise when the state an action needs is not (or no longer) there.

Someone else decided first, the case was closed meanwhile, the request was handled: nothing was
saved. A page says so in Dutch; the API answers a 409 problem of type
``urn:schakel:problem:conflict`` with ``detail`` (``schakel.api.base.service_errors``).
"""

from django.utils.translation import gettext_lazy as _


class StateError(Exception):
    """The action does not fit the state of what it acts on any more."""

    detail = _(
        "Er is niets opgeslagen: dit is intussen gewijzigd of afgehandeld. Haal de gegevens "
        "opnieuw op."
    )
