"""The header's search box: shown on every page of a signed-in user who acts in a membership;
its hint mentions a name only for the roles that may search by name."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schakel.search.lookup import may_search_by_name


def search_box(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "acting_membership", None)
    if membership is None:
        return {}
    hint = _("Kenmerk of naam") if may_search_by_name(membership) else _("Kenmerk")
    return {"search_url": reverse("search:search"), "search_hint": hint}
