"""Routes of the training API, included under /api/v1/ (``API_URLS``)."""

from django.urls import path

from schakel.training.api import views

urlpatterns = [
    path("trainings", views.TrainingListView.as_view(), name="training-list"),
    path("trainings/<uuid:id>", views.TrainingDetailView.as_view(), name="training-detail"),
    path("training-sessions", views.SessionListView.as_view(), name="training-session-list"),
    path(
        "training-sessions/<uuid:id>",
        views.SessionDetailView.as_view(),
        name="training-session-detail",
    ),
    path(
        "training-sessions/<uuid:id>/allocations",
        views.AllocationView.as_view(),
        name="training-session-allocations",
    ),
    path(
        "training-sessions/<uuid:id>/registrations",
        views.SessionRegistrationsView.as_view(),
        name="training-session-registrations",
    ),
    path(
        "training-registrations/<uuid:id>/cancel",
        views.RegistrationCancelView.as_view(),
        name="training-registration-cancel",
    ),
    path(
        "training-registrations/<uuid:id>/attendance",
        views.AttendanceView.as_view(),
        name="training-registration-attendance",
    ),
    path(
        "training-registrations/<uuid:id>/certificate",
        views.CertificateView.as_view(),
        name="training-registration-certificate",
    ),
    path("training-budget", views.BudgetView.as_view(), name="training-budget"),
]
