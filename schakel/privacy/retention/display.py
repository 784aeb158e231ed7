"""How the retention pages and the API show what the register and the sweep store as codes:
labels of object kinds and rules, rows of deletion records, runs and legal holds, a hold's
status and scope, and who last changed a term. Shared by ``retention.views`` and the API.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.audit.models import DeletionRecord
from schakel.legal import terms
from schakel.legal.models import RetentionPolicy
from schakel.privacy.models import LegalHold, RetentionRun

# What a deletion record's ``object_kind`` means (the register stores codes only).
OBJECT_KINDS: dict[str, Any] = {
    "signal_person_data": gettext_lazy("Persoonsgegevens van signalen"),
    "related_person": gettext_lazy("Personen in de omgeving"),
    "online_account": gettext_lazy("Online accounts van personen"),
    "online_research_text": gettext_lazy("Tekst van online onderzoek"),
    "weighing_item_content": gettext_lazy("Onderbouwing van wegingen"),
    "weighing_criterion_note": gettext_lazy("Overwegingen bij wegingscriteria"),
    "case_content": gettext_lazy("Inhoud van casussen"),
    "action_plan_version_content": gettext_lazy("Inhoud van versies van het plan van aanpak"),
    "intervention_content": gettext_lazy("Omschrijving en resultaat van interventies"),
    "meeting_decision_text": gettext_lazy("Besluiten in het casusoverleg"),
    "disclosure_content": gettext_lazy("Inhoud van verstrekkingen"),
    "supervision_reason": gettext_lazy("Redenen van toezichtsinzagen"),
    "legal_hold_reason": gettext_lazy("Redenen van bewaarplichten"),
    "subject_request_content": gettext_lazy("Inhoud van verzoeken van betrokkenen"),
    "request_contribution_input": gettext_lazy("Inbreng bij verzoeken van betrokkenen"),
    "log_record": gettext_lazy("Logregels van het logboek dataverwerkingen"),
    "sign_in_failure": gettext_lazy("Mislukte inlogpogingen"),
}


# Shared with the API ----------------------------------------------------------------------


def short_id(pk: uuid.UUID) -> str:
    return str(pk).split("-")[0]


def object_kind_label(code: str) -> str:
    label = OBJECT_KINDS.get(code)
    return str(label) if label is not None else code


def rule_label(code: str) -> str:
    """A deletion record's rule: a retention kind (the expiry of never-weighed signals is one)."""
    facts = terms.kinds().get(code)
    return str(facts.label) if facts else code


@dataclass(frozen=True)
class DeletionRow:
    record: DeletionRecord
    kind_label: str
    rule_label: str
    run: str


def deletion_row(record: DeletionRecord) -> DeletionRow:
    return DeletionRow(
        record=record,
        kind_label=object_kind_label(record.object_kind),
        rule_label=rule_label(record.policy),
        run=short_id(record.run_id),
    )


@dataclass(frozen=True)
class RunKind:
    kind: str
    label: str
    due: int
    done: int
    deleted: int
    finished: bool


def run_kinds(run: RetentionRun) -> list[RunKind]:
    """The run's progress per kind, in the order of the terms table."""
    progress = run.progress if isinstance(run.progress, dict) else {}
    kinds = []
    for kind in terms.kinds():
        state = progress.get(kind)
        if not isinstance(state, dict):
            continue
        kinds.append(
            RunKind(
                kind=kind,
                label=rule_label(kind),
                due=int(state.get("due", 0)),
                done=int(state.get("done", 0)),
                deleted=int(state.get("deleted", 0)),
                finished=bool(state.get("finished", False)),
            )
        )
    return kinds


class HoldStatus:
    ACTIVE = "active"
    ENDED = "ended"
    LIFTED = "lifted"


HOLD_STATUS_LABELS: dict[str, Any] = {
    HoldStatus.ACTIVE: gettext_lazy("Loopt"),
    HoldStatus.ENDED: gettext_lazy("Afgelopen"),
    HoldStatus.LIFTED: gettext_lazy("Opgeheven"),
}


def hold_status(hold: LegalHold) -> str:
    if hold.lifted_at is not None:
        return HoldStatus.LIFTED
    if hold.ends_on < timezone.localdate():
        return HoldStatus.ENDED
    return HoldStatus.ACTIVE


def hold_scope(hold: LegalHold) -> str:
    """A person is never named, not even by reference: the hold says "a person"."""
    if hold.subject_id is not None:
        return _("persoon (via referentie)")
    return rule_label(hold.kind)


@dataclass(frozen=True)
class HoldRow:
    hold: LegalHold
    scope: str
    status: str
    status_label: str
    placed_by: str


def hold_row(hold: LegalHold) -> HoldRow:
    status = hold_status(hold)
    return HoldRow(
        hold=hold,
        scope=hold_scope(hold),
        status=status,
        status_label=str(HOLD_STATUS_LABELS[status]),
        placed_by=staff_display(hold.placed_by, hold.organisation),
    )


def policy_changers(changed: Iterable[RetentionPolicy]) -> dict[uuid.UUID, str]:
    """Who last changed each term, as function and organisation (a functional admin's own
    organisation; the platform operator as such) — never a name: every organisation sees it."""
    users = {p.updated_by.pk: p.updated_by for p in changed if p.updated_by is not None}
    if not users:
        return {}
    admin_of: dict[uuid.UUID, Membership] = {}
    memberships = (
        Membership.objects.filter(user_id__in=list(users), role=Role.FUNCTIONAL_ADMIN)
        .select_related("organisation")
        .order_by(F("ended_at").asc(nulls_first=True), "-valid_from")
    )
    for membership in memberships:
        admin_of.setdefault(membership.user_id, membership)
    shown: dict[uuid.UUID, str] = {}
    for pk, user in users.items():
        found = admin_of.get(pk)
        if found is not None:
            shown[pk] = staff_display(user, found.organisation)
        else:
            function = user.function_title.strip() or _("Medewerker")
            shown[pk] = _("%(function)s – platformbeheer") % {"function": function}
    return shown
