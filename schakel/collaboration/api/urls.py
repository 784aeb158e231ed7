"""Routes of the collaboration API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.collaboration.api import views

urlpatterns = [
    path("collaborations", views.CollaborationListView.as_view(), name="collaboration-list"),
    path(
        "collaborations/<uuid:id>",
        views.CollaborationDetailView.as_view(),
        name="collaboration-detail",
    ),
    path(
        "collaborations/<uuid:id>/roles",
        views.RoleListView.as_view(),
        name="collaboration-role-list",
    ),
    path(
        "collaborations/<uuid:id>/policy-plan",
        views.PolicyPlanView.as_view(),
        name="collaboration-policy-plan-detail",
    ),
    path(
        "collaborations/<uuid:id>/policy-plan/goals",
        views.GoalCreateView.as_view(),
        name="collaboration-policy-goal-create",
    ),
    path(
        "policy-goals/<uuid:id>/progress-updates",
        views.ProgressCreateView.as_view(),
        name="policy-goal-progress-create",
    ),
]
