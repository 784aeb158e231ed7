"""The learning points across a collaboration's events, filtered by theme and organisation,
on a page and as CSV (``export``). Every member of the collaboration sees them."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from schakel.collaboration.selectors import collaboration_for
from schakel.core.pages import page_of, query_without_page
from schakel.network.models import Collaboration
from schakel.network_events import export, selectors
from schakel.network_events.views import member


def _filters(
    request: HttpRequest, collaboration: Collaboration, themes: list[str]
) -> tuple[str, uuid.UUID | None]:
    theme = request.GET.get("thema", "")
    theme = theme if theme in themes else ""
    organisation: uuid.UUID | None = None
    chosen = request.GET.get("organisatie", "")
    members = {
        str(pk): pk
        for pk in selectors.member_organisations(collaboration).values_list("pk", flat=True)
    }
    if chosen in members:
        organisation = members[chosen]
    return theme, organisation


@require_GET
def learning_points(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership = member(request)
    found = collaboration_for(membership, collaboration)
    themes = selectors.themes_of(membership, found)
    theme, organisation = _filters(request, found, themes)
    rows = selectors.learning_points_of(membership, found, theme=theme, organisation=organisation)
    context = {
        "collaboration": found,
        "page": page_of(request, rows),
        "themes": themes,
        "theme": theme,
        "organisations": list(selectors.member_organisations(found)),
        "organisation": str(organisation or ""),
        "query": query_without_page(request),
    }
    return render(request, "network_events/learning_points.html", context)


@require_GET
def learning_points_csv(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership = member(request)
    found = collaboration_for(membership, collaboration)
    theme, organisation = _filters(request, found, selectors.themes_of(membership, found))
    rows = selectors.learning_points_of(membership, found, theme=theme, organisation=organisation)
    response = HttpResponse(export.learning_points_csv(rows), content_type=export.CONTENT_TYPE)
    name = f"leerpunten-{slugify(found.name)}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
