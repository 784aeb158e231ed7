"""The register of processing activities (AVG art. 30) as a download: CSV and PDF.

Each activity with its purpose, its legal bases (the catalogue's bases linked to it and the
register's own text), data categories, data subjects, recipients, retention (the register's text
and the current retention terms that apply to it) and controller. The register holds no personal
data; a download is not logged.

CSV: UTF-8 with a byte-order mark and ``;`` between cells, which Dutch Excel opens without an
import wizard. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with ``'`` so a spreadsheet never runs it as a formula (CSV injection).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.audit.models import ProcessingActivity
from schakel.cases.activities import CaseActivity
from schakel.intake.activities import IntakeActivity
from schakel.legal.choices import RetentionKind
from schakel.legal.models import LegalBasis, RetentionPolicy
from schakel.privacy.activities import PrivacyActivity
from schakel.weighing.activities import WeighingActivity

CSV_SEPARATOR = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Several values in one cell (e.g. more legal bases) are joined with this.
VALUE_JOINER = " | "

# Which retention policies govern the data of an activity (where one maps).
RETENTION_KINDS: dict[str, tuple[RetentionKind, ...]] = {
    IntakeActivity.SIGNAL_REGISTRATION: (RetentionKind.SIGNAL_NOT_WEIGHED,),
    IntakeActivity.CONVERGENCE_REVIEW: (RetentionKind.SIGNAL_NOT_WEIGHED,),
    WeighingActivity.WEIGHING: (RetentionKind.WEIGHED_NOT_INCLUDED,),
    CaseActivity.CASE_CONSULTATION: (RetentionKind.CLOSED_CASE,),
    CaseActivity.ACTION_PLAN: (RetentionKind.CLOSED_CASE,),
    CaseActivity.MONITORING: (RetentionKind.CLOSED_CASE,),
    PrivacyActivity.SUBJECT_REQUEST: (RetentionKind.SUBJECT_REQUEST,),
    IntakeActivity.ONLINE_RESEARCH: (RetentionKind.ONLINE_RESEARCH,),
    PrivacyActivity.SUPERVISION: (RetentionKind.CLOSED_CASE, RetentionKind.PROCESSING_LOG),
}


def csv_cell(value: object) -> str:
    """The text of one cell, defused when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_document(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file as Dutch Excel opens it: UTF-8 with BOM, ``;``, CRLF, every cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class RetentionTerm:
    kind: str
    label: str
    term_months: int

    @property
    def text(self) -> str:
        return _("%(kind)s: %(months)s maanden") % {"kind": self.label, "months": self.term_months}


@dataclass(frozen=True)
class RegisterEntry:
    key: str
    name: str
    name_en: str
    purpose: str
    legal_basis_text: str
    legal_bases: list[LegalBasis]
    data_categories: str
    data_subjects: str
    recipients: str
    retention_text: str
    retention_terms: list[RetentionTerm]
    controller: str

    @property
    def legal_basis_lines(self) -> list[str]:
        return [f"{basis.name} ({basis.citation})" for basis in self.legal_bases]


def retention_terms() -> dict[str, RetentionTerm]:
    return {
        policy.kind: RetentionTerm(policy.kind, policy.get_kind_display(), policy.term_months)
        for policy in RetentionPolicy.objects.all()
    }


def register_entries() -> list[RegisterEntry]:
    """Every activity of the register, in name order, with its active linked legal bases and
    current retention terms (three queries)."""
    bases = LegalBasis.objects.filter(is_active=True).order_by("position", "name")
    activities = ProcessingActivity.objects.order_by("name").prefetch_related(
        Prefetch("legal_bases", queryset=bases, to_attr="active_bases")
    )
    terms = retention_terms()
    return [
        RegisterEntry(
            key=activity.key,
            name=activity.name,
            name_en=activity.name_en,
            purpose=activity.purpose,
            legal_basis_text=activity.legal_basis,
            legal_bases=list(getattr(activity, "active_bases", [])),
            data_categories=activity.data_categories,
            data_subjects=activity.data_subject_categories,
            recipients=activity.recipients,
            retention_text=activity.retention,
            retention_terms=[
                terms[kind] for kind in RETENTION_KINDS.get(activity.key, ()) if kind in terms
            ],
            controller=activity.controller,
        )
        for activity in activities
    ]


def register_csv(entries: list[RegisterEntry]) -> bytes:
    header = [
        _("Sleutel"),
        _("Verwerkingsactiviteit"),
        _("Naam (Engels)"),
        _("Doel"),
        _("Grondslagen uit de catalogus"),
        _("Grondslag (toelichting)"),
        _("Categorieën persoonsgegevens"),
        _("Categorieën betrokkenen"),
        _("Ontvangers"),
        _("Bewaartermijn"),
        _("Geldende bewaartermijnen"),
        _("Verwerkingsverantwoordelijke"),
    ]
    rows = [
        [
            entry.key,
            entry.name,
            entry.name_en,
            entry.purpose,
            VALUE_JOINER.join(entry.legal_basis_lines),
            entry.legal_basis_text,
            entry.data_categories,
            entry.data_subjects,
            entry.recipients,
            entry.retention_text,
            VALUE_JOINER.join(term.text for term in entry.retention_terms),
            entry.controller,
        ]
        for entry in entries
    ]
    return csv_document(header, rows)


def register_pdf(entries: list[RegisterEntry], *, generated_at: datetime | None = None) -> bytes:
    from schakel.core.pdf import render_pdf

    context = {
        "title": _("Verwerkingsregister"),
        "generated_at": generated_at or timezone.now(),
        "entries": entries,
    }
    return render_pdf("privacy/catalogue/pdf/register.html", context)


def export_filename(extension: str, *, today: str | None = None) -> str:
    day = today or timezone.localdate().isoformat()
    return f"verwerkingsregister-{day}.{extension}"
