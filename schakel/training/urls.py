from django.urls import URLPattern, URLResolver, path

from schakel.training import session_views, views

app_name = "training"

urlpatterns: list[URLPattern | URLResolver] = [
    path("trainingen/", views.catalogue, name="catalogue"),
    path("trainingen/nieuw/", views.training_create, name="training_create"),
    path("trainingen/mijn/", views.my_trainings, name="my_trainings"),
    path("trainingen/budget/", views.budget, name="budget"),
    path("trainingen/<uuid:pk>/", views.training_detail, name="training_detail"),
    path("trainingen/<uuid:pk>/sessie-plannen/", views.session_create, name="session_create"),
    path("trainingen/sessies/<uuid:pk>/", views.session_detail, name="session_detail"),
    path("trainingen/sessies/<uuid:pk>/plaatsen/", session_views.allocate, name="allocate"),
    path("trainingen/sessies/<uuid:pk>/aanmelden/", session_views.register, name="register"),
    path("trainingen/sessies/<uuid:pk>/aanwezigheid/", session_views.attendance, name="attendance"),
    path("trainingen/aanmeldingen/<uuid:pk>/annuleren/", session_views.cancel, name="cancel"),
    path(
        "trainingen/aanmeldingen/<uuid:pk>/certificaat/",
        session_views.certificate,
        name="certificate",
    ),
]
