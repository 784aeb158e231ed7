"""API routes of the privacy app's retention part, included under /api/v1/."""

from django.urls import path

from schakel.privacy.retention.api import views

urlpatterns = [
    path(
        "retention-policies",
        views.RetentionPolicyListView.as_view(),
        name="retention-policy-list",
    ),
    path(
        "retention-policies/<str:kind>",
        views.RetentionPolicyDetailView.as_view(),
        name="retention-policy-detail",
    ),
    path("retention/outlook", views.OutlookView.as_view(), name="retention-outlook"),
    path("legal-holds", views.LegalHoldListView.as_view(), name="legal-hold-list"),
    path("legal-holds/<uuid:id>", views.LegalHoldDetailView.as_view(), name="legal-hold-detail"),
    path("legal-holds/<uuid:id>/lift", views.LegalHoldLiftView.as_view(), name="legal-hold-lift"),
    path("deletion-records", views.DeletionRecordListView.as_view(), name="deletion-record-list"),
    path("retention-runs", views.RetentionRunListView.as_view(), name="retention-run-list"),
]
