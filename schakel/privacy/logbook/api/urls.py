"""API routes of the processing log (search and export), included under /api/v1/."""

from django.urls import path

from schakel.privacy.logbook.api import views

urlpatterns = [
    path("processing-log", views.ProcessingLogView.as_view(), name="processing-log"),
    path(
        "processing-log/export",
        views.ProcessingLogExportView.as_view(),
        name="processing-log-export",
    ),
]
