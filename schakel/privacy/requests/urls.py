"""Routes of the privacy app's request pages (included by `privacy/urls.py`)."""

from django.urls import URLPattern, path

from schakel.privacy.requests import action_views, inbox_views, views

urlpatterns: list[URLPattern] = [
    path("verzoeken/", views.request_list, name="request_list"),
    path("verzoeken/nieuw/", views.request_register, name="request_register"),
    path("verzoeken/inbreng/", inbox_views.request_inbox, name="request_inbox"),
    path(
        "verzoeken/inbreng/<uuid:pk>/",
        inbox_views.request_contribution,
        name="request_contribution",
    ),
    path("verzoeken/<uuid:pk>/", views.request_detail, name="request_detail"),
    path("verzoeken/<uuid:pk>/identiteit/", action_views.request_identity, name="request_identity"),
    path("verzoeken/<uuid:pk>/verlengen/", action_views.request_extend, name="request_extend"),
    path("verzoeken/<uuid:pk>/besluit/", action_views.request_decide, name="request_decide"),
    path("verzoeken/<uuid:pk>/intrekken/", action_views.request_withdraw, name="request_withdraw"),
    path(
        "verzoeken/<uuid:pk>/inzage.<str:export_format>",
        action_views.request_export,
        name="request_export",
    ),
]
