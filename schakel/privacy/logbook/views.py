"""Privacy officer's views on the register, the integrity of the processing log, the log
search and the log export.

Only members with the privacy officer role reach them; everyone else gets 404. The search and
the export act in the acting membership, which must be a privacy officer's.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.permissions import privacy_officer_required
from schakel.accounts.stepup import step_up_required
from schakel.audit import chain
from schakel.audit.activities import activity_label
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.verification import verify_processing_log
from schakel.privacy.action_names import action_name
from schakel.privacy.logbook import logboek_export, search, selectors

# The chain check names its findings in English; the officer reads them in Dutch.
PROBLEMS = {
    chain.RECORD_MISSING: gettext_lazy("Er ontbreekt een logregel."),
    chain.LINK_BROKEN: gettext_lazy("De verwijzing naar de vorige logregel klopt niet."),
    chain.CONTENT_CHANGED: gettext_lazy("De inhoud van de logregel is gewijzigd."),
    chain.TAIL_MISSING: gettext_lazy("Logregels aan het eind van het logboek ontbreken."),
}


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@privacy_officer_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    activities = selectors.processing_register(user=_user(request))
    return render(request, "audit/register.html", {"activities": activities})


@privacy_officer_required
@require_http_methods(["GET", "POST"])
def integrity(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if request.method == "POST":
        report, _run = verify_processing_log(started_by_id=str(user.pk))
        if report.intact:
            messages.success(request, _("De controle is klaar: het logboek is intact."))
        else:
            messages.error(request, _("De controle is klaar: het logboek is niet intact."))
        return redirect("audit:integrity")
    status = selectors.integrity_status(user=user)
    problem = ""
    if status.last_run is not None and status.last_run.problem:
        problem = str(PROBLEMS.get(status.last_run.problem, status.last_run.problem))
    context = {"status": status, "problem": problem}
    return render(request, "audit/integrity.html", context)


# Log search and export ---------------------------------------------------------------------


def _officer_membership(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise Http404
    return membership


def _label(choices: type[SubjectType | Role], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _cursor(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and len(raw) <= 18 else None


@dataclass(frozen=True)
class SearchRow:
    record: LogRecord
    activity: str
    action: str
    organisation: str
    actor: str
    subject_type: str
    status: str


def _rows(
    records: list[LogRecord], *, membership: Membership, staff: list[search.StaffMember]
) -> list[SearchRow]:
    functions = {member.id: member.function for member in staff}
    own = membership.organisation.name
    rows = []
    for record in records:
        if record.actor_user_id:
            function = functions.get(record.actor_user_id) or _("Medewerker")
            role = _label(Role, record.actor_role) if record.actor_role else ""
            actor = f"{function} ({role})" if role else function
        else:
            actor = _("Systeem")
        rows.append(
            SearchRow(
                record=record,
                activity=activity_label(record.activity_id),
                action=action_name(record.name),
                organisation=own if record.actor_user_id else _("Systeem"),
                actor=actor,
                subject_type=(
                    _label(SubjectType, record.data_subject_type) if record.data_subject_id else ""
                ),
                status=str(search.STATUS_LABELS.get(record.status_code, record.status_code)),
            )
        )
    return rows


@require_http_methods(["GET", "POST"])
def log_search(request: HttpRequest) -> HttpResponse:
    """The search; its filters travel only in POSTed forms, never in the URL.

    A pseudonym is personal data and an actor filter points at a colleague, so neither may reach
    browser histories, proxy logs or ``Referer`` headers. A plain GET shows the default search
    (the last 30 days, no filters); a GET with a query string (an old bookmark, a hand-made
    link) is not honoured but redirected to the bare address, so the query leaves the address
    bar. The search form, the paging buttons and the per-row "zoek op deze betrokkene" buttons
    all POST the filters (with the CSRF token).
    """
    membership = _officer_membership(request)
    if request.method == "GET" and request.GET:
        return redirect("audit:log_search")
    user = _user(request)
    staff = search.staff_of(membership)
    given = request.POST if request.method == "POST" else {}
    data = search.with_defaults(given, start="van", end="tot")
    form = search.LogSearchForm(data, membership=membership, staff=staff)
    page = None
    filters = None
    if form.is_valid():
        filters = form.filters()
        page = search.log_search_page(
            user=user,
            membership=membership,
            filters=filters,
            after=_cursor(given.get("na")),
            before=_cursor(given.get("voor")),
        )
    context = {
        "form": form,
        "errors": search_errors(form),
        "page": page,
        "rows": _rows(page.records, membership=membership, staff=staff) if page else [],
        "filters": search.form_values(filters) if filters else [],
        "filters_but_subject": search.form_values(filters, subject=False) if filters else [],
        "status": selectors.integrity_status(user=user),
        "organisation": membership.organisation,
    }
    return render(request, "audit/log_search.html", context)


@dataclass(frozen=True)
class ErrorLine:
    label: str
    message: str
    anchor: str


def search_errors(form: search.PeriodForm) -> list[ErrorLine]:
    """Every message of the form, each linking to its field (the error summary)."""
    if not form.is_bound:
        return []
    lines = [ErrorLine("", str(message), "") for message in form.non_field_errors()]
    for field in form:
        lines += [ErrorLine(str(field.label), str(m), field.id_for_label) for m in field.errors]
    return lines


@require_GET
def log_export(request: HttpRequest) -> HttpResponseBase:
    """The form (no period given), or the download after step-up (a valid period).

    A GET form: its query holds only the period (dates, no personal data), and the step-up
    redirect comes back to the same URL.
    """
    membership = _officer_membership(request)
    data = search.with_defaults(request.GET, start="van", end="tot")
    form = search.PeriodForm(data)
    if not ({"van", "tot"} & set(request.GET)) or not form.is_valid():
        context = {"form": form, "errors": search_errors(form) if request.GET else []}
        return render(request, "audit/log_export.html", context)
    return _download(request, membership=membership, period=form.period())


def _stream_export(
    request: HttpRequest, *, membership: Membership, period: search.Period
) -> HttpResponseBase:
    export = logboek_export.start_export(
        user=_user(request),
        membership=membership,
        period=period,
        register=logboek_export.register_uri(request),
        channel="ui",
    )
    return logboek_export.streaming_response(export)


# The decorator's type says HttpResponse; a streamed file is an HttpResponseBase all the same.
_download = step_up_required(cast("Callable[..., HttpResponse]", _stream_export))
