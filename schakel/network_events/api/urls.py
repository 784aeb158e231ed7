"""Routes of the network-events API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.network_events.api import outcome_views, views

urlpatterns = [
    path("network-events", views.EventListView.as_view(), name="network-event-list"),
    path("network-events/<uuid:id>", views.EventDetailView.as_view(), name="network-event-detail"),
    path(
        "network-events/<uuid:id>/record",
        views.EventRecordView.as_view(),
        name="network-event-record",
    ),
    path(
        "network-events/<uuid:id>/cancel",
        views.EventCancelView.as_view(),
        name="network-event-cancel",
    ),
    path(
        "network-events/<uuid:id>/learning-points",
        outcome_views.EventLearningPointsView.as_view(),
        name="network-event-learning-points",
    ),
    path(
        "network-events/<uuid:id>/follow-ups",
        outcome_views.EventFollowUpsView.as_view(),
        name="network-event-follow-ups",
    ),
    path(
        "network-learning-points",
        outcome_views.LearningPointListView.as_view(),
        name="network-learning-point-list",
    ),
    path(
        "network-follow-ups",
        outcome_views.FollowUpListView.as_view(),
        name="network-follow-up-list",
    ),
    path(
        "network-follow-ups/<uuid:id>/complete",
        outcome_views.FollowUpCompleteView.as_view(),
        name="network-follow-up-complete",
    ),
]
