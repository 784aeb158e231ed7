from django.urls import path

from schakel.notifications import views

app_name = "notifications"

urlpatterns = [
    path("e-mailberichten/", views.preferences, name="preferences"),
]
