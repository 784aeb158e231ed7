"""The processing log's data subjects at the meldpunt (pseudonymised by the log itself)."""

from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.intake.models import RelatedPerson, Signal


def person(signal: Signal) -> audit.Subject:
    """The log's data subject for a signal's person: the signal id, logged as a pseudonym."""
    return audit.Subject(SubjectType.PERSON, str(signal.pk))


def related(related_person: RelatedPerson) -> audit.Subject:
    return audit.Subject(SubjectType.RELATED_PERSON, str(related_person.pk))
