"""What core adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.core.navigation import NavItem

NAVIGATION = [NavItem(_("Mijn werk"), "core:dashboard", None, position=10)]
