"""The team's decision on a weighing item: the outcome, the criteria considered with a note
each, the justification and, on inclusion, the process director.

The form parses what a person typed; the services decide what is valid. The process directors
offered are computed for the item's ZVH; someone of another organisation appears only through
the staff display, never by name.
"""

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.boundfield import BoundWidget
from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership, User
from schakel.core import validators
from schakel.core.forms import DATE_INPUT_FORMATS, RADIO_CLASS, StyledFormMixin
from schakel.intake.choices import DataCategory
from schakel.network.models import Organisation
from schakel.weighing import services
from schakel.weighing.choices import OUTCOMES_WITH_DATE, WeighingOutcome
from schakel.weighing.forms import _labelled, staff_label
from schakel.weighing.models import WeighingCriterion

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _text_hint() -> "StrOrPromise":
    grouped = lazy(
        lambda: formats.number_format(validators.TEXT_MAX_LENGTH, force_grouping=True), str
    )()
    return format_lazy(_("Maximaal {max} tekens."), max=grouped)


def _textarea(
    label: "StrOrPromise",
    *,
    required: bool,
    help_text: "StrOrPromise" = "",
    rows: int = 4,
    required_message: "StrOrPromise" = "",
) -> forms.CharField:
    """Free text; no HTML maxlength (a browser would cut silently), the service checks it."""
    hint = _text_hint()
    field = forms.CharField(
        label=label,
        required=required,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=format_lazy("{} {}", help_text, hint) if help_text else hint,
    )
    if required_message:
        field.error_messages["required"] = required_message
    return field


# The decision --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionRow:
    """One criterion with its checkbox and its note, rendered together."""

    criterion: WeighingCriterion
    checkbox: BoundWidget
    note: forms.BoundField


NOTE_PREFIX = "note_"
TEXTAREA_CLASS = "utrecht-textarea utrecht-textarea--html-textarea"


class DecisionForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst van de weging"),
        choices=WeighingOutcome.choices,
        widget=forms.RadioSelect(attrs={"class": RADIO_CLASS}),
        error_messages={"required": _("Kies de uitkomst van de weging.")},
    )
    criteria = forms.MultipleChoiceField(
        label=_("Overwogen criteria"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vink elk criterium aan dat is overwogen; noteer de overwegingen erbij."),
        error_messages={"required": _("Geef aan welke criteria zijn overwogen.")},
    )
    justification = _textarea(
        _("Onderbouwing van noodzaak, proportionaliteit en subsidiariteit"),
        required=True,
        rows=8,
        help_text=_(
            "Waarom is dit besluit nodig, in verhouding tot het doel, en waarom volstaat een "
            "lichter middel niet?"
        ),
        required_message=_(
            "Onderbouw de noodzaak, proportionaliteit en subsidiariteit van het besluit."
        ),
    )
    justification_category = forms.ChoiceField(
        label=_("Soort gegevens in de onderbouwing"),
        choices=DataCategory.choices,
        initial=DataCategory.ORDINARY,
        error_messages={"required": _("Kies de categorie van de onderbouwing.")},
    )
    follow_up_on = forms.DateField(
        label=_("Datum vervolg"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Nodig bij „Meer informatie nodig” (uiterlijk op) en „Opnieuw wegen” (op deze datum)."
        ),
    )
    process_director = forms.ChoiceField(
        label=_("Procesregisseur"),
        required=False,
        help_text=_("Alleen bij opnemen: de procesregisseur van het Zorg- en Veiligheidshuis."),
    )

    def __init__(
        self,
        *args: Any,
        criteria: list[WeighingCriterion],
        directors: list[User],
        zvh: Organisation | None,
        membership: Membership,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria_list = criteria
        field = self.fields["criteria"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(c.pk), c.name) for c in criteria]
        for criterion in criteria:
            note = _textarea(
                format_lazy(_("Overwegingen bij „{name}”"), name=criterion.name),
                required=False,
                rows=3,
            )
            # Added after the mixin styled the declared fields.
            note.widget.attrs["class"] = TEXTAREA_CLASS
            self.fields[f"{NOTE_PREFIX}{criterion.pk}"] = note
        self.directors = {str(user.pk): user for user in directors}
        director = self.fields["process_director"]
        assert isinstance(director, forms.ChoiceField)
        rows = [(str(u.pk), staff_label(u, zvh, membership)) for u in directors] if zvh else []
        director.choices = [("", _("Maak een keuze")), *_labelled(rows)]
        if len(directors) == 1:
            director.initial = str(directors[0].pk)
        self.show_director = bool(directors)

    @property
    def rows(self) -> list[CriterionRow]:
        boxes = list(self["criteria"])
        return [
            CriterionRow(criterion=c, checkbox=box, note=self[f"{NOTE_PREFIX}{c.pk}"])
            for c, box in zip(self.criteria_list, boxes, strict=True)
        ]

    @property
    def hidden_names(self) -> set[str]:
        return set() if self.show_director else {"process_director"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = set(data.get("criteria") or [])
        for criterion in self.criteria_list:
            name = f"{NOTE_PREFIX}{criterion.pk}"
            if (data.get(name) or "").strip() and str(criterion.pk) not in chosen:
                self.add_error(
                    name,
                    gettext(
                        "U noteerde overwegingen bij een criterium dat niet is aangevinkt. Vink "
                        "het aan, of maak de overwegingen leeg."
                    ),
                )
        outcome = data.get("outcome")
        if outcome in OUTCOMES_WITH_DATE and "follow_up_on" not in self.errors:
            follow_up = data.get("follow_up_on")
            if follow_up is None:
                self.add_error(
                    "follow_up_on", gettext("Vul de datum in waarop de weging een vervolg krijgt.")
                )
            elif follow_up <= timezone.localdate():
                self.add_error("follow_up_on", gettext("Kies een datum na vandaag."))
        if (
            outcome == WeighingOutcome.INCLUDE
            and len(self.directors) > 1
            and not data.get("process_director")
        ):
            self.add_error("process_director", gettext("Kies de procesregisseur."))
        return data

    def to_input(self) -> services.DecisionInput:
        data = self.cleaned_data
        notes = {uuid.UUID(pk): data.get(f"{NOTE_PREFIX}{pk}") or "" for pk in data["criteria"]}
        outcome = data["outcome"]
        return services.DecisionInput(
            outcome=outcome,
            justification=data["justification"],
            justification_category=data["justification_category"],
            criteria_notes=notes,
            follow_up_on=data.get("follow_up_on") if outcome in OUTCOMES_WITH_DATE else None,
            process_director=self.directors.get(data.get("process_director") or "")
            if outcome == WeighingOutcome.INCLUDE
            else None,
        )

    def summary(self) -> dict[str, Any]:
        """What the person entered, to show beside the saved decision after a conflict."""
        data = self.data if isinstance(self.data, QueryDict) else QueryDict()
        labels = dict(WeighingOutcome.choices)
        names = {str(c.pk): c.name for c in self.criteria_list}
        return {
            "outcome": labels.get(data.get("outcome", ""), ""),
            "criteria": [
                (names[pk], data.get(f"{NOTE_PREFIX}{pk}", ""))
                for pk in data.getlist("criteria")
                if pk in names
            ],
            "justification": data.get("justification", ""),
            "follow_up_on": data.get("follow_up_on", ""),
        }
