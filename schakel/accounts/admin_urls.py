"""Functional administration of users and memberships (in Schakel's own UI, not Django admin)."""

from django.urls import path

from schakel.core.views import page_not_found

app_name = "admin_accounts"

urlpatterns = [path("gebruikers/", page_not_found, name="users")]
