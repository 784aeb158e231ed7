"""Pages of the regional collaborations (namespace ``collaboration``). Only UUIDs in the paths."""

from django.urls import URLPattern, URLResolver, path

from schakel.collaboration import plan_views, views

app_name = "collaboration"

urlpatterns: list[URLPattern | URLResolver] = [
    path("samenwerking/", views.collaboration_list, name="list"),
    path("samenwerking/<uuid:pk>/", views.collaboration_detail, name="detail"),
    path("samenwerking/<uuid:pk>/rollen/", views.roles, name="roles"),
    path(
        "samenwerking/<uuid:pk>/rollen/<uuid:role_pk>/beeindigen/",
        views.role_end,
        name="role_end",
    ),
    path("samenwerking/<uuid:pk>/weging/", views.hosting, name="hosting"),
    path(
        "samenwerking/<uuid:pk>/weging/<uuid:hosted_pk>/beeindigen/",
        views.hosting_end,
        name="hosting_end",
    ),
    path("samenwerking/<uuid:pk>/beleidsplan/", plan_views.plan_detail, name="plan"),
    path("samenwerking/<uuid:pk>/beleidsplan/bewerken/", plan_views.plan_edit, name="plan_edit"),
    path("samenwerking/<uuid:pk>/beleidsplan/doelen/nieuw/", plan_views.goal_add, name="goal_add"),
    path(
        "samenwerking/<uuid:pk>/beleidsplan/doelen/<uuid:goal_pk>/indicator/",
        plan_views.indicator_add,
        name="indicator_add",
    ),
    path(
        "samenwerking/<uuid:pk>/beleidsplan/doelen/<uuid:goal_pk>/voortgang/",
        plan_views.progress_add,
        name="progress_add",
    ),
    path("samenwerking/<uuid:pk>/beleidsplan/export.csv", plan_views.plan_csv, name="plan_csv"),
    path("samenwerking/<uuid:pk>/beleidsplan/export.pdf", plan_views.plan_pdf, name="plan_pdf"),
]
