"""Knowledge items around the ``network`` fixture: one of the partnership (Noordkaap), one of
the alliance (Zuidmeer) and one national, and the members who write them."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.accounts.tests.factories import MembershipFactory
from schakel.intake.tests.factories import membership_of
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.models import KnowledgeItem
from schakel.knowledge.services import ItemInput, VersionInput, item_create
from schakel.network.models import Collaboration

PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "factsheet.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def add_item(
    user: User,
    collaboration: Collaboration | None,
    title: str,
    *,
    body: str = "Tekst van de eerste versie.",
    summary: str = "Een korte samenvatting.",
    kind: str = KnowledgeKind.FACTSHEET,
    themes: list[str] | None = None,
    attachment: SimpleUploadedFile | None = None,
    **item: Any,
) -> KnowledgeItem:
    membership = membership_of(user)
    return item_create(
        membership=membership,
        collaboration=collaboration,
        item=ItemInput(
            kind=kind,
            title=title,
            summary=summary,
            themes=themes or [],
            owner_organisation=membership.organisation,
            **item,
        ),
        version=VersionInput(note="Eerste versie.", body=body, attachment=attachment),
    )


@dataclass
class Knowledge:
    partnership: KnowledgeItem
    alliance: KnowledgeItem
    national: KnowledgeItem
    nctv_member: User
    operator: User


@pytest.fixture
def knowledge(personas: Any, network: Any) -> Knowledge:
    nctv_member = MembershipFactory(organisation=personas.nctv, role=Role.PARTNER_MEMBER).user
    operator = personas.superuser
    MembershipFactory(user=operator, organisation=personas.school, role=Role.FUNCTIONAL_ADMIN)
    return Knowledge(
        partnership=add_item(
            network.coordinator,
            network.partnership,
            "Handboek signalering",
            kind=KnowledgeKind.HANDBOOK,
            body="Hoe professionals signalen van radicalisering herkennen.",
            themes=["Signalering"],
            attachment=pdf("handboek.pdf"),
        ),
        alliance=add_item(
            network.coordinator_other,
            network.alliance,
            "Protocol Zuidmeer",
            kind=KnowledgeKind.PROTOCOL,
            body="Afspraken over radicalisering in de alliantie.",
        ),
        national=add_item(
            nctv_member,
            None,
            "Landelijke factsheet jihadisme",
            body="Landelijke kennis over radicalisering en jihadistische netwerken.",
        ),
        nctv_member=nctv_member,
        operator=operator,
    )
