"""Forms of the collaboration pages. They parse what a person typed; the services decide what is
valid (including the person-data check of every free text) and their Dutch messages are put
next to the fields (``schakel.core.forms.add_service_errors``)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.collaboration.choices import CollaborationRoleKind, ProgressStatus
from schakel.collaboration.models import PlanTheme, PolicyPlan
from schakel.collaboration.plan_services import MAX_THEMES
from schakel.core.forms import StyledFormMixin, radio_field, text_field
from schakel.weighing.models import WeighingArrangement

ANONYMOUS = _("Geen namen of andere gegevens van personen: dit plan is van het netwerk.")


class MembershipChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, Membership)
        return staff_display(obj.user, obj.organisation)


class RoleAssignForm(StyledFormMixin, forms.Form):
    membership = MembershipChoiceField(
        label=_("Medewerker"),
        queryset=Membership.objects.none(),
        help_text=_("Een medewerker van een deelnemende organisatie, als functie – organisatie."),
    )
    kind = radio_field(_("Rol"), CollaborationRoleKind.choices)

    def __init__(self, *args: Any, candidates: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = candidates


class HostingForm(StyledFormMixin, forms.Form):
    arrangement = forms.ModelChoiceField(
        label=_("Wegingsafspraak"),
        queryset=WeighingArrangement.objects.none(),
        help_text=_("Alleen afspraken waarvan alle gemeenten lid zijn van dit verband."),
    )

    def __init__(
        self, *args: Any, arrangements: QuerySet[WeighingArrangement], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["arrangement"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = arrangements


def _year(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=9999,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


THEME_NAMES = [f"theme_{number}" for number in range(1, MAX_THEMES + 1)]


def _theme(number: int) -> forms.CharField:
    return text_field(format_lazy(_("Thema {number}"), number=number), 200, required=number == 1)


class PlanForm(StyledFormMixin, forms.Form):
    start_year = _year(_("Beginjaar"))
    end_year = _year(_("Eindjaar"))
    summary = text_field(_("Samenvatting"), 4000, required=False, rows=5, help_text=ANONYMOUS)
    theme_1 = _theme(1)
    theme_2 = _theme(2)
    theme_3 = _theme(3)
    theme_4 = _theme(4)
    theme_5 = _theme(5)
    theme_6 = _theme(6)
    theme_7 = _theme(7)
    theme_8 = _theme(8)
    field_order = ["start_year", "end_year", "summary", *THEME_NAMES]

    def __init__(self, *args: Any, plan: PolicyPlan | None = None, **kwargs: Any) -> None:
        if plan is not None and "initial" not in kwargs:
            names = [theme.name for theme in plan.themes.order_by("position")]
            kwargs["initial"] = {
                "start_year": plan.start_year,
                "end_year": plan.end_year,
                "summary": plan.summary,
                **dict(zip(THEME_NAMES, names, strict=False)),
            }
        super().__init__(*args, **kwargs)

    @property
    def theme_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in THEME_NAMES]

    def themes(self) -> list[str]:
        return [self.cleaned_data.get(name) or "" for name in THEME_NAMES]


class IndicatorForm(StyledFormMixin, forms.Form):
    name = text_field(
        _("Indicator"), 300, help_text=_("Bijvoorbeeld: aantal getrainde professionals.")
    )
    baseline = forms.DecimalField(label=_("Nulmeting"), max_digits=12, decimal_places=2)
    target = forms.DecimalField(label=_("Streefwaarde"), max_digits=12, decimal_places=2)
    unit = text_field(_("Eenheid"), 60, help_text=_("Bijvoorbeeld: personen, procent."))


class GoalForm(StyledFormMixin, forms.Form):
    theme = forms.ModelChoiceField(label=_("Thema"), queryset=PlanTheme.objects.none())
    title = text_field(_("Doel"), 300, help_text=ANONYMOUS)
    intended_result = text_field(_("Beoogd resultaat"), 4000, required=False, rows=4)
    indicator_name = text_field(_("Indicator"), 300, required=False)
    indicator_baseline = forms.DecimalField(
        label=_("Nulmeting"), max_digits=12, decimal_places=2, required=False
    )
    indicator_target = forms.DecimalField(
        label=_("Streefwaarde"), max_digits=12, decimal_places=2, required=False
    )
    indicator_unit = text_field(_("Eenheid"), 60, required=False)

    def __init__(self, *args: Any, plan: PolicyPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["theme"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = plan.themes.order_by("position")

    def has_indicator(self) -> bool:
        names = ("indicator_name", "indicator_baseline", "indicator_target", "indicator_unit")
        return any(self.cleaned_data.get(name) not in (None, "") for name in names)


class ProgressForm(StyledFormMixin, forms.Form):
    period_label = text_field(
        _("Periode"),
        40,
        help_text=_("Bijvoorbeeld 2026-K1, 2026-H2, 2026 of 2026-01-01/2026-03-31."),
    )
    status = radio_field(_("Status"), ProgressStatus.choices)
    explanation = text_field(_("Toelichting"), 4000, required=False, rows=4, help_text=ANONYMOUS)
