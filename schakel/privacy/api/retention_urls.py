"""API routes of the privacy app's retention part, included under /api/v1/."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
