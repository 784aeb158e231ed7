"""The processing log's data subjects at the meldpunt (pseudonymised by the log itself)."""

from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.intake.models import OnlineResearchEntry, RelatedPerson, Signal


def person(signal: Signal) -> audit.Subject:
    """The log's data subject for a signal's person: the signal id, logged as a pseudonym."""
    return audit.Subject(SubjectType.PERSON, str(signal.pk))


def related(related_person: RelatedPerson) -> audit.Subject:
    return audit.Subject(SubjectType.RELATED_PERSON, str(related_person.pk))


def researched(entry: OnlineResearchEntry) -> audit.Subject:
    """The person an online research entry names without a signal: logged under a pseudonym
    of the entry, which the access export looks up when the entry matches the person."""
    return audit.Subject(SubjectType.PERSON, f"research:{entry.pk}")


def research_subjects(entry: OnlineResearchEntry) -> list[audit.Subject]:
    """The person an entry is about: the signal's person, or the person the entry names."""
    if entry.signal is not None:
        return [person(entry.signal)]
    if entry.names_a_person:
        return [researched(entry)]
    return []
