"""Routes of the weighing API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.weighing.api import views

urlpatterns = [
    path("weighing-sessions", views.SessionListView.as_view(), name="weighing-session-list"),
    path(
        "weighing-sessions/<uuid:id>",
        views.SessionDetailView.as_view(),
        name="weighing-session-detail",
    ),
    path(
        "weighing-sessions/<uuid:id>/close",
        views.SessionCloseView.as_view(),
        name="weighing-session-close",
    ),
    path(
        "weighing-sessions/<uuid:id>/items",
        views.SessionItemsView.as_view(),
        name="weighing-session-items",
    ),
    path("weighing-items/<uuid:id>", views.ItemDetailView.as_view(), name="weighing-item-detail"),
    path(
        "weighing-items/<uuid:id>/decision",
        views.ItemDecisionView.as_view(),
        name="weighing-item-decision",
    ),
    path("weighing-criteria", views.CriterionListView.as_view(), name="weighing-criterion-list"),
]
