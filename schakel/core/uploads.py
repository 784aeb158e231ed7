"""Attachments: PDF, ODT and DOCX files, checked by their content, stored out of the web root.

- **Type sniffed, not trusted from the name**: a PDF starts with ``%PDF-``; an ODT is a zip whose
  ``mimetype`` member says ``application/vnd.oasis.opendocument.text``; a DOCX is a zip with
  ``[Content_Types].xml`` and ``word/document.xml``. A zip's directory is read only when its end
  record says it is small (``MAX_MEMBERS``, ``MAX_DIRECTORY_BYTES``); nothing is unpacked but
  the ODT's ``mimetype`` member of at most 100 bytes. The name's extension must agree with what
  the content is (a name without a stem and extension, such as ``pdf``, has none); anything else
  is refused with a Dutch message. The browser's content type is ignored.
- **No person data in the name**: the name is shown on pages, in the API and in the download's
  Content-Disposition, so it gets the person-data check of the texts (``core.person_data``).
- **Size limit**: ``SCHAKEL_ATTACHMENT_MAX_BYTES`` (default 20 MB), checked before the content
  is read.
- **Nothing half stored**: a file is checked completely before anything is written; it is
  stored under a random name in the ``attachments`` storage (``STORAGES``: a folder outside the
  web root, or object storage) and removed again when recording it fails (``saved``).
- **Served behind the owner's access check**: there is no public URL. A view that has checked
  access returns ``download(attachment)``: sent as a download with the sniffed content type,
  ``nosniff`` and a sandboxing Content-Security-Policy.

Apps keep their attachments in a model that extends ``Attachment``, write them with ``saved``
and delete them with ``remove``. A process killed between writing the file and committing its
record leaves an unreferenced file (no record points at it, so it is never served);
``manage.py sweep_attachments`` removes such files.
"""

import hashlib
import re
import secrets
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import IO

from django.apps import apps as django_apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.core.models import BaseModel
from schakel.core.person_data import findings


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str
    label: str


PDF = Kind("pdf", "application/pdf", "PDF")
ODT = Kind("odt", "application/vnd.oasis.opendocument.text", "ODT")
DOCX = Kind(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"
)
KINDS = {kind.extension: kind for kind in (PDF, ODT, DOCX)}
NAME_MAX_LENGTH = 200
_CHUNK = 64 * 1024
MAX_MEMBERS = 5000
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
_EOCD_SIZE = 22


def attachment_storage() -> Storage:
    """The storage of attachments (``STORAGES["attachments"]``); never served directly."""
    return storages["attachments"]


def max_bytes() -> int:
    return int(getattr(settings, "SCHAKEL_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))


def _directory_is_small(file: IO[bytes]) -> bool:
    """Whether the zip's central directory is small enough to read: at most ``MAX_MEMBERS``
    members in at most ``MAX_DIRECTORY_BYTES``, by its end record. Reading a directory of
    hundreds of thousands of empty members costs seconds and hundreds of MB; a document has a
    few dozen. ZIP64 (more than 65535 members) is refused."""
    file.seek(0, 2)
    size = file.tell()
    tail_length = min(size, _EOCD_SIZE + 65535)
    file.seek(size - tail_length)
    tail = file.read(tail_length)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + _EOCD_SIZE:
        return False
    members = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    return members <= MAX_MEMBERS and directory <= MAX_DIRECTORY_BYTES


def _zip_kind(file: IO[bytes]) -> Kind | None:
    if not _directory_is_small(file):
        return None
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if (
                    info.file_size <= 100
                    and archive.read(info).strip() == ODT.content_type.encode()
                ):
                    return ODT
            if {"[Content_Types].xml", "word/document.xml"} <= names:
                return DOCX
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return None


def sniff(file: IO[bytes]) -> Kind | None:
    """What the content is (PDF, ODT, DOCX), or None; reads from the start and rewinds."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(file)
        file.seek(0)
        return kind
    return None


def clean_name(name: str) -> str:
    """A safe display name: no folders, no control characters, at most 200 characters."""
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(
        c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C"
    )
    base = base.strip().strip(".") or "bijlage"
    return base[-NAME_MAX_LENGTH:]


def check(upload: UploadedFile[bytes]) -> Kind:
    """The kind of an uploaded file, or a ValidationError in Dutch (size, type, name)."""
    limit = max_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("Het bestand is groter dan %(limit)s MB. Verklein het of splits het op.")
            % {"limit": limit // (1024 * 1024)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    name = clean_name(upload.name or "")
    found = findings(name)
    if found:
        intro = _(
            "De naam van het bestand lijkt persoonsgegevens te bevatten; geef het een "
            "neutrale naam."
        )
        raise ValidationError(" ".join([intro, *found]), code="person_data")
    kind = sniff(upload)
    stem, dot, extension = name.rpartition(".")
    extension = extension.lower() if dot and stem else ""
    if kind is None:
        raise ValidationError(
            _(
                "Dit bestand is geen PDF-, ODT- of DOCX-document (gekeken naar de inhoud, niet "
                "naar de naam). Sla het op als PDF, ODT of DOCX en probeer het opnieuw."
            ),
            code="type",
        )
    if extension != kind.extension:
        raise ValidationError(
            _(
                "De naam van het bestand eindigt niet op .%(extension)s, maar de inhoud is een "
                "%(label)s-document. Geef het bestand de juiste naam."
            )
            % {"extension": kind.extension, "label": kind.label},
            code="name",
        )
    return kind


class Attachment(BaseModel):
    """Bijlage: a checked file in the attachments storage (extend it per owner)."""

    file = models.FileField(gettext_lazy("bestand"), storage=attachment_storage, max_length=200)
    name = models.CharField(gettext_lazy("naam"), max_length=NAME_MAX_LENGTH)
    content_type = models.CharField(gettext_lazy("soort inhoud"), max_length=100)
    size = models.PositiveBigIntegerField(gettext_lazy("grootte in bytes"))
    sha256 = models.CharField(gettext_lazy("SHA-256"), max_length=64)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Saved:
    """A checked file written to the attachments storage: the fields of its ``Attachment``."""

    file: str
    name: str
    content_type: str
    size: int
    sha256: str

    def fields(self) -> dict[str, object]:
        return {
            "file": self.file,
            "name": self.name,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
        }


@contextmanager
def saved(upload: UploadedFile[bytes]) -> Iterator[Saved]:
    """Check the upload completely, write it under a random name, and yield its fields; when the
    block raises (the record or its log entry could not be written) the file is removed again.
    Put the block's writes in ``transaction.atomic`` inside it::

        with uploads.saved(upload) as file, transaction.atomic():
            MinutesAttachment.objects.create(meeting=meeting, **file.fields())
            audit.log_processing(...)
    """
    kind = check(upload)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks(_CHUNK):
        digest.update(chunk)
    upload.seek(0)
    storage = attachment_storage()
    path = storage.save(f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{kind.extension}", upload)
    try:
        yield Saved(
            file=path,
            name=clean_name(upload.name or ""),
            content_type=kind.content_type,
            size=int(upload.size or 0),
            sha256=digest.hexdigest(),
        )
    except BaseException:
        storage.delete(path)
        raise


def remove(attachment: Attachment) -> None:
    """Remove the stored file once the deletion of its record has committed."""
    path = attachment.file.name
    if path:
        transaction.on_commit(lambda: attachment_storage().delete(path))


def _stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _stored_names(storage, f"{folder}/{sub}" if folder else sub)


def orphaned_files(*, older_than_minutes: int) -> list[str]:
    """Stored files that no record of any ``Attachment`` model points at and that are older
    than the given age (a younger one may belong to an upload still under way)."""
    referenced: set[str] = set()
    for model in django_apps.get_models():
        if issubclass(model, Attachment):
            referenced.update(model._default_manager.values_list("file", flat=True))
    storage = attachment_storage()
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    return [
        name
        for name in _stored_names(storage)
        if name not in referenced and storage.get_modified_time(name) < cutoff
    ]


def remove_files(names: list[str]) -> None:
    storage = attachment_storage()
    for name in names:
        storage.delete(name)


def download(attachment: Attachment) -> FileResponse:
    """The attachment as a download; call only after the owner's access check."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
