"""Routes of the meetings API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.regional_meetings.api import item_views, views

urlpatterns = [
    path("meeting-series", views.SeriesListView.as_view(), name="meeting-series-list"),
    path(
        "meeting-series/<uuid:id>", views.SeriesDetailView.as_view(), name="meeting-series-detail"
    ),
    path("meetings", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<uuid:id>", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<uuid:id>/move", views.MeetingMoveView.as_view(), name="meeting-move"),
    path("meetings/<uuid:id>/cancel", views.MeetingCancelView.as_view(), name="meeting-cancel"),
    path(
        "meetings/<uuid:id>/agenda-items",
        item_views.AgendaItemsView.as_view(),
        name="meeting-agenda-items",
    ),
    path("meetings/<uuid:id>/minutes", item_views.MinutesView.as_view(), name="meeting-minutes"),
    path(
        "meetings/<uuid:id>/attachments",
        item_views.AttachmentsView.as_view(),
        name="meeting-attachments",
    ),
    path(
        "meetings/<uuid:id>/decisions",
        item_views.DecisionsView.as_view(),
        name="meeting-decisions",
    ),
    path(
        "meetings/<uuid:id>/action-points",
        item_views.ActionPointsView.as_view(),
        name="meeting-action-points",
    ),
    path(
        "meeting-attachments/<uuid:id>",
        item_views.AttachmentView.as_view(),
        name="meeting-attachment-detail",
    ),
    path(
        "meeting-action-points/<uuid:id>",
        item_views.ActionPointView.as_view(),
        name="meeting-action-point-detail",
    ),
    path("working-groups", item_views.WorkingGroupListView.as_view(), name="working-group-list"),
    path(
        "working-groups/<uuid:id>",
        item_views.WorkingGroupDetailView.as_view(),
        name="working-group-detail",
    ),
]
