"""The course of a case on its page: the phase bar and the timeline.

The timeline holds only what the viewer already sees elsewhere: the signals and the weighing
decision only for whoever sees those in the intake and the weighing (the meldpunt of the
directing municipality), the meetings, plan versions and interventions of the case page, the
disclosures the viewer's agenda-item page shows (all of them for whoever steers the case,
otherwise those its organisation made or received) and the case's own dates. Each entry holds a
date, a kind, a short Dutch label (organisations, kinds and statuses, never free text or a
name) and a link where the viewer may follow one. Building it takes a fixed number of queries
whatever the case holds. The case page's read record names what the timeline showed
(``selectors.case_get_for``).
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby
from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.cases import permissions
from schakel.cases.choices import CasePhase, InterventionStatus, MeetingStatus
from schakel.cases.models import ActionPlanVersion, AgendaItem, Case, Disclosure, Intervention
from schakel.intake.selectors import signals_visible_to
from schakel.weighing.models import WeighingItem
from schakel.weighing.selectors import items_visible_to

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from schakel.cases.selectors import CaseView

# The steps of the phase bar: before the case (signal, weighing) and the case's own phases.
PHASE_STEPS: "tuple[tuple[str, StrOrPromise], ...]" = (
    ("signal", _("Signaal")),
    ("weighing", _("Weging")),
    (CasePhase.CONSULTATION.value, CasePhase.CONSULTATION.label),
    (CasePhase.MONITORING.value, CasePhase.MONITORING.label),
    (CasePhase.AFTERCARE.value, CasePhase.AFTERCARE.label),
    (CasePhase.CLOSED.value, CasePhase.CLOSED.label),
)


@dataclass(frozen=True)
class PhaseStep:
    label: "StrOrPromise"
    state: str  # "done", "current", "skipped" or "todo"


def _skipped(case: Case) -> set[str]:
    skipped = set()
    if case.monitoring_started_at is None:
        skipped.add(CasePhase.MONITORING.value)
    if case.deescalated_at is None:
        skipped.add(CasePhase.AFTERCARE.value)
    return skipped


def phase_steps(case: Case) -> list[PhaseStep]:
    """Signal and weighing are always done; monitoring counts as skipped when the case left
    consultation without it, aftercare when a case was closed without de-escalation."""
    keys = [key for key, _label in PHASE_STEPS]
    current = keys.index(case.phase)
    steps = []
    for position, (key, label) in enumerate(PHASE_STEPS):
        if position == current:
            state = "current"
        elif position > current:
            state = "todo"
        elif key in _skipped(case):
            state = "skipped"
        else:
            state = "done"
        steps.append(PhaseStep(label=label, state=state))
    return steps


@dataclass(frozen=True)
class Entry:
    at: datetime | date
    kind: str  # a code for the style: signal, weighing, case, meeting, plan, disclosure, ...
    kind_label: "StrOrPromise"
    label: str
    url: str = ""
    planned: bool = False  # in the future: a meeting planned, a due date ahead

    @property
    def sort_key(self) -> datetime:
        if isinstance(self.at, datetime):
            return timezone.localtime(self.at) if timezone.is_aware(self.at) else self.at
        return timezone.make_aware(datetime.combine(self.at, time.min))

    @property
    def has_time(self) -> bool:
        return isinstance(self.at, datetime)


@dataclass(frozen=True)
class Year:
    year: int
    entries: list[Entry]


def _text(message: "StrOrPromise", **values: object) -> str:
    return str(message) % values


def _signal_entries(membership: Membership, case: Case) -> list[Entry]:
    if case.opened_from_id is None:
        return []
    through = WeighingItem.signals.through.objects.filter(weighingitem_id=case.opened_from_id)
    signals = (
        signals_visible_to(membership=membership)
        .filter(pk__in=through.values("signal_id"))
        .select_related("registering_organisation")
        .only("id", "created_at", "observed_on", "registering_organisation__name")
    )
    return [
        Entry(
            at=signal.created_at,
            kind="signal",
            kind_label=_("Signaal"),
            label=_text(
                _("Geregistreerd door %(organisation)s (waargenomen op %(observed)s)"),
                organisation=signal.registering_organisation.name,
                observed=date_format(signal.observed_on, "j F Y"),
            ),
            url=reverse("intake:signal_detail", kwargs={"pk": signal.pk}),
        )
        for signal in signals
    ]


def _weighing_entries(membership: Membership, case: Case) -> list[Entry]:
    """The decision to include, for whoever sees the weighing item; the opening of the case
    (its date is on the case page) for everyone."""
    opened = Entry(
        at=case.opened_at, kind="case", kind_label=_("Casus"), label=str(_("Casus geopend"))
    )
    if case.opened_from_id is None:
        return [opened]
    item = (
        items_visible_to(membership=membership)
        .filter(pk=case.opened_from_id, decided_at__isnull=False)
        .only("id", "decided_at", "outcome")
        .first()
    )
    if item is None or item.decided_at is None:
        return [opened]
    decision = Entry(
        at=item.decided_at,
        kind="weighing",
        kind_label=_("Weging"),
        label=_text(_("Besluit: %(outcome)s"), outcome=item.get_outcome_display().lower()),
        url=reverse("weighing:item_detail", kwargs={"pk": item.pk}),
    )
    return [opened, decision]


def _meeting_entries(items: list[AgendaItem], now: datetime) -> list[Entry]:
    entries = []
    for item in items:
        meeting = item.meeting
        entries.append(
            Entry(
                at=meeting.starts_at,
                kind="meeting",
                kind_label=_("Casusoverleg"),
                label=_text(
                    _("%(status)s, %(place)s"),
                    status=meeting.get_status_display(),
                    place=meeting.place,
                ),
                url=reverse("cases:meeting_detail", kwargs={"pk": item.meeting_id}),
                planned=meeting.status == MeetingStatus.PLANNED and meeting.starts_at > now,
            )
        )
    return entries


def _plan_entries(
    case: Case, versions: list[ActionPlanVersion], items: list[AgendaItem]
) -> list[Entry]:
    meetings = {item.pk: item.meeting for item in items}
    entries = []
    for version in versions:
        url = reverse("cases:plan_version", kwargs={"pk": case.pk, "number": version.number})
        if version.is_adopted and version.adopted_at is not None:
            meeting = meetings.get(version.adopted_in_id) if version.adopted_in_id else None
            if meeting is not None:
                label = _text(
                    _("Versie %(number)s vastgesteld in het casusoverleg van %(day)s"),
                    number=version.number,
                    day=date_format(timezone.localtime(meeting.starts_at), "j F Y"),
                )
            else:
                label = _text(_("Versie %(number)s vastgesteld"), number=version.number)
            entries.append(Entry(version.adopted_at, "plan", _("Plan van aanpak"), label, url=url))
        else:
            label = _text(_("Versie %(number)s als concept begonnen"), number=version.number)
            entries.append(Entry(version.created_at, "plan", _("Plan van aanpak"), label, url=url))
    return entries


def _disclosure_entries(membership: Membership, case: Case) -> list[Entry]:
    """As the agenda-item pages show them (``selectors.disclosures_visible_for``)."""
    disclosures = Disclosure.objects.filter(agenda_item__case_id=case.pk)
    if not permissions.steers_case(membership, case):
        org = membership.organisation_id
        disclosures = disclosures.filter(Q(from_organisation_id=org) | Q(recipients=org)).distinct()
    rows = disclosures.select_related("from_organisation").only(
        "id", "created_at", "agenda_item_id", "corrects_id", "from_organisation__name"
    )
    return [
        Entry(
            at=disclosure.created_at,
            kind="disclosure",
            kind_label=_("Verstrekking"),
            label=_text(
                _("Correctie door %(organisation)s")
                if disclosure.corrects_id
                else _("Ingebracht door %(organisation)s"),
                organisation=disclosure.from_organisation.name,
            ),
            url=reverse("cases:item_detail", kwargs={"pk": disclosure.agenda_item_id}),
        )
        for disclosure in rows
    ]


ENDED = {InterventionStatus.COMPLETED: _("afgerond"), InterventionStatus.STOPPED: _("gestopt")}


def _intervention_entries(interventions: list[Intervention], today: date) -> list[Entry]:
    entries = []
    for intervention in interventions:
        url = reverse("cases:intervention_detail", kwargs={"pk": intervention.pk})
        what = _text(
            _("%(kind)s, door %(owner)s"),
            kind=intervention.get_kind_display(),
            owner=intervention.owner.name,
        )
        kind_label = _("Interventie")
        entries.append(
            Entry(
                intervention.starts_on,
                "intervention",
                kind_label,
                _text(_("Start: %(what)s"), what=what),
                url=url,
                planned=intervention.starts_on > today,
            )
        )
        ended = ENDED.get(InterventionStatus(intervention.status))
        if ended is not None and intervention.status_changed_at is not None:
            label = _text(_("%(what)s: %(ended)s"), what=what, ended=ended)
            entries.append(
                Entry(intervention.status_changed_at, "intervention", kind_label, label, url=url)
            )
        elif ended is None:
            label = _text(_("Gereed uiterlijk: %(what)s"), what=what)
            entries.append(
                Entry(
                    intervention.due_on,
                    "intervention",
                    kind_label,
                    label,
                    url=url,
                    planned=intervention.due_on >= today,
                )
            )
    return entries


def _closing_entries(case: Case) -> list[Entry]:
    entries = []
    if case.deescalated_at is not None:
        label = _text(
            _("Afgeschaald naar: %(destination)s"),
            destination=case.get_deescalation_destination_display(),
        )
        entries.append(Entry(case.deescalated_at, "case", _("Casus"), label))
    if case.closed_at is not None:
        label = _text(_("Afgesloten: %(reason)s"), reason=case.get_closure_reason_display())
        entries.append(Entry(case.closed_at, "case", _("Casus"), label))
    return entries


def case_timeline(*, membership: Membership, view: "CaseView") -> list[Year]:
    """Newest first, grouped per year, from the lists the case page already loaded (agenda
    items with their meeting, plan versions, interventions with their owner) and three small
    queries (signals, the weighing item, disclosures)."""
    case = view.case
    now = timezone.now()
    entries = [
        *_signal_entries(membership, case),
        *_weighing_entries(membership, case),
        *_meeting_entries(view.agenda_items, now),
        *_plan_entries(case, view.versions, view.agenda_items),
        *_disclosure_entries(membership, case),
        *_intervention_entries(view.interventions, timezone.localdate()),
        *_closing_entries(case),
    ]
    entries.sort(key=lambda entry: entry.sort_key, reverse=True)
    return [
        Year(year=year, entries=list(group))
        for year, group in groupby(entries, key=lambda entry: entry.sort_key.year)
    ]
