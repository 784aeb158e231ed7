from django.urls import path

from schakel.accounts.organisations import views

app_name = "network"

urlpatterns = [
    path("partners/", views.directory, name="directory"),
    path("partners/<uuid:pk>/", views.directory_detail, name="directory_detail"),
    path("beheer/organisaties/", views.admin_organisations, name="admin_organisations"),
    path(
        "beheer/organisaties/nieuw/",
        views.admin_organisation_create,
        name="admin_organisation_create",
    ),
    path(
        "beheer/organisaties/<uuid:pk>/",
        views.admin_organisation_detail,
        name="admin_organisation",
    ),
    path(
        "beheer/organisaties/<uuid:pk>/wijzigen/",
        views.admin_organisation_update,
        name="admin_organisation_update",
    ),
    path(
        "beheer/organisaties/<uuid:pk>/werkgebied/",
        views.admin_service_area,
        name="admin_service_area",
    ),
    path(
        "beheer/organisaties/<uuid:pk>/interventies/nieuw/",
        views.admin_option_create,
        name="admin_option_create",
    ),
    path(
        "beheer/interventies/<uuid:pk>/wijzigen/",
        views.admin_option_update,
        name="admin_option_update",
    ),
    path(
        "beheer/interventies/<uuid:pk>/verwijderen/",
        views.admin_option_delete,
        name="admin_option_delete",
    ),
    path("beheer/regios/", views.admin_regions, name="admin_regions"),
    path("beheer/regios/nieuw/", views.admin_region_edit, name="admin_region_create"),
    path("beheer/regios/<uuid:pk>/wijzigen/", views.admin_region_edit, name="admin_region_update"),
    path(
        "beheer/samenwerkingsverbanden/",
        views.admin_collaborations,
        name="admin_collaborations",
    ),
    path(
        "beheer/samenwerkingsverbanden/nieuw/",
        views.admin_collaboration_edit,
        name="admin_collaboration_create",
    ),
    path(
        "beheer/samenwerkingsverbanden/<uuid:pk>/wijzigen/",
        views.admin_collaboration_edit,
        name="admin_collaboration_update",
    ),
]
