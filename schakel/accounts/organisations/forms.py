"""Forms for the partner administration. Each renders with NL Design System classes."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import User
from schakel.accounts.organisations import permissions
from schakel.core.forms import StyledFormMixin
from schakel.network.models import Collaboration, InterventionOption, Organisation, Region


class OrganisationForm(StyledFormMixin, forms.ModelForm[Organisation]):
    """The platform operator's form: registration facts and contact details."""

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "region",
            "mailbox",
            "legal_framework",
            "may_process_bsn",
            "is_active",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ModelChoiceField)
        region.empty_label = _("Landelijk (geen regio)")


class OrganisationContactForm(StyledFormMixin, forms.ModelForm[Organisation]):
    """A functional admin's form: how partners reach the organisation and on what basis."""

    class Meta:
        model = Organisation
        fields = ["mailbox", "legal_framework"]


def organisation_form_class(user: User) -> type[forms.ModelForm[Organisation]]:
    if permissions.editable_organisation_fields(user) >= permissions.REGISTRATION_FIELDS:
        return OrganisationForm
    return OrganisationContactForm


class InterventionOptionForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    description = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        option: InterventionOption | None = None,
        **kwargs: Any,
    ) -> None:
        if option is not None:
            kwargs.setdefault("initial", {"name": option.name, "description": option.description})
        super().__init__(*args, **kwargs)
        self.organisation, self.option = organisation, option

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        others = InterventionOption.objects.filter(organisation=self.organisation, name=name)
        if self.option is not None:
            others = others.exclude(pk=self.option.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Deze organisatie heeft al een mogelijkheid met die naam.")
            )
        return name


class ServiceAreaForm(StyledFormMixin, forms.Form):
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Bediende gemeenten"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Gemeenten die al door een ander Zorg- en Veiligheidshuis worden bediend, "
            "staan hier niet."
        ),
    )

    def __init__(self, *args: Any, candidates: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipalities"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = candidates


class RegionForm(StyledFormMixin, forms.ModelForm[Region]):
    class Meta:
        model = Region
        fields = ["name"]


class CollaborationForm(StyledFormMixin, forms.ModelForm[Collaboration]):
    class Meta:
        model = Collaboration
        fields = ["name", "kind", "region", "members"]
        labels = {"region": _("Regio"), "members": _("Deelnemende organisaties")}
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = Organisation.objects.filter(is_active=True).order_by("name")
        region = self.fields["region"]
        assert isinstance(region, forms.ModelChoiceField)
        region.empty_label = _("Geen regio")
