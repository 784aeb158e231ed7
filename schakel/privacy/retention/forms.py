"""Forms of the retention pages: a term per kind (functional admin) and a legal hold (privacy
officer). The forms parse what was typed; the engine (``policy_update``, ``hold_place``) checks
every rule again and its Dutch messages land next to the fields they are about."""

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from schakel.core.forms import DATE_INPUT_FORMATS, StyledFormMixin
from schakel.legal.choices import RetentionKind
from schakel.legal.models import MAX_TERM_MONTHS
from schakel.privacy.retention.holds import HoldInput


def _term_message() -> str:
    return gettext("Kies een termijn van 1 tot en met %(max)s maanden.") % {"max": MAX_TERM_MONTHS}


def _term_help() -> str:
    return gettext("Van 1 tot en met %(max)s maanden (60 maanden is 5 jaar).") % {
        "max": MAX_TERM_MONTHS
    }


# Translated when shown, in the language of the request.
TERM_MESSAGE = lazy(_term_message, str)()
TERM_HELP = lazy(_term_help, str)()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class PolicyForm(StyledFormMixin, forms.Form):
    term_months = forms.IntegerField(
        label=_("Bewaartermijn in maanden"),
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_TERM_MONTHS, "inputmode": "numeric"}),
        help_text=TERM_HELP,
        error_messages={"required": TERM_MESSAGE, "invalid": TERM_MESSAGE},
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Waarom deze termijn geldt, bijvoorbeeld het besluit of de wet waarop hij steunt. "
            "Geen persoonsgegevens. Maximaal 2.000 tekens."
        ),
    )


class HoldForm(StyledFormMixin, forms.Form):
    """A hold on one person (by a case or signal reference) or on a whole kind of data."""

    reference = forms.CharField(
        label=_("Referentie van een casus of signaal"),
        required=False,
        help_text=_(
            "Bijvoorbeeld CAS-2026-0042 (casus) of SIG-2026-0042 (signaal), van een casus "
            "of signaal van uw organisatie. De bewaarplicht geldt dan voor alle gegevens over "
            "die persoon. Laat leeg voor een bewaarplicht op een soort gegevens."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Of: een soort gegevens"),
        required=False,
        choices=[("", _("Geen: een persoon (via de referentie)")), *RetentionKind.choices],
        help_text=_(
            "Bijvoorbeeld het logboek tijdens een onderzoek naar een incident. Dan wordt van "
            "deze soort niets verwijderd, voor niemand."
        ),
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Waarom deze gegevens bewaard moeten blijven (minstens 10 tekens), bijvoorbeeld een "
            "lopende procedure. Alleen de privacyfunctionarissen van uw organisatie zien de reden."
        ),
        error_messages={
            "required": _("Licht de reden van de bewaarplicht toe (minstens 10 tekens).")
        },
    )
    starts_on = forms.DateField(
        label=_("Vanaf"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
        help_text=_("Leeg: vandaag."),
    )
    ends_on = forms.DateField(
        label=_("Tot en met"),
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
        help_text=_(
            "Een bewaarplicht duurt hoogstens 10 jaar; daarna kunt u een nieuwe vastleggen."
        ),
        error_messages={
            "required": _("Vul de einddatum van de bewaarplicht in."),
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(str(data.get("reference", "")).strip()) == bool(data.get("kind")):
            self.add_error(
                "reference",
                _("Vul een referentie van een casus of signaal in, of kies een soort gegevens."),
            )
        return data

    def to_input(self) -> HoldInput:
        data = self.cleaned_data
        return HoldInput(
            reference=data["reference"],
            kind=data["kind"],
            reason=data["reason"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )
