"""Pages after (or instead of) the event: the record, learning points, follow-ups, cancelling
(with a confirmation step) and finishing a follow-up. Only those who manage the event reach
them (404 for anyone else); a follow-up is finished by its owner organisation's staff too."""

import uuid
from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.collaboration.selectors import roles_in
from schakel.core import confirm
from schakel.core.errors import StateError
from schakel.core.forms import add_service_errors, shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods, posted
from schakel.network_events import forms, permissions, selectors, services
from schakel.network_events.models import NetworkEvent
from schakel.network_events.views import event_url, managed_event, member


def _form_page(
    request: HttpRequest,
    event: NetworkEvent,
    form: django_forms.Form,
    save: Callable[[], object],
    *,
    title: str,
    submit: str,
    done: str,
    anchor: str = "",
) -> HttpResponse:
    if form.is_bound and form.is_valid():
        try:
            save()
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_service_errors(form, error)
        except StateError as error:
            messages.error(request, str(error.detail))
            return redirect(event_url(event))
        else:
            messages.success(request, done)
            return redirect(event_url(event) + anchor)
    context: dict[str, Any] = {
        "form": form,
        "errors": shown_errors(form),
        "event": event,
        "title": title,
        "submit": submit,
    }
    return render(request, "network_events/event_part_form.html", context)


@token_required
@form_methods
def event_record(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, event = managed_event(request, pk)
    if not (event.is_planned or event.is_held):
        raise Http404
    form = forms.RecordForm(posted(request), initial={"discussion": event.discussion})
    return _form_page(
        request,
        event,
        form,
        lambda: services.event_record(
            membership=membership, event=event, discussion=form.cleaned_data["discussion"]
        ),
        title=_("Verslag vastleggen"),
        submit=_("Verslag opslaan"),
        done=_("Het verslag is opgeslagen. Leg nu de leerpunten en vervolgacties vast."),
    )


@token_required
@form_methods
def learning_point_add(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, event = managed_event(request, pk)
    if not event.is_held:
        raise Http404
    form = forms.LearningPointForm(posted(request), collaboration=event.collaboration)
    return _form_page(
        request,
        event,
        form,
        lambda: services.learning_point_add(
            membership=membership, event=event, data=form.to_input()
        ),
        title=_("Leerpunt toevoegen"),
        submit=_("Leerpunt opslaan"),
        done=_("Het leerpunt is opgeslagen."),
        anchor="#leerpunten",
    )


@token_required
@form_methods
def follow_up_add(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, event = managed_event(request, pk)
    if not event.is_held:
        raise Http404
    form = forms.FollowUpForm(posted(request), collaboration=event.collaboration)
    return _form_page(
        request,
        event,
        form,
        lambda: services.follow_up_add(membership=membership, event=event, data=form.to_input()),
        title=_("Vervolgactie toevoegen"),
        submit=_("Vervolgactie opslaan"),
        done=_("De vervolgactie is opgeslagen."),
        anchor="#vervolgacties",
    )


@form_methods
def event_cancel(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, event = managed_event(request, pk)
    if not event.is_planned:
        raise Http404
    if confirm.confirmed(request):
        try:
            services.event_cancel(membership=membership, event=event)
        except PermissionDenied as error:
            raise Http404 from error
        except StateError as error:
            messages.error(request, str(error.detail))
        else:
            messages.success(request, _("De bijeenkomst is geannuleerd."))
        return redirect(event_url(event))
    when = formats.date_format(event.starts_at, "j F Y H:i")
    return confirm.confirm_page(
        request,
        confirm.Confirmation(
            title=_("Bijeenkomst annuleren"),
            submit=_("Bijeenkomst annuleren"),
            back_url=event_url(event),
            what=[
                _("De bijeenkomst „%(title)s” van %(when)s wordt geannuleerd.")
                % {"title": event.title, "when": when},
                _("Bij een geannuleerde bijeenkomst komen geen verslag en geen leerpunten."),
            ],
            irreversible=_("Annuleren kan niet ongedaan worden gemaakt."),
        ),
    )


@require_POST
def follow_up_complete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    follow_up = selectors.follow_up_for(membership, pk)
    roles = roles_in(membership, follow_up.event.collaboration)
    if not permissions.may_complete_follow_up(membership, follow_up, roles):
        raise Http404
    try:
        services.follow_up_complete(membership=membership, follow_up=follow_up)
    except PermissionDenied as error:
        raise Http404 from error
    except StateError as error:
        messages.error(request, str(error.detail))
    else:
        messages.success(request, _("De vervolgactie is afgerond."))
    return redirect(event_url(follow_up.event) + "#vervolgacties")
