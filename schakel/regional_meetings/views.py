"""Pages of a collaboration's meetings: the overview, series (plan, change, see their
occurrences) and one-off meetings, and the calendar files. A meeting's own page and what is
done on it are in ``meeting_views``; attachments in ``attachment_views``; working groups in
``group_views``. Anyone who is not a member of the collaboration gets a 404."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.collaboration.selectors import collaborations_of, roles_in
from schakel.core.once import token_required
from schakel.core.pages import form_methods, posted
from schakel.regional_meetings import access, calendar, forms, permissions, selectors, services
from schakel.regional_meetings.models import Meeting, MeetingSeries, WorkingGroup

UPCOMING_SIZE = 20
SERIES_FIELDS = (
    "title",
    "place",
    "first_on",
    "start_time",
    "duration_minutes",
    "interval_weeks",
    "until",
    "count",
)


def overview_url(collaboration_id: uuid.UUID) -> str:
    return reverse("regional_meetings:overview", kwargs={"collaboration": collaboration_id})


def meeting_url(meeting: Meeting) -> str:
    return reverse("regional_meetings:meeting_detail", kwargs={"pk": meeting.pk})


def series_url(series: MeetingSeries) -> str:
    return reverse("regional_meetings:series_detail", kwargs={"pk": series.pk})


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The collaborations the acting membership takes part in, each with its next meeting."""
    membership = access.member(request)
    rows = [
        (collaboration, selectors.upcoming(collaboration).first())
        for collaboration in collaborations_of(membership).order_by("name")
    ]
    return render(request, "regional_meetings/index.html", {"rows": rows})


@require_GET
def overview(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership, found, roles = access.collaboration(request, collaboration)
    groups = list(selectors.groups_for(membership).filter(collaboration=found))
    context = {
        "collaboration": found,
        "upcoming": list(selectors.upcoming(found)[:UPCOMING_SIZE]),
        "past": list(selectors.past(found)[:UPCOMING_SIZE]),
        "series": list(selectors.series_list_for(membership).filter(collaboration=found)),
        "groups": groups,
        "actions": list(selectors.open_actions(found)[:UPCOMING_SIZE]),
        "may_edit": permissions.may_edit(membership, roles, None),
        "may_keep_groups": permissions.may_keep_groups(roles),
    }
    return render(request, "regional_meetings/overview.html", context)


def _group_of(request: HttpRequest, collaboration_id: uuid.UUID) -> WorkingGroup | None:
    """The working group named in ``?werkgroep=`` (of this collaboration), or None."""
    value = request.GET.get("werkgroep")
    if not value:
        return None
    try:
        pk = uuid.UUID(value)
    except ValueError:
        raise Http404 from None
    group = selectors.group_for(access.member(request), pk)
    if group.collaboration_id != collaboration_id:
        raise Http404
    return group


@token_required
@form_methods
def series_create(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership, found, roles = access.collaboration(request, collaboration)
    group = _group_of(request, found.pk)
    if not permissions.may_edit(membership, roles, group):
        raise Http404
    form = forms.SeriesForm(posted(request))
    return access.form_page(
        request,
        form,
        title=_("Overlegreeks plannen") + (f" – {group.name}" if group else ""),
        back_url=overview_url(found.pk),
        submit=_("Reeks plannen"),
        save=lambda: services.series_save(
            membership=membership, collaboration=found, data=form.to_input(group)
        ),
        done=_("De overlegreeks is gepland."),
        to=series_url,
        intro=_(
            "De overleggen worden vooruit gepland tot de einddatum, het aantal keer of "
            "hoogstens 18 maanden vooruit. Elk overleg kunt u daarna apart verplaatsen of "
            "annuleren."
        ),
    )


@token_required
@form_methods
def series_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = access.member(request)
    series = selectors.series_for(membership, pk)
    roles = roles_in(membership, series.collaboration)
    if not permissions.may_edit(membership, roles, series.working_group):
        raise Http404
    initial = {field: getattr(series, field) for field in SERIES_FIELDS}
    form = forms.SeriesForm(posted(request), initial=initial)
    return access.form_page(
        request,
        form,
        title=_("Overlegreeks wijzigen"),
        back_url=series_url(series),
        submit=_("Wijzigingen opslaan"),
        save=lambda: services.series_save(
            membership=membership,
            collaboration=series.collaboration,
            data=form.to_input(series.working_group),
            series=series,
        ),
        done=_("De overlegreeks is gewijzigd; de komende overleggen zijn opnieuw gepland."),
        to=series_url,
        intro=_(
            "Alleen komende overleggen die nog zijn zoals gepland veranderen mee. Verplaatste "
            "en geannuleerde overleggen en overleggen in het verleden blijven zoals ze zijn."
        ),
    )


@require_GET
def series_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = access.member(request)
    series = selectors.series_for(membership, pk)
    roles = roles_in(membership, series.collaboration)
    context = {
        "series": series,
        "meetings": list(series.meetings.order_by("starts_at")),
        "may_edit": permissions.may_edit(membership, roles, series.working_group),
    }
    return render(request, "regional_meetings/series_detail.html", context)


@token_required
@form_methods
def meeting_create(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership, found, roles = access.collaboration(request, collaboration)
    group = _group_of(request, found.pk)
    if not permissions.may_edit(membership, roles, group):
        raise Http404
    form = forms.MeetingForm(posted(request))

    def save() -> Meeting:
        data = form.cleaned_data
        return services.meeting_create(
            membership=membership,
            collaboration=found,
            working_group=group,
            title=data["title"],
            place=data["place"],
            starts_at=forms.combine(data["day"], data["start_time"]),  # type: ignore[arg-type]
            duration_minutes=data["duration_minutes"],
        )

    return access.form_page(
        request,
        form,
        title=_("Eenmalig overleg plannen") + (f" – {group.name}" if group else ""),
        back_url=overview_url(found.pk),
        submit=_("Overleg plannen"),
        save=save,
        done=_("Het overleg is gepland."),
        to=meeting_url,
        fields={"starts_at": "day"},
    )


@require_GET
def meeting_ics(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    meeting = selectors.meeting_for(access.member(request), pk)
    return calendar.ics_response(
        [meeting],
        name=meeting.title,
        base_url=request.build_absolute_uri("/"),
        filename="overleg.ics",
    )


@require_GET
def series_ics(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    series = selectors.series_for(access.member(request), pk)
    return calendar.ics_response(
        series.meetings.order_by("starts_at"),
        name=series.title,
        base_url=request.build_absolute_uri("/"),
        filename="overlegreeks.ics",
    )
