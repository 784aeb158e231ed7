"""The register of processing activities as CSV and PDF, for privacy officers and functional
admins; the CSV opens in Dutch Excel and never runs a formula."""

import csv
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from schakel.audit.models import ProcessingActivity
from schakel.legal.models import LegalBasis, RetentionPolicy
from schakel.privacy.desk.register_export import csv_cell, csv_document

pytestmark = pytest.mark.django_db

CSV = reverse("privacy:desk_register_csv")
PDF = reverse("privacy:desk_register_pdf")


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("Gewone tekst = veilig", "Gewone tekst = veilig"),
        (None, ""),
        (12, "12"),
    ],
)
def test_a_cell_that_could_be_a_formula_is_defused(value, expected) -> None:
    assert csv_cell(value) == expected


def test_a_csv_document_has_a_bom_semicolons_and_crlf() -> None:
    content = csv_document(["a", "b"], [["x;y", 'zeg "hoi"']])

    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig") == 'a;b\r\n"x;y";"zeg ""hoi"""\r\n'


def test_the_register_downloads_as_csv_with_every_activity(personas, signed_in) -> None:
    ProcessingActivity.objects.filter(key="statistics").update(purpose='=HYPERLINK("x")')

    response = signed_in(personas.privacy_officer_a).get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="verwerkingsregister-')
    assert response["Cache-Control"] == "no-store"
    rows = csv_rows(response.content)
    header, lines = rows[0], {row[0]: row for row in rows[1:]}
    assert header[:4] == ["Sleutel", "Verwerkingsactiviteit", "Naam (Engels)", "Doel"]
    assert set(lines) == set(ProcessingActivity.objects.values_list("key", flat=True))
    consultation = dict(zip(header, lines["case_consultation"], strict=True))
    wet_pga = LegalBasis.objects.get(code="wet-pga")
    assert f"{wet_pga.name} ({wet_pga.citation})" in consultation["Grondslagen uit de catalogus"]
    closed = RetentionPolicy.objects.get(kind="closed_case")
    assert consultation["Geldende bewaartermijnen"] == (
        f"{closed.get_kind_display()}: {closed.term_months} maanden"
    )
    assert consultation["Verwerkingsverantwoordelijke"].startswith("De burgemeester")
    assert dict(zip(header, lines["statistics"], strict=True))["Doel"] == '\'=HYPERLINK("x")'


def test_an_inactive_basis_is_left_out(personas, signed_in) -> None:
    LegalBasis.objects.filter(code="wet-pga").update(is_active=False)

    rows = csv_rows(signed_in(personas.admin_a).get(CSV).content)

    header = rows[0]
    consultation = next(row for row in rows if row[0] == "case_consultation")
    bases = dict(zip(header, consultation, strict=True))["Grondslagen uit de catalogus"]
    assert LegalBasis.objects.get(code="wet-pga").name not in bases


def test_the_register_downloads_as_an_accessible_pdf(personas, signed_in) -> None:
    response = signed_in(personas.admin_a).get(PDF)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Verwerkingsregister" in text
    assert "Pagina 1 van" in text
    assert "Het bevat geen persoonsgegevens" in text
    for activity in ProcessingActivity.objects.all():
        assert activity.name in text, activity.key
    assert LegalBasis.objects.get(code="besluit-pga").citation in text
    closed = RetentionPolicy.objects.get(kind="closed_case")
    assert f"{closed.get_kind_display()}: {closed.term_months} maanden" in text


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director", "outsider"])
def test_others_get_404(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(CSV).status_code == 404
    assert client.get(PDF).status_code == 404


def test_the_register_page_links_the_downloads(personas, signed_in) -> None:
    page = signed_in(personas.privacy_officer_a).get(reverse("audit:register")).content.decode()

    assert CSV in page
    assert PDF in page
