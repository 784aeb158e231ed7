"""Staff-safety pages (namespace ``staff_safety``). Only UUIDs in the paths."""

from django.urls import URLPattern, URLResolver, path

from schakel.staff_safety import views

app_name = "staff_safety"

urlpatterns: list[URLPattern | URLResolver] = [
    path("veiligheid/", views.my_incidents, name="my_incidents"),
    path("veiligheid/melden/", views.incident_create, name="incident_create"),
    path("veiligheid/meldingen/<uuid:pk>/", views.incident_detail, name="incident_detail"),
    path(
        "veiligheid/meldingen/<uuid:pk>/opvolging/",
        views.incident_follow_up,
        name="incident_follow_up",
    ),
    path("veiligheid/overzicht/", views.overview, name="overview"),
    path("veiligheid/cijfers/", views.figures, name="figures"),
    path("veiligheid/protocol/", views.protocol, name="protocol"),
    path("veiligheid/protocol/bewerken/", views.protocol_edit, name="protocol_edit"),
    path("veiligheid/coordinatoren/", views.officers, name="officers"),
    path(
        "veiligheid/coordinatoren/<uuid:pk>/beeindigen/",
        views.officer_end,
        name="officer_end",
    ),
]
