"""Who a subject is: the main identity chosen per field from their signals, and the aliases.

A ``Subject`` holds no identifiers of its own: per field (given names, surname, birth, sex,
BSN) its main identity is the value of the signal the lead chose (``main_identity``; default
the most complete); every other registered value is an alias. The address is the latest
signal's. Call ``identity_of`` only after an access check, and log the read in the same step
(the weighing and case fetchers do both).
"""

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date

from schakel.audit import services as audit
from schakel.intake.choices import IdentityField
from schakel.intake.display import signal_born_text
from schakel.intake.log_subjects import related
from schakel.intake.main_identity import Alias, aliases, main_signals
from schakel.intake.models import OnlineAccount, RelatedPerson, Signal, Subject, mask_bsn
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
    born: str = ""
    aliases: list[Alias] = field(default_factory=list)
    online_accounts: list[str] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)

    def for_organisation(self, organisation: Organisation) -> "SubjectIdentity":
        """What this organisation may see: not even the masked BSN without ``may_process_bsn``
        (nor a BSN among the aliases)."""
        if organisation.may_process_bsn:
            return self
        return replace(
            self,
            bsn_masked="",
            aliases=[a for a in self.aliases if a.field != IdentityField.BSN],
        )

    @property
    def log_subjects(self) -> list[audit.Subject]:
        return [person.log_subject for person in self.related_persons]


IDENTITY_FIELDS = (
    "id", "created_at", "given_names", "surname_prefix", "surname", "date_of_birth",
    "birth_year", "age_estimate", "observed_on", "sex", "bsn", "address", "subject_id",
    "person_data_deleted_at",
)  # fmt: skip
UNKNOWN = SubjectIdentity("", "", "", None, "", "", "")


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def identity_of(
    subject: Subject | None, *, only: Collection[uuid.UUID] | None = None
) -> SubjectIdentity:
    """The subject's main identity and aliases from its signals with person data, with the
    persons in the direct environment from all its signals; ``UNKNOWN`` when none is left.
    ``only``: consider these signals alone (an access export that withholds others)."""
    if subject is None:
        return UNKNOWN
    rows = Signal.objects.filter(subject=subject, person_data_deleted_at__isnull=True)
    if only is not None:
        rows = rows.filter(pk__in=list(only))
    signals = list(rows.only(*IDENTITY_FIELDS).order_by("-created_at"))
    if not signals:
        return UNKNOWN
    main = main_signals(subject, signals)
    names = main.get(IdentityField.SURNAME, signals[0])
    given = main.get(IdentityField.GIVEN_NAMES, signals[0])
    birth = main.get(IdentityField.BIRTH, signals[0])
    relatives = RelatedPerson.objects.filter(signal__in=signals).order_by("created_at")
    accounts = OnlineAccount.objects.filter(signal__in=signals).order_by("created_at")
    return SubjectIdentity(
        given_names=given.given_names or "",
        surname_prefix=names.surname_prefix or "",
        surname=names.surname or "",
        date_of_birth=_as_date(birth.date_of_birth),
        sex=main.get(IdentityField.SEX, signals[0]).sex or "",
        bsn_masked=mask_bsn(main.get(IdentityField.BSN, signals[0]).bsn),
        address=signals[0].address or "",
        related_persons=[
            RelatedPersonView(
                relation=str(r.relation),
                name=str(r.name),
                date_of_birth=_as_date(r.date_of_birth),
                log_subject=related(r),
            )
            for r in relatives
        ],
        born=signal_born_text(birth)
        if (birth.date_of_birth or birth.birth_year or birth.age_estimate)
        else "",
        aliases=aliases(signals, main),
        online_accounts=list(dict.fromkeys(f"{a.platform}: {a.handle}" for a in accounts)),
    )
