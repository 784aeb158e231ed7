"""Forms of the meldpunt's inbox: the status of a signal, a decision on a suggestion, the inbox
filter and the phenomena (admin)."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.core import validators
from schakel.core.forms import StyledFormMixin, text_field
from schakel.intake import selectors
from schakel.intake.admin_services import PhenomenonData
from schakel.intake.choices import (
    SignalStatus,
    SourceDomain,
    Urgency,
)
from schakel.intake.models import Phenomenon

if TYPE_CHECKING:
    pass

from schakel.intake.forms import _choices


class SignalStatusForm(StyledFormMixin, forms.Form):
    """Take in handling, close without action (with a note) or reopen."""

    status = forms.ChoiceField(
        choices=[
            (SignalStatus.UNDER_REVIEW, SignalStatus.UNDER_REVIEW.label),
            (SignalStatus.CLOSED_WITHOUT_ACTION, SignalStatus.CLOSED_WITHOUT_ACTION.label),
        ]
    )
    note = text_field(
        _("Toelichting"),
        validators.TEXT_MAX_LENGTH,
        required=False,
        rows=4,
        help_text=_("Verplicht bij afsluiten zonder actie."),
    )
    # The status the person saw: if it changed meanwhile, someone else acted first.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)


DECISIONS = {"bevestigen": True, "afwijzen": False}


class SuggestionDecisionForm(forms.Form):
    besluit = forms.ChoiceField(choices=[(key, key) for key in DECISIONS])

    @property
    def confirm(self) -> bool:
        return DECISIONS[self.cleaned_data["besluit"]]


# Inbox filters ------------------------------------------------------------------------------


class InboxFilterForm(StyledFormMixin, forms.Form):
    """GET filters of the meldpunt's inbox; anything unknown falls back to the default."""

    status = forms.ChoiceField(
        label=_("Status"), choices=SignalStatus.choices, required=False, initial=SignalStatus.NEW
    )
    source_domain = forms.ChoiceField(
        label=_("Brondomein"),
        choices=[("", _("Alle brondomeinen")), *SourceDomain.choices],
        required=False,
    )
    urgency = forms.ChoiceField(
        label=_("Urgentie"), choices=[("", _("Alle urgenties")), *Urgency.choices], required=False
    )
    phenomenon = forms.ModelChoiceField(
        label=_("Fenomeen"),
        queryset=Phenomenon.objects.all(),
        required=False,
        empty_label=_("Alle fenomenen"),
    )

    def __init__(self, data: Any, **kwargs: Any) -> None:
        values = data.copy()
        if not values.get("status"):
            values["status"] = SignalStatus.NEW
        super().__init__(values, **kwargs)
        # The mixin gives blank choices its own label; here blank means "all".
        for name, everything in (
            ("source_domain", _("Alle brondomeinen")),
            ("urgency", _("Alle urgenties")),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", everything), *_choices(field)[1:]]
        phenomenon = self.fields["phenomenon"]
        assert isinstance(phenomenon, forms.ModelChoiceField)
        phenomenon.empty_label = _("Alle fenomenen")

    def filters(self) -> selectors.InboxFilters:
        """The valid filters; a field with an unknown value is left out."""
        self.is_valid()
        data = self.cleaned_data
        chosen = data.get("phenomenon")
        return selectors.InboxFilters(
            status=data.get("status") or "",
            source_domain=data.get("source_domain") or "",
            urgency=data.get("urgency") or "",
            phenomenon=chosen.pk if chosen is not None else None,
        )


# Phenomena (platform operator) --------------------------------------------------------------


class PhenomenonForm(StyledFormMixin, forms.ModelForm[Phenomenon]):
    class Meta:
        model = Phenomenon
        fields = ["name", "name_en", "position", "is_active"]
        help_texts = {
            "position": _("Lagere getallen staan eerder in de keuzelijst."),
            "is_active": _(
                "Een fenomeen dat niet actief is, is niet meer te kiezen bij nieuwe signalen; "
                "bestaande signalen houden het."
            ),
        }

    def to_data(self) -> PhenomenonData:
        data = self.cleaned_data
        return PhenomenonData(
            name=data["name"],
            name_en=data["name_en"],
            position=data["position"],
            is_active=data["is_active"],
        )
