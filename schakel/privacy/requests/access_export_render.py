"""Producing the access export as PDF or JSON, for the contact point only.

Only for an access request (kind ``access``) that is open or was granted (in full or in part),
whose requester's identity was established, and only by the contact point's **municipal lead**:
the export holds the content of the person's cases, which a privacy officer sees only through a
recorded supervision access (``privacy.supervision``), never through a request. Producing it is
logged (``access_export``, the format in the attributes) before the bytes leave: the record,
the reading and the rendering happen in one transaction, so an export whose record cannot be
written is never handed over.
Views require a fresh step-up before they call this.
"""

import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.core.pdf import render_pdf
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.choices import RequestDecision, RequestKind
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests import access_export
from schakel.privacy.requests.rules import handles, is_open, person_of

FORMATS = ("pdf", "json")
EXPORT_DECISIONS = (RequestDecision.GRANTED, RequestDecision.PARTIALLY_GRANTED)
# Who of the contact point produces the export: the export holds case content.
EXPORT_ROLES = frozenset({Role.MUNICIPAL_LEAD})
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Download:
    filename: str
    content: bytes
    content_type: str


def export_refusal(request: SubjectRequest) -> str:
    """Why no export can be made for this request; empty when it can."""
    if request.kind != RequestKind.ACCESS:
        return _("Een inzage-export hoort alleen bij een verzoek om inzage.")
    if not is_open(request) and request.decision not in EXPORT_DECISIONS:
        return _("Dit verzoek is afgewezen of ingetrokken; er wordt geen inzage gegeven.")
    if request.identity_verified_on is None:
        return _("Leg eerst vast hoe de identiteit van de persoon is vastgesteld.")
    return ""


def export_refusal_for(membership: Membership | None, request: SubjectRequest) -> str:
    """Why this membership cannot make the export; empty when it can."""
    if membership is None or membership.role not in EXPORT_ROLES:
        return _(
            "De inzage-export bevat de inhoud van casussen en wordt gemaakt door de "
            "regievoerder van het contactpunt."
        )
    return export_refusal(request)


def as_json(data: dict[str, Any]) -> bytes:
    document = {
        "schema_version": SCHEMA_VERSION,
        "notice": _(
            "Inzage in de persoonsgegevens die Schakel over u verwerkt (art. 15 AVG). "
            "Medewerkers staan vermeld met hun functie en organisatie."
        ),
        **data,
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def as_pdf(data: dict[str, Any]) -> bytes:
    title = _("Inzage in uw persoonsgegevens – verzoek %(reference)s") % {
        "reference": data["request"]["reference"]
    }
    # Other apps' sections as tables: the cells in the order of the section's columns.
    tables = [
        {
            "title": section["title"],
            "columns": section["columns"],
            "cells": [[row[column] for column in section["columns"]] for row in section["rows"]],
        }
        for section in data.get("other_sections", [])
    ]
    return render_pdf(
        "privacy/requests/pdf/access_export.html",
        {"export": data, "tables": tables, "title": title, "generated_at": timezone.now()},
    )


def access_export_produce(
    *, membership: Membership, request: SubjectRequest, export_format: str
) -> Download:
    """The export in ``export_format`` (pdf or json); ``request`` comes from
    ``request_selectors.request_for_action`` (the access check)."""
    if not handles(membership, request) or membership.role not in EXPORT_ROLES:
        raise PermissionDenied
    if export_format not in FORMATS:
        raise ValidationError({"format": [_("Kies pdf of json.")]})
    # As it stands now (a decision or objection may have come in since the page was loaded).
    request = SubjectRequest.objects.select_related("contact_point").get(pk=request.pk)
    refusal = export_refusal(request)
    if refusal:
        raise ValidationError({"__all__": [refusal]})
    with transaction.atomic():
        audit.log_processing(
            activity=PrivacyActivity.SUBJECT_REQUEST,
            name="access_export",
            by=membership.user,
            subjects=[person_of(request)],
            attributes={"kind": request.kind, "format": export_format},
        )
        data = access_export.collect(request)
        content = as_pdf(data) if export_format == "pdf" else as_json(data)
    filename = f"inzage-{request.reference}.{export_format}"
    content_type = "application/pdf" if export_format == "pdf" else "application/json"
    return Download(filename=filename, content=content, content_type=content_type)
