"""What the API adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.core.navigation import NavItem

NAVIGATION = [NavItem(_("API-tokens"), "api_tokens:list", None, position=190)]
