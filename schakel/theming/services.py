"""Writes on the house style: add a theme (checked), activate it, go back to the example theme.

Each change is logged as account administration, like the operator's other settings (it
concerns no data subject), in the same transaction; only ids and counts, never the CSS.
"""

import hashlib
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from schakel.accounts.activities import AccountActivity
from schakel.accounts.models import User
from schakel.audit.services import AttributeValue, log_processing
from schakel.theming.choices import ThemeSource
from schakel.theming.contrast import check_contrast
from schakel.theming.models import InstanceTheme
from schakel.theming.permissions import may_manage_theme
from schakel.theming.tokens import ParsedTheme, ThemeRefusedError, normalised_css, parse_theme


def _log(name: str, *, by: User, **attributes: AttributeValue) -> None:
    log_processing(
        activity=AccountActivity.ACCOUNT_ADMINISTRATION, name=name, by=by, attributes=attributes
    )


def _require(by: User) -> None:
    # The views already answer 404; this guards the services against any other caller.
    if not may_manage_theme(by):
        raise PermissionDenied


def _refuse_low_contrast(parsed: ParsedTheme) -> None:
    problems = [outcome.problem for outcome in check_contrast(parsed) if outcome.problem]
    if problems:
        raise ThemeRefusedError(problems)


def theme_create(
    *, by: User, name: str, data: bytes, source: ThemeSource, source_url: str = ""
) -> InstanceTheme:
    """Parse, check and store a theme (not yet active); ``ThemeRefusedError`` says why not."""
    _require(by)
    parsed = parse_theme(data)
    _refuse_low_contrast(parsed)
    css = normalised_css(parsed)
    with transaction.atomic():
        theme = InstanceTheme.objects.create(
            name=name,
            source=source,
            source_url=source_url,
            css=css,
            digest=hashlib.sha256(css.encode()).hexdigest(),
            token_count=len(parsed.declarations),
        )
        _log(
            "theming.theme.create",
            by=by,
            theme=str(theme.pk),
            source=str(source),
            tokens=theme.token_count,
        )
    return theme


def theme_refused(*, by: User, source: ThemeSource, problems: int, source_url: str = "") -> None:
    """Log a refused theme: a refused address may be someone probing what the server can reach,
    so the operator's log shows each attempt (the host only, never the path or the CSS)."""
    _require(by)
    host = urlsplit(source_url).hostname or "" if source_url else ""
    _log("theming.theme.refuse", by=by, source=str(source), problems=problems, host=host[:253])


def theme_activate(*, by: User, theme: InstanceTheme) -> InstanceTheme:
    """Make ``theme`` the installation's house style (checked again: the defaults beneath it
    may have changed since it was added)."""
    _require(by)
    _refuse_low_contrast(parse_theme(theme.css.encode()))
    with transaction.atomic():
        InstanceTheme.objects.filter(is_active=True).exclude(pk=theme.pk).update(is_active=False)
        theme.is_active = True
        theme.activated_at = timezone.now()
        theme.save(update_fields=["is_active", "activated_at", "updated_at"])
        _log("theming.theme.activate", by=by, theme=str(theme.pk))
    return theme


def theme_reset(*, by: User) -> None:
    """Back to the example theme: no theme is active any more (the history stays)."""
    _require(by)
    with transaction.atomic():
        deactivated = InstanceTheme.objects.filter(is_active=True).update(is_active=False)
        _log("theming.theme.reset", by=by, deactivated=deactivated)
