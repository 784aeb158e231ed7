from django.urls import path

from schakel.core.views import page_not_found

app_name = "api_tokens"

urlpatterns = [path("", page_not_found, name="list")]
