"""Routes of the staff-safety API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.staff_safety.api import views

urlpatterns = [
    path("staff-safety/incidents", views.IncidentListView.as_view(), name="staff-incident-list"),
    path(
        "staff-safety/incidents/<uuid:id>",
        views.IncidentDetailView.as_view(),
        name="staff-incident-detail",
    ),
    path("staff-safety/figures", views.FiguresView.as_view(), name="staff-safety-figures"),
    path("staff-safety/protocol", views.ProtocolView.as_view(), name="staff-safety-protocol"),
]
