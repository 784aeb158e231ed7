"""API routes of the processing log (export), included under /api/v1/."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
