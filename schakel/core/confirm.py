"""Confirmation pages for irreversible or heavy actions, shared by every app.

The pattern: the action's button leads (GET) to a page that says in Dutch what will happen and
what cannot be undone, with the submit button and a "Terug" link; only the POST acts. A form
that collects input first shows a review step: the submitted values are shown back with
"Bevestigen" and "Wijzigen"; the values travel in hidden fields of the POST (never in the URL),
and the form runs again on confirmation, so nothing unchecked is saved. No JavaScript.

    if response := confirm.review_first(request, form, confirmation, edit=show_form):
        return response
    # here: a GET, a form with errors, or a confirmed POST: save as usual
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats

STEP = "stap"
CONFIRM = "bevestigen"
EDIT = "wijzigen"


@dataclass(frozen=True)
class Confirmation:
    """What a confirmation page says: its title, what will happen (one paragraph each), what
    cannot be undone (empty: nothing), the submit button's text and where "Terug" leads."""

    title: str
    submit: str
    back_url: str
    what: Sequence[str] = ()
    irreversible: str = ""
    # A checkbox that must be ticked to go on (name, label), e.g. "the meeting is held now".
    check: tuple[str, str] | None = None
    check_error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def confirmed(request: HttpRequest) -> bool:
    """A POST from a confirmation or review page's submit button."""
    return request.method == "POST" and request.POST.get(STEP) == CONFIRM


def check_ticked(request: HttpRequest, confirmation: Confirmation) -> bool:
    return confirmation.check is None or request.POST.get(confirmation.check[0]) == "ja"


def confirm_page(
    request: HttpRequest,
    confirmation: Confirmation,
    *,
    action: str = "",
    hidden: Sequence[tuple[str, str]] = (),
    review: Sequence[tuple[str, str]] = (),
    errors: Sequence[str] = (),
    status: int = 200,
) -> HttpResponse:
    """The confirmation page; ``review`` rows make it a review step with "Wijzigen"."""
    context = {
        "confirmation": confirmation,
        "action": action,
        "hidden": hidden,
        "review": review,
        "confirm_errors": errors,
        "step_field": STEP,
        "step_confirm": CONFIRM,
        "step_edit": EDIT,
        **confirmation.extra,
    }
    return render(request, "core/confirm.html", context, status=status)


def _display(bound: forms.BoundField, value: Any) -> str:
    if value in (None, "", [], ()):
        return "—"
    choices = getattr(bound.field, "choices", None)
    if choices is not None:
        labels = {str(key): str(label) for key, label in _flat(choices)}
        values = value if isinstance(value, list | tuple) else [value]
        shown = [labels.get(str(getattr(v, "pk", v)), str(v)) for v in values]
        return ", ".join(shown)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(formats.localize(value))


def _flat(choices: Any) -> Iterator[tuple[Any, Any]]:
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield (getattr(key, "value", key), label)


def review_rows(form: forms.BaseForm) -> list[tuple[str, str]]:
    """The valid form's values as the user will recognise them (labels, choice texts)."""
    rows = []
    for bound in form:
        if bound.is_hidden:
            continue
        rows.append((str(bound.label), _display(bound, form.cleaned_data.get(bound.name))))
    return rows


def hidden_values(form: forms.BaseForm) -> list[tuple[str, str]]:
    """What was posted for the form's fields, to post again from the review page."""
    data = form.data
    pairs = []
    for bound in form:
        name = bound.html_name
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]
        pairs += [(name, str(value)) for value in values]
    return pairs


def review_first(
    request: HttpRequest,
    form: forms.BaseForm,
    confirmation: Confirmation,
    *,
    edit: Callable[[], HttpResponse],
) -> HttpResponse | None:
    """The review step of a form page. A response: the review page (the form was valid and not
    yet confirmed) or the form again ("Wijzigen"). None: go on as usual (a GET, a form with
    errors to show, or a confirmed POST to save)."""
    if request.method != "POST" or confirmed(request):
        return None
    if request.POST.get(STEP) == EDIT:
        return edit()
    if not form.is_valid():
        return None
    return confirm_page(request, confirmation, hidden=hidden_values(form), review=review_rows(form))
