"""Forms of the case pages and the action plan. They parse what a person typed; the services
decide what is valid and say so in Dutch, keyed by the same field names as these forms."""

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
    InterventionKind,
    InterventionStatus,
    LifeDomain,
    ParticipationKind,
)
from schakel.cases.lifecycle_services import InformingInput
from schakel.cases.models import ActionPlanVersion, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plans.services import InterventionInput, PlanInput
from schakel.cases.services import ParticipationInput
from schakel.core.forms import (
    StyledFormMixin,
    date_field,
    radio_field,
    text_field,
)
from schakel.network.models import Organisation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _text(
    label: "StrOrPromise", *, required: bool = False, rows: int = 5, help_text: "StrOrPromise" = ""
) -> forms.CharField:
    """The case pages' free text: optional, five rows, kept as typed (not stripped)."""
    return text_field(label, required=required, rows=rows, strip=False, help_text=help_text)


def _organisations(
    label: "StrOrPromise", *, required: bool = True, help_text: "StrOrPromise" = ""
) -> forms.ModelChoiceField[Organisation]:
    return forms.ModelChoiceField(
        label=label,
        queryset=Organisation.objects.none(),
        required=required,
        help_text=help_text,
    )


def _set_queryset(form: forms.Form, name: str, queryset: QuerySet[Organisation]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


# Case list ------------------------------------------------------------------------------------


class CaseFilterForm(StyledFormMixin, forms.Form):
    """GET filters of the case list; an unknown value is left out."""

    fase = forms.ChoiceField(
        label=_("Fase"), choices=[("", _("Alle fasen")), *CasePhase.choices], required=False
    )
    binnenkort = forms.BooleanField(
        label=_("Alleen met een evaluatie, herbeoordeling of heroverweging binnen 30 dagen"),
        required=False,
    )

    def __init__(self, data: Any, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        # The mixin gives blank choices its own label; here blank means "all".
        phase = self.fields["fase"]
        assert isinstance(phase, forms.ChoiceField)
        phase.choices = [("", _("Alle fasen")), *CasePhase.choices]

    def values(self) -> tuple[str, bool]:
        """The valid phase (or "") and whether to show only cases due soon."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("fase") or "", bool(data.get("binnenkort"))


class InterventionFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle statussen")), *InterventionStatus.choices],
        required=False,
    )
    eigen = forms.BooleanField(label=_("Alleen van mijn organisatie"), required=False)

    def __init__(self, data: Any, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = [("", _("Alle statussen")), *InterventionStatus.choices]

    def values(self) -> tuple[str, bool]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("status") or "", bool(data.get("eigen"))


# Managing a case ------------------------------------------------------------------------------


class ParticipationForm(StyledFormMixin, forms.Form):
    organisation = _organisations(_("Organisatie"))
    kind = radio_field(
        _("Soort deelname"),
        ParticipationKind.choices,
        help_text=_(
            "Een structurele partner ziet de hele casus zolang de deelname loopt. Een "
            "incidentele partner ziet alleen de agendapunten waarvoor hij is uitgenodigd."
        ),
    )
    starts_on = date_field(_("Vanaf"))
    ends_on = date_field(
        _("Tot en met"), required=False, help_text=_("Verplicht bij een incidentele deelname.")
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "organisation", organisations)

    def to_input(self) -> ParticipationInput:
        data = self.cleaned_data
        return ParticipationInput(
            organisation=data["organisation"],
            kind=data["kind"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )


class ParticipationEndForm(StyledFormMixin, forms.Form):
    ends_on = date_field(_("Tot en met"), help_text=_("De laatste dag van de deelname."))


class InformingForm(StyledFormMixin, forms.Form):
    status = radio_field(_("Is de persoon geïnformeerd?"), InformingStatus.choices)
    informed_on = date_field(
        _("Geïnformeerd op"), required=False, help_text=_("Alleen als de persoon is geïnformeerd.")
    )
    informed_by = _organisations(
        _("Geïnformeerd door"),
        required=False,
        help_text=_("Alleen als de persoon is geïnformeerd."),
    )
    note = _text(
        _("Toelichting"),
        help_text=_("Verplicht bij uitstel: waarom informeren nu niet kan (bijv. een onderzoek)."),
    )
    reconsider_on = date_field(
        _("Heroverwegen op"),
        required=False,
        help_text=_("Alleen bij uitstel: wanneer het uitstel opnieuw wordt bekeken."),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "informed_by", organisations)

    def to_input(self) -> InformingInput:
        data = self.cleaned_data
        return InformingInput(
            status=data["status"],
            informed_on=data["informed_on"],
            informed_by=data["informed_by"],
            note=data["note"],
            reconsider_on=data["reconsider_on"],
        )


class ReviewForm(StyledFormMixin, forms.Form):
    next_review_on = date_field(
        _("Volgende evaluatie"),
        required=False,
        help_text=_("Laat leeg als er geen evaluatie gepland is."),
    )


class ReassessForm(StyledFormMixin, forms.Form):
    next_due_on = date_field(_("Volgende herbeoordeling uiterlijk"))

    def __init__(self, *args: Any, latest: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["next_due_on"]
        field.help_text = format_lazy(
            _("Na vandaag en uiterlijk {date}: minstens jaarlijks wordt herbeoordeeld."),
            date=date_format(latest, "j F Y"),
        )
        field.widget.attrs["max"] = latest.isoformat()


class ConfirmForm(forms.Form):
    """A form without fields: the button is the confirmation."""


class DeescalateForm(StyledFormMixin, forms.Form):
    destination = radio_field(_("Waarheen wordt afgeschaald?"), DeescalationDestination.choices)
    aftercare_until = date_field(
        _("Nazorg tot en met"),
        help_text=_("Tot wanneer de nazorg duurt; daarna kan de casus dicht."),
    )


class CloseForm(StyledFormMixin, forms.Form):
    reason = radio_field(_("Reden van afsluiting"), ClosureReason.choices)
    note = _text(_("Toelichting"), help_text=_("Verplicht bij de reden „Anders”."))

    def clean(self) -> dict[str, Any]:
        # Checked here too, so the review step never shows a closure the service would refuse.
        data = super().clean() or {}
        if data.get("reason") == ClosureReason.OTHER and not str(data.get("note", "")).strip():
            self.add_error("note", _("Licht de reden van afsluiting toe."))
        return data


# The action plan ------------------------------------------------------------------------------


class PlanForm(StyledFormMixin, forms.Form):
    """The analysis per life domain (in ``ANALYSIS_FIELDS`` order) and the goals, with the
    version and revision the edit began from (optimistic concurrency)."""

    based_on_version = forms.UUIDField(required=False, widget=forms.HiddenInput)
    based_on_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    analysis_housing = _text(LifeDomain.HOUSING.label)
    analysis_work_income = _text(LifeDomain.WORK_INCOME.label)
    analysis_education = _text(LifeDomain.EDUCATION.label)
    analysis_family_network = _text(LifeDomain.FAMILY_NETWORK.label)
    analysis_health = _text(LifeDomain.HEALTH.label)
    analysis_ideology = _text(LifeDomain.IDEOLOGY.label)
    analysis_justice = _text(LifeDomain.JUSTICE.label)
    analysis_online = _text(LifeDomain.ONLINE.label)
    goals = _text(_("Doelen"), rows=6)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("based_on_version", "based_on_revision"):
            self.fields[name].widget.attrs = {}

    @staticmethod
    def initial_for(version: ActionPlanVersion | None) -> dict[str, Any]:
        if version is None:
            return {"based_on_version": "", "based_on_revision": ""}
        values: dict[str, Any] = {
            name: getattr(version, name) or "" for name in ANALYSIS_FIELDS.values()
        }
        values.update(
            goals=version.goals or "",
            based_on_version=str(version.pk),
            based_on_revision=version.revision,
        )
        return values

    @property
    def text_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in [*ANALYSIS_FIELDS.values(), "goals"]]

    def to_input(self) -> PlanInput:
        data = self.cleaned_data
        version: uuid.UUID | None = data["based_on_version"]
        return PlanInput(
            analysis={domain.value: data[name] for domain, name in ANALYSIS_FIELDS.items()},
            goals=data["goals"],
            based_on_version=version,
            based_on_revision=data["based_on_revision"],
        )


class InterventionForm(StyledFormMixin, forms.Form):
    kind = radio_field(_("Soort interventie"), InterventionKind.choices)
    owner = _organisations(
        _("Eigenaar"), help_text=_("De organisatie die de interventie uitvoert en bijhoudt.")
    )
    life_domain = forms.ChoiceField(
        label=_("Leefgebied"),
        choices=[("", _("Geen bepaald leefgebied")), *LifeDomain.choices],
        required=False,
    )
    description = _text(_("Omschrijving"), required=True, rows=5)
    starts_on = date_field(_("Start"))
    due_on = date_field(_("Gereed uiterlijk"))
    based_on_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, owners: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "owner", owners)
        domain = self.fields["life_domain"]
        assert isinstance(domain, forms.ChoiceField)
        domain.choices = [("", _("Geen bepaald leefgebied")), *LifeDomain.choices]
        self.fields["based_on_revision"].widget.attrs = {}

    @staticmethod
    def initial_for(intervention: Intervention) -> dict[str, Any]:
        return {
            "kind": intervention.kind,
            "owner": intervention.owner_id,
            "life_domain": intervention.life_domain,
            "description": intervention.description,
            "starts_on": intervention.starts_on,
            "due_on": intervention.due_on,
            "based_on_revision": intervention.revision,
        }

    def to_input(self) -> InterventionInput:
        data = self.cleaned_data
        return InterventionInput(
            kind=data["kind"],
            owner=data["owner"],
            description=data["description"],
            starts_on=data["starts_on"],
            due_on=data["due_on"],
            life_domain=data["life_domain"],
        )


class RevisionForm(forms.Form):
    """Removing an intervention: only the revision the person saw."""

    based_on_revision = forms.IntegerField(widget=forms.HiddenInput)


class ProgressForm(StyledFormMixin, forms.Form):
    status = radio_field(_("Status"), InterventionStatus.choices)
    outcome = _text(
        _("Resultaat"), rows=5, help_text=_("Verplicht als de interventie is afgerond of gestopt.")
    )
    based_on_revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["based_on_revision"].widget.attrs = {}

    @staticmethod
    def initial_for(intervention: Intervention) -> dict[str, Any]:
        return {
            "status": intervention.status,
            "outcome": intervention.outcome or "",
            "based_on_revision": intervention.revision,
        }
