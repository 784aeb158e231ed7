"""Forms of the weighing. They parse what a person typed; the services decide what is valid.

The choices offered (arrangements, participants, chair, signals, process directors) are always
computed for the acting membership; a posted value outside them is refused like a wrong value.
Staff of another organisation appear only through the staff display (function, organisation,
mailbox), never by name.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q, QuerySet
from django.forms.boundfield import BoundWidget
from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.core import validators
from schakel.core.forms import DATE_INPUT_FORMATS, RADIO_CLASS, StyledFormMixin
from schakel.intake.choices import DataCategory
from schakel.intake.models import Signal
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation
from schakel.weighing import services
from schakel.weighing.choices import OUTCOMES_WITH_DATE, WeighingOutcome
from schakel.weighing.models import WeighingArrangement, WeighingCriterion

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


def _labelled(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Make labels that look the same distinguishable without naming anyone."""
    found = list(rows)
    seen: dict[str, int] = {}
    totals: dict[str, int] = {}
    for _value, label in found:
        totals[label] = totals.get(label, 0) + 1
    result = []
    for value, label in found:
        if totals[label] > 1:
            seen[label] = seen.get(label, 0) + 1
            label = gettext("%(label)s, nr. %(number)s") % {"label": label, "number": seen[label]}
        result.append((value, label))
    return result


def staff_label(user: User, organisation: Organisation, membership: Membership) -> str:
    """A colleague by name; someone of another organisation by function and organisation."""
    if organisation.pk == membership.organisation_id:
        function = user.function_title.strip()
        return f"{user.full_name} ({function})" if function else user.full_name
    return staff_display(user, organisation)


# Scheduling a session --------------------------------------------------------------------------


class ArrangementChoiceForm(StyledFormMixin, forms.Form):
    """Step one when someone may schedule in more than one arrangement (GET, no JavaScript)."""

    afspraak = forms.ModelChoiceField(
        label=_("Wegingsafspraak"),
        queryset=WeighingArrangement.objects.none(),
        to_field_name="pk",
    )

    def __init__(self, *args: Any, arrangements: QuerySet[WeighingArrangement], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["afspraak"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = arrangements.order_by("name")


def participant_candidates(arrangement: WeighingArrangement) -> QuerySet[Organisation]:
    """The arrangement's municipalities and the active non-municipal organisations of the
    facilitator's region (police, OM, ZVH, care partners)."""
    in_arrangement = Q(weighing_arrangements=arrangement)
    condition = in_arrangement
    region_id = arrangement.facilitator.region_id
    if region_id is not None:
        condition |= Q(region_id=region_id) & ~Q(kind=OrganisationKind.MUNICIPALITY)
    condition |= Q(pk=arrangement.facilitator_id)
    return Organisation.objects.filter(condition, is_active=True).distinct().order_by("name")


REQUIRED_KINDS_MESSAGE = _(
    "Aan een weging nemen ten minste een gemeente, de politie en het OM deel."
)


class SessionForm(StyledFormMixin, forms.Form):
    held_on = forms.DateField(
        label=_("Datum"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum van de weging in.")},
    )
    held_at_time = forms.TimeField(
        label=_("Begintijd"),
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Bijvoorbeeld 09:30."),
        error_messages={"required": _("Vul de begintijd in.")},
    )
    participants = forms.MultipleChoiceField(
        label=_("Deelnemende organisaties"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ten minste een gemeente, de politie en het OM."),
        error_messages={"required": REQUIRED_KINDS_MESSAGE},
    )
    chair = forms.ChoiceField(
        label=_("Voorzitter"),
        help_text=_("Een medewerker van een deelnemende of de faciliterende organisatie."),
        error_messages={"required": _("Kies de voorzitter.")},
    )

    def __init__(
        self,
        *args: Any,
        membership: Membership,
        arrangement: WeighingArrangement,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.arrangement = arrangement
        # The municipalities first, then the partners, each by name.
        candidates = sorted(
            participant_candidates(arrangement),
            key=lambda org: (org.kind != OrganisationKind.MUNICIPALITY, org.name),
        )
        self.organisations = {org.pk: org for org in candidates}
        participants = self.fields["participants"]
        assert isinstance(participants, forms.MultipleChoiceField)
        participants.choices = [(str(org.pk), org.name) for org in candidates]
        self.fields["participants"].initial = [
            str(org.pk)
            for org in self.organisations.values()
            if org.pk in {membership.organisation_id, arrangement.facilitator_id}
            or org.kind in {OrganisationKind.POLICE, OrganisationKind.PUBLIC_PROSECUTION}
        ]
        self.chairs = self._chair_choices()
        chair = self.fields["chair"]
        assert isinstance(chair, forms.ChoiceField)
        chair.choices = [("", _("Maak een keuze")), *self.chairs]
        chair.initial = str(membership.user_id)

    def _chair_choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        memberships = (
            Membership.objects.active()
            .filter(organisation_id__in=self.organisations, role__in=TABLE_ROLES)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__full_name")
        )
        groups: dict[uuid.UUID, list[tuple[str, str]]] = {}
        for row in memberships:
            if not row.user.is_active:
                continue
            label = staff_label(row.user, row.organisation, self.membership)
            groups.setdefault(row.organisation_id, []).append((str(row.user_id), label))
        return [
            (self.organisations[org_id].name, _labelled(dict(rows).items()))
            for org_id, rows in groups.items()
        ]

    def clean_chair(self) -> User:
        value = self.cleaned_data["chair"]
        return User.objects.get(pk=value)

    def to_input(self) -> services.SessionInput:
        data = self.cleaned_data
        held_at = timezone.make_aware(datetime.combine(data["held_on"], data["held_at_time"]))
        return services.SessionInput(
            arrangement=self.arrangement,
            held_at=held_at,
            chair=data["chair"],
            participants=[self.organisations[uuid.UUID(pk)] for pk in data["participants"]],
        )


# Putting a person on the agenda ----------------------------------------------------------------


class SignalChoiceField(forms.ModelChoiceField[Signal]):
    """A signal by its reference, registration date and phenomenon: no names."""

    def label_from_instance(self, obj: Signal) -> str:
        registered = formats.date_format(timezone.localtime(obj.created_at), "j F Y")
        return gettext("Signaal %(reference)s – geregistreerd op %(date)s – %(phenomenon)s") % {
            "reference": obj.reference,
            "date": registered,
            "phenomenon": obj.phenomenon.name,
        }


class ItemAddForm(StyledFormMixin, forms.Form):
    signal = SignalChoiceField(
        label=_("Signaal"),
        queryset=Signal.objects.none(),
        help_text=_(
            "Alle signalen over dezelfde persoon gaan mee naar de weging. Namen staan niet in "
            "deze lijst; open het signaal bij het meldpunt om het te bekijken."
        ),
        error_messages={"required": _("Kies het signaal van de persoon die u aanmeldt.")},
    )

    def __init__(self, *args: Any, signals: QuerySet[Signal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["signal"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = signals

    @property
    def has_signals(self) -> bool:
        field = self.fields["signal"]
        assert isinstance(field, forms.ModelChoiceField)
        return field.queryset is not None and field.queryset.exists()


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
