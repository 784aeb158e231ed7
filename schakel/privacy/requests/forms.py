"""Forms of data-subject requests. They parse what a person typed; the services decide what is
valid and their Dutch messages are put next to the fields."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.core.forms import StyledFormMixin, date_field, radio_field
from schakel.privacy.choices import RequestDecision, RequestKind, RequestRestriction
from schakel.privacy.requests.decisions import ContributionInput, DecisionInput
from schakel.privacy.requests.services import ExtensionInput, RegistrationInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

NOTE_HELP = _(
    "Hoe u de identiteit vaststelde, bijvoorbeeld „legitimatiebewijs getoond aan de balie” of "
    "„ingelogd met DigiD”. Noteer nooit een BSN of documentnummer en maak geen kopie."
)


def _needed[F: forms.Field](field: F, needed: bool) -> F:
    """Shown (and announced) as required; the service checks it, so that every message on the
    page comes back at once instead of the form stopping at the first empty field."""
    field.shown_required = needed  # type: ignore[attr-defined]
    if needed and not isinstance(field.widget, forms.RadioSelect):
        field.widget.attrs["aria-required"] = "true"
    return field


def _date(label: "StrOrPromise", *, needed: bool = True, help_text: Any = "") -> forms.DateField:
    return _needed(date_field(label, required=False, help_text=help_text), needed)


def _radios(label: "StrOrPromise", choices: Any, *, needed: bool = True) -> forms.ChoiceField:
    return _needed(radio_field(label, choices, required=False), needed)


def _text(
    label: "StrOrPromise", *, rows: int = 4, needed: bool = True, help_text: Any = ""
) -> forms.CharField:
    field = forms.CharField(
        label=label,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )
    return _needed(field, needed)


class ReferenceForm(StyledFormMixin, forms.Form):
    """Start a registration from the reference of a case or a signal."""

    reference = forms.CharField(
        label=_("Kenmerk van de casus of het signaal"),
        max_length=20,
        help_text=_("Bijvoorbeeld CAS-2026-0042 (casus) of SIG-2026-0042 (signaal)."),
    )


class RegistrationForm(StyledFormMixin, forms.Form):
    kind = _radios(_("Soort verzoek"), RequestKind.choices)
    received_on = _date(
        _("Ontvangen op"),
        help_text=_("De dag waarop het verzoek binnenkwam; de termijn loopt vanaf dan."),
    )
    description = _text(
        _("Wat vraagt de persoon?"),
        help_text=_("Zo concreet mogelijk, in de woorden van de persoon."),
    )
    identity_verified_on = _date(_("Identiteit vastgesteld op"), needed=False)
    identity_verification_note = _text(
        _("Hoe is de identiteit vastgesteld?"), rows=2, needed=False, help_text=NOTE_HELP
    )

    def to_input(self) -> RegistrationInput:
        data = self.cleaned_data
        return RegistrationInput(
            kind=data["kind"],
            received_on=data["received_on"],
            description=data["description"],
            identity_verified_on=data["identity_verified_on"],
            identity_verification_note=data["identity_verification_note"],
        )


class IdentityForm(StyledFormMixin, forms.Form):
    identity_verified_on = _date(_("Identiteit vastgesteld op"))
    identity_verification_note = _text(
        _("Hoe is de identiteit vastgesteld?"), rows=2, help_text=NOTE_HELP
    )


class ExtensionForm(StyledFormMixin, forms.Form):
    extended_until = _date(
        _("Verlengen tot"),
        help_text=_("Met ten hoogste twee maanden: uiterlijk drie maanden na ontvangst."),
    )
    reason = _text(
        _("Reden van de verlenging"),
        rows=3,
        help_text=_("Bijvoorbeeld de complexiteit of het aantal verzoeken (art. 12 lid 3 AVG)."),
    )
    informed_on = _date(
        _("Persoon geïnformeerd op"),
        help_text=_("De persoon moet binnen de eerste maand over de verlenging horen."),
    )

    def to_input(self) -> ExtensionInput:
        data = self.cleaned_data
        return ExtensionInput(
            extended_until=data["extended_until"],
            reason=data["reason"],
            informed_on=data["informed_on"],
        )


class DecisionForm(StyledFormMixin, forms.Form):
    decision = _radios(_("Besluit"), RequestDecision.choices)
    restriction = forms.ChoiceField(
        label=_("Beperking"),
        choices=RequestRestriction.choices,
        required=False,
        help_text=_("Alleen bij gedeeltelijk toewijzen of afwijzen (art. 23 AVG, art. 41 UAVG)."),
    )
    grounds = _text(
        _("Gronden van het besluit"),
        needed=False,
        help_text=_("Verplicht als het verzoek niet volledig wordt toegewezen."),
    )
    decided_on = _date(_("Besloten op"))
    without_all_input = forms.BooleanField(
        label=_("Besluit zonder alle inbreng"),
        required=False,
        help_text=_("Aanvinken als u besluit terwijl nog niet alle organisaties inbreng gaven."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # "No restriction" is a real choice here, not a blank to be labelled.
        self.fields["restriction"].choices = RequestRestriction.choices  # type: ignore[attr-defined]

    def to_input(self) -> DecisionInput:
        data = self.cleaned_data
        return DecisionInput(
            decision=data["decision"],
            restriction=data["restriction"],
            grounds=data["grounds"],
            decided_on=data["decided_on"],
            without_all_input=data["without_all_input"],
        )


class WithdrawalForm(StyledFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("De persoon heeft het verzoek ingetrokken"),
        required=True,
        error_messages={"required": _("Bevestig dat de persoon het verzoek heeft ingetrokken.")},
    )


HOLDS_DATA_CHOICES = [
    ("yes", _("Ja, mijn organisatie verwerkt gegevens over deze persoon")),
    ("no", _("Nee, mijn organisatie verwerkt geen gegevens over deze persoon")),
]


class ContributionForm(StyledFormMixin, forms.Form):
    holds_data = _radios(_("Verwerkt uw organisatie gegevens?"), HOLDS_DATA_CHOICES)
    input = _text(
        _("Inbreng"),
        rows=6,
        help_text=_(
            "Nodig als uw organisatie gegevens verwerkt: welke gegevens uw organisatie in het "
            "kader van deze aanpak verwerkt, en wat het contactpunt verder moet weten. Heeft u "
            "bezwaar tegen verstrekking, licht dat hier toe."
        ),
    )
    objects_to_disclosure = forms.BooleanField(
        label=_("Bezwaar tegen verstrekking aan de persoon"),
        required=False,
        help_text=_(
            "Bijvoorbeeld vanwege een lopend strafrechtelijk onderzoek. Het contactpunt "
            "besluit; uw gegevens worden dan als „deels niet verstrekt” vermeld."
        ),
    )

    def to_input(self) -> ContributionInput:
        data = self.cleaned_data
        holds = {"yes": True, "no": False}.get(data["holds_data"])
        return ContributionInput(
            holds_data=holds,
            input=data["input"],
            objects_to_disclosure=data["objects_to_disclosure"],
        )
