"""Demo data of the regional collaborations (``DEMO_DATA``, after accounts' and cases'): roles
and a policy plan 2025–2028 for the demo's safety partnership, and a provincial collaboration that
hosts the demo's weighing arrangement. Everything is fictional; running it again changes nothing.
"""

from decimal import Decimal

from django.db import transaction

from schakel.accounts.demo import REGION, require_demo_mode
from schakel.accounts.models import Membership
from schakel.collaboration import plan_services, services
from schakel.collaboration.choices import CollaborationRoleKind, ProgressStatus
from schakel.collaboration.models import CollaborationRole, HostedWeighing, PolicyPlan
from schakel.network.choices import CollaborationKind
from schakel.network.models import Collaboration, Organisation, Region
from schakel.weighing.models import WeighingArrangement

PARTNERSHIP = "Veiligheidsverband Noordkaap (fictief)"
PROVINCIAL = "Provinciaal Samenwerkingsverband Westland (fictief)"
PROVINCIAL_MEMBERS = (
    "Gemeente Aldermeer",
    "Gemeente Brookdam",
    "Gemeente Veenwolde",
    "Zorg- en Veiligheidshuis Noordkaap",
    "Politie-eenheid Noordkaap",
    "Openbaar Ministerie arrondissement Noordkaap",
)
ROLES = {
    PARTNERSHIP: (
        ("coordinator@aldermeer.example", CollaborationRoleKind.COORDINATOR),
        ("regievoerder@brookdam.example", CollaborationRoleKind.CHAIR),
        ("wethouder@aldermeer.example", CollaborationRoleKind.PORTFOLIO_HOLDER),
    ),
    PROVINCIAL: (
        ("regievoerder@aldermeer.example", CollaborationRoleKind.CHAIR),
        ("wethouder@aldermeer.example", CollaborationRoleKind.PORTFOLIO_HOLDER),
        ("coordinator@aldermeer.example", CollaborationRoleKind.SECRETARY),
    ),
}
THEMES = (
    "Vroegsignalering en meldstructuur",
    "Deskundigheid van professionals",
    "Gezamenlijke persoonsgerichte aanpak",
    "Weerbaarheid van de samenleving",
)
# Per theme: goal, intended result, indicator (name, baseline, target, unit), progress.
GOALS = (
    (
        "Elke gemeente heeft een werkend meldpunt",
        "Signalen komen op één plek binnen en worden binnen vijf werkdagen beoordeeld.",
        ("Gemeenten met een ingericht meldpunt", "2", "6", "gemeenten"),
        ("2026-K1", ProgressStatus.ON_TRACK, "Vier gemeenten hebben hun meldpunt ingericht."),
    ),
    (
        "Professionals herkennen signalen van radicalisering",
        "Sleutelprofessionals hebben de ROR-training gevolgd.",
        ("Getrainde professionals", "40", "200", "personen"),
        ("2026-K1", ProgressStatus.ATTENTION, "Minder plaatsen dan gepland; extra sessies in Q3."),
    ),
    (
        "Casussen worden in één overleg besproken",
        "Het casusoverleg in het ZVH is de vaste tafel voor de regio.",
        ("Casussen met een plan van aanpak binnen zes weken", "50", "90", "procent"),
        ("2026-K1", ProgressStatus.BEHIND, "De doorlooptijd is nog te lang; werkafspraken volgen."),
    ),
    (
        "Sleutelfiguren zijn betrokken bij preventie",
        "Een netwerk van sleutelfiguren in elke gemeente.",
        ("Actieve netwerken van sleutelfiguren", "1", "6", "netwerken"),
        ("2025", ProgressStatus.ACHIEVED, "Het eerste netwerk draait; de opzet is gedeeld."),
    ),
)


def _membership(email: str) -> Membership | None:
    return (
        Membership.objects.active()
        .filter(user__email=email)
        .select_related("organisation")
        .order_by("created_at")
        .first()
    )


def _roles(collaboration: Collaboration) -> int:
    added = 0
    for email, kind in ROLES[collaboration.name]:
        membership = _membership(email)
        if (
            membership is None
            or CollaborationRole.objects.filter(
                collaboration=collaboration, membership=membership, kind=kind
            ).exists()
        ):
            continue
        services.role_assign(by=None, collaboration=collaboration, membership=membership, kind=kind)
        added += 1
    return added


def _plan(collaboration: Collaboration) -> int:
    if PolicyPlan.objects.filter(collaboration=collaboration).exists():
        return 0
    plan = plan_services.plan_save(
        collaboration=collaboration,
        data=plan_services.PlanInput(
            start_year=2025,
            end_year=2028,
            summary=(
                "Samen voorkomen dat inwoners radicaliseren: vroeg signaleren, deskundig "
                "handelen en één persoonsgerichte aanpak in de hele regio."
            ),
            themes=list(THEMES),
        ),
    )
    for theme, (title, result, indicator, progress) in zip(
        plan.themes.order_by("position"), GOALS, strict=True
    ):
        name, baseline, target, unit = indicator
        goal = plan_services.goal_add(
            plan=plan,
            data=plan_services.GoalInput(
                theme=theme,
                title=title,
                intended_result=result,
                indicator=plan_services.IndicatorInput(
                    name=name, baseline=Decimal(baseline), target=Decimal(target), unit=unit
                ),
            ),
        )
        period, status, explanation = progress
        plan_services.progress_add(
            goal=goal,
            data=plan_services.ProgressInput(
                period_label=period, status=status, explanation=explanation
            ),
        )
    return 1


def _provincial() -> Collaboration:
    region = Region.objects.filter(name=REGION).first()
    collaboration, _ = Collaboration.objects.get_or_create(
        name=PROVINCIAL, defaults={"kind": CollaborationKind.PROVINCIAL, "region": region}
    )
    collaboration.members.add(*Organisation.objects.filter(name__in=PROVINCIAL_MEMBERS))
    return collaboration


def _hosting(collaboration: Collaboration) -> int:
    """Host the demo's weighing arrangements whose municipalities are all members."""
    added = 0
    members = set(collaboration.members.values_list("pk", flat=True))
    for arrangement in WeighingArrangement.objects.filter(is_active=True):
        municipalities = set(arrangement.municipalities.values_list("pk", flat=True))
        hosted = HostedWeighing.objects.filter(arrangement=arrangement).exists()
        if municipalities and municipalities <= members and not hosted:
            services.hosting_add(collaboration=collaboration, arrangement=arrangement)
            added += 1
    return added


def seed_collaboration_demo() -> int:
    """Add what is missing; returns how many things were added (0: all there already)."""
    require_demo_mode()
    partnership = Collaboration.objects.filter(name=PARTNERSHIP).first()
    if partnership is None:
        return 0
    with transaction.atomic():
        provincial = _provincial()
        added = _roles(partnership) + _plan(partnership) + _roles(provincial)
        return added + _hosting(provincial)
