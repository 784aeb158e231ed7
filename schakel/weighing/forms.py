"""Forms of the weighing. They parse what a person typed; the services decide what is valid.

The choices offered (arrangements, participants, chair, signals, process directors) are always
computed for the acting membership; a posted value outside them is refused like a wrong value.
Staff of another organisation appear only through the staff display (function, organisation,
mailbox), never by name. The form of the team's decision is in ``decision_forms``.
"""

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.core.forms import DATE_INPUT_FORMATS, StyledFormMixin
from schakel.intake.models import Signal
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation
from schakel.weighing import services
from schakel.weighing.models import WeighingArrangement


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
    """A signal by its reference: the table of choices (``weighing/signal_choice.html``) shows
    per row what tells the signals apart, no names."""

    widget = forms.RadioSelect

    def label_from_instance(self, obj: Signal) -> str:
        return gettext("Signaal %(reference)s") % {"reference": obj.reference}


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
