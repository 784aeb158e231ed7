"""The privacy officer's search in the processing log: filters, scope and keyset pages.

Scope: the records an organisation's own staff wrote while acting for it
(``actor_organisation_id``), plus the records of the platform itself (no actor: expiry and
retention runs). Records of other organisations are never shown; records of a person without an
acting organisation (signing in) are not an organisation's and are left out.

Pages are keyset pages, newest first, ordered by ``(start_time, sequence)``: every page is one
range scan of the ``start_time`` index, however far back it is, and nothing is counted. A cursor
is the ``sequence`` of the last (``after``) or first (``before``) row of the page shown.

The search is itself supervision and is logged (``supervision``, ``log_search``) with
the codes of the filters only: never the pseudonym searched for.
"""

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership, User
from schakel.audit.activities import activity_choices
from schakel.audit.choices import StatusCode
from schakel.audit.models import LogRecord
from schakel.audit.services import AttributeValue, log_processing
from schakel.core.forms import DATE_INPUT_FORMATS, StyledFormMixin
from schakel.privacy.activities import PrivacyActivity

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DEFAULT_DAYS = 30
EARLIEST = dt.date(2000, 1, 1)
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
SYSTEM = "system"
PSEUDONYM = re.compile(r"^[0-9a-f]{64}$")

STATUS_LABELS: dict[str, "StrOrPromise"] = {
    StatusCode.OK: _("Gelukt"),
    StatusCode.ERROR: _("Mislukt"),
    StatusCode.UNSET: _("Onbekend"),
}


@dataclass(frozen=True)
class Period:
    """Whole days in Schakel's time zone, both inclusive."""

    start: dt.date
    end: dt.date

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[first moment, first moment after) as aware datetimes."""
        zone = timezone.get_default_timezone()
        first = dt.datetime.combine(self.start, dt.time.min, tzinfo=zone)
        after = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        return first, after


@dataclass(frozen=True)
class LogFilters:
    period: Period
    activity: str = ""
    organisation: str = ""  # the officer's organisation id, SYSTEM, or "" for both
    actor: str = ""  # a user id
    subject: str = ""  # a log pseudonym
    status: str = ""

    def codes(self) -> dict[str, AttributeValue]:
        """What the log of the search holds: codes and dates, no pseudonym, no user id."""
        codes: dict[str, AttributeValue] = {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
        }
        if self.activity:
            codes["activity"] = self.activity
        if self.organisation:
            codes["organisation"] = SYSTEM if self.organisation == SYSTEM else "own"
        if self.status:
            codes["status"] = self.status
        if self.actor:
            codes["actor_filter"] = True
        if self.subject:
            codes["subject_filter"] = True
        return codes


@dataclass(frozen=True)
class StaffMember:
    """A member of the officer's own organisation (names stay inside that organisation)."""

    id: str
    name: str
    function: str


def staff_of(membership: Membership) -> list[StaffMember]:
    """Everyone who holds or held a membership of the officer's organisation."""
    rows = (
        User.objects.filter(memberships__organisation_id=membership.organisation_id)
        .values_list("id", "full_name", "function_title")
        .distinct()
        .order_by("full_name", "id")
    )
    return [StaffMember(str(pk), name, function) for pk, name, function in rows]


def with_defaults(data: Mapping[str, str], *, start: str, end: str) -> dict[str, str]:
    """The query as a form's data, with the default period where none was given."""
    today = timezone.localdate()
    values = {key: str(data.get(key, "")) for key in data}
    if not values.get(start, "").strip():
        values[start] = (today - dt.timedelta(days=DEFAULT_DAYS)).isoformat()
    if not values.get(end, "").strip():
        values[end] = today.isoformat()
    return values


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _date_field(label: "StrOrPromise") -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in als jjjj-mm-dd."),
        },
    )


class PeriodForm(StyledFormMixin, forms.Form):
    """From and to (inclusive), at most one year, not before 2000 and not after today."""

    van = _date_field(_("Van"))
    tot = _date_field(_("Tot en met"))

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("van"), cleaned.get("tot")
        today = timezone.localdate()
        for name in ("van", "tot"):
            day = cleaned.get(name)
            if isinstance(day, dt.date) and day < EARLIEST:
                self.add_error(name, _("Kies een datum vanaf 1 januari 2000."))
            elif isinstance(day, dt.date) and day > today:
                self.add_error(name, _("Kies een datum tot en met vandaag."))
        if not isinstance(start, dt.date) or not isinstance(end, dt.date) or self.errors:
            return cleaned
        if end < start:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        elif end >= _one_year_after(start):
            self.add_error("tot", _("Kies een periode van hoogstens één jaar."))
        return cleaned

    def period(self) -> Period:
        return Period(self.cleaned_data["van"], self.cleaned_data["tot"])


class LogSearchForm(PeriodForm):
    """The search's filters. Names are the UI's form fields (POSTed); the API maps its own."""

    activiteit = forms.ChoiceField(label=_("Verwerkingsactiviteit"), required=False)
    organisatie = forms.ChoiceField(label=_("Organisatie"), required=False)
    medewerker = forms.ChoiceField(label=_("Medewerker"), required=False)
    betrokkene = forms.CharField(
        label=_("Betrokkene (pseudoniem)"),
        required=False,
        max_length=200,
        help_text=_("Het volledige pseudoniem: 64 tekens, cijfers en de letters a tot en met f."),
    )
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), required=False)

    def __init__(
        self, data: Mapping[str, str], *, membership: Membership, staff: list[StaffMember]
    ) -> None:
        super().__init__(data)
        self.organisation_id = str(membership.organisation_id)
        invalid = _("Kies een waarde uit de lijst.")
        choices: dict[str, list[tuple[str, Any]]] = {
            "activiteit": [("", _("Alle activiteiten")), *activity_choices()],
            "organisatie": [
                ("", _("Eigen organisatie en systeem")),
                (self.organisation_id, membership.organisation.name),
                (SYSTEM, _("Systeem (zonder medewerker)")),
            ],
            "medewerker": [
                ("", _("Alle medewerkers")),
                *((m.id, f"{m.name} – {m.function}" if m.function else m.name) for m in staff),
            ],
            "uitkomst": [("", _("Alle uitkomsten")), *STATUS_LABELS.items()],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options
            field.error_messages["invalid_choice"] = invalid

    def clean_betrokkene(self) -> str:
        value = str(self.cleaned_data.get("betrokkene", "")).strip().lower()
        if value and not PSEUDONYM.match(value):
            raise forms.ValidationError(
                _("Een pseudoniem bestaat uit 64 tekens: cijfers en de letters a tot en met f.")
            )
        return value

    def filters(self) -> LogFilters:
        data = self.cleaned_data
        return LogFilters(
            period=self.period(),
            activity=data["activiteit"],
            organisation=data["organisatie"],
            actor=data["medewerker"],
            subject=data["betrokkene"],
            status=data["uitkomst"],
        )


def form_values(filters: LogFilters, *, subject: bool = True) -> list[tuple[str, str]]:
    """The filters as the search form's fields (names and values), the empty ones left out.

    The UI repeats them in hidden fields of the forms that page or narrow the search (POST: no
    filter is ever in a URL); without ``subject`` the pseudonym is left out too.
    """
    values = [
        ("van", filters.period.start.isoformat()),
        ("tot", filters.period.end.isoformat()),
        ("activiteit", filters.activity),
        ("organisatie", filters.organisation),
        ("medewerker", filters.actor),
        ("betrokkene", filters.subject if subject else ""),
        ("uitkomst", filters.status),
    ]
    return [(name, value) for name, value in values if value]


# Reads ----------------------------------------------------------------------------------------


def records_in_scope(*, membership: Membership) -> QuerySet[LogRecord]:
    """The officer's organisation's records and the platform's own (no actor)."""
    return LogRecord.objects.filter(
        Q(actor_organisation_id=str(membership.organisation_id)) | Q(actor_user_id="")
    )


def records_in_period(*, membership: Membership, period: Period) -> QuerySet[LogRecord]:
    first, after = period.bounds()
    return records_in_scope(membership=membership).filter(
        start_time__gte=first, start_time__lt=after
    )


def matching_records(*, membership: Membership, filters: LogFilters) -> QuerySet[LogRecord]:
    records = records_in_period(membership=membership, period=filters.period)
    if filters.activity:
        records = records.filter(activity_id=filters.activity)
    if filters.organisation == SYSTEM:
        records = records.filter(actor_user_id="")
    elif filters.organisation:
        records = records.filter(actor_organisation_id=filters.organisation)
    if filters.actor:
        records = records.filter(actor_user_id=filters.actor)
    if filters.subject:
        records = records.filter(data_subject_id=filters.subject)
    if filters.status:
        records = records.filter(status_code=filters.status)
    return records


@dataclass(frozen=True)
class LogPage:
    """One page, newest first; ``newer``/``older`` are the cursors to the pages around it."""

    records: list[LogRecord]
    newer: int | None
    older: int | None


def keyset_page(
    records: QuerySet[LogRecord], *, after: int | None, before: int | None, size: int
) -> LogPage:
    """The page after (older than) or before (newer than) the row with that sequence.

    A cursor that is not among ``records`` (another scope, other filters) starts at the top.
    """
    cursor = after if after is not None else before
    position = None
    if cursor is not None:
        position = records.filter(sequence=cursor).values_list("start_time", flat=True).first()
    if position is None:
        rows = list(records.order_by("-start_time", "-sequence")[: size + 1])
        return LogPage(rows[:size], None, rows[size - 1].sequence if len(rows) > size else None)
    assert cursor is not None
    if after is not None:
        older = records.filter(start_time__lte=position).filter(
            Q(start_time__lt=position) | Q(sequence__lt=cursor)
        )
        rows = list(older.order_by("-start_time", "-sequence")[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        return LogPage(
            rows, rows[0].sequence if rows else None, rows[-1].sequence if more else None
        )
    newer = records.filter(start_time__gte=position).filter(
        Q(start_time__gt=position) | Q(sequence__gt=cursor)
    )
    rows = list(newer.order_by("start_time", "sequence")[: size + 1])
    more = len(rows) > size
    rows = rows[:size][::-1]
    return LogPage(rows, rows[0].sequence if more else None, rows[-1].sequence if rows else None)


def log_search_page(
    *,
    user: User,
    membership: Membership,
    filters: LogFilters,
    after: int | None = None,
    before: int | None = None,
    size: int = PAGE_SIZE,
    channel: str = "ui",
) -> LogPage:
    """Log the search (before anything is read), then read one page."""
    codes = filters.codes()
    with transaction.atomic():
        log_processing(
            activity=PrivacyActivity.SUPERVISION,
            name="log_search",
            by=user,
            attributes={**codes, "channel": channel},
        )
    records = matching_records(membership=membership, filters=filters)
    return keyset_page(records, after=after, before=before, size=max(1, min(size, MAX_PAGE_SIZE)))
