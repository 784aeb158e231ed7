"""Where a data-subject request starts: the cases and signals within the acting membership's
reach, the origin (a case or signal) a request is registered on, found by id or reference, and
the identity of its person. Anything out of reach is a 404, the same as what does not exist.
"""

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from django.db.models import (
    Q,
    QuerySet,
)
from django.http import Http404

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.cases.access import cases_visible_to
from schakel.cases.models import Case
from schakel.core.references import normalise
from schakel.intake.identity import SubjectIdentity, identity_of
from schakel.intake.models import Signal, Subject, mask_bsn
from schakel.intake.selectors import signals_visible_to
from schakel.network.choices import OrganisationKind
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.requests.rules import (
    Origin,
)

# Where a registration may start ----------------------------------------------------------------


def _is_municipal_officer(membership: Membership) -> bool:
    return (
        membership.role == Role.PRIVACY_OFFICER
        and membership.organisation.kind == OrganisationKind.MUNICIPALITY
    )


def cases_in_reach(*, membership: Membership | None) -> QuerySet[Case]:
    """Cases a registration may start from: the cases the membership sees, and for a
    municipality's privacy officer the cases its municipality directs."""
    if membership is None:
        return Case.objects.none()
    visible = cases_visible_to(membership=membership)
    if _is_municipal_officer(membership):
        return Case.objects.filter(
            Q(pk__in=visible.values("pk")) | Q(directing_municipality_id=membership.organisation_id)
        )
    return visible


def signals_in_reach(*, membership: Membership | None) -> QuerySet[Signal]:
    """Signals a registration may start from: the signals the membership sees, and for a
    privacy officer those registered by or directed to its organisation."""
    if membership is None:
        return Signal.objects.none()
    visible = signals_visible_to(membership=membership)
    if membership.role == Role.PRIVACY_OFFICER:
        org = membership.organisation_id
        return Signal.objects.filter(
            Q(pk__in=visible.values("pk"))
            | Q(registering_organisation_id=org)
            | Q(directing_municipality_id=org)
        )
    return visible


def origin_for(
    *,
    membership: Membership | None,
    case_pk: uuid.UUID | None = None,
    signal_pk: uuid.UUID | None = None,
) -> Origin:
    """The case or signal a registration starts from, if the membership can reach it (404)."""
    if case_pk is not None:
        case = (
            cases_in_reach(membership=membership)
            .select_related("directing_municipality", "subject")
            .filter(pk=case_pk)
            .first()
        )
        if case is not None:
            return Origin(case=case)
    elif signal_pk is not None:
        signal = (
            signals_in_reach(membership=membership)
            .select_related("directing_municipality")
            .filter(pk=signal_pk)
            .first()
        )
        if signal is not None:
            return Origin(signal=signal)
    raise Http404


def origin_by_reference(*, membership: Membership | None, reference: str) -> Origin | None:
    """A case (``CAS-2026-0042``) or signal (``SIG-2026-0042``) reference within reach; None
    when there is none."""
    code = normalise(reference)
    if code is None:
        return None
    rows: QuerySet[Any]
    if code.startswith("CAS-"):
        rows = cases_in_reach(membership=membership).filter(reference=code)
        found = list(rows.values_list("pk", flat=True)[:2])
        return origin_for(membership=membership, case_pk=found[0]) if len(found) == 1 else None
    if not code.startswith("SIG-"):
        return None
    rows = signals_in_reach(membership=membership).filter(reference=code)
    found = list(rows.values_list("pk", flat=True)[:2])
    return origin_for(membership=membership, signal_pk=found[0]) if len(found) == 1 else None


def origin_identity(*, membership: Membership, origin: Origin) -> SubjectIdentity:
    """Who the person of a registration is, to check it is the one asking; the read is logged
    (a signal not yet linked to others is logged under the signal, as at the meldpunt)."""
    if origin.subject_id is not None:
        identity = identity_of(Subject(pk=origin.subject_id))
        log_subject = audit.Subject(SubjectType.PERSON, str(origin.subject_id))
    elif origin.signal is not None:
        signal = origin.signal
        identity = SubjectIdentity(
            given_names=signal.given_names or "",
            surname_prefix=signal.surname_prefix or "",
            surname=signal.surname or "",
            date_of_birth=_as_date(signal.date_of_birth),
            sex=signal.sex or "",
            bsn_masked=mask_bsn(signal.bsn),
            address=signal.address or "",
        )
        log_subject = audit.Subject(SubjectType.PERSON, str(signal.pk))
    else:
        raise Http404
    audit.log_processing(
        activity=PrivacyActivity.SUBJECT_REQUEST,
        name="request_person_read",
        by=membership.user,
        subjects=[log_subject],
    )
    return replace(identity, related_persons=[]).for_organisation(membership.organisation)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None
