"""The layers of Schakel's apps, from the ground up.

An app imports only from apps in lower layers; apps in one layer do not import each other. A
lower app that needs something from a higher one collects it through an extension point
(``schakel.core.extensions``) instead. ``INSTALLED_APPS`` lists the apps in this order, and
contributions to extension points are collected in it. ``tests/test_house_rules.py`` holds the
code to this table; ``docs/architecture.md`` explains each layer.
"""

LAYERS: tuple[tuple[str, ...], ...] = (
    # Base model, encryption, pseudonyms, request context, shared form, page and text helpers.
    ("core",),
    # The processing log: its one writer is used by every service that writes (fail closed).
    ("audit",),
    # Organisations, regions, ZVH service areas.
    ("network",),
    # Users, sign-in, MFA, memberships and roles, the administration of users and organisations.
    ("accounts",),
    # The house style of the installation: design tokens, checked for contrast (issue 12).
    ("theming",),
    # API plumbing: authentication by token, paging, problem+json, the schema. Only `<app>/api/`
    # modules import it.
    ("api",),
    # The catalogue of legal bases and the retention terms in force.
    ("legal",),
    # The meldpunt: signals, convergence, online research.
    ("intake",),
    ("weighing",),
    # Cases, participations, consultations, action plans, interventions.
    ("cases",),
    # The privacy desk, subject requests, legal holds and the retention sweep.
    ("privacy",),
    # Mijn werk for API clients: the work-items endpoint over what every app contributes
    # (``WORK_ITEMS``); the page and the menu's counts are core's (``schakel.core.work``).
    ("work",),
    # E-mail about new and nearing work, from every app's work items, without person data.
    ("notifications",),
    # The search over what every app contributes (``SEARCH_PROVIDERS``): by reference, and by
    # name for the roles whose work needs it (docs/search.md).
    ("search",),
    # Regional collaborations: their members' roles, the multi-year policy plan, the weighing
    # arrangements they facilitate, and who of a membership may see which collaboration (issue 14).
    ("collaboration",),
    # The network's workspace around a collaboration, one app per kind of work: its recurring
    # meetings and working groups, the knowledge base, trainings, network events (intervisie,
    # case evaluations and simulations), and the register of incidents against staff.
    ("regional_meetings", "knowledge", "training", "network_events", "staff_safety"),
)

API_PLUMBING = "api"


def layer_of(app: str) -> int:
    """The layer's position, 0 at the ground; ValueError for an app not in the table."""
    for position, apps in enumerate(LAYERS):
        if app in apps:
            return position
    raise ValueError(f"App {app!r} staat in geen laag van schakel.core.layers.LAYERS.")
