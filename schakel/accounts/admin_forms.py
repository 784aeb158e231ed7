"""Forms of the functional administration. None of them can make anyone a superuser."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.core.forms import StyledFormMixin
from schakel.network.models import Organisation


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _period_error(valid_from: dt.date | None, valid_until: dt.date | None) -> str | None:
    if valid_from and valid_until and valid_until < valid_from:
        return str(_("De einddatum ligt vóór de begindatum."))
    return None


class MembershipPeriodForm(StyledFormMixin, forms.Form):
    valid_from = forms.DateField(label=_("Geldig vanaf"), widget=DateInput)
    valid_until = forms.DateField(
        label=_("Geldig tot en met"),
        required=False,
        widget=DateInput,
        help_text=_("Leeg laten als het lidmaatschap geen einddatum heeft."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        error = _period_error(cleaned.get("valid_from"), cleaned.get("valid_until"))
        if error:
            self.add_error("valid_until", error)
        return cleaned


class MembershipCreateForm(MembershipPeriodForm):
    """Organisation choices are limited to those the acting admin manages."""

    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(label=_("Rol"), choices=[("", ""), *Role.choices])
    field_order = ["organisation", "role", "valid_from", "valid_until"]

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"valid_from": timezone.localdate()})
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations.order_by("name")
        if organisations.count() == 1:
            field.initial = organisations.first()


class UserCreateForm(MembershipCreateForm):
    email = forms.EmailField(label=_("E-mailadres"))
    full_name = forms.CharField(label=_("Naam"), max_length=200)
    function_title = forms.CharField(
        label=_("Functie"),
        max_length=200,
        help_text=_(
            "Zo verschijnt de gebruiker buiten de eigen organisatie, in plaats van met de naam."
        ),
    )
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Eerste wachtwoord (herhaling)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    field_order = [
        "email",
        "full_name",
        "function_title",
        "organisation",
        "role",
        "valid_from",
        "valid_until",
        "password",
        "password_confirm",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = password_validation.password_validators_help_text_html()

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "Er bestaat al een account met dit e-mailadres. Voeg daar een lidmaatschap "
                    "aan toe, of vraag de platformbeheerder om hulp."
                )
            )
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and password != cleaned.get("password_confirm"):
            self.add_error("password_confirm", _("De wachtwoorden zijn niet gelijk."))
        elif password:
            candidate = User(
                email=cleaned.get("email", ""),
                full_name=cleaned.get("full_name", ""),
                function_title=cleaned.get("function_title", ""),
            )
            try:
                password_validation.validate_password(password, user=candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class UserUpdateForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=200)
    function_title = forms.CharField(label=_("Functie"), max_length=200)
    is_active = forms.BooleanField(
        label=_("Account actief"),
        required=False,
        help_text=_("Een inactief account kan niet meer inloggen, in geen enkele organisatie."),
    )

    def __init__(self, *args: Any, target: User, may_change_active: bool, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "full_name": target.full_name,
                "function_title": target.function_title,
                "is_active": target.is_active,
            },
        )
        super().__init__(*args, **kwargs)
        if not may_change_active:
            # A disabled field keeps its initial value whatever is posted.
            self.fields["is_active"].disabled = True
