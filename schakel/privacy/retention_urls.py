"""Routes of the privacy app's retention pages (included by `privacy/urls.py`)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
