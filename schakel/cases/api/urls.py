"""Routes of the case, consultation and action-plan API, included under /api/v1/."""

from django.urls import path

from schakel.cases.api import views
from schakel.cases.meetings.api import calendar_views as meeting_calendar_views
from schakel.cases.meetings.api import disclosure_views
from schakel.cases.meetings.api import views as meeting_views
from schakel.cases.plans.api import intervention_views as intervention_api_views
from schakel.cases.plans.api import views as plan_views

urlpatterns = [
    # cases
    path("cases", views.CaseListView.as_view(), name="case-list"),
    path("cases/<uuid:id>", views.CaseDetailView.as_view(), name="case-detail"),
    path(
        "cases/<uuid:id>/participations",
        views.ParticipationListView.as_view(),
        name="case-participations",
    ),
    path(
        "participations/<uuid:id>/end",
        views.ParticipationEndView.as_view(),
        name="participation-end",
    ),
    path("cases/<uuid:id>/informing", views.InformingView.as_view(), name="case-informing"),
    path(
        "cases/<uuid:id>/reassessment",
        views.ReassessmentView.as_view(),
        name="case-reassessment",
    ),
    path("cases/<uuid:id>/review", views.ReviewView.as_view(), name="case-review"),
    path("cases/<uuid:id>/monitoring", views.MonitoringView.as_view(), name="case-monitoring"),
    path(
        "cases/<uuid:id>/deescalation",
        views.DeescalationView.as_view(),
        name="case-deescalation",
    ),
    path("cases/<uuid:id>/closure", views.ClosureView.as_view(), name="case-closure"),
    # the action plan
    path("cases/<uuid:id>/plan", plan_views.PlanView.as_view(), name="case-plan"),
    path(
        "cases/<uuid:id>/plan/versions",
        plan_views.PlanVersionListView.as_view(),
        name="plan-version-list",
    ),
    path(
        "cases/<uuid:id>/plan/versions/<int:number>",
        plan_views.PlanVersionDetailView.as_view(),
        name="plan-version-detail",
    ),
    path(
        "cases/<uuid:id>/interventions",
        intervention_api_views.CaseInterventionsView.as_view(),
        name="case-interventions",
    ),
    path(
        "interventions",
        intervention_api_views.InterventionListView.as_view(),
        name="intervention-list",
    ),
    path(
        "interventions/<uuid:id>",
        intervention_api_views.InterventionDetailView.as_view(),
        name="intervention-detail",
    ),
    path(
        "interventions/<uuid:id>/progress",
        intervention_api_views.ProgressView.as_view(),
        name="intervention-progress",
    ),
    path(
        "interventions/<uuid:id>/removal",
        intervention_api_views.RemovalView.as_view(),
        name="intervention-removal",
    ),
    # consultation meetings
    path("meetings", meeting_views.MeetingListView.as_view(), name="meeting-list"),
    path(
        "meetings/calendar.ics",
        meeting_calendar_views.MeetingCalendarView.as_view(),
        name="meeting-calendar",
    ),
    path("meetings/<uuid:id>", meeting_views.MeetingDetailView.as_view(), name="meeting-detail"),
    path(
        "meetings/<uuid:id>/acknowledgment",
        meeting_views.AcknowledgmentView.as_view(),
        name="meeting-acknowledgment",
    ),
    path(
        "meetings/<uuid:id>/agenda-items",
        meeting_views.MeetingAgendaItemsView.as_view(),
        name="meeting-agenda-items",
    ),
    path(
        "agenda-items/<uuid:id>",
        meeting_views.AgendaItemDetailView.as_view(),
        name="agenda-item-detail",
    ),
    path(
        "agenda-items/<uuid:id>/invitations",
        meeting_views.InvitationsView.as_view(),
        name="agenda-item-invitations",
    ),
    path(
        "agenda-items/<uuid:id>/decisions",
        meeting_views.DecisionsView.as_view(),
        name="agenda-item-decisions",
    ),
    path(
        "agenda-items/<uuid:id>/plan-adoption",
        meeting_views.PlanAdoptionView.as_view(),
        name="agenda-item-plan-adoption",
    ),
    # disclosures at the table
    path(
        "agenda-items/<uuid:id>/disclosures",
        disclosure_views.AgendaItemDisclosuresView.as_view(),
        name="agenda-item-disclosures",
    ),
    path(
        "disclosures/<uuid:id>",
        disclosure_views.DisclosureDetailView.as_view(),
        name="disclosure-detail",
    ),
    path(
        "disclosures/<uuid:id>/corrections",
        disclosure_views.CorrectionsView.as_view(),
        name="disclosure-corrections",
    ),
]
