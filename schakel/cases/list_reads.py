"""Lists that show data about a person log it (issue 13, item 7).

A list row of an intervention shows more than a reference and dates: what kind of intervention
a person gets, from which organisation, in which life domain and how far it is. A page or API
answer that shows such rows writes one processing-log record per person shown (the person of
each row's case), in one write for the whole page (``audit.log_processing`` appends all of
them under one claim of the chain). Rows not shown (other pages, filtered out) are not logged;
an empty page writes nothing.
"""

from collections.abc import Iterable

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.cases.activities import CaseActivity
from schakel.cases.models import Intervention


def log_intervention_rows(
    *, membership: Membership | None, interventions: Iterable[Intervention], name: str
) -> None:
    """``interventions`` come from ``selectors.intervention_list_for`` (their case's subject is
    loaded with them)."""
    rows = list(interventions)
    if membership is None or not rows:
        return
    people = dict.fromkeys(str(row.plan.case.subject_id) for row in rows)
    audit.log_processing(
        activity=CaseActivity.ACTION_PLAN,
        name=name,
        by=membership.user,
        subjects=[audit.Subject(SubjectType.PERSON, person) for person in people],
        attributes={"rows": len(rows)},
    )
