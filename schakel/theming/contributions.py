"""What the house style adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.core.navigation import NavItem
from schakel.theming.views import active_page_theme

NAVIGATION = [NavItem(_("Huisstijl"), "theming:themes", frozenset(), admin_only=True, position=175)]

# Every page wears the active house style; its stylesheet is public (the sign-in page loads it).
PAGE_THEME = [active_page_theme]
PUBLIC_PATHS = ["/huisstijl/"]
