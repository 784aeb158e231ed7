"""The policy plan as a download for the administrative meeting: CSV and PDF/UA.

CSV: the house format of ``schakel.privacy.desk.register_export`` (UTF-8 with BOM, ``;``, every
cell defused against formula injection). PDF: tagged (PDF/UA-1) through ``render_pdf``. Neither
names a staff member: a plan holds no person data, and its roles are not in it.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.collaboration.models import Indicator, PolicyPlan, ProgressUpdate
from schakel.core.pdf import render_pdf
from schakel.privacy.desk.register_export import CSV_CONTENT_TYPE, csv_document

__all__ = ["CSV_CONTENT_TYPE", "filename", "plan_csv", "plan_pdf"]


def filename(plan: PolicyPlan, extension: str) -> str:
    return f"beleidsplan-{plan.start_year}-{plan.end_year}.{extension}"


def plan_rows(plan: PolicyPlan) -> list[list[object]]:
    """One row per goal × indicator × progress update (a goal without either gets one row)."""
    rows: list[list[object]] = []
    for theme in plan.themes.all():
        for goal in theme.goals.all():
            indicators: list[Indicator | None] = [*goal.indicators.all()] or [None]
            updates: list[ProgressUpdate | None] = [*goal.progress_updates.all()] or [None]
            for indicator in indicators:
                for update in updates:
                    rows.append(
                        [
                            plan.period,
                            theme.name,
                            goal.title,
                            goal.intended_result,
                            indicator.name if indicator else "",
                            indicator.baseline if indicator else "",
                            indicator.target if indicator else "",
                            indicator.unit if indicator else "",
                            update.period_label if update else "",
                            update.get_status_display() if update else "",
                            update.explanation if update else "",
                        ]
                    )
    return rows


def plan_csv(plan: PolicyPlan) -> bytes:
    header = [
        _("Looptijd"),
        _("Thema"),
        _("Doel"),
        _("Beoogd resultaat"),
        _("Indicator"),
        _("Nulmeting"),
        _("Streefwaarde"),
        _("Eenheid"),
        _("Periode"),
        _("Status"),
        _("Toelichting"),
    ]
    return csv_document(header, plan_rows(plan))


def plan_pdf(plan: PolicyPlan) -> bytes:
    title = _("Meerjarig beleidsplan %(period)s – %(name)s") % {
        "period": plan.period,
        "name": plan.collaboration.name,
    }
    context = {
        "title": title,
        "generated_at": timezone.localtime(),
        "plan": plan,
        "collaboration": plan.collaboration,
    }
    return render_pdf("collaboration/pdf/plan.html", context)
