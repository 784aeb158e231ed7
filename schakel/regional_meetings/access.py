"""What every page of the meetings starts with: the acting membership and what it may see or
change (404 for anything else), and the one form page every simple form uses."""

import uuid
from collections.abc import Callable
from typing import Any

from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.collaboration.selectors import collaboration_for, roles_in
from schakel.core.forms import shown_errors
from schakel.core.pages import save_valid, success_redirect
from schakel.network.models import Collaboration
from schakel.regional_meetings import permissions, selectors
from schakel.regional_meetings.models import Meeting


def member(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    return membership


def collaboration(
    request: HttpRequest, pk: uuid.UUID
) -> tuple[Membership, Collaboration, frozenset[str]]:
    """The acting membership, a collaboration it takes part in, and its roles in it."""
    membership = member(request)
    found = collaboration_for(membership, pk)
    return membership, found, roles_in(membership, found)


def meeting(request: HttpRequest, pk: uuid.UUID) -> tuple[Membership, Meeting, bool]:
    """A meeting the acting membership reads, and whether it may change it."""
    membership = member(request)
    found = selectors.meeting_for(membership, pk)
    roles = roles_in(membership, found.collaboration)
    return membership, found, permissions.may_edit(membership, roles, found.working_group)


def editable_meeting(request: HttpRequest, pk: uuid.UUID) -> tuple[Membership, Meeting]:
    membership, found, may_edit = meeting(request, pk)
    if not may_edit:
        raise Http404
    return membership, found


def form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    title: str,
    back_url: str,
    submit: str,
    save: Callable[[], Any],
    done: str,
    to: Callable[[Any], str],
    intro: str = "",
    multipart: bool = False,
    fields: dict[str, str] | None = None,
) -> HttpResponse:
    """A form on its own page: save through the service and go on, or show the messages."""
    saved = save_valid(form, save, forbidden_is_404=True, fields=fields)
    if saved is not None:
        return success_redirect(request, done, to(saved.value))
    context = {
        "form": form,
        "errors": shown_errors(form),  # type: ignore[arg-type]
        "title": title,
        "back_url": back_url,
        "submit": submit,
        "intro": intro,
        "multipart": multipart,
    }
    return render(request, "regional_meetings/form.html", context)
