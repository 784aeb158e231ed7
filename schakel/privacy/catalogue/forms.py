"""The functional admin's form for a legal basis of the catalogue.

The form checks types; the service (``catalogue_services``) checks every rule again and its
Dutch messages land next to the fields.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from schakel.audit.models import ProcessingActivity
from schakel.core import validators
from schakel.core.forms import StyledFormMixin
from schakel.legal.models import LegalBasis
from schakel.network.choices import OrganisationKind
from schakel.privacy.catalogue.services import (
    CODE_MAX_LENGTH,
    CODE_MESSAGE,
    CODE_PATTERN,
    LINE_MAX_LENGTH,
    POSITION_MAX,
    BasisInput,
)


class ActivityChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class LegalBasisForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=CODE_MAX_LENGTH,
        error_messages={"required": _("Vul de code in.")},
        help_text=_(
            "Vaste sleutel in kleine letters, cijfers en streepjes, bv. wet-pga. Het logboek "
            "noemt hem; hij ligt vast zodra er een verstrekking op deze grondslag is gedaan."
        ),
    )
    name = forms.CharField(
        label=_("Naam"),
        max_length=LINE_MAX_LENGTH,
        error_messages={"required": _("Vul de naam in.")},
    )
    name_en = forms.CharField(label=_("Naam (Engels)"), max_length=LINE_MAX_LENGTH, required=False)
    citation = forms.CharField(
        label=_("Vindplaats"),
        max_length=LINE_MAX_LENGTH,
        error_messages={"required": _("Vul de vindplaats in.")},
        help_text=_("Het wetsartikel, bv. AVG art. 6 lid 1 sub e."),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=validators.TEXT_MAX_LENGTH,
        error_messages={"required": _("Vul de omschrijving in.")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Geldt voor organisatiesoorten"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: de grondslag geldt voor alle organisaties aan tafel."),
    )
    processing_activities = ActivityChoiceField(
        label=_("Verwerkingsactiviteiten"),
        queryset=ProcessingActivity.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De activiteiten uit het verwerkingsregister die op deze grondslag steunen."),
    )
    position = forms.IntegerField(
        label=_("Volgorde"),
        min_value=0,
        max_value=POSITION_MAX,
        initial=100,
        help_text=_("Lagere getallen staan eerder in de keuzelijsten."),
    )

    def __init__(self, *args: Any, basis: LegalBasis | None = None, in_use: bool = False,
                 **kwargs: Any) -> None:  # fmt: skip
        if basis is not None:
            kwargs.setdefault(
                "initial",
                {
                    "code": basis.code,
                    "name": basis.name,
                    "name_en": basis.name_en,
                    "citation": basis.citation,
                    "description": basis.description,
                    "organisation_kinds": list(basis.organisation_kinds),
                    "processing_activities": list(basis.processing_activities.all()),
                    "position": basis.position,
                },
            )
        super().__init__(*args, **kwargs)
        if in_use:
            code = self.fields["code"]
            code.disabled = True
            code.help_text = _(
                "De code ligt vast: er zijn verstrekkingen op deze grondslag gedaan."
            )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].strip()
        if not CODE_PATTERN.match(code):
            raise ValidationError(CODE_MESSAGE)
        return code

    def to_input(self) -> BasisInput:
        data = self.cleaned_data
        return BasisInput(
            code=data["code"],
            name=data["name"],
            name_en=data["name_en"],
            citation=data["citation"],
            description=data["description"],
            organisation_kinds=list(data["organisation_kinds"]),
            processing_activities=list(data["processing_activities"]),
            position=data["position"],
        )

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)
