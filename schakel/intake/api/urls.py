"""Routes of the meldpunt API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.intake.api import identity_views, views

urlpatterns = [
    path("signals", views.SignalListView.as_view(), name="signal-list"),
    path("signals/<uuid:id>", views.SignalDetailView.as_view(), name="signal-detail"),
    path("match-suggestions", views.SuggestionListView.as_view(), name="suggestion-list"),
    path(
        "match-suggestions/<uuid:id>",
        views.SuggestionDetailView.as_view(),
        name="suggestion-detail",
    ),
    path(
        "match-suggestions/<uuid:id>/decision",
        views.SuggestionDecisionView.as_view(),
        name="suggestion-decision",
    ),
    path(
        "subjects/<uuid:id>/main-identity",
        identity_views.MainIdentityView.as_view(),
        name="subject-main-identity",
    ),
    path("online-research", views.ResearchListView.as_view(), name="research-list"),
    path("online-research/<uuid:id>", views.ResearchDetailView.as_view(), name="research-detail"),
    path(
        "online-research/<uuid:id>/completion",
        views.ResearchCompletionView.as_view(),
        name="research-completion",
    ),
]
