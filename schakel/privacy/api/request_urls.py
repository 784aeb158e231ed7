"""API routes of the privacy app's request part, included under /api/v1/."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
