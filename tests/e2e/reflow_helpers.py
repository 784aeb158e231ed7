"""Building blocks of the reflow test (test_reflow.py): the pages of the URL configuration, the
objects that fill their URL parameters, and which persona can open which page.

The pages are found by walking the resolver, so a new page is checked without touching the test;
a page with a URL parameter this module cannot fill fails the test until it is given an object
here (those of the network's workspace: ``reflow_network``) or a reason in ``SKIPPED``.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import ActionPlanVersion, Intervention, Participation
from schakel.collaboration.plan_services import GoalInput, PlanInput, goal_add, plan_save
from schakel.collaboration.services import hosting_add, role_assign
from schakel.intake.models import MatchSuggestion, Phenomenon
from schakel.intake.tests.factories import membership_of, register
from schakel.legal.models import LegalBasis, RetentionPolicy
from schakel.network.models import Collaboration
from schakel.network.tests.factories import InterventionOptionFactory
from schakel.privacy.models import RequestContribution
from schakel.privacy.retention.holds import HoldInput, hold_place
from schakel.privacy.supervision import supervision_open
from schakel.privacy.tests.request_factories import acting, full_story, register_request
from tests.e2e.reflow_network import network_world

# Pages left out, each with its reason. Everything else the resolver lists is opened.
SKIPPED_PREFIXES = {
    "v1:": "API (JSON and its documentation page; tested by the API tests)",
    "testapp:": "the test app of the extension-point test, not a page of Schakel",
}
SKIPPED = {
    "core:health": "health check for the load balancer (JSON)",
    "accounts:login": "sign-in flow: opened signed out at the start of the test",
    "accounts:mfa_verify": "sign-in flow (test_sign_in.py, test_accessibility.py)",
    "accounts:mfa_setup": "sign-in flow (test_sign_in.py, test_accessibility.py)",
    "accounts:logout": "sign-out (POST)",
    "accounts:step_up": "step-up flow (test_privacy_desk.py)",
    "accounts:switch_membership": "role switch (POST)",
    "set_language": "language switch (POST)",
    "theming:stylesheet": "a stylesheet, not a page",
    "theming:theme": "needs an uploaded house style (test_theming.py)",
    "theming:activate": "needs an uploaded house style (test_theming.py)",
    "theming:reset": "no page: a GET goes back to the house-style page, a POST resets",
    "cases:item_plan_adopt": (
        "confirmation reached from the plan with the draft's revision in the query; opened and "
        "axe-checked in test_case_flow.py"
    ),
}

# The persona most likely to see the widest data comes first: every page is checked in full
# (axe-core too) in the first persona that can open it.
PERSONA_ORDER = (
    "director",
    "lead_a",
    "privacy_officer_a",
    "admin_a",
    "police_member",
    "ggz_member",
    "superuser",
)


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    params: tuple[str, ...]


def routes() -> Iterator[Route]:
    """Every named URL pattern of the configuration, with its namespace and parameters."""

    def walk(resolver: URLResolver, namespace: str, prefix: str) -> Iterator[Route]:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry, inner, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                params = tuple(entry.pattern.regex.groupindex)
                yield Route(name, prefix + str(entry.pattern), params)

    yield from walk(get_resolver(), "", "")


def skip_reason(name: str) -> str | None:
    for prefix, reason in SKIPPED_PREFIXES.items():
        if name.startswith(prefix):
            return reason
    return SKIPPED.get(name)


def build_world(personas: Any) -> dict[str, Callable[[], dict[str, Any]]]:
    """Fictional objects for every kind of URL parameter; the URL keyword arguments per page."""
    story = full_story(personas)
    case = story.case
    item = story.item
    request = register_request(personas, case)
    with acting(personas.police_member):  # the police corrects its own disclosure
        meeting_acknowledge(membership=membership_of(personas.police_member), meeting=item.meeting)
    with acting(personas.privacy_officer_a):
        access = supervision_open(
            membership=membership_of(personas.privacy_officer_a),
            case_id=case.pk,
            reason="Toezicht op de rechtmatigheid van de verwerking in deze casus.",
        )
    contribution = RequestContribution.objects.filter(request=request).first()
    register(
        personas.police_member,
        residence=personas.municipality_a,
        observation="Politie: eerdere waarneming",
    )
    school = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
        observation="School: nieuwe waarneming",
    )
    suggestion = MatchSuggestion.objects.filter(pk__in=[s.pk for s in school.suggestions]).first()
    hold = hold_place(
        membership=membership_of(personas.privacy_officer_a),
        data=HoldInput(
            reference=case.reference,
            kind="",
            reason="Lopende procedure bij de rechtbank.",
            starts_on=None,
            ends_on=timezone.localdate() + timedelta(days=200),
        ),
    )
    option = InterventionOptionFactory(organisation=personas.municipality_a, name="Gesprek")
    collaboration = Collaboration.objects.create(name="Samen Noordkaap", kind="provincial")
    token = access_token_create(user=personas.lead_a, name="Koppeling reflow", days=30)[0]
    version = ActionPlanVersion.objects.filter(plan__case=case).order_by("number").first()
    intervention = Intervention.objects.filter(plan__case=case).first()
    participation = Participation.objects.filter(case=case).first()
    membership = membership_of(personas.lead_a)
    pk = {
        "network:directory_detail": personas.police.pk,
        "network:admin_organisation": personas.municipality_a.pk,
        "network:admin_organisation_update": personas.municipality_a.pk,
        "network:admin_service_area": personas.zvh.pk,
        "network:admin_option_create": personas.municipality_a.pk,
        "network:admin_option_update": option.pk,
        "network:admin_option_delete": option.pk,
        "network:admin_region_update": personas.municipality_a.region_id,
        "network:admin_collaboration_update": collaboration.pk,
        "admin_accounts:user": personas.lead_a.pk,
        "admin_accounts:user_update": personas.lead_a.pk,
        "admin_accounts:user_reset_mfa": personas.lead_a.pk,
        "admin_accounts:user_unlock": personas.lead_a.pk,
        "admin_accounts:membership_create": personas.lead_a.pk,
        "admin_accounts:membership_update": membership.pk,
        "admin_accounts:membership_end": membership.pk,
        "api_tokens:revoke": token.pk,
        "intake:signal_detail": story.signal.pk,
        "intake:signal_status": story.signal.pk,
        "intake:suggestion_detail": getattr(suggestion, "pk", None),
        "intake:suggestion_decide": getattr(suggestion, "pk", None),
        "intake:main_identity": story.signal.subject_id,
        "intake:phenomenon_update": Phenomenon.objects.order_by("name").first().pk,  # type: ignore[union-attr]
        "intake:online:detail": story.research.pk,
        "intake:online:complete": story.research.pk,
        "weighing:session_detail": case.opened_from.session_id,
        "weighing:item_add": case.opened_from.session_id,
        "weighing:session_close": case.opened_from.session_id,
        "weighing:item_detail": case.opened_from_id,
        "weighing:item_decide": case.opened_from_id,
        "cases:intervention_detail": getattr(intervention, "pk", None),
        "cases:intervention_edit": getattr(intervention, "pk", None),
        "cases:intervention_delete": getattr(intervention, "pk", None),
        "cases:meeting_detail": item.meeting_id,
        "cases:meeting_acknowledge": item.meeting_id,
        "cases:meeting_status": item.meeting_id,
        "cases:meeting_cancel": item.meeting_id,
        "cases:item_create": item.meeting_id,
        "cases:attendance_record": item.meeting_id,
        "cases:meeting_minutes_pdf": item.meeting_id,
        "cases:item_detail": item.pk,
        "cases:invitation_create": item.pk,
        "cases:item_decision": item.pk,
        "cases:item_plan_adopt": item.pk,
        "cases:disclosure_create": item.pk,
        "cases:disclosure_correct": story.disclosure.pk,
        "privacy:desk_supervision_case": access.pk,
        "privacy:basis_update": LegalBasis.objects.order_by("code").first().pk,  # type: ignore[union-attr]
        "privacy:basis_deactivate": LegalBasis.objects.order_by("code").first().pk,  # type: ignore[union-attr]
        "privacy:basis_activate": LegalBasis.objects.order_by("code").first().pk,  # type: ignore[union-attr]
        "privacy:basis_delete": LegalBasis.objects.order_by("code").first().pk,  # type: ignore[union-attr]
        "privacy:request_contribution": getattr(contribution, "pk", None),
        "privacy:retention_hold_detail": hold.pk,
        "privacy:retention_hold_lift": hold.pk,
    }
    kwargs: dict[str, Callable[[], dict[str, Any]]] = {
        name: (lambda value=value: {"pk": value}) for name, value in pk.items()
    }
    for route in routes():
        if route.name.startswith(("cases:case_", "cases:plan_", "cases:intervention_create")):
            kwargs.setdefault(route.name, lambda: {"pk": case.pk})
        if route.name.startswith("privacy:request_") and route.params == ("pk",):
            kwargs.setdefault(route.name, lambda: {"pk": request.pk})
    kwargs["cases:case_participation_end"] = lambda: {
        "pk": case.pk,
        "participation_pk": getattr(participation, "pk", None),
    }
    number = getattr(version, "number", 1)
    kwargs["cases:plan_version"] = lambda: {"pk": case.pk, "number": number}
    kwargs["cases:plan_version_pdf"] = lambda: {"pk": case.pk, "number": number}
    kwargs["privacy:request_export"] = lambda: {"pk": request.pk, "export_format": "pdf"}
    year = timezone.localdate().year
    for name in ("privacy:desk_access_review_sign_off", "privacy:desk_access_review_csv"):
        kwargs[name] = lambda: {"year": year}
    kind = RetentionPolicy.objects.order_by("kind").first().kind  # type: ignore[union-attr]
    kwargs["privacy:retention_policy_update"] = lambda: {"kind": kind}
    kwargs.update(collaboration_world(personas, collaboration, case))
    kwargs.update(network_world(personas, collaboration))
    return kwargs


def collaboration_world(
    personas: Any, collaboration: Collaboration, case: Any
) -> dict[str, Callable[[], dict[str, Any]]]:
    """The collaboration pages: Aldermeer a member, its municipal lead the coordinator, with a
    policy plan, a goal, and the case's weighing arrangement facilitated."""
    collaboration.members.add(personas.municipality_a, personas.municipality_b, personas.police)
    role = role_assign(
        by=None,
        collaboration=collaboration,
        membership=membership_of(personas.lead_a),
        kind="coordinator",
    )
    plan = plan_save(
        collaboration=collaboration,
        data=PlanInput(start_year=2025, end_year=2028, summary="Samen.", themes=["Preventie"]),
    )
    goal = goal_add(
        plan=plan,
        data=GoalInput(theme=plan.themes.get(), title="Een meldpunt", intended_result=""),
    )
    arrangement = case.opened_from.session.arrangement
    collaboration.members.add(*arrangement.municipalities.all())
    hosted = hosting_add(collaboration=collaboration, arrangement=arrangement)
    ids = {"pk": collaboration.pk}
    extra = {
        "collaboration:role_end": {"role_pk": role.pk},
        "collaboration:hosting_end": {"hosted_pk": hosted.pk},
        "collaboration:indicator_add": {"goal_pk": goal.pk},
        "collaboration:progress_add": {"goal_pk": goal.pk},
    }
    return {
        route.name: (lambda name=route.name: {**ids, **extra.get(name, {})})
        for route in routes()
        if route.name.startswith("collaboration:") and route.params
    }


@dataclass
class Probe:
    """What the server answers a persona for one page."""

    url: str
    openers: list[str]
    reason: str = ""


def probe(
    route: Route, kwargs: dict[str, Any], clients: dict[str, Client], *, all_personas: bool
) -> Probe:
    """Ask the server, persona by persona, whether they can open the page as an HTML page.

    Stops at the first persona that can, unless ``all_personas``. A 405 means the page takes
    POST only; an answer that is not HTML is a download. Both are skipped with that reason.
    """
    url = reverse(route.name, kwargs=kwargs)
    found = Probe(url, [])
    for name in PERSONA_ORDER:
        response = clients[name].get(url)
        if response.status_code == 405:
            return Probe(url, [], "accepts POST only")
        if response.status_code != 200:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            return Probe(url, [], f"a download ({response['Content-Type'].split(';')[0]})")
        found.openers.append(name)
        if not all_personas:
            break
    return found


def persona_users(personas: Any) -> dict[str, User]:
    return {name: getattr(personas, name) for name in PERSONA_ORDER}
