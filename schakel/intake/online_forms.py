"""Forms of the online research log: the plan before searching and the outcome afterwards.

The forms check what a person can fix on the spot; the services repeat every check and their
``ValidationError`` dict is mapped back onto these fields (``add_service_errors``).
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from schakel.core.forms import add_service_errors
from schakel.intake.choices import DataCategory, ResearchLegalBasis, ResearchOutcome
from schakel.intake.models import Signal
from schakel.intake.online_services import ResearchPlan

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

REQUIRED = _("Dit veld is vereist.")
CONFIRM = _("Bevestig dit voordat u zoekt.")

# Radio buttons and checkboxes sit inside their label (one large target, WCAG 2.5.8).
IN_LABEL = "utrecht-form-field__input"

CONFIRMATIONS = (
    "confirms_no_fictitious_profile",
    "confirms_no_closed_groups",
    "confirms_no_systematic_following",
)


@dataclass(frozen=True)
class ErrorLink:
    """One line of the error summary: where to jump to and what is wrong."""

    anchor: str
    label: str
    message: str


def _text(
    label: "StrOrPromise", help_text: "StrOrPromise", *, required: bool = True
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": REQUIRED},
    )


class OnlineFormMixin:
    """NL Design System classes, service errors on the fields and an error summary."""

    fields: dict[str, forms.Field]
    # No HTML `required`: browsers would style every empty field as invalid before anything
    # was submitted. Inputs get aria-required instead; the server checks (novalidate forms).
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if field.required and not isinstance(widget, forms.RadioSelect):
                widget.attrs.setdefault("aria-required", "true")
            if isinstance(widget, forms.RadioSelect):
                css = f"utrecht-radio-button utrecht-radio-button--html-input {IN_LABEL}"
            elif isinstance(widget, forms.CheckboxInput):
                css = f"utrecht-checkbox utrecht-checkbox--html-input {IN_LABEL}"
            elif isinstance(widget, forms.Textarea):
                css = "utrecht-textarea utrecht-textarea--html-textarea"
            elif isinstance(widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
            else:
                css = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs.setdefault("class", css)

    def add_service_errors(self, error: ValidationError) -> None:
        """Put a service's {field: [messages]} on the matching fields (else on the form)."""
        form: forms.BaseForm = self  # type: ignore[assignment]
        add_service_errors(form, error)

    def error_links(self) -> list[ErrorLink]:
        """The error summary above the form, each line linking to its field."""
        form: forms.BaseForm = self  # type: ignore[assignment]
        links = [ErrorLink("", "", str(message)) for message in form.non_field_errors()]
        for name, field in form.fields.items():
            bound = form[name]
            anchor = f"{bound.auto_id}_0" if isinstance(field.widget, forms.RadioSelect) else ""
            for message in bound.errors:
                links.append(
                    ErrorLink(anchor or bound.id_for_label, str(field.label), str(message))
                )
        return links

    def describe_errors(self) -> None:
        """Tie each invalid field's error text (and help text) to its input for screen readers.

        Radio groups are described on their fieldset in the template instead.
        """
        form: forms.BaseForm = self  # type: ignore[assignment]
        for name, field in form.fields.items():
            bound = form[name]
            if not bound.errors or isinstance(field.widget, forms.RadioSelect):
                continue
            ids = [f"{bound.auto_id}_helptext"] if field.help_text else []
            ids.append(f"{bound.auto_id}_error")
            field.widget.attrs["aria-describedby"] = " ".join(ids)


def _optional_line(label: Any, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _radio(
    label: "StrOrPromise", choices: Any, message: "StrOrPromise", **kwargs: Any
) -> forms.ChoiceField:
    """Radio buttons; no choice and an unknown choice get the same message."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


class SignalChoiceField(forms.ModelChoiceField[Signal]):
    """A signal shown by its reference and registration date only: never a name."""

    def label_from_instance(self, obj: Signal) -> str:
        day = date_format(timezone.localdate(obj.created_at), "j F Y")
        return str(_("Signaal %(reference)s van %(date)s")) % {
            "reference": obj.reference,
            "date": day,
        }


class ResearchStartForm(OnlineFormMixin, forms.Form):
    """Recorded before the search: purpose, occasion, basis, interest, subsidiarity, pledges."""

    purpose = _text(
        _("Doel van het onderzoek"),
        _("Wat wilt u weten, en waarvoor hebt u dat nodig?"),
    )
    occasion = _text(
        _("Aanleiding"),
        _("Wat is de directe aanleiding om nu online te zoeken?"),
    )
    legal_basis = _radio(_("Grondslag"), ResearchLegalBasis.choices, _("Kies een grondslag."))
    public_order_interest = _text(
        _("Belang voor de openbare orde"),
        _("Welk belang voor de openbare orde of veiligheid staat op het spel?"),
    )
    subsidiarity = _text(
        _("Afweging subsidiariteit"),
        _(
            "Gebruik eerst minder ingrijpende middelen, zoals navraag bij partners of wat al "
            "bekend is. Leg uit waarom die niet volstaan en online zoeken nodig is."
        ),
    )
    signal = SignalChoiceField(
        label=_("Signaal dat de aanleiding is"),
        queryset=Signal.objects.none(),
        required=False,
        empty_label=_("Geen signaal"),
        help_text=_("Alleen signalen van inwoners van uw gemeente."),
        error_messages={"invalid_choice": _("Kies een signaal van uw gemeente.")},
    )
    person_given_names = _optional_line(_("Voornamen of voorletters"))
    person_surname_prefix = _optional_line(_("Tussenvoegsel"))
    person_surname = _optional_line(_("Achternaam"))
    person_birth_year = forms.IntegerField(
        label=_("Geboortejaar"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2004.")},
    )
    person_platform = _optional_line(_("Platform van het account"))
    person_handle = _optional_line(
        _("Gebruikersnaam of link naar het profiel"),
        _("Bijvoorbeeld „@naam” of „https://www.instagram.com/naam/”."),
    )
    confirms_no_fictitious_profile = forms.BooleanField(
        label=_("Ik gebruik geen fictief profiel"), error_messages={"required": CONFIRM}
    )
    confirms_no_closed_groups = forms.BooleanField(
        label=_("Ik kijk niet in besloten groepen"), error_messages={"required": CONFIRM}
    )
    confirms_no_systematic_following = forms.BooleanField(
        label=_("Ik volg de persoon niet stelselmatig"), error_messages={"required": CONFIRM}
    )

    def __init__(self, *args: Any, signals: QuerySet[Signal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        signal = self.fields["signal"]
        assert isinstance(signal, SignalChoiceField)
        signal.queryset = signals

    def confirmation_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in CONFIRMATIONS]

    def plan_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in self.fields
            if name not in CONFIRMATIONS and not name.startswith("person_")
        ]

    def person_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("person_")]

    def plan(self) -> ResearchPlan:
        data = self.cleaned_data
        return ResearchPlan(
            purpose=data["purpose"],
            occasion=data["occasion"],
            legal_basis=data["legal_basis"],
            public_order_interest=data["public_order_interest"],
            subsidiarity=data["subsidiarity"],
            confirms_no_fictitious_profile=data["confirms_no_fictitious_profile"],
            confirms_no_closed_groups=data["confirms_no_closed_groups"],
            confirms_no_systematic_following=data["confirms_no_systematic_following"],
            signal=data["signal"],
            person_given_names=data["person_given_names"],
            person_surname_prefix=data["person_surname_prefix"],
            person_surname=data["person_surname"],
            person_birth_year=data["person_birth_year"],
            person_platform=data["person_platform"],
            person_handle=data["person_handle"],
        )


class ResearchCompleteForm(OnlineFormMixin, forms.Form):
    """Recorded after the search: sources and outcome, also when nothing was found."""

    sources_consulted = _text(
        _("Geraadpleegde bronnen"),
        _("Welke openbaar toegankelijke bronnen hebt u bekeken, bijvoorbeeld platform en pagina?"),
    )
    outcome = _radio(_("Uitkomst"), ResearchOutcome.choices, _("Kies een uitkomst."))
    outcome_summary = _text(
        _("Bevindingen"),
        _(
            "Verplicht als u relevante informatie hebt gevonden. Leg alleen vast wat nodig is "
            "voor het doel."
        ),
        required=False,
    )
    outcome_category = _radio(
        _("Categorie bevindingen"),
        DataCategory.choices,
        _("Kies een categorie."),
        initial=DataCategory.ORDINARY,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == ResearchOutcome.FOUND and not data.get("outcome_summary"):
            self.add_error("outcome_summary", _("Beschrijf wat is gevonden."))
        return data

    def outcome_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "sources_consulted": data["sources_consulted"],
            "outcome": data["outcome"],
            "outcome_summary": data["outcome_summary"],
            "outcome_category": DataCategory(data["outcome_category"]),
        }
