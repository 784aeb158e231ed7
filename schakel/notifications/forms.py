from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.notifications.choices import Frequency

HOURS = [(hour, f"{hour:02d}:00") for hour in range(24)]


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Hoe wilt u e-mail over uw werk krijgen?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "De e-mail zegt alleen dát er iets te zien is, met een link; nooit een naam of "
            "andere gegevens over een persoon."
        ),
        error_messages={
            "required": _("Kies hoe u e-mail over uw werk wilt krijgen."),
            "invalid_choice": _("Kies een van de getoonde mogelijkheden."),
        },
    )
    digest_hour = forms.TypedChoiceField(
        label=_("Tijdstip van het dagoverzicht"),
        choices=HOURS,
        coerce=int,
        help_text=_("Alleen voor het dagoverzicht: het komt op dit uur, of kort erna."),
        error_messages={
            "required": _("Kies het uur waarop het dagoverzicht komt."),
            "invalid_choice": _("Kies een uur van 00:00 tot en met 23:00."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["digest_hour"].widget.attrs["class"] = (
            "utrecht-select utrecht-select--html-select"
        )
