"""Fictional demo of the knowledge base for ``manage.py seed_demo``: a handbook, two factsheets
and a protocol of the demo collaboration, and one national item, made through the services by
the demo accounts (the regional coordinator and the platform operator). No real people; the
texts are invented."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.collaboration.choices import CollaborationRoleKind
from schakel.collaboration.models import CollaborationRole
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.models import KnowledgeItem
from schakel.knowledge.services import ItemInput, VersionInput, item_create, item_revise
from schakel.network.models import Collaboration

COLLABORATION = "Veiligheidsverband Noordkaap (fictief)"
COORDINATOR = "coordinator@aldermeer.example"
OPERATOR = "applicatiebeheer@schakel.example"

ITEMS = (
    (
        KnowledgeKind.HANDBOOK,
        "Handboek signalering radicalisering Noordkaap",
        "Hoe partners in de regio signalen van radicalisering herkennen, bespreken en melden bij "
        "het meldpunt van de gemeente.",
        ["Signalering", "Radicalisering"],
        "Signalen herkennen begint bij de eerstelijnsprofessional: de wijkagent, de leerplicht"
        "ambtenaar, de jongerenwerker. Dit handboek beschrijft de stappen van signaal tot melding, "
        "de rol van het meldpunt en de weging in het veiligheidshuis.",
        -10,
    ),
    (
        KnowledgeKind.FACTSHEET,
        "Factsheet online radicalisering bij jongeren",
        "Kenmerken van online radicalisering, platforms en wat professionals kunnen doen.",
        ["Online radicalisering", "Jongeren"],
        "Jongeren komen online in aanraking met extremistische content via besloten groepen en "
        "videoplatforms. De factsheet noemt signalen en handelingsperspectieven voor scholen en "
        "jeugdwerkers.",
        180,
    ),
    (
        KnowledgeKind.FACTSHEET,
        "Factsheet juridisch kader gegevensdeling",
        "Welke grondslagen partners gebruiken bij het delen van informatie in de persoonsgerichte "
        "aanpak.",
        ["Privacy", "Gegevensdeling"],
        "Gemeenten delen op grond van de Wet gegevensverwerking PGA; politie en OM op grond van de "
        "Wpg en de Wjsg. Deel alleen wat noodzakelijk is en leg de afweging vast.",
        365,
    ),
    (
        KnowledgeKind.PROTOCOL,
        "Protocol opschaling bij acute dreiging",
        "Wie wat doet wanneer een casus acuut dreigend wordt: van melding tot crisisoverleg.",
        ["Opschaling", "Crisis"],
        "Bij een acute dreiging belt de regievoerder de politie en de burgemeester; het "
        "veiligheidshuis roept binnen 24 uur een casusoverleg bijeen.",
        -3,
    ),
)


def _membership(email: str) -> Membership | None:
    return (
        Membership.objects.active()
        .filter(user__email=email)
        .select_related("organisation", "user")
        .first()
    )


def seed_knowledge_demo() -> bool:
    """Add the demo items once; False when they are there already or the accounts are not."""
    require_demo_mode()
    collaboration = Collaboration.objects.filter(name=COLLABORATION).first()
    coordinator = _membership(COORDINATOR)
    operator = _membership(OPERATOR)
    if collaboration is None or coordinator is None:
        return False
    if KnowledgeItem.objects.filter(collaboration=collaboration).exists():
        return False
    today = timezone.localdate()
    with transaction.atomic():
        CollaborationRole.objects.get_or_create(
            collaboration=collaboration,
            membership=coordinator,
            kind=CollaborationRoleKind.COORDINATOR,
        )
        for kind, title, summary, themes, body, review_in in ITEMS:
            item = item_create(
                membership=coordinator,
                collaboration=collaboration,
                item=ItemInput(
                    kind=kind,
                    title=title,
                    summary=summary,
                    themes=themes,
                    owner_organisation=coordinator.organisation,
                    owner_is_me=True,
                    review_on=today + timedelta(days=review_in),
                ),
                version=VersionInput(note="Eerste versie.", body=body),
            )
        item_revise(
            membership=coordinator,
            item=item,
            data=ItemInput(
                kind=item.kind,
                title=item.title,
                summary=item.summary,
                themes=themes,
                owner_organisation=coordinator.organisation,
                owner_is_me=True,
                review_on=today - timedelta(days=3),
            ),
            version=VersionInput(
                note="Telefoonlijst vervangen door functionele postbussen.",
                body=body + " Gebruik de functionele postbussen van de partners.",
            ),
        )
        if operator is not None and operator.user.is_superuser:
            item_create(
                membership=operator,
                collaboration=None,
                item=ItemInput(
                    kind=KnowledgeKind.PRODUCT,
                    title="Landelijke handreiking persoonsgerichte aanpak (fictief)",
                    summary="De landelijke lijn voor de persoonsgerichte aanpak van radicalisering "
                    "en extremisme, voor alle samenwerkingsverbanden.",
                    themes=["Persoonsgerichte aanpak"],
                    owner_organisation=operator.organisation,
                    review_on=today + timedelta(days=365),
                ),
                version=VersionInput(
                    note="Eerste versie.",
                    body="De aanpak rust op samenwerking in de regio: een netwerk vol expertise, "
                    "met een meldpunt per gemeente en weging in het veiligheidshuis.",
                ),
            )
    return True
