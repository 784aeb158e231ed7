from django.urls import path

from schakel.api import token_views

app_name = "api_tokens"

urlpatterns = [
    path("", token_views.token_list, name="list"),
    path("nieuw/", token_views.token_create, name="create"),
    path("<uuid:pk>/intrekken/", token_views.token_revoke, name="revoke"),
]
