"""The online accounts of a registration: rows of platform and handle (or a profile link)."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.core import validators
from schakel.core.forms import StyledFormMixin
from schakel.intake.signal_input import AccountInput

ACCOUNT_ROWS = 2


class AccountForm(StyledFormMixin, forms.Form):
    platform = forms.CharField(
        label=_("Platform"),
        required=False,
        help_text=_("Bijvoorbeeld Instagram, TikTok, X, Telegram."),
    )
    handle = forms.CharField(
        label=_("Gebruikersnaam of link naar het profiel"),
        required=False,
        help_text=_("Bijvoorbeeld „@naam” of „https://www.instagram.com/naam/”."),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "none"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hint = _("Maximaal %(max)s tekens.")
        for name, maximum in (
            ("platform", validators.PLATFORM_MAX_LENGTH),
            ("handle", validators.HANDLE_MAX_LENGTH),
        ):
            field = self.fields[name]
            field.help_text = f"{field.help_text} {hint % {'max': maximum}}"


class BaseAccountFormSet(forms.BaseFormSet[AccountForm]):
    """Rows left empty are skipped; the service checks that a filled row is complete."""

    row_label = _("Account %(number)s: %(field)s")

    def filled_rows(self) -> list[int]:
        return [
            index
            for index, form in enumerate(self.forms)
            if form.has_changed()
            and form.cleaned_data
            and (form.cleaned_data.get("platform") or form.cleaned_data.get("handle"))
        ]

    def to_inputs(self) -> tuple[AccountInput, ...]:
        return tuple(
            AccountInput(
                platform=self.forms[index].cleaned_data["platform"],
                handle=self.forms[index].cleaned_data["handle"],
            )
            for index in self.filled_rows()
        )


AccountFormSet = cast(
    type[BaseAccountFormSet],
    forms.formset_factory(
        AccountForm,
        formset=BaseAccountFormSet,
        extra=ACCOUNT_ROWS,
        max_num=ACCOUNT_ROWS,
        absolute_max=ACCOUNT_ROWS,
        validate_max=True,
    ),
)
