"""The access export (inzage-export, AVG art. 15): everything Schakel holds about the person of
a request, and the list of processing from the processing log.

What it holds, per section: identity (the person fields of every signal), signals, weighings,
cases (participations, action-plan versions, interventions, agenda items and decisions,
disclosures), online research linked to the person's signals, the person's own requests, and
the processing list: what, when, which organisation, on what basis.

What it leaves out:
- staff by name: staff appear as "function – organisation (mailbox)" (``staff_display``);
- internal system fields: no ids, hashes, pseudonyms, trace or span ids, origins;
- other persons: persons in the direct environment, the reporter's contact details, and log
  records whose subject is someone else (only the person's own pseudonyms are looked up);
- parts an organisation objected to disclosing, unless the contact point granted the request in
  full: they are listed as "deels niet verstrekt op grond van …" (``withheld``).

``collect`` builds plain data (dicts and lists of text and dates) that the JSON and the PDF
both render; it reads, the caller logs.
"""

import uuid
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.core.extensions import ACCESS_EXPORT_SECTIONS, contributions
from schakel.intake.choices import (
    DataCategory,
    ReportedBy,
    ResearchLegalBasis,
    ResearchOutcome,
    Sex,
    SignalStatus,
    SourceDomain,
    Urgency,
)
from schakel.intake.display import signal_born_text
from schakel.intake.identity import identity_of
from schakel.intake.models import OnlineResearchEntry, Signal, Subject
from schakel.intake.research_matching import research_naming
from schakel.privacy.choices import (
    RequestDecision,
    RequestKind,
    RequestRestriction,
    RequestStatus,
)
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests.access_export_cases import _cases
from schakel.privacy.requests.access_export_processing import processing_rows, pseudonyms_of
from schakel.privacy.requests.access_export_values import Data, _as_date, _day, _label
from schakel.weighing.choices import WeighingOutcome
from schakel.weighing.models import WeighingItem

# Withheld parts --------------------------------------------------------------------------------


def _withheld(request: SubjectRequest) -> dict[uuid.UUID, Data]:
    """Organisations whose objection holds: every objecting contribution, unless the contact
    point granted the request in full."""
    if request.decision == RequestDecision.GRANTED:
        return {}
    if request.restriction:
        ground = _label(RequestRestriction, request.restriction)
    else:
        ground = _("bezwaar van de organisatie tegen verstrekking (art. 23 AVG)")
    return {
        c.organisation_id: {
            "organisation": c.organisation.name,
            "ground": ground,
            "statement": _("Deels niet verstrekt op grond van: %(ground)s.") % {"ground": ground},
        }
        for c in request.contributions.filter(objects_to_disclosure=True).select_related(
            "organisation"
        )
    }


# Sections --------------------------------------------------------------------------------------


def _identities(signals: Iterable[Signal], *, with_bsn: bool) -> list[Data]:
    rows = []
    for signal in signals:
        if not signal.has_person_data:
            continue
        rows.append(
            {
                "recorded_on": _day(signal.created_at),
                "recorded_by": signal.registering_organisation.name,
                "given_names": signal.given_names or "",
                "surname_prefix": signal.surname_prefix or "",
                "surname": signal.surname or "",
                "date_of_birth": _as_date(signal.date_of_birth),
                "born": signal_born_text(signal),
                "sex": _label(Sex, signal.sex) if signal.sex else "",
                "bsn": (signal.bsn or "") if with_bsn else "",
                "address": signal.address or "",
            }
        )
    return rows


def _main_identity(subject_id: uuid.UUID, shown: list[Signal], with_bsn: bool) -> Data:
    """The person's main identity (per field, the value chosen) and the other values, from the
    signals shown only: a withheld organisation's values stay out, also as a main value."""
    identity = identity_of(Subject(pk=subject_id), only=[s.pk for s in shown])
    return {
        "given_names": identity.given_names,
        "surname_prefix": identity.surname_prefix,
        "surname": identity.surname,
        "born": identity.born,
        "sex": _label(Sex, identity.sex) if identity.sex else "",
        "online_accounts": identity.online_accounts,
        "also_registered_as": [
            f"{alias.label}: {alias.text}"
            for alias in identity.aliases
            if with_bsn or alias.field != "bsn"
        ],
    }


def _signals(signals: Iterable[Signal]) -> list[Data]:
    return [
        {
            "registered_on": _day(s.created_at),
            "observed_on": s.observed_on,
            "registering_organisation": s.registering_organisation.name,
            "municipality_of_residence": s.directing_municipality.name,
            "reported_by": _label(ReportedBy, s.reported_by),
            "source_domain": _label(SourceDomain, s.source_domain),
            "phenomenon": s.phenomenon.name,
            "urgency": _label(Urgency, s.urgency),
            "status": _label(SignalStatus, s.status),
            "observation": s.observation or "",
            "observation_category": _label(DataCategory, s.observation_category),
            "online_platform": s.online_platform or "",
            "online_content": s.online_content or "",
            "handling_note": s.handling_note or "",
            "person_data_deleted_on": _day(s.person_data_deleted_at),
        }
        for s in signals
    ]


def _weighings(subject_id: uuid.UUID) -> list[Data]:
    items = (
        WeighingItem.objects.filter(subject_id=subject_id)
        .select_related("session", "directing_municipality")
        .prefetch_related("criteria__criterion")
        .order_by("session__held_at")
    )
    return [
        {
            "weighed_on": _day(item.session.held_at),
            "municipality": item.directing_municipality.name,
            "outcome": _label(WeighingOutcome, item.outcome) if item.outcome else "",
            "decided_on": _day(item.decided_at),
            "justification": item.justification or "",
            "follow_up_on": item.follow_up_on,
            "criteria": [
                {"criterion": c.criterion.name, "note": c.note or ""} for c in item.criteria.all()
            ],
        }
        for item in items
    ]


def _online_research(signal_ids: list[uuid.UUID], named: list[OnlineResearchEntry]) -> list[Data]:
    """Research linked to the person's signals, and research that names the person."""
    linked = list(
        OnlineResearchEntry.objects.filter(signal_id__in=signal_ids)
        .select_related("municipality")
        .order_by("created_at")
    )
    entries = sorted(linked + named, key=lambda e: e.created_at)
    return [
        {
            "recorded_on": _day(e.created_at),
            "municipality": e.municipality.name,
            "legal_basis": _label(ResearchLegalBasis, e.legal_basis),
            "purpose": e.purpose or "",
            "occasion": e.occasion or "",
            "sources_consulted": e.sources_consulted or "",
            "outcome": _label(ResearchOutcome, e.outcome) if e.outcome else "",
            "findings": e.outcome_summary or "",
            "completed_on": _day(e.completed_at),
        }
        for e in entries
    ]


def _requests(subject_id: uuid.UUID) -> list[Data]:
    rows = (
        SubjectRequest.objects.filter(subject_id=subject_id)
        .select_related("contact_point")
        .order_by("received_on", "created_at")
    )
    return [
        {
            "reference": r.reference,
            "kind": _label(RequestKind, r.kind),
            "received_on": r.received_on,
            "due_on": r.due_on,
            "contact_point": r.contact_point.name,
            "status": _label(RequestStatus, r.status),
            "decision": _label(RequestDecision, r.decision) if r.decision else "",
            "decided_on": r.decided_on,
        }
        for r in rows
    ]


# The whole export ------------------------------------------------------------------------------


def collect(request: SubjectRequest) -> Data:
    """Everything Schakel holds about the request's person, as plain data."""
    subject_id = request.subject_id
    withheld = _withheld(request)
    signals = list(
        Signal.objects.filter(subject_id=subject_id)
        .select_related("registering_organisation", "directing_municipality", "phenomenon")
        .order_by("created_at")
    )
    shown = [s for s in signals if s.registering_organisation_id not in withheld]
    named = [e for e in research_naming(shown) if e.municipality_id not in withheld]
    return {
        "request": {
            "reference": request.reference,
            "kind": _label(RequestKind, request.kind),
            "received_on": request.received_on,
            "contact_point": request.contact_point.name,
            "produced_on": timezone.localdate(),
        },
        "identity": _identities(shown, with_bsn=request.contact_point.may_process_bsn),
        "signals": _signals(shown),
        "weighings": _weighings(subject_id),
        "cases": _cases(subject_id, withheld),
        "main_identity": _main_identity(subject_id, shown, request.contact_point.may_process_bsn),
        "online_research": _online_research([s.pk for s in signals], named),
        "requests": _requests(subject_id),
        "processing": processing_rows(
            pseudonyms_of(subject_id, [s.pk for s in signals], named), withheld
        ),
        "withheld": list(withheld.values()),
        **_other_sections(subject_id, set(withheld)),
    }


def _other_sections(subject_id: uuid.UUID, withheld: set[uuid.UUID]) -> Data:
    """What other apps hold about the person (``ACCESS_EXPORT_SECTIONS``); absent when none."""
    sections = [
        {
            "key": section.key,
            "title": str(section.title),
            "columns": list(section.columns),
            "rows": rows,
        }
        for section in contributions(ACCESS_EXPORT_SECTIONS)
        if (rows := section.collect(subject_id=subject_id, withheld=withheld))
    ]
    return {"other_sections": sections} if sections else {}
