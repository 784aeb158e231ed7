"""A processing log with records of several organisations, activities and subjects.

Shared by the log search, export and API tests (this module holds no tests itself).
"""

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from schakel.accounts.activities import AccountActivity
from schakel.accounts.models import User
from schakel.audit.choices import StatusCode, SubjectType
from schakel.audit.formats import LOGBOEK_SCHEMA_PATH
from schakel.audit.models import LogRecord
from schakel.audit.services import AttributeValue, Subject, log_processing
from schakel.cases.activities import CaseActivity
from schakel.core import context
from schakel.intake.activities import IntakeActivity
from schakel.network.models import Organisation
from schakel.weighing.activities import WeighingActivity

SCHEMA = json.loads(LOGBOEK_SCHEMA_PATH.read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)

PERSON_1 = Subject(SubjectType.PERSON, "person-1")
RELATED_1 = Subject(SubjectType.RELATED_PERSON, "related-1")
PERSON_2 = Subject(SubjectType.PERSON, "person-2")
PERSON_3 = Subject(SubjectType.PERSON, "person-3")


def write(
    *,
    by: User | None,
    organisation: Organisation | None,
    role: str = "",
    activity: str,
    name: str,
    subjects: Sequence[Subject] = (),
    trace: context.RequestContext | None = None,
    status: StatusCode = StatusCode.OK,
    result: str = "ok",
    started_at: dt.datetime | None = None,
    attributes: dict[str, AttributeValue] | None = None,
) -> list[LogRecord]:
    """Records as a request of that user in that organisation (or the system) writes them."""
    ctx = trace or context.RequestContext(
        trace_id=context.new_trace_id(), span_id=context.new_span_id(), origin="192.0.2.7"
    )
    if organisation is not None:
        ctx = context.RequestContext(
            trace_id=ctx.trace_id,
            span_id=ctx.span_id,
            origin=ctx.origin,
            organisation_id=str(organisation.pk),
            role=role,
        )
    with context.activated(ctx), transaction.atomic():
        return log_processing(
            activity=activity,
            name=name,
            by=by,
            subjects=subjects,
            status=status,
            result=result,
            started_at=started_at,
            attributes=attributes,
        )


@dataclass
class SeededLog:
    shared_trace: context.RequestContext
    own: list[LogRecord]  # by staff of Gemeente Aldermeer, in the default period
    system: list[LogRecord]
    police: list[LogRecord]
    brookdam: list[LogRecord]
    old: list[LogRecord]  # Aldermeer, 60 days ago
    unaffiliated: list[LogRecord]  # an Aldermeer user acting in no organisation (signing in)


def seed_log(personas: Any) -> SeededLog:
    a = personas.municipality_a
    lead = "municipal_lead"
    shared = context.RequestContext(
        trace_id=context.new_trace_id(), span_id=context.new_span_id(), origin="192.0.2.8"
    )
    own = [
        *write(
            by=personas.lead_a,
            organisation=a,
            role=lead,
            activity=WeighingActivity.WEIGHING,
            name="weighing_item_read",
            subjects=[PERSON_1],
        ),
        # One request, two actions, three subjects: one trace, spans under one parent.
        *write(
            by=personas.lead_a,
            organisation=a,
            role=lead,
            activity=CaseActivity.CASE_CONSULTATION,
            name="case_read",
            subjects=[PERSON_1, RELATED_1],
            trace=shared,
            attributes={"items": 2, "confidential": True, "kind": "structural"},
        ),
        *write(
            by=personas.lead_a,
            organisation=a,
            role=lead,
            activity=CaseActivity.CASE_CONSULTATION,
            name="agenda_item_read",
            subjects=[PERSON_2],
            trace=shared,
        ),
        *write(
            by=personas.colleague_a,
            organisation=a,
            role=lead,
            activity=IntakeActivity.ONLINE_RESEARCH,
            name="online_research_read",
            subjects=[PERSON_2],
            status=StatusCode.ERROR,
            result="denied",
        ),
        *write(
            by=personas.colleague_a,
            organisation=a,
            role=lead,
            activity=CaseActivity.CASE_CONSULTATION,
            name="meeting_list_read",
        ),
        *write(
            by=personas.admin_a,
            organisation=a,
            role="functional_admin",
            activity=AccountActivity.ACCOUNT_ADMINISTRATION,
            name="account.user.update",
            subjects=[Subject(SubjectType.EMPLOYEE, str(personas.colleague_a.pk))],
            attributes={"fields": "function_title"},
        ),
    ]
    system = write(
        by=None,
        organisation=None,
        activity=IntakeActivity.SIGNAL_REGISTRATION,
        name="signal_expire",
        subjects=[PERSON_3],
        attributes={"policy": "signal_expiry"},
    )
    police = write(
        by=personas.police_member,
        organisation=personas.police,
        role="partner_member",
        activity=CaseActivity.CASE_CONSULTATION,
        name="police_only_read",
        subjects=[PERSON_1],
    )
    brookdam = write(
        by=personas.lead_b,
        organisation=personas.municipality_b,
        role=lead,
        activity=WeighingActivity.WEIGHING,
        name="brookdam_only_read",
        subjects=[PERSON_2],
    )
    old = write(
        by=personas.lead_a,
        organisation=a,
        role=lead,
        activity=WeighingActivity.WEIGHING,
        name="old_weighing_read",
        subjects=[PERSON_1],
        started_at=timezone.now() - dt.timedelta(days=60),
    )
    unaffiliated = write(
        by=personas.lead_a,
        organisation=None,
        activity=AccountActivity.ACCOUNT_ADMINISTRATION,
        name="unaffiliated_sign_in",
        subjects=[Subject(SubjectType.EMPLOYEE, str(personas.lead_a.pk))],
    )
    return SeededLog(shared, own, system, police, brookdam, old, unaffiliated)


def people_texts(personas: Any) -> list[str]:
    """Every name and e-mail address of the personas: none may appear in an export."""
    users = [value for value in vars(personas).values() if isinstance(value, User)]
    return [text for user in users for text in (user.full_name, user.email) if text]
