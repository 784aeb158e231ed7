"""Forms of the meldpunt. They parse what a person typed; the services decide what is valid.

The registration form binds the values, turns them into a ``SignalInput`` and, when the service
refuses it, puts each of the service's Dutch messages next to the field it is about.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core import validators
from schakel.core.forms import (
    StyledFormMixin,
    date_field,
    has_input,
    radio_field,
    rows_have_input,
    text_field,
)
from schakel.intake import permissions, selectors
from schakel.intake.choices import (
    DataCategory,
    Relation,
    ReportedBy,
    Sex,
    SourceDomain,
    SourceOpenness,
    Urgency,
)
from schakel.intake.signal_input import AccountInput, RelatedPersonInput, SignalInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RELATED_PERSON_ROWS = 2
ONLINE_FIELDS = (
    "online_platform",
    "online_source_openness",
    "online_content",
    "online_content_category",
    "capture_fingerprint",
)
FINGERPRINT_LENGTH = 64


def _category(label: "StrOrPromise") -> forms.ChoiceField:
    # Pre-selected: ordinary personal data. A category not shown is not asked for (see below).
    return radio_field(label, DataCategory.choices, initial=DataCategory.ORDINARY)


def _choices(field: forms.ChoiceField) -> list[Any]:
    return list(cast(Iterable[Any], field.choices))


class SignalForm(StyledFormMixin, forms.Form):
    """Registration of a signal. Fields not shown to this membership are never filled in."""

    # The person: whatever is known of them.
    given_names = text_field(
        _("Voornamen of voorletters"),
        validators.NAME_MAX_LENGTH,
        required=False,
        help_text=_("Alle voornamen zoals bekend, of alleen de voorletters (bijv. „M.A.”)."),
    )
    surname_prefix = text_field(
        _("Tussenvoegsel"),
        validators.NAME_MAX_LENGTH,
        required=False,
        help_text=_("Bijvoorbeeld „van”, „de” of „van 't”."),
    )
    surname = text_field(
        _("Achternaam"),
        validators.NAME_MAX_LENGTH,
        required=False,
        help_text=_("Is de naam niet bekend, vul dan hieronder een online account in."),
    )
    date_of_birth = date_field(_("Geboortedatum"), required=False)
    birth_year = forms.IntegerField(
        label=_("Geboortejaar"),
        required=False,
        help_text=_("Alleen invullen als de datum niet bekend is, maar het jaar wel."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2004.")},
    )
    age_from = forms.IntegerField(
        label=_("Geschatte leeftijd: van (jaar)"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Vul een leeftijd in jaren in.")},
    )
    age_to = forms.IntegerField(
        label=_("Geschatte leeftijd: tot en met (jaar)"),
        required=False,
        help_text=_(
            "Op de dag van de waarneming. Alleen als geboortedatum en -jaar onbekend zijn."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Vul een leeftijd in jaren in.")},
    )
    sex = forms.ChoiceField(label=_("Geslacht"), choices=[("", ""), *Sex.choices], required=False)
    bsn = forms.CharField(
        label=_("BSN"),
        required=False,
        help_text=_("Het burgerservicenummer: 9 cijfers."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    address = text_field(_("Adres"), validators.ADDRESS_MAX_LENGTH, required=False)
    residence = forms.ModelChoiceField(
        label=_("Woongemeente"),
        queryset=selectors.residence_municipalities().order_by("name"),
        help_text=_("Het meldpunt van de woongemeente behandelt het signaal en voert de regie."),
    )

    # What was observed.
    observation = text_field(
        _("Wat is er waargenomen?"),
        validators.TEXT_MAX_LENGTH,
        rows=8,
        help_text=_("Beschrijf feitelijk wat u zag of hoorde, en wanneer."),
    )
    observation_category = _category(_("Soort gegevens in de waarneming"))
    observed_on = date_field(_("Waargenomen op"))
    source_domain = forms.ChoiceField(
        label=_("Brondomein"), choices=[("", ""), *SourceDomain.choices]
    )
    phenomenon = forms.ModelChoiceField(label=_("Fenomeen"), queryset=selectors.active_phenomena())
    urgency = radio_field(_("Urgentie"), Urgency.choices, initial=Urgency.NORMAL)

    # Who reports.
    reported_by = radio_field(
        _("Namens wie registreert u dit signaal?"),
        ReportedBy.choices,
        initial=ReportedBy.OWN_ORGANISATION,
    )
    reporter_contact = text_field(
        _("Contactgegevens van de melder"),
        validators.TEXT_MAX_LENGTH,
        required=False,
        rows=3,
        help_text=_("Alleen bij een melding van een burger: hoe het meldpunt de burger bereikt."),
    )
    reporter_contact_category = _category(_("Soort gegevens in de contactgegevens"))

    # Online.
    online_platform = text_field(
        _("Platform"),
        validators.TEXT_MAX_LENGTH,
        required=False,
        help_text=_("Bijvoorbeeld de naam van het platform, kanaal of forum."),
    )
    online_source_openness = radio_field(
        _("Openbaarheid van de bron"),
        [("", _("Niet van toepassing")), *SourceOpenness.choices],
        initial="",
        required=False,
    )
    online_content = text_field(
        _("Wat is er online gezien?"), validators.TEXT_MAX_LENGTH, required=False, rows=5
    )
    online_content_category = _category(_("Soort gegevens in de online waarneming"))
    capture_fingerprint = text_field(
        _("Vingerafdruk van de vastlegging (SHA-256)"),
        FINGERPRINT_LENGTH,
        required=False,
        help_text=_(
            "Van een schermafbeelding of opname die u zelf bewaart: 64 tekens (0-9, a-f). "
            "Schakel slaat alleen de vingerafdruk op."
        ),
        spellcheck="false",
    )

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.show_bsn = membership.organisation.may_process_bsn
        self.show_reporter_contact = permissions.may_report_for_citizen(membership)
        # Re-set after the mixin relabelled the blank choices.
        self._set_choices("online_source_openness", [("", _("Niet van toepassing"))])
        self._set_choices("sex", [("", _("Niet opgegeven"))])
        reported_by = self.fields["reported_by"]
        assert isinstance(reported_by, forms.ChoiceField)
        if not self.show_reporter_contact:
            reported_by.choices = [
                (value, label) for value, label in ReportedBy.choices if value != ReportedBy.CITIZEN
            ]
        for name in self.hidden_names:
            self.fields[name].required = False
        today = timezone.localdate().isoformat()
        for name in ("date_of_birth", "observed_on"):
            self.fields[name].widget.attrs["max"] = today

    def _set_choices(self, name: str, blank: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*blank, *_choices(field)[1:]]

    @property
    def hidden_names(self) -> set[str]:
        """Fields this membership does not see (a value posted for them still reaches the
        service, which refuses it: the message then shows in the summary)."""
        hidden: set[str] = set()
        if not self.show_bsn:
            hidden.add("bsn")
        if not self.show_reporter_contact:
            hidden |= {"reporter_contact", "reporter_contact_category"}
        return hidden

    def to_input(
        self,
        related_persons: tuple[RelatedPersonInput, ...],
        online_accounts: tuple[AccountInput, ...] = (),
    ) -> SignalInput:
        data = self.cleaned_data

        def category(name: str) -> DataCategory:
            return DataCategory(data.get(name) or DataCategory.ORDINARY)

        return SignalInput(
            given_names=data["given_names"],
            surname_prefix=data["surname_prefix"],
            surname=data["surname"],
            date_of_birth=data["date_of_birth"],
            birth_year=data["birth_year"],
            age_estimate=self.age_estimate(),
            sex=data["sex"],
            bsn=data["bsn"],
            address=data["address"],
            residence=data["residence"],
            observation=data["observation"],
            observation_category=category("observation_category"),
            observed_on=data["observed_on"],
            source_domain=SourceDomain(data["source_domain"]),
            phenomenon=data["phenomenon"],
            urgency=Urgency(data["urgency"]),
            reported_by=ReportedBy(data["reported_by"]),
            reporter_contact=data["reporter_contact"],
            reporter_contact_category=category("reporter_contact_category"),
            online_platform=data["online_platform"],
            online_source_openness=data["online_source_openness"],
            online_content=data["online_content"],
            online_content_category=category("online_content_category"),
            capture_fingerprint=data["capture_fingerprint"],
            related_persons=related_persons,
            online_accounts=online_accounts,
        )

    def open_sections(
        self, formset: "BaseRelatedPersonFormSet", accounts: "RowFormSet"
    ) -> dict[str, bool]:
        """Which folded sections of the page are shown open (see ``core.forms.has_input``)."""
        online = self.is_bound and self.data.get("source_domain") == SourceDomain.ONLINE
        return {
            "online": online or has_input(self, *ONLINE_FIELDS),
            "online_input": has_input(self, *ONLINE_FIELDS),
            "age": has_input(self, "birth_year", "age_from", "age_to"),
            "accounts": rows_have_input(accounts),
            "related": rows_have_input(formset),
        }

    def age_estimate(self) -> tuple[int, int] | None:
        """One age alone counts as both ends ("about 25" → 25 to 25)."""
        low: int | None = self.cleaned_data.get("age_from")
        high: int | None = self.cleaned_data.get("age_to")
        if low is None:
            return None if high is None else (high, high)
        return (low, low if high is None else high)


class RelatedPersonForm(StyledFormMixin, forms.Form):
    relation = forms.ChoiceField(label=_("Relatie"), choices=[("", ""), *Relation.choices])
    name = text_field(_("Naam"), validators.NAME_MAX_LENGTH)
    date_of_birth = date_field(_("Geboortedatum"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].widget.attrs["max"] = timezone.localdate().isoformat()


class BaseRelatedPersonFormSet(forms.BaseFormSet[RelatedPersonForm]):
    """Rows left empty are skipped; a row that is partly filled in must be complete."""

    def filled_rows(self) -> list[int]:
        return [
            index
            for index, form in enumerate(self.forms)
            if form.has_changed() and form.cleaned_data
        ]

    def to_inputs(self) -> tuple[RelatedPersonInput, ...]:
        return tuple(
            RelatedPersonInput(
                relation=self.forms[index].cleaned_data["relation"],
                name=self.forms[index].cleaned_data["name"],
                date_of_birth=self.forms[index].cleaned_data["date_of_birth"],
            )
            for index in self.filled_rows()
        )


RelatedPersonFormSet = cast(
    type[BaseRelatedPersonFormSet],
    forms.formset_factory(
        RelatedPersonForm,
        formset=BaseRelatedPersonFormSet,
        extra=RELATED_PERSON_ROWS,
        max_num=RELATED_PERSON_ROWS,
        absolute_max=RELATED_PERSON_ROWS,
        validate_max=True,
    ),
)


class RowFormSet(Protocol):
    @property
    def forms(self) -> list[Any]: ...

    def filled_rows(self) -> list[int]: ...


# A service key → the form field it is shown at (when the names differ).
FIELD_OF_KEY = {"age_estimate": "age_from"}


def add_service_errors(
    error: ValidationError,
    *,
    form: SignalForm,
    formset: BaseRelatedPersonFormSet,
    accounts: RowFormSet | None = None,
) -> None:
    """Put the service's messages next to the fields (``related_persons.<i>.<field>`` and
    ``online_accounts.<i>.<field>`` onto the i-th filled-in row); messages about fields not on
    the page go to the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    rows_of: dict[str, Any] = {"related_persons": formset}
    if accounts is not None:
        rows_of["online_accounts"] = accounts
    for key, messages in error.message_dict.items():
        head, _dot, rest = key.partition(".")
        if head in rows_of and rest:
            index, name = rest.split(".", 1)
            target = rows_of[head]
            rows = target.filled_rows()
            position = int(index)
            if position < len(rows) and name in target.forms[rows[position]].fields:
                target.forms[rows[position]].add_error(name, messages)
                continue
            form.add_error(None, messages)
            continue
        field = FIELD_OF_KEY.get(key, key)
        if field in form.fields and field not in form.hidden_names:
            form.add_error(field, messages)
        else:
            form.add_error(None, messages)


# Meldpunt actions ---------------------------------------------------------------------------
