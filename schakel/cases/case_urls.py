"""Case pages of the cases app (joined into namespace ``cases`` by ``cases.urls``): cases, their
management, the integrated action plan and interventions. Only UUIDs in the paths."""

from django.urls import URLPattern, path

from schakel.cases import manage_views, views
from schakel.cases.plans import intervention_views
from schakel.cases.plans import views as plan_views

urlpatterns: list[URLPattern] = [
    path("casussen/", views.case_list, name="case_list"),
    path("casussen/<uuid:pk>/", views.case_detail, name="case_detail"),
    path(
        "casussen/<uuid:pk>/deelnames/nieuw/",
        manage_views.case_participation_add,
        name="case_participation_add",
    ),
    path(
        "casussen/<uuid:pk>/deelnames/<uuid:participation_pk>/beeindigen/",
        manage_views.case_participation_end,
        name="case_participation_end",
    ),
    path("casussen/<uuid:pk>/informeren/", manage_views.case_informing, name="case_informing"),
    path("casussen/<uuid:pk>/evaluatie/", manage_views.case_review, name="case_review"),
    path("casussen/<uuid:pk>/herbeoordeling/", manage_views.case_reassess, name="case_reassess"),
    path(
        "casussen/<uuid:pk>/monitoring/",
        manage_views.case_to_monitoring,
        name="case_to_monitoring",
    ),
    path("casussen/<uuid:pk>/afschalen/", manage_views.case_deescalate, name="case_deescalate"),
    path("casussen/<uuid:pk>/afsluiten/", manage_views.case_close, name="case_close"),
    path("casussen/<uuid:pk>/plan/", plan_views.plan_edit, name="plan_edit"),
    path("casussen/<uuid:pk>/plan/versies/", plan_views.plan_versions, name="plan_versions"),
    path(
        "casussen/<uuid:pk>/plan/versies/<int:number>/",
        plan_views.plan_version,
        name="plan_version",
    ),
    path(
        "casussen/<uuid:pk>/plan/interventies/nieuw/",
        intervention_views.intervention_create,
        name="intervention_create",
    ),
    path("interventies/", intervention_views.intervention_list, name="intervention_list"),
    path(
        "interventies/<uuid:pk>/",
        intervention_views.intervention_detail,
        name="intervention_detail",
    ),
    path(
        "interventies/<uuid:pk>/wijzigen/",
        intervention_views.intervention_edit,
        name="intervention_edit",
    ),
    path(
        "interventies/<uuid:pk>/verwijderen/",
        intervention_views.intervention_delete,
        name="intervention_delete",
    ),
]
