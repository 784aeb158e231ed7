"""The action plan as a confidential PDF/UA document: analysis per life domain, goals and
interventions, staff by function only; its download is logged."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases.activities import CaseActivity
from schakel.cases.choices import InterventionKind, InterventionStatus, LifeDomain
from schakel.cases.documents import Download, _aliases, _label, _person
from schakel.cases.models import ActionPlanVersion, AgendaItem, Case
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.selectors import (
    interventions_in_version,
    plan_version_get_for,
)
from schakel.cases.services import subject_of
from schakel.core.pdf import render_pdf
from schakel.intake.identity import SubjectIdentity

# Action plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InterventionLine:
    kind: str
    owner: str
    life_domain: str
    description: str
    starts_on: date | None
    due_on: date | None
    status: str


@dataclass(frozen=True)
class AnalysisLine:
    domain: str
    text: str


@dataclass(frozen=True)
class PlanDocument:
    case: Case
    version: ActionPlanVersion
    person: str
    date_of_birth: date | None
    born: str
    aliases: list[str]
    process_director: str
    analysis: list[AnalysisLine]
    goals: str
    interventions: list[InterventionLine]
    adopted_in: str
    generated_at: datetime

    @property
    def title(self) -> str:
        return _("Plan van aanpak %(reference)s, versie %(number)s") % {
            "reference": self.case.reference,
            "number": self.version.number,
        }


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def _intervention_lines(version: ActionPlanVersion) -> list[InterventionLine]:
    entries = interventions_in_version(version)
    # The snapshot of an adopted version has no progress; the draft shows the current status.
    statuses: dict[str, str] = {}
    if not version.is_adopted:
        statuses = {
            str(pk): _label(InterventionStatus, status)
            for pk, status in version.plan.interventions.filter(
                pk__in=[str(e["id"]) for e in entries]
            ).values_list("pk", "status")
        }
    return [
        InterventionLine(
            kind=_label(InterventionKind, e.get("kind")),
            owner=str(e.get("owner_name") or ""),
            life_domain=_label(LifeDomain, e.get("life_domain")) if e.get("life_domain") else "",
            description=str(e.get("description") or ""),
            starts_on=_as_date(e.get("starts_on")),
            due_on=_as_date(e.get("due_on")),
            status=statuses.get(str(e.get("id")), ""),
        )
        for e in entries
    ]


def plan_document_for(
    *, case: Case, version: ActionPlanVersion, identity: SubjectIdentity
) -> PlanDocument:
    """What the plan document holds; the arguments come from ``plan_version_get_for``."""
    adopted_in = ""
    if version.adopted_in_id is not None:
        item = AgendaItem.objects.select_related("meeting").get(pk=version.adopted_in_id)
        adopted_in = item.meeting.reference
    director = case.process_director
    return PlanDocument(
        case=case,
        version=version,
        person=_person(identity),
        date_of_birth=identity.date_of_birth,
        born=identity.born,
        aliases=_aliases(identity),
        process_director=staff_display(director, case.zvh) if director else "",
        analysis=[
            AnalysisLine(domain=str(domain.label), text=getattr(version, name) or "")
            for domain, name in ANALYSIS_FIELDS.items()
        ],
        goals=version.goals or "",
        interventions=_intervention_lines(version),
        adopted_in=adopted_in,
        generated_at=timezone.now(),
    )


def plan_pdf(document: PlanDocument) -> bytes:
    return render_pdf(
        "cases/pdf/plan.html",
        {"plan": document, "title": document.title, "generated_at": document.generated_at},
    )


def plan_download(*, membership: Membership, case_pk: uuid.UUID, number: int) -> Download:
    """A plan version as PDF for anyone who sees the case (404 otherwise); reading it and
    downloading it are logged before the bytes are returned."""
    case, version, identity = plan_version_get_for(
        membership=membership, case_pk=case_pk, number=number
    )
    document = plan_document_for(case=case, version=version, identity=identity)
    content = plan_pdf(document)
    with transaction.atomic():
        audit.log_processing(
            activity=CaseActivity.ACTION_PLAN,
            name="plan_pdf_downloaded",
            by=membership.user,
            subjects=[subject_of(case)],
            attributes={"version": version.number},
        )
    return Download(filename=f"plan-{case.reference}-v{version.number}.pdf", content=content)
