"""Attachments are checked by their content, limited in size, and never left half stored
(schakel/core/uploads.py)."""

import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from schakel.core import uploads

PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODT_BYTES = zipped({"mimetype": uploads.ODT.content_type.encode(), "content.xml": b"<x/>"})
DOCX_BYTES = zipped({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def files_on_disk() -> list[Path]:
    root = Path(uploads.attachment_storage().location)  # type: ignore[attr-defined]
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("notulen.pdf", PDF_BYTES, uploads.PDF),
        ("agenda.odt", ODT_BYTES, uploads.ODT),
        ("Verslag.DOCX", DOCX_BYTES, uploads.DOCX),
    ],
)
def test_the_three_kinds_are_recognised_by_their_content(name, content, kind) -> None:
    assert uploads.check(upload(name, content)) == kind


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("notulen.pdf", b"<html>not a pdf</html>", "type"),
        ("notulen.pdf", b"MZ\x90\x00 an executable", "type"),
        ("notulen.pdf", zipped({"other.txt": b"x"}), "type"),
        ("notulen.pdf", DOCX_BYTES, "name"),
        ("notulen.exe", PDF_BYTES, "name"),
        ("leeg.pdf", b"", "empty"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused(name, content, code) -> None:
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload(name, content))
    assert refused.value.code == code


def test_an_oversized_file_is_refused_before_its_content_is_read(settings) -> None:
    settings.SCHAKEL_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="groter dan"):
        uploads.check(upload("groot.pdf", PDF_BYTES + b"0" * 2000))


def test_a_refused_file_leaves_nothing_on_disk() -> None:
    before = files_on_disk()
    with pytest.raises(ValidationError), uploads.saved(upload("nep.pdf", b"GIF89a pretending")):
        pass
    assert files_on_disk() == before


def _record_that_fails(seen: list[bool]) -> None:
    with uploads.saved(upload("notulen.pdf", PDF_BYTES)) as file:
        root = Path(uploads.attachment_storage().location)  # type: ignore[attr-defined]
        seen.append((root / file.file).is_file())
        raise RuntimeError("the log entry could not be written")


def test_a_failed_record_removes_the_file_again() -> None:
    before = files_on_disk()
    seen: list[bool] = []
    with pytest.raises(RuntimeError):
        _record_that_fails(seen)
    assert seen == [True]
    assert files_on_disk() == before


def test_a_saved_file_gets_a_random_name_and_its_checksum() -> None:
    with uploads.saved(upload("../../etc/Notulen mei.pdf", PDF_BYTES)) as file:
        pass
    assert file.name == "Notulen mei.pdf"
    assert "Notulen" not in file.file
    assert file.file.endswith(".pdf")
    assert file.content_type == "application/pdf"
    assert len(file.sha256) == 64
    uploads.attachment_storage().delete(file.file)


def _aged(path: str, minutes: int) -> None:
    full = Path(uploads.attachment_storage().location) / path  # type: ignore[attr-defined]
    moment = time.time() - minutes * 60
    os.utime(full, (moment, moment))


def test_the_sweep_removes_old_files_without_a_record_and_keeps_young_ones(db) -> None:
    with (
        uploads.saved(upload("oud.pdf", PDF_BYTES)) as old,
        uploads.saved(upload("nieuw.pdf", PDF_BYTES)) as young,
    ):
        pass
    _aged(old.file, 120)

    out = io.StringIO()
    call_command("sweep_attachments", "--dry-run", stdout=out)
    assert "gevonden: 1" in out.getvalue()
    assert old.file in [str(p.relative_to(p.parents[2])) for p in files_on_disk()]

    call_command("sweep_attachments", stdout=io.StringIO())
    names = [str(p.relative_to(p.parents[2])) for p in files_on_disk()]
    assert old.file not in names
    assert young.file in names
    uploads.attachment_storage().delete(young.file)


@pytest.mark.parametrize(
    "name",
    ["BSN 999900018.pdf", "verslag Jan Jansen 12-03-1985.pdf", "geboren 1-2-2001 notulen.pdf"],
)
def test_a_name_with_person_data_is_refused(name) -> None:
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload(name, PDF_BYTES))
    assert refused.value.code == "person_data"
    assert "999900018" not in str(refused.value)


@pytest.mark.parametrize("name", ["pdf", ".pdf", "notulen", "\u202e.pdf", "map/.pdf"])
def test_a_name_without_an_extension_is_refused(name) -> None:
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload(name, PDF_BYTES))
    assert refused.value.code == "name"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("notulen\u202efdp.docx", "notulenfdp.docx"),  # the right-to-left override is dropped
        ("..\\..\\windows\\notulen.pdf", "notulen.pdf"),
        ("a\x00b\r\nc.pdf", "abc.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_a_name_is_shown_without_folders_control_characters_or_excess(name, shown) -> None:
    assert uploads.clean_name(name) == shown


def test_a_pdf_named_docx_and_an_odt_with_a_wrong_mimetype_are_refused() -> None:
    with pytest.raises(ValidationError) as pdf_as_docx:
        uploads.check(upload("notulen.docx", PDF_BYTES))
    assert pdf_as_docx.value.code == "name"
    wrong = zipped({"mimetype": b"application/zip", "content.xml": b"<x/>"})
    with pytest.raises(ValidationError) as odt:
        uploads.check(upload("agenda.odt", wrong))
    assert odt.value.code == "type"


def test_a_zip_with_a_huge_directory_is_refused_without_reading_it(monkeypatch) -> None:
    members = {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}
    crowded = zipped({**members, **{f"x/{n}": b"" for n in range(uploads.MAX_MEMBERS)}})

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the directory was read")

    monkeypatch.setattr(uploads.zipfile, "ZipFile", never)
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("verslag.docx", crowded))
    assert refused.value.code == "type"
