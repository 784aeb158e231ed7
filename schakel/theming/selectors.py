"""Reads of the house style. The operator's pages take the acting user; the stylesheet and the
active theme are public (every page, the sign-in page too, wears the house style)."""

import uuid

from django.db.models import QuerySet
from django.http import Http404

from schakel.accounts.models import User
from schakel.theming.models import InstanceTheme
from schakel.theming.permissions import may_manage_theme


def theme_list_for(*, user: User) -> QuerySet[InstanceTheme]:
    if not may_manage_theme(user):
        raise Http404
    return InstanceTheme.objects.defer("css")


def theme_get_for(*, user: User, pk: uuid.UUID) -> InstanceTheme:
    """One theme for the operator; anyone else, and a missing theme, gets 404."""
    if not may_manage_theme(user):
        raise Http404
    try:
        return InstanceTheme.objects.get(pk=pk)
    except InstanceTheme.DoesNotExist as error:
        raise Http404 from error


def active_theme_digest() -> str | None:
    """The digest of the active theme's stylesheet; None while the example theme is in use."""
    return InstanceTheme.objects.filter(is_active=True).values_list("digest", flat=True).first()


def stylesheet_get(*, digest: str) -> str:
    """A stored theme's stylesheet by its digest (not secret: it is what every page loads)."""
    css = InstanceTheme.objects.filter(digest=digest).values_list("css", flat=True).first()
    if css is None:
        raise Http404
    return css
