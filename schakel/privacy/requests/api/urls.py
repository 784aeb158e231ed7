"""API routes of the privacy app's request part, included under /api/v1/."""

from django.urls import URLPattern, path

from schakel.privacy.requests.api import contribution_views, export_views, views

urlpatterns: list[URLPattern] = [
    path("subject-requests", views.SubjectRequestListView.as_view(), name="subject-request-list"),
    path(
        "subject-requests/<uuid:id>",
        views.SubjectRequestDetailView.as_view(),
        name="subject-request-detail",
    ),
    path(
        "subject-requests/<uuid:id>/identity",
        views.IdentityView.as_view(),
        name="subject-request-identity",
    ),
    path(
        "subject-requests/<uuid:id>/extension",
        views.ExtensionView.as_view(),
        name="subject-request-extension",
    ),
    path(
        "subject-requests/<uuid:id>/decision",
        views.DecisionView.as_view(),
        name="subject-request-decision",
    ),
    path(
        "subject-requests/<uuid:id>/withdrawal",
        views.WithdrawalView.as_view(),
        name="subject-request-withdrawal",
    ),
    path(
        "subject-requests/<uuid:id>/contributions",
        views.RequestContributionsView.as_view(),
        name="subject-request-contributions",
    ),
    path(
        "subject-requests/<uuid:id>/access-export",
        export_views.AccessExportView.as_view(),
        name="subject-request-access-export",
    ),
    path(
        "request-contributions",
        contribution_views.ContributionInboxView.as_view(),
        name="request-contribution-list",
    ),
    path(
        "request-contributions/<uuid:id>",
        contribution_views.ContributionDetailView.as_view(),
        name="request-contribution-detail",
    ),
]
