"""Documents that leave the platform: the minutes of a consultation and a version of the
integrated action plan, rendered from HTML templates to PDF with WeasyPrint.

- What a document holds is what the downloading membership may see: a partner's minutes hold
  only the agenda items it sees, and of those only the disclosures visible to it.
- Staff appear only through ``staff_display`` (function – organisation (mailbox)), never by
  name or personal e-mail address.
- Every page is marked confidential and numbered ("Pagina X van Y").
- Rendering (``schakel.core.pdf``) fetches nothing but the print stylesheet; a refused or
  failed fetch stops the rendering, so a document is never produced without its marking.
- A download writes its processing-log record after the PDF is rendered and before the bytes
  are handed over; when the record cannot be written the exception propagates and nothing is
  returned (fail closed).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.access import cases_visible_to
from schakel.cases.activities import CaseActivity
from schakel.cases.models import AgendaItem, ConsultationMeeting, Disclosure
from schakel.cases.selectors import (
    disclosures_visible_for,
    meeting_attendances_for,
    meeting_items_for,
)
from schakel.cases.services import subject_of
from schakel.core.pdf import render_pdf
from schakel.intake.choices import DataCategory
from schakel.intake.identity import SubjectIdentity, identity_of


@dataclass(frozen=True)
class Download:
    filename: str
    content: bytes


def _label(choices: Any, value: object) -> str:
    """The label of a stored choice; an unknown value is shown as it is."""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _person(identity: SubjectIdentity) -> str:
    return identity.full_name or _("Onbekend (persoonsgegevens verwijderd)")


def _aliases(identity: SubjectIdentity) -> list[str]:
    """The other registered values, as "label: value" (no BSN: documents leave Schakel)."""
    return [f"{a.label}: {a.text}" for a in identity.aliases if a.field != "bsn"]


def _unique(subjects: list[audit.Subject]) -> list[audit.Subject]:
    return list(dict.fromkeys(subjects))


# Minutes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisclosureLine:
    reference: str
    made_at: datetime
    categories: list[str]
    legal_basis: str
    citation: str
    content: str
    purpose: str
    necessity_note: str
    from_organisation: str
    to_organisations: list[str]
    made_by: str
    corrects: str
    content_deleted: bool


@dataclass(frozen=True)
class DecisionLine:
    text: str
    category: str
    recorded_at: datetime


@dataclass(frozen=True)
class MinutesItem:
    number: int
    case_reference: str
    person: str
    date_of_birth: date | None
    disclosures: list[DisclosureLine]
    decisions: list[DecisionLine]
    born: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AttendanceLine:
    staff: str
    organisation: str
    present: bool | None


@dataclass(frozen=True)
class Minutes:
    meeting: ConsultationMeeting
    chair: str
    minute_taker: str
    attendance: list[AttendanceLine]
    items: list[MinutesItem]
    complete: bool
    subjects: list[audit.Subject]
    generated_at: datetime

    @property
    def title(self) -> str:
        return _("Notulen casusoverleg %(reference)s") % {"reference": self.meeting.reference}


def _disclosure_line(disclosure: Disclosure) -> DisclosureLine:
    deleted = disclosure.content_deleted_at is not None
    return DisclosureLine(
        reference=str(disclosure),
        made_at=disclosure.created_at,
        categories=[_label(DataCategory, c) for c in disclosure.data_categories],
        legal_basis=disclosure.legal_basis.name,
        citation=disclosure.legal_basis.citation,
        content="" if deleted else disclosure.content or "",
        purpose="" if deleted else disclosure.purpose or "",
        necessity_note="" if deleted else disclosure.necessity_note or "",
        from_organisation=disclosure.from_organisation.name,
        to_organisations=sorted(org.name for org in disclosure.recipients.all()),
        made_by=staff_display(disclosure.disclosed_by, disclosure.from_organisation),
        corrects=str(disclosure.corrects) if disclosure.corrects_id else "",
        content_deleted=deleted,
    )


def _visible_items(membership: Membership, meeting: ConsultationMeeting) -> list[AgendaItem]:
    """The items this membership sees (``meeting_items_for``), loaded with what the minutes
    need."""
    visible = meeting_items_for(membership=membership, meeting=meeting).values("pk")
    return list(
        AgendaItem.objects.filter(pk__in=visible)
        .select_related("meeting", "case__subject")
        .prefetch_related("decisions")
        .order_by("position", "created_at")
    )


def minutes_for(*, membership: Membership, meeting: ConsultationMeeting) -> Minutes:
    """What the minutes hold for this membership. ``meeting`` comes from ``meeting_get_for``;
    the caller logs the read (``minutes_download``)."""
    items = _visible_items(membership, meeting)
    fully_visible = set(
        cases_visible_to(membership=membership)
        .filter(pk__in=[item.case_id for item in items])
        .values_list("pk", flat=True)
    )
    lines = []
    for number, item in enumerate(items, start=1):
        identity = identity_of(item.case.subject)
        disclosures = disclosures_visible_for(
            membership=membership, item=item, full_access=item.case_id in fully_visible
        )
        lines.append(
            MinutesItem(
                number=number,
                case_reference=item.case.reference,
                person=_person(identity),
                date_of_birth=identity.date_of_birth,
                born=identity.born,
                aliases=_aliases(identity),
                disclosures=[_disclosure_line(d) for d in disclosures],
                decisions=[
                    DecisionLine(
                        text=d.text,
                        category=_label(DataCategory, d.text_category),
                        recorded_at=d.created_at,
                    )
                    for d in item.decisions.all()
                ],
            )
        )
    attendances = meeting_attendances_for(membership=membership, meeting=meeting)
    return Minutes(
        meeting=meeting,
        chair=staff_display(meeting.chair, meeting.zvh),
        minute_taker=(
            staff_display(meeting.minute_taker, meeting.zvh) if meeting.minute_taker else ""
        ),
        attendance=[
            AttendanceLine(
                staff=staff_display(a.user, a.organisation),
                organisation=a.organisation.name,
                present=a.present,
            )
            for a in attendances
        ],
        items=lines,
        # Complete: every item of the agenda, each with all its disclosures (who steers it).
        complete=len(items) == meeting.agenda_items.count()
        and all(permissions.steers_case(membership, item.case) for item in items),
        subjects=_unique([subject_of(item.case) for item in items]),
        generated_at=timezone.now(),
    )


def minutes_pdf(minutes: Minutes) -> bytes:
    return render_pdf(
        "cases/pdf/minutes.html",
        {"minutes": minutes, "title": minutes.title, "generated_at": minutes.generated_at},
    )


def minutes_download(*, membership: Membership, meeting: ConsultationMeeting) -> Download:
    """The minutes as this membership may see them, logged as downloaded (one record per
    person on its items) before the bytes are returned."""
    minutes = minutes_for(membership=membership, meeting=meeting)
    content = minutes_pdf(minutes)
    with transaction.atomic():
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="minutes_pdf_downloaded",
            by=membership.user,
            subjects=minutes.subjects,
            attributes={"meeting": meeting.reference, "items": len(minutes.items)},
        )
    return Download(filename=f"notulen-{meeting.reference}.pdf", content=content)
