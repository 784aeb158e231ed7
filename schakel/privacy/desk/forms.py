"""Forms of the privacy officer's desk: a period filter, the supervision access and the
access-review sign-off. The services check every rule again."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from schakel.cases.models import Case
from schakel.core import validators
from schakel.core.forms import StyledFormMixin
from schakel.privacy.supervision import REASON_MIN_LENGTH


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class PeriodForm(StyledFormMixin, forms.Form):
    """From and to (inclusive); by default the last twelve months."""

    van = forms.DateField(label=_("Van"), required=False, widget=DateInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("van"), data.get("tot")
        if start and end and end < start:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data

    def period(self, default: timedelta) -> tuple[date, date]:
        today = timezone.localdate()
        if not self.is_bound or not self.is_valid():
            return today - default, today
        start = self.cleaned_data.get("van") or today - default
        end = self.cleaned_data.get("tot") or today
        return start, end


class SupervisionForm(StyledFormMixin, forms.Form):
    reference = forms.CharField(
        label=_("Referentie van de casus"),
        required=False,
        max_length=20,
        help_text=_("Bijvoorbeeld CAS-2026-0042. Of kies hieronder een casus."),
    )
    case = forms.ChoiceField(label=_("Of kies een casus"), required=False)
    reason = forms.CharField(
        label=_("Reden van de inzage"),
        required=False,  # the service says what it needs (at least REASON_MIN_LENGTH characters)
        max_length=validators.TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=format_lazy(
            _(
                "Waarom u de inhoud van deze casus wilt inzien (minstens {min} tekens). De "
                "regievoerende gemeente ziet de reden."
            ),
            min=REASON_MIN_LENGTH,
        ),
    )

    def __init__(self, *args: Any, cases: list[Case], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Required by the service (with its own message), so not labelled "(niet verplicht)".
        reason = self.fields["reason"]
        reason.shown_required = True  # type: ignore[attr-defined]
        reason.widget.attrs["aria-required"] = "true"
        field = self.fields["case"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Maak een keuze"))] + [
            (
                str(case.pk),
                f"{case.reference} – {case.get_phase_display()} – "
                f"{case.directing_municipality.name}",
            )
            for case in cases
        ]


class SignOffForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=validators.TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld welke rechten u heeft laten intrekken."),
    )
