"""Helpers of the meetings tests: personas by name, a signed-in membership, files."""

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from schakel.accounts.models import Membership, User
from schakel.core import uploads

PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Members of the partnership: they read. Managers (coordinator, chair) change everything.
READERS = ["lead_a", "police_member", "administrator_a", "om_member"]
MANAGERS = ["coordinator", "chair"]
# Not in the partnership: for them nothing of it exists.
OUTSIDERS = ["outsider", "coordinator_other", "school_member", "ggz_member", "superuser"]


def user_of(personas: Any, network: Any, name: str) -> User:
    found = getattr(network, name, None) or getattr(personas, name)
    assert isinstance(found, User)
    return found


def membership(user: User) -> Membership:
    return user.memberships.get()


def pdf_upload(name: str = "agenda.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def files_on_disk() -> list[Path]:
    root = Path(uploads.attachment_storage().location)  # type: ignore[attr-defined]
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []
