"""The privacy officer's desk (/privacybureau/): one page of panels and their drill-downs,
the supervision access, the annual access-rights review and the register downloads.

Desk pages are for a membership acting as privacy officer; everyone else gets 404. They show
metadata only; the content of a case is shown only on the supervision page, while an access
the officer opened with a recorded reason runs.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.permissions import checked_first, is_privacy_officer, may_administer
from schakel.accounts.stepup import step_up_required
from schakel.cases.choices import LifeDomain
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.core.forms import error_summary
from schakel.core.pages import PAGE_SIZE, form_methods, page_of, query_without_page
from schakel.privacy import supervision
from schakel.privacy.desk import access_review, access_signals, register_export
from schakel.privacy.desk import selectors as desk_selectors
from schakel.privacy.desk.forms import PeriodForm, SignOffForm, SupervisionForm
from schakel.privacy.logbook.selectors import integrity_status
from schakel.privacy.models import AccessReviewSignOff
from schakel.privacy.requests.desk_overview import desk_summary as request_summary
from schakel.privacy.retention.selectors import desk_summary as retention_summary


def _officer(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise Http404
    return membership


def _reviewer(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None or not access_review.may_view(membership):
        raise Http404
    return membership


def _register_reader(request: HttpRequest) -> None:
    """Privacy officers and functional admins (and the platform operator)."""
    user = request.user
    memberships = list(getattr(request, "active_memberships", []))
    if not isinstance(user, User) or not (
        is_privacy_officer(memberships) or may_administer(user, memberships)
    ):
        raise Http404


def _signer(request: HttpRequest) -> Membership:
    membership = _reviewer(request)
    if not access_review.may_sign_off(membership):
        raise Http404
    return membership


officer_only = checked_first(_officer)
reviewer_only = checked_first(_reviewer)
signer_only = checked_first(_signer)
register_readers_only = checked_first(_register_reader)


def _uuid(raw: str | None) -> uuid.UUID | None:
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError as error:
        raise Http404 from error


# The desk -------------------------------------------------------------------------------------


@officer_only
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    today = timezone.localdate()
    year = today.year
    start = today - desk_selectors.DEFAULT_DISCLOSURE_PERIOD
    disclosures = desk_selectors.disclosures_in_scope(membership=membership, start=start)
    context = {
        "membership": membership,
        "integrity": integrity_status(user=membership.user),
        "disclosure_count": disclosures.count(),
        "disclosure_start": start,
        "incidental_open": desk_selectors.incidental_open_queryset(membership=membership).count(),
        "requests": request_summary(membership=membership),
        "retention": retention_summary(membership=membership),
        "sign_ins": access_signals.failed_sign_ins(membership=membership),
        "privileged_changes": access_signals.privileged_change_count(membership=membership),
        "review_year": year,
        "review_sign_off": AccessReviewSignOff.objects.filter(
            organisation_id=membership.organisation_id, year=year
        ).first(),
        "review_memberships": access_review.memberships_in_year(
            membership.organisation, year
        ).count(),
        "supervision_running": supervision.accesses_of_officer(membership=membership)
        .filter(valid_until__gt=timezone.now())
        .count(),
        "spike_minimum": access_signals.SPIKE_MINIMUM,
        "spike_factor": access_signals.SPIKE_FACTOR,
    }
    return render(request, "privacy/desk/desk.html", context)


# Disclosures ----------------------------------------------------------------------------------


@officer_only
@require_GET
def desk_disclosures(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    form = PeriodForm(request.GET or None)
    start, end = form.period(desk_selectors.DEFAULT_DISCLOSURE_PERIOD)
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "start": start,
        "end": end,
        "per_basis": desk_selectors.disclosures_per_basis(
            membership=membership, start=start, end=end
        ),
        "per_organisation": desk_selectors.disclosures_per_organisation(
            membership=membership, start=start, end=end
        ),
        "period_query": f"van={start.isoformat()}&tot={end.isoformat()}",
        "organisation": membership.organisation,
    }
    return render(request, "privacy/desk/disclosures.html", context)


@officer_only
@require_GET
def desk_disclosure_list(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    form = PeriodForm(request.GET or None)
    start, end = form.period(desk_selectors.DEFAULT_DISCLOSURE_PERIOD)
    basis_id = _uuid(request.GET.get("grondslag"))
    organisation_id = _uuid(request.GET.get("organisatie"))
    queryset = desk_selectors.disclosure_rows_queryset(
        membership=membership,
        start=start,
        end=end,
        basis_id=basis_id,
        organisation_id=organisation_id,
    )
    page = page_of(request, queryset)
    rows = desk_selectors.read_disclosure_rows(membership=membership, disclosures=list(page))
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "page": page,
        "rows": rows,
        "start": start,
        "end": end,
        "query": query_without_page(request),
        "basis_id": basis_id or "",
        "organisation_id": organisation_id or "",
        "filtered": basis_id is not None or organisation_id is not None,
    }
    return render(request, "privacy/desk/disclosure_list.html", context)


# Incidental participations --------------------------------------------------------------------


@officer_only
@require_GET
def desk_incidental(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    page = page_of(request, desk_selectors.incidental_open_queryset(membership=membership))
    rows = desk_selectors.incidental_rows(list(page))
    return render(request, "privacy/desk/incidental.html", {"page": page, "rows": rows})


# Sign-ins and privileged memberships ----------------------------------------------------------


@officer_only
@require_GET
def desk_sign_ins(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    try:
        days = int(request.GET.get("dagen", access_signals.SIGN_IN_PERIODS[0]))
    except ValueError:
        days = access_signals.SIGN_IN_PERIODS[0]
    if days not in access_signals.SIGN_IN_PERIODS:
        days = access_signals.SIGN_IN_PERIODS[0]
    context = {
        "report": access_signals.failed_sign_ins(membership=membership, days=days),
        "periods": access_signals.SIGN_IN_PERIODS,
        "changes": access_signals.privileged_changes(membership=membership),
        "spike_minimum": access_signals.SPIKE_MINIMUM,
        "spike_factor": access_signals.SPIKE_FACTOR,
        "privileged_days": access_signals.PRIVILEGED_PERIOD.days,
        "organisation": membership.organisation,
    }
    return render(request, "privacy/desk/sign_ins.html", context)


# Supervision access ---------------------------------------------------------------------------


@officer_only
@form_methods
@step_up_required
def desk_supervision(request: HttpRequest) -> HttpResponse:
    membership = _officer(request)
    cases = supervision.pick_list(membership=membership)
    form = SupervisionForm(request.POST if request.method == "POST" else None, cases=cases)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            access = supervision.supervision_open(
                membership=membership,
                reference=data["reference"],
                case_id=_uuid(data["case"]),
                reason=data["reason"],
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            return redirect("privacy:desk_supervision_case", pk=access.pk)
    now = timezone.now()
    accesses = [
        {"access": a, "running": a.valid_until > now}
        for a in supervision.accesses_of_officer(membership=membership)[:PAGE_SIZE]
    ]
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "accesses": accesses,
        "hours": int(supervision.access_period().total_seconds() // 3600),
    }
    return render(request, "privacy/desk/supervision.html", context)


@officer_only
@require_GET
def desk_supervision_case(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    view = supervision.supervision_case_get(membership=membership, pk=pk)
    versions = [
        {
            "version": version,
            "analysis": [
                {"domain": domain.label, "text": getattr(version, ANALYSIS_FIELDS[domain])}
                for domain in LifeDomain
            ],
        }
        for version in view.versions
    ]
    context = {"view": view, "case": view.case, "access": view.access, "versions": versions}
    response = render(request, "privacy/desk/supervision_case.html", context)
    response["Cache-Control"] = "no-store"
    return response


# Access-rights review -------------------------------------------------------------------------


def _year(raw: str | int | None) -> int:
    today = timezone.localdate()
    try:
        year = int(raw) if raw is not None else today.year
    except ValueError:
        year = today.year
    if not 2000 <= year <= today.year:
        raise Http404
    return year


@reviewer_only
@require_GET
def access_review_page(request: HttpRequest) -> HttpResponse:
    membership = _reviewer(request)
    year = _year(request.GET.get("jaar"))
    rows = access_review.review_for(membership=membership, year=year)
    sign_offs = list(access_review.sign_offs(membership.organisation))
    signed = next((s for s in sign_offs if s.year == year), None)
    today = timezone.localdate()
    context = {
        "organisation": membership.organisation,
        "year": year,
        "years": list(range(today.year, today.year - 5, -1)),
        "rows": rows,
        "sign_offs": sign_offs,
        "signed": signed,
        "may_sign_off": access_review.may_sign_off(membership)
        and signed is None
        and year in access_review.signable_years(),
        "is_officer": membership.role == Role.PRIVACY_OFFICER,
    }
    return render(request, "privacy/desk/access_review.html", context)


@signer_only
@form_methods
@step_up_required
def access_review_sign_off(request: HttpRequest, year: int) -> HttpResponse:
    membership = _signer(request)
    year = _year(year)
    form = SignOffForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            access_review.sign_off(membership=membership, year=year, note=form.cleaned_data["note"])
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(
                request, _("De toegangsreview van %(year)s is afgetekend.") % {"year": year}
            )
            return redirect(reverse("privacy:desk_access_review") + f"?jaar={year}")
    context = {
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "year": year,
        "organisation": membership.organisation,
        "count": access_review.memberships_in_year(membership.organisation, year).count(),
    }
    return render(request, "privacy/desk/access_review_sign_off.html", context)


def _attachment(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@reviewer_only
@require_GET
@step_up_required
def access_review_csv(request: HttpRequest, year: int) -> HttpResponse:
    membership = _reviewer(request)
    year = _year(year)
    content = access_review.review_csv(membership=membership, year=year)
    return _attachment(
        content,
        filename=f"toegangsreview-{year}.csv",
        content_type=register_export.CSV_CONTENT_TYPE,
    )


# Register downloads ---------------------------------------------------------------------------


@register_readers_only
@require_GET
@step_up_required
def register_csv(request: HttpRequest) -> HttpResponse:
    content = register_export.register_csv(register_export.register_entries())
    return _attachment(
        content,
        filename=register_export.export_filename("csv"),
        content_type=register_export.CSV_CONTENT_TYPE,
    )


@register_readers_only
@require_GET
@step_up_required
def register_pdf(request: HttpRequest) -> HttpResponse:
    content = register_export.register_pdf(register_export.register_entries())
    return _attachment(
        content, filename=register_export.export_filename("pdf"), content_type="application/pdf"
    )
