"""Functional administration of users and memberships (in Schakel's own UI, not Django admin)."""

from django.urls import path

from schakel.accounts import admin_views as views

app_name = "admin_accounts"

urlpatterns = [
    path("gebruikers/", views.users, name="users"),
    path("gebruikers/nieuw/", views.user_create, name="user_create"),
    path("gebruikers/<uuid:pk>/", views.user_detail, name="user"),
    path("gebruikers/<uuid:pk>/wijzigen/", views.user_update, name="user_update"),
    path("gebruikers/<uuid:pk>/tweede-factor/", views.user_reset_mfa, name="user_reset_mfa"),
    path("gebruikers/<uuid:pk>/ontgrendelen/", views.user_unlock, name="user_unlock"),
    path(
        "gebruikers/<uuid:pk>/lidmaatschappen/nieuw/",
        views.membership_create,
        name="membership_create",
    ),
    path("lidmaatschappen/<uuid:pk>/wijzigen/", views.membership_update, name="membership_update"),
    path("lidmaatschappen/<uuid:pk>/beeindigen/", views.membership_end, name="membership_end"),
]
