"""Writes on a collaboration's multi-year policy plan: the plan with its period and priority
themes, goals with indicators, and progress updates per goal and period.

The plan belongs to the network, not to a case file: every free text is checked for
recognisable person data (``validate_no_person_data``) and refused with a Dutch message. The
views and the API decide who may write (``permissions.may_manage``); a plan holds no person data
and its writes are not logged.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from schakel.collaboration.choices import ProgressStatus
from schakel.collaboration.models import (
    Indicator,
    PlanGoal,
    PlanTheme,
    PolicyPlan,
    ProgressUpdate,
)
from schakel.core.person_data import findings
from schakel.network.models import Collaboration

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_PLAN_YEARS = 10
MAX_THEMES = 8
TEXT_LIMITS = {"short": 300, "long": 4000}
# "2026-K1" (quarter), "2026-H2" (half year), "2026" (year) or an ISO range of two dates.
PERIOD = re.compile(
    r"^(?P<year>\d{4})(?:-K[1-4]|-H[12])?$|^(?P<from>\d{4})-\d{2}-\d{2}/(?P<to>\d{4})-\d{2}-\d{2}$"
)


def _text(
    errors: dict[str, list[str]], key: str, value: str, *, limit: int, required: bool = True
) -> str:
    text = (value or "").strip()
    if required and not text:
        errors.setdefault(key, []).append(_("Vul dit veld in."))
    elif len(text) > limit:
        errors.setdefault(key, []).append(
            _("Maximaal %(limit)s tekens; nu %(length)s.") % {"limit": limit, "length": len(text)}
        )
    found = findings(text)
    if found:
        errors.setdefault(key, []).extend(found)
    return text


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class PlanInput:
    start_year: int
    end_year: int
    summary: str
    themes: list[str]


def plan_save(*, collaboration: Collaboration, data: PlanInput) -> PolicyPlan:
    """Create or change the plan: its period, summary and themes (in order). A theme keeps its
    goals when renamed; a theme with goals cannot be taken off."""
    errors: dict[str, list[str]] = {}
    if not FIRST_YEAR <= data.start_year <= LAST_YEAR:
        errors["start_year"] = [_("Vul een beginjaar in als 2025.")]
    if not data.start_year <= data.end_year <= data.start_year + MAX_PLAN_YEARS:
        errors["end_year"] = [
            _("Het eindjaar ligt op of na het beginjaar en hooguit %(years)s jaar later.")
            % {"years": MAX_PLAN_YEARS}
        ]
    summary = _text(errors, "summary", data.summary, limit=TEXT_LIMITS["long"], required=False)
    themes = [
        _text(errors, "themes", name, limit=200) for name in data.themes if (name or "").strip()
    ]
    if not themes:
        errors.setdefault("themes", []).append(_("Geef ten minste één prioritair thema."))
    elif len(themes) > MAX_THEMES:
        errors.setdefault("themes", []).append(
            _("Hooguit %(max)s prioritaire thema's.") % {"max": MAX_THEMES}
        )
    _raise(errors)
    with transaction.atomic():
        plan, _created = PolicyPlan.objects.update_or_create(
            collaboration=collaboration,
            defaults={
                "start_year": data.start_year,
                "end_year": data.end_year,
                "summary": summary,
            },
        )
        existing = {theme.position: theme for theme in plan.themes.select_for_update()}
        for position, name in enumerate(themes, start=1):
            theme = existing.pop(position, None)
            if theme is None:
                PlanTheme.objects.create(plan=plan, name=name, position=position)
            elif theme.name != name:
                theme.name = name
                theme.save(update_fields=["name", "updated_at"])
        for theme in existing.values():
            if theme.goals.exists():
                raise ValidationError(
                    {
                        "themes": [
                            _(
                                "Het thema „%(name)s” heeft doelen en kan er niet af. Hernoem het "
                                "of verplaats eerst de doelen."
                            )
                            % {"name": theme.name}
                        ]
                    }
                )
            theme.delete()
    return plan


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    baseline: Decimal | None
    target: Decimal | None
    unit: str


def _indicator_errors(data: IndicatorInput, errors: dict[str, list[str]], prefix: str) -> None:
    _text(errors, f"{prefix}name", data.name, limit=TEXT_LIMITS["short"])
    _text(errors, f"{prefix}unit", data.unit, limit=60)
    if data.baseline is None:
        errors.setdefault(f"{prefix}baseline", []).append(_("Vul de nulmeting in, een getal."))
    if data.target is None:
        errors.setdefault(f"{prefix}target", []).append(_("Vul de streefwaarde in, een getal."))


def _indicator_create(goal: PlanGoal, data: IndicatorInput) -> Indicator:
    assert data.baseline is not None
    assert data.target is not None
    return Indicator.objects.create(
        goal=goal,
        name=data.name.strip(),
        baseline=data.baseline,
        target=data.target,
        unit=data.unit.strip(),
    )


@dataclass(frozen=True)
class GoalInput:
    theme: PlanTheme | None
    title: str
    intended_result: str
    indicator: IndicatorInput | None = None


def goal_add(*, plan: PolicyPlan, data: GoalInput) -> PlanGoal:
    """A goal under one of the plan's themes, optionally with its first indicator."""
    errors: dict[str, list[str]] = {}
    if data.theme is None or data.theme.plan_id != plan.pk:
        errors["theme"] = [_("Kies een van de thema's van dit plan.")]
    title = _text(errors, "title", data.title, limit=TEXT_LIMITS["short"])
    result = _text(
        errors, "intended_result", data.intended_result, limit=TEXT_LIMITS["long"], required=False
    )
    if data.indicator is not None:
        _indicator_errors(data.indicator, errors, "indicator_")
    _raise(errors)
    assert data.theme is not None
    with transaction.atomic():
        goal = PlanGoal.objects.create(theme=data.theme, title=title, intended_result=result)
        if data.indicator is not None:
            _indicator_create(goal, data.indicator)
    return goal


def indicator_add(*, goal: PlanGoal, data: IndicatorInput) -> Indicator:
    errors: dict[str, list[str]] = {}
    _indicator_errors(data, errors, "")
    _raise(errors)
    with transaction.atomic():
        return _indicator_create(goal, data)


@dataclass(frozen=True)
class ProgressInput:
    period_label: str
    status: str
    explanation: str


def _period_errors(plan: PolicyPlan, label: str) -> list[str]:
    match = PERIOD.match(label)
    if match is None:
        return [_("Vul een periode in als 2026-K1, 2026-H2, 2026 of 2026-01-01/2026-03-31.")]
    if match.group("from"):
        start, _slash, end = label.partition("/")
        try:
            ordered = date.fromisoformat(start) <= date.fromisoformat(end)
        except ValueError:
            ordered = False
        if not ordered:
            return [
                _(
                    "Vul twee bestaande datums in, de eerste op of voor de tweede, als "
                    "2026-01-01/2026-03-31."
                )
            ]
    years = [int(y) for y in match.group("year", "from", "to") if y]
    if any(not plan.start_year <= year <= plan.end_year for year in years):
        return [
            _("De periode valt buiten de looptijd van het plan (%(period)s).")
            % {"period": plan.period}
        ]
    return []


def progress_add(*, goal: PlanGoal, data: ProgressInput) -> ProgressUpdate:
    """A progress update of a goal for one period, with its status and a short explanation."""
    errors: dict[str, list[str]] = {}
    label = _text(errors, "period_label", data.period_label, limit=40)
    if label and "period_label" not in errors:
        period_errors = _period_errors(goal.theme.plan, label)
        if period_errors:
            errors["period_label"] = period_errors
    if data.status not in ProgressStatus.values:
        errors["status"] = [_("Kies een van de statussen die er staan.")]
    explanation = _text(
        errors, "explanation", data.explanation, limit=TEXT_LIMITS["long"], required=False
    )
    _raise(errors)
    with transaction.atomic():
        return ProgressUpdate.objects.create(
            goal=goal, period_label=label, status=data.status, explanation=explanation
        )
