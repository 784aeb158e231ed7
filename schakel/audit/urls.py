from django.urls import path

from schakel.audit import views

app_name = "audit"

urlpatterns = [
    path("verwerkingsregister/", views.register, name="register"),
    path("logboek/integriteit/", views.integrity, name="integrity"),
]
