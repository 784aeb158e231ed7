from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TEXTBOX_CLASSES = "utrecht-textbox utrecht-textbox--html-input"


class AccessTokenCreateForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=100,
        help_text=gettext_lazy(
            "Waarvoor gebruikt u dit token? Bijvoorbeeld de naam van het systeem."
        ),
        error_messages={"required": gettext_lazy("Geef het token een naam.")},
    )
    days = forms.IntegerField(label=gettext_lazy("Geldig (dagen)"), min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        default, maximum = settings.SCHAKEL_PAT_DEFAULT_DAYS, settings.SCHAKEL_PAT_MAX_DAYS
        for widget_field in self.fields.values():
            widget_field.widget.attrs["class"] = TEXTBOX_CLASSES
        field = self.fields["days"]
        field.initial = default
        field.widget.attrs.update({"min": 1, "max": maximum})
        field.help_text = _("Standaard %(default)d dagen, hoogstens %(max)d dagen.") % {
            "default": default,
            "max": maximum,
        }
        message = self.validity_message()
        field.error_messages.update({"required": message, "invalid": message, "min_value": message})

    @staticmethod
    def validity_message() -> str:
        return _("Kies een geldigheid van 1 tot en met %(max)d dagen.") % {
            "max": settings.SCHAKEL_PAT_MAX_DAYS
        }

    def clean_days(self) -> int:
        days: int = self.cleaned_data["days"]
        if days > settings.SCHAKEL_PAT_MAX_DAYS:
            raise forms.ValidationError(
                _("Een token is hoogstens %(max)d dagen geldig. %(hint)s")
                % {"max": settings.SCHAKEL_PAT_MAX_DAYS, "hint": self.validity_message()},
                code="max_value",
            )
        return days
