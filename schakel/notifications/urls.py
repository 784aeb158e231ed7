from django.urls import path

from schakel.notifications import views

app_name = "notifications"

urlpatterns = [
    path("mijn-meldingen/", views.preferences, name="preferences"),
]
