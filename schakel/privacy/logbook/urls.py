from django.urls import path

from schakel.privacy.logbook import views

app_name = "audit"

urlpatterns = [
    path("verwerkingsregister/", views.register, name="register"),
    path("logboek/integriteit/", views.integrity, name="integrity"),
    path("logboek/zoeken/", views.log_search, name="log_search"),
    path("logboek/export/", views.log_export, name="log_export"),
]
