"""The platform operator's house-style pages (anyone else: 404) and the public stylesheet."""

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from schakel.accounts.acting import acting_user
from schakel.accounts.permissions import superuser_required
from schakel.accounts.stepup import step_up_required
from schakel.core.pages import form_methods
from schakel.core.theme import PageTheme
from schakel.theming import selectors, services
from schakel.theming.choices import ThemeSource
from schakel.theming.contrast import check_contrast
from schakel.theming.fetch import fetch_tokens
from schakel.theming.forms import ThemeForm
from schakel.theming.models import InstanceTheme
from schakel.theming.tokens import THEME_CLASS, ThemeRefusedError, parse_theme

# The URL names the content (its SHA-256), so a browser may keep it for a year.
STYLESHEET_CACHE = "public, max-age=31536000, immutable"


def stylesheet_url(digest: str) -> str:
    return reverse("theming:stylesheet", kwargs={"digest": digest})


def _detail_url(theme: InstanceTheme) -> str:
    return reverse("theming:theme", kwargs={"pk": theme.pk})


def _add(request: HttpRequest, form: ThemeForm) -> InstanceTheme | None:
    """The theme the valid form describes, stored; None with the refusals on the form."""
    data = form.cleaned_data
    source = ThemeSource.URL if data["url"] else ThemeSource.UPLOAD
    try:
        body = fetch_tokens(data["url"]) if data["url"] else form.file_bytes()
        return services.theme_create(
            by=acting_user(request),
            name=data["name"],
            data=body,
            source=source,
            source_url=data["url"] or "",
        )
    except ThemeRefusedError as refused:
        services.theme_refused(
            by=acting_user(request),
            source=source,
            problems=len(refused.messages),
            source_url=data["url"] or "",
        )
        for message in refused.messages:
            form.add_error(None, message)
        return None


@superuser_required
@form_methods
@step_up_required
def themes(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ThemeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and (theme := _add(request, form)):
        messages.success(
            request, _("De huisstijl is gecontroleerd en opgeslagen; bekijk hem hier.")
        )
        return redirect(_detail_url(theme))
    listed = list(selectors.theme_list_for(user=user))
    active = next((theme for theme in listed if theme.is_active), None)
    context = {"form": form, "themes": listed, "active": active}
    return render(request, "theming/themes.html", context)


@superuser_required
@require_safe
@step_up_required
def theme_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    theme = selectors.theme_get_for(user=acting_user(request), pk=pk)
    parsed = parse_theme(theme.css.encode())
    context = {
        "theme": theme,
        "outcomes": check_contrast(parsed),
        "tokens": [(name, parsed.value(name)) for name in parsed.declarations],
        # The preview: this page wears the theme, whichever one is active.
        "page_theme": PageTheme(href=stylesheet_url(theme.digest), css_class=THEME_CLASS),
    }
    return render(request, "theming/theme_detail.html", context)


@superuser_required
@form_methods
@step_up_required
def theme_activate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    user = acting_user(request)
    theme = selectors.theme_get_for(user=user, pk=pk)
    if request.method == "POST":
        try:
            services.theme_activate(by=user, theme=theme)
        except ThemeRefusedError as refused:
            for message in refused.messages:
                messages.error(request, message)
            return redirect(_detail_url(theme))
        messages.success(
            request, _("De huisstijl „%(name)s” is nu in gebruik.") % {"name": theme.name}
        )
        return redirect("theming:themes")
    return redirect(_detail_url(theme))


@superuser_required
@form_methods
@step_up_required
def theme_reset(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.theme_reset(by=acting_user(request))
        messages.success(request, _("Schakel gebruikt weer het standaardthema."))
    return redirect("theming:themes")


@require_safe
def stylesheet(request: HttpRequest, digest: str) -> HttpResponse:
    response = HttpResponse(
        selectors.stylesheet_get(digest=digest), content_type="text/css; charset=utf-8"
    )
    response["Cache-Control"] = STYLESHEET_CACHE
    # Public and cached for a year: loading it is no activity of the user, and a publicly
    # cached answer must not carry the session cookie.
    if hasattr(request, "session"):
        request.session.modified = False
    return response


def active_page_theme(request: HttpRequest) -> PageTheme | None:
    """The active house style for every page (``PAGE_THEME``); None: the example theme."""
    digest = selectors.active_theme_digest()
    if digest is None:
        return None
    return PageTheme(href=stylesheet_url(digest), css_class=THEME_CLASS)
