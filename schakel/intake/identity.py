"""Who a subject is, as the most recent signal about them says.

A ``Subject`` holds no identifiers of its own: its identity is that of its latest signal that
still has person data. Call ``identity_of`` only after an access check, and log the read in the
same step (the weighing and case fetchers do both).
"""

from dataclasses import dataclass, field, replace
from datetime import date

from schakel.audit import services as audit
from schakel.intake.models import RelatedPerson, Signal, Subject, mask_bsn
from schakel.intake.services import related
from schakel.network.models import Organisation


@dataclass(frozen=True)
class RelatedPersonView:
    relation: str
    name: str
    date_of_birth: date | None
    log_subject: audit.Subject


@dataclass(frozen=True)
class SubjectIdentity:
    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date | None
    sex: str
    bsn_masked: str
    address: str
    related_persons: list[RelatedPersonView] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)

    def for_organisation(self, organisation: Organisation) -> "SubjectIdentity":
        """What this organisation may see: not even the masked BSN without ``may_process_bsn``."""
        return self if organisation.may_process_bsn else replace(self, bsn_masked="")

    @property
    def log_subjects(self) -> list[audit.Subject]:
        return [person.log_subject for person in self.related_persons]


IDENTITY_FIELDS = (
    "id", "created_at", "given_names", "surname_prefix", "surname", "date_of_birth",
    "sex", "bsn", "address", "subject_id", "person_data_deleted_at",
)  # fmt: skip
UNKNOWN = SubjectIdentity("", "", "", None, "", "", "")


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def identity_of(subject: Subject | None) -> SubjectIdentity:
    """The identity on the subject's latest signal with person data, with the persons in the
    direct environment from all its signals; ``UNKNOWN`` when none is left."""
    if subject is None:
        return UNKNOWN
    signals = list(
        Signal.objects.filter(subject=subject, person_data_deleted_at__isnull=True)
        .only(*IDENTITY_FIELDS)
        .order_by("-created_at")
    )
    if not signals:
        return UNKNOWN
    latest = signals[0]
    relatives = RelatedPerson.objects.filter(signal__in=signals).order_by("created_at")
    return SubjectIdentity(
        given_names=latest.given_names or "",
        surname_prefix=latest.surname_prefix or "",
        surname=latest.surname or "",
        date_of_birth=_as_date(latest.date_of_birth),
        sex=latest.sex or "",
        bsn_masked=mask_bsn(latest.bsn),
        address=latest.address or "",
        related_persons=[
            RelatedPersonView(
                relation=str(r.relation),
                name=str(r.name),
                date_of_birth=_as_date(r.date_of_birth),
                log_subject=related(r),
            )
            for r in relatives
        ],
    )
