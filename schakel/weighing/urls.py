"""Weighing pages (namespace ``weighing``). Only UUIDs in the paths, never person data."""

from django.urls import path

from schakel.weighing import agenda_views, decision_views, views

app_name = "weighing"

urlpatterns = [
    path("weging/", views.session_list, name="session_list"),
    path("weging/nieuw/", views.session_create, name="session_create"),
    path("weging/<uuid:pk>/", agenda_views.session_detail, name="session_detail"),
    path("weging/<uuid:pk>/aanmelden/", agenda_views.item_add, name="item_add"),
    path("weging/<uuid:pk>/sluiten/", agenda_views.session_close, name="session_close"),
    path("weging/punten/<uuid:pk>/", decision_views.item_detail, name="item_detail"),
    path("weging/punten/<uuid:pk>/besluit/", decision_views.item_decide, name="item_decide"),
]
