"""Form helpers shared by every app: NL Design System classes on widgets, the error summary and
the service's messages put on the form."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from schakel.core.once import token_missing
from schakel.core.validators import TEXT_MAX_LENGTH

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M"]

_WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
)


BLANK_LABEL = _("Maak een keuze")


def _label_blank_choice(field: forms.Field) -> None:
    # Django's own blank label ("- Select an option -") has no Dutch translation yet.
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = BLANK_LABEL
    elif isinstance(field, forms.ChoiceField):
        choices = list(getattr(field, "choices", []))  # normalised: (value, label) pairs
        if choices and choices[0][0] == "":
            field.choices = [("", BLANK_LABEL), *choices[1:]]


FORM_EXPIRED = _(
    "Dit formulier is verlopen: het kwam van een pagina die te oud is. Er is niets opgeslagen. "
    "Controleer wat u hebt ingevuld en verstuur het opnieuw."
)
DATE_INVALID = _("Vul een bestaande datum in als 31-12-2026.")
TIME_INVALID = _("Vul een tijd in als 14:30.")
NUMBER_INVALID = _("Vul een getal in, alleen cijfers.")
CHOICE_INVALID = _("Kies een van de mogelijkheden die er staan.")


def _required_message(field: forms.Field) -> "StrOrPromise":
    """Says which field is missing and what to do (instead of Django's "Dit veld is vereist.")."""
    label = field.label or ""
    if isinstance(field, forms.BooleanField):
        return format_lazy(_("Vink „{label}” aan om verder te gaan."), label=label)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return format_lazy(_("Kies bij „{label}” een van de mogelijkheden."), label=label)
    if isinstance(field, forms.DateField):
        return format_lazy(_("Vul bij „{label}” een datum in als 31-12-2026."), label=label)
    return format_lazy(_("Vul „{label}” in."), label=label)


def _specific_messages(field: forms.Field) -> None:
    """Replace Django's generic messages (still the class defaults) by specific Dutch ones; a
    message a form sets itself is kept."""
    defaults: dict[str, Any] = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    specific: dict[str, StrOrPromise] = {"required": _required_message(field)}
    if isinstance(field, forms.DateField):
        specific["invalid"] = DATE_INVALID
    elif isinstance(field, forms.TimeField):
        specific["invalid"] = TIME_INVALID
    elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        specific["invalid"] = NUMBER_INVALID
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        specific["invalid_choice"] = CHOICE_INVALID
    for code, message in specific.items():
        if field.error_messages.get(code) is defaults.get(code):
            field.error_messages[code] = message


class StyledFormMixin:
    """Give every widget the NL Design System class of its kind (no inline styles), and every
    field specific Dutch messages (see ``_specific_messages``).

    No HTML ``required``: browsers would style every empty required field as invalid before
    anything was submitted. Required inputs get ``aria-required`` instead; the server checks.
    A field that is not required by the form but by the service (``shown_required``) gets it too.
    """

    fields: dict[str, forms.Field]
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _label_blank_choice(field)
            _specific_messages(field)
            shown_required = field.required or getattr(field, "shown_required", False)
            if shown_required and not isinstance(
                field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
            ):
                field.widget.attrs.setdefault("aria-required", "true")
            for widget_type, css in _WIDGET_CLASSES:
                if isinstance(field.widget, widget_type):
                    field.widget.attrs.setdefault("class", css)
                    break

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        if getattr(self, "is_bound", False) and token_missing(getattr(self, "data", None)):
            self.add_error(None, FORM_EXPIRED)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ErrorItem:
    """One line of the error summary: a link to the field (when it is on the page)."""

    label: str
    message: str
    anchor: str


def field_anchor(field: forms.BoundField) -> str:
    # Radio buttons have no single id to label; link to the first button.
    return field.id_for_label or f"{field.auto_id}_0"


def _item(label: str, message: str, anchor: str) -> ErrorItem:
    # A message that names its field already ("Vul „Naam” in.") is not prefixed with the label.
    return ErrorItem("" if f"„{label}”" in message else label, message, anchor)


def error_summary(form: forms.Form, formsets: tuple[Any, ...] = ()) -> list[ErrorItem]:
    """Every message on the page, in page order, each linking to its field."""
    items = [ErrorItem(label="", message=str(m), anchor="") for m in form.non_field_errors()]
    hidden: set[str] = getattr(form, "hidden_names", set())
    for field in form:
        if field.name in hidden:
            continue
        items += [_item(str(field.label), str(m), field_anchor(field)) for m in field.errors]
    for formset in formsets:
        items += [ErrorItem("", str(m), "") for m in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            for field in row:
                label = getattr(formset, "row_label", _("Persoon %(number)s: %(field)s")) % {
                    "number": number,
                    "field": field.label,
                }
                items += [ErrorItem(str(label), str(m), field_anchor(field)) for m in field.errors]
    return items


def shown_errors(form: forms.Form) -> list[ErrorItem]:
    """The error summary of a submitted form; none while it is shown for the first time."""
    return error_summary(form) if form.is_bound else []


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, fields: Mapping[str, str] | None = None
) -> None:
    """Put the service's messages next to the fields (``fields`` maps a service key to a form
    field where the names differ); messages about anything else go to the top of the form."""
    by_key = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for key, messages in by_key.items():
        name = (fields or {}).get(key, key) if key is not None else None
        form.add_error(name if name in form.fields else None, messages)


def cleaned_values(form: forms.BaseForm, *names: str) -> dict[str, Any]:
    """The named cleaned values of a valid form, to pass on to a service by the same names."""
    return {name: form.cleaned_data[name] for name in names}


# Fields every app asks for the same way -------------------------------------------------------


def length_hint(maximum: int) -> "StrOrPromise":
    """ "Maximaal 2.000 tekens." in the active language."""
    grouped = lazy(lambda: number_format(maximum, force_grouping=True), str)()
    return format_lazy(_("Maximaal {max} tekens."), max=grouped)


def text_field(
    label: "StrOrPromise",
    maximum: int = TEXT_MAX_LENGTH,
    *,
    required: bool = True,
    rows: int = 0,
    strip: bool = True,
    help_text: "StrOrPromise" = "",
    required_message: "StrOrPromise" = "",
    **attrs: str,
) -> forms.CharField:
    """A text field (a text area with ``rows``) whose maximum length is shown. No HTML
    maxlength: a browser would cut a longer text silently; the service refuses it with a
    message and the text stays in the field to be shortened."""
    hint = length_hint(maximum)
    widget: forms.Widget = (
        forms.Textarea(attrs={"rows": rows, **attrs}) if rows else forms.TextInput(attrs=attrs)
    )
    return forms.CharField(
        label=label,
        required=required,
        strip=strip,
        widget=widget,
        help_text=format_lazy("{} {}", help_text, hint) if help_text else hint,
        error_messages={"required": required_message} if required_message else None,
    )


def date_field(
    label: "StrOrPromise", *, required: bool = True, help_text: "StrOrPromise" = ""
) -> forms.DateField:
    """A date with the browser's date picker; also typed as 31-12-2026."""
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
    )


def time_field(label: "StrOrPromise", *, help_text: "StrOrPromise" = "") -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_INPUT_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=help_text,
    )


def radio_field(
    label: "StrOrPromise",
    choices: Any,
    *,
    required: bool = True,
    initial: str | None = None,
    help_text: "StrOrPromise" = "",
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        initial=initial,
        widget=forms.RadioSelect(attrs={"class": RADIO_CLASS}),
        help_text=help_text,
    )


# Sections that fold away ------------------------------------------------------------------


def has_input(form: forms.BaseForm, *names: str) -> bool:
    """Whether a submitted form holds a changed value or a message for one of the named fields:
    a folded section (``<details>``) with either is shown open, so nothing typed is hidden and
    every link in the error summary leads to a visible field."""
    if not form.is_bound:
        return False
    return bool(set(names) & set(form.changed_data)) or any(form.errors.get(n) for n in names)


def rows_have_input(formset: Any) -> bool:
    """Whether any row of a submitted formset was filled in or has a message."""
    if not formset.is_bound:
        return False
    return any(row.has_changed() or row.errors for row in formset.forms)
