"""Writes of the knowledge base: an item with its first version, and a new version.

Every write runs in one transaction that also writes the item's entry in the search index
(``schakel.knowledge.search.index``), so search never finds what is not saved. Free texts are
checked for recognisable person data (``validate_no_person_data``); a refusal is a
``ValidationError`` with Dutch messages per field. Who may not write in a scope gets
``PermissionDenied`` (the views answer 404). An attachment is checked and stored through
``schakel.core.uploads.saved``: when saving fails, the file is removed again.

The knowledge base holds no person data of data subjects, and the only staff data it keeps is
which membership recorded a version and who is the contact: work records of the
collaboration, shown as function – organisation – mailbox, so nothing is written to the
processing log.
"""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core import uploads
from schakel.core.person_data import validate_no_person_data
from schakel.core.validators import Errors, check_length, collect, validate_no_control_characters
from schakel.knowledge import permissions, search
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.models import (
    BODY_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    THEME_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    KnowledgeAttachment,
    KnowledgeItem,
    KnowledgeVersion,
    Theme,
)
from schakel.network.models import Collaboration, Organisation

MAX_THEMES = 10


@dataclass(frozen=True)
class ItemInput:
    """What describes an item (kept on the item, changed with any new version)."""

    kind: str
    title: str
    summary: str
    owner_organisation: Organisation
    themes: list[str] = field(default_factory=list)
    owner_is_me: bool = False
    review_on: date | None = None


@dataclass(frozen=True)
class VersionInput:
    """A version's content: a text and/or an attachment; ``keep_attachment`` keeps the file
    of the version before when no new one is given."""

    note: str
    body: str = ""
    attachment: UploadedFile[bytes] | None = None
    keep_attachment: bool = True


def owner_choices(
    membership: Membership, collaboration: Collaboration | None
) -> list[Organisation]:
    """The organisations that may own an item of the scope: the membership's own, and for a
    collaboration its member organisations."""
    found = {membership.organisation_id: membership.organisation}
    if collaboration is not None:
        found.update({o.pk: o for o in collaboration.members.all()})
    return sorted(found.values(), key=lambda o: o.name)


def _text(errors: Errors, name: str, value: str, maximum: int, *, required: bool) -> None:
    value = value.strip()
    if required and not value:
        errors.setdefault(name, []).append(_("Vul dit veld in."))
        return
    check_length(errors, name, value, maximum)
    collect(errors, name, validate_no_control_characters, value)
    collect(errors, name, validate_no_person_data, value)


def _check_item(
    membership: Membership, collaboration: Collaboration | None, data: ItemInput
) -> Errors:
    errors: Errors = {}
    if data.kind not in KnowledgeKind.values:
        errors["kind"] = [_("Kies een soort.")]
    _text(errors, "title", data.title, TITLE_MAX_LENGTH, required=True)
    _text(errors, "summary", data.summary, SUMMARY_MAX_LENGTH, required=True)
    for theme in data.themes:
        _text(errors, "themes", theme, THEME_MAX_LENGTH, required=False)
    if len(data.themes) > MAX_THEMES:
        errors.setdefault("themes", []).append(
            _("Ten hoogste %(max)s thema's.") % {"max": MAX_THEMES}
        )
    if data.owner_organisation.pk not in {o.pk for o in owner_choices(membership, collaboration)}:
        errors["owner_organisation"] = [
            _("Kies uw eigen organisatie of een lid van het samenwerkingsverband.")
        ]
    return errors


def _check_version(data: VersionInput, had_attachment: bool) -> Errors:
    errors: Errors = {}
    _text(errors, "note", data.note, NOTE_MAX_LENGTH, required=True)
    _text(errors, "body", data.body, BODY_MAX_LENGTH, required=False)
    keeps = had_attachment and data.keep_attachment
    if not data.body.strip() and data.attachment is None and not keeps:
        errors.setdefault("body", []).append(_("Geef een tekst, een bijlage of allebei."))
    if data.attachment is not None:
        try:
            uploads.check(data.attachment)
        except ValidationError as error:
            errors["attachment"] = error.messages
        collect(errors, "attachment", validate_no_person_data, data.attachment.name or "")
    return errors


def _themes(names: list[str]) -> list[Theme]:
    cleaned = list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
    found = []
    for name in cleaned:
        theme = Theme.objects.filter(name__iexact=name).first()
        found.append(theme or Theme.objects.create(name=name))
    return found


@contextlib.contextmanager
def _stored(upload: UploadedFile[bytes] | None) -> Iterator[uploads.Saved | None]:
    if upload is None:
        with transaction.atomic():
            yield None
        return
    with uploads.saved(upload) as file, transaction.atomic():
        yield file


def _describe(item: KnowledgeItem, membership: Membership, data: ItemInput) -> None:
    item.kind = data.kind
    item.title = data.title.strip()
    item.summary = data.summary.strip()
    item.owner_organisation = data.owner_organisation
    item.owner_membership = membership if data.owner_is_me else item.owner_membership
    if not data.owner_is_me and item.owner_membership_id == membership.pk:
        item.owner_membership = None
    item.review_on = data.review_on
    item.save()
    item.themes.set(_themes(data.themes))


def _add_version(
    item: KnowledgeItem,
    membership: Membership,
    data: VersionInput,
    file: uploads.Saved | None,
    before: KnowledgeVersion | None,
) -> KnowledgeVersion:
    number = 1
    if before is not None:
        KnowledgeVersion.objects.filter(item=item, is_current=True).update(is_current=False)
        number = before.number + 1
    version = KnowledgeVersion.objects.create(
        item=item,
        number=number,
        body=data.body.strip(),
        note=data.note.strip(),
        is_current=True,
        created_by=membership,
    )
    if file is not None:
        KnowledgeAttachment.objects.create(version=version, **file.fields())
    elif before is not None and data.keep_attachment:
        kept = KnowledgeAttachment.objects.filter(version=before).first()
        if kept is not None:
            kept_fields: dict[str, Any] = {
                f: getattr(kept, f) for f in ("file", "name", "content_type", "size", "sha256")
            }
            KnowledgeAttachment.objects.create(version=version, **kept_fields)
    search.index(item, body=version.body, themes=list(item.themes.values_list("pk", "name")))
    return version


def item_create(
    *,
    membership: Membership,
    collaboration: Collaboration | None,
    item: ItemInput,
    version: VersionInput,
) -> KnowledgeItem:
    """A new item of the collaboration (None: national) with its first version."""
    if not permissions.may_write_in(membership, collaboration):
        raise PermissionDenied
    errors = _check_item(membership, collaboration, item) | _check_version(version, False)
    if errors:
        raise ValidationError(errors)
    with _stored(version.attachment) as file:
        created = KnowledgeItem(collaboration=collaboration)
        _describe(created, membership, item)
        _add_version(created, membership, version, file, None)
    return created


def item_revise(
    *,
    membership: Membership,
    item: KnowledgeItem,
    data: ItemInput,
    version: VersionInput,
) -> KnowledgeVersion:
    """A new current version of the item (the one before is kept), with its description."""
    if not permissions.may_edit(membership, item):
        raise PermissionDenied
    before = KnowledgeVersion.objects.filter(item=item).order_by("-number").first()
    had = before is not None and KnowledgeAttachment.objects.filter(version=before).exists()
    errors = _check_item(membership, item.collaboration, data) | _check_version(version, had)
    if errors:
        raise ValidationError(errors)
    with _stored(version.attachment) as file:
        locked = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
        _describe(locked, membership, data)
        return _add_version(locked, membership, version, file, before)
