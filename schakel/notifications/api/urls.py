"""Routes of the notifications API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.notifications.api import views

urlpatterns = [
    path(
        "notification-preferences",
        views.NotificationPreferenceView.as_view(),
        name="notification-preferences",
    )
]
