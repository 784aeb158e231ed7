"""Routes of the meetings API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.regional_meetings.api import item_views, views

urlpatterns = [
    path(
        "network-meeting-series", views.SeriesListView.as_view(), name="network-meeting-series-list"
    ),
    path(
        "network-meeting-series/<uuid:id>",
        views.SeriesDetailView.as_view(),
        name="network-meeting-series-detail",
    ),
    path("network-meetings", views.MeetingListView.as_view(), name="network-meeting-list"),
    path(
        "network-meetings/<uuid:id>",
        views.MeetingDetailView.as_view(),
        name="network-meeting-detail",
    ),
    path(
        "network-meetings/<uuid:id>/move",
        views.MeetingMoveView.as_view(),
        name="network-meeting-move",
    ),
    path(
        "network-meetings/<uuid:id>/cancel",
        views.MeetingCancelView.as_view(),
        name="network-meeting-cancel",
    ),
    path(
        "network-meetings/<uuid:id>/agenda-items",
        item_views.AgendaItemsView.as_view(),
        name="network-meeting-agenda-items",
    ),
    path(
        "network-meetings/<uuid:id>/minutes",
        item_views.MinutesView.as_view(),
        name="network-meeting-minutes",
    ),
    path(
        "network-meetings/<uuid:id>/attachments",
        item_views.AttachmentsView.as_view(),
        name="network-meeting-attachments",
    ),
    path(
        "network-meetings/<uuid:id>/decisions",
        item_views.DecisionsView.as_view(),
        name="network-meeting-decisions",
    ),
    path(
        "network-meetings/<uuid:id>/action-points",
        item_views.ActionPointsView.as_view(),
        name="network-meeting-action-points",
    ),
    path(
        "network-meeting-attachments/<uuid:id>",
        item_views.AttachmentView.as_view(),
        name="network-meeting-attachment-detail",
    ),
    path(
        "network-action-points/<uuid:id>",
        item_views.ActionPointView.as_view(),
        name="network-action-point-detail",
    ),
    path("working-groups", item_views.WorkingGroupListView.as_view(), name="working-group-list"),
    path(
        "working-groups/<uuid:id>",
        item_views.WorkingGroupDetailView.as_view(),
        name="working-group-detail",
    ),
]
