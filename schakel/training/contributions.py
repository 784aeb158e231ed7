"""What the trainings add to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES, Role
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind
from schakel.training import activities, demo, sections, work

NAVIGATION = [
    # Not for the case table's roles (see knowledge's entry): from a collaboration's home page.
    NavItem(
        _("Trainingen"),
        "training:catalogue",
        frozenset(Role) - TABLE_ROLES,
        acting=True,
        position=115,
    ),
]

API_URLS = ["schakel.training.api.urls"]

# Registrations name staff: their reads and writes are logged under this activity.
PROCESSING_ACTIVITIES = activities.REGISTER

# Mijn werk: unused seats before the deadline, attendance to record.
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.UNUSED_SEATS, _("Vrije plaatsen voor een training")),
    WorkKind(work.ATTENDANCE, _("Aanwezigheid bij een training vastleggen")),
]

# The section on a collaboration's home page.
COLLABORATION_SECTIONS = [sections.training_section]

DEMO_DATA = [demo.seed]
