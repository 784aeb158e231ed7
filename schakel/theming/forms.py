"""The operator's form: a name, and a tokens file or an https address to fetch it from once."""

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from schakel.core.forms import StyledFormMixin, text_field
from schakel.theming.tokens import MAX_BYTES


class ThemeForm(StyledFormMixin, forms.Form):
    name = text_field(_("Naam"), 100, help_text=_("Bijvoorbeeld de naam van de organisatie."))
    file = forms.FileField(
        label=_("Bestand met design tokens"),
        required=False,
        help_text=format_lazy(
            _("Een CSS-bestand van hoogstens {limit} kB."), limit=MAX_BYTES // 1000
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".css,text/css"}),
    )
    url = forms.URLField(
        label=_("Of: adres van het bestand"),
        required=False,
        assume_scheme="https",
        max_length=500,
        help_text=_("Een https-adres; Schakel haalt het bestand één keer op."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("file")) == bool(data.get("url")) and not self.errors:
            raise forms.ValidationError(
                _("Kies een bestand óf geef een adres, niet allebei of geen van beide.")
            )
        return data

    def file_bytes(self) -> bytes:
        """The uploaded file, read up to one byte over the limit (the parser refuses more)."""
        upload = self.cleaned_data["file"]
        return bytes(upload.read(MAX_BYTES + 1))
