"""Routes of the privacy app's retention pages (included by `privacy/urls.py`, namespace
``privacy``): the terms under /beheer/, the privacy officer's pages under /privacybureau/."""

from django.urls import path

from schakel.privacy.retention import views

urlpatterns = [
    # The terms per kind: functional admins change them, privacy officers read them.
    path("beheer/bewaartermijnen/", views.policy_list, name="retention_policies"),
    path(
        "beheer/bewaartermijnen/<str:kind>/wijzigen/",
        views.policy_update,
        name="retention_policy_update",
    ),
    # The privacy officer: what will be deleted, legal holds, the register and the runs.
    path("privacybureau/bewaren/", views.upcoming, name="retention_upcoming"),
    path("privacybureau/bewaarplichten/", views.hold_list, name="retention_holds"),
    path("privacybureau/bewaarplichten/nieuw/", views.hold_new, name="retention_hold_new"),
    path(
        "privacybureau/bewaarplichten/<uuid:pk>/",
        views.hold_detail,
        name="retention_hold_detail",
    ),
    path(
        "privacybureau/bewaarplichten/<uuid:pk>/opheffen/",
        views.hold_lift,
        name="retention_hold_lift",
    ),
    path(
        "privacybureau/vernietigingsregister/",
        views.deletion_list,
        name="retention_deletions",
    ),
    path("privacybureau/opschoonrondes/", views.run_list, name="retention_runs"),
]
