from django.urls import path

from schakel.network import views

app_name = "network"

urlpatterns = [
    path("partners/", views.directory, name="directory"),
    path("beheer/organisaties/", views.admin_organisations, name="admin_organisations"),
]
