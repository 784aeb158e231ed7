"""Routes of the privacy app's desk pages (included by `privacy/urls.py`)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
