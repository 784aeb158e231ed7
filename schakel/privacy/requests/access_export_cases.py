"""The case section of the access export: each case the person took part in, with its
participations, action-plan versions, interventions, agenda items and decisions, and
disclosures; parts withheld by the decision are left out with their reason.
"""

import uuid

from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    InformingStatus,
    InterventionKind,
    InterventionStatus,
    LifeDomain,
    ParticipationKind,
    PlanVersionStatus,
)
from schakel.cases.models import ActionPlanVersion, AgendaItem, Case, Disclosure, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.intake.choices import (
    DataCategory,
)
from schakel.privacy.requests.access_export_values import Data, _day, _label


def _plan_versions(case: Case) -> list[Data]:
    versions = ActionPlanVersion.objects.filter(plan__case=case).order_by("number")
    return [
        {
            "number": v.number,
            "status": _label(PlanVersionStatus, v.status),
            "adopted_on": _day(v.adopted_at),
            "analysis": [
                {"life_domain": str(domain.label), "text": getattr(v, field) or ""}
                for domain, field in ANALYSIS_FIELDS.items()
                if getattr(v, field)
            ],
            "goals": v.goals or "",
        }
        for v in versions
    ]


def _interventions(case: Case, withheld: dict[uuid.UUID, Data]) -> list[Data]:
    rows = (
        Intervention.objects.filter(plan__case=case)
        .exclude(owner_id__in=list(withheld))
        .select_related("owner")
        .order_by("starts_on", "created_at")
    )
    return [
        {
            "kind": _label(InterventionKind, i.kind),
            "owner": i.owner.name,
            "life_domain": _label(LifeDomain, i.life_domain) if i.life_domain else "",
            "description": i.description or "",
            "starts_on": i.starts_on,
            "due_on": i.due_on,
            "status": _label(InterventionStatus, i.status),
            "outcome": i.outcome or "",
            "removed_from_plan": i.removed_in_id is not None,
        }
        for i in rows
    ]


def _agenda_items(case: Case) -> list[Data]:
    items = (
        AgendaItem.objects.filter(case=case)
        .select_related("meeting__zvh")
        .prefetch_related("decisions")
        .order_by("meeting__starts_at")
    )
    return [
        {
            "meeting_on": _day(item.meeting.starts_at),
            "zvh": item.meeting.zvh.name,
            "decisions": [
                {"recorded_on": _day(d.created_at), "text": d.text or ""}
                for d in item.decisions.all()
            ],
        }
        for item in items
    ]


def _disclosures(case: Case, withheld: dict[uuid.UUID, Data]) -> list[Data]:
    rows = (
        Disclosure.objects.filter(agenda_item__case=case)
        .exclude(from_organisation_id__in=list(withheld))
        .select_related("from_organisation", "legal_basis", "agenda_item__meeting")
        .prefetch_related("recipients")
        .order_by("created_at")
    )
    return [
        {
            "disclosed_on": _day(d.created_at),
            "from_organisation": d.from_organisation.name,
            "to_organisations": sorted(r.name for r in d.recipients.all()),
            "content": d.content or "",
            "data_categories": [_label(DataCategory, c) for c in d.data_categories],
            "legal_basis": f"{d.legal_basis.display_name} ({d.legal_basis.citation})",
            "purpose": d.purpose or "",
            "is_correction": d.corrects_id is not None,
            "content_deleted": d.content_deleted_at is not None,
        }
        for d in rows
    ]


def _cases(subject_id: uuid.UUID, withheld: dict[uuid.UUID, Data]) -> list[Data]:
    cases = (
        Case.objects.filter(subject_id=subject_id)
        .select_related("directing_municipality", "zvh", "informed_by")
        .prefetch_related("participations__organisation")
        .order_by("opened_at")
    )
    return [
        {
            "opened_on": _day(case.opened_at),
            "phase": _label(CasePhase, case.phase),
            "directing_municipality": case.directing_municipality.name,
            "zvh": case.zvh.name,
            "informing": _label(InformingStatus, case.informing_status),
            "informed_on": case.informed_on,
            "informed_by": case.informed_by.name if case.informed_by else "",
            "informing_note": case.informing_note or "",
            "closed_on": _day(case.closed_at),
            "closure_reason": _label(ClosureReason, case.closure_reason)
            if case.closure_reason
            else "",
            "closure_note": case.closure_note or "",
            "participations": [
                {
                    "organisation": p.organisation.name,
                    "kind": _label(ParticipationKind, p.kind),
                    "starts_on": p.starts_on,
                    "ends_on": p.ends_on,
                }
                for p in case.participations.all()
            ],
            "action_plan_versions": _plan_versions(case),
            "interventions": _interventions(case, withheld),
            "agenda_items": _agenda_items(case),
            "disclosures": _disclosures(case, withheld),
        }
        for case in cases
    ]
