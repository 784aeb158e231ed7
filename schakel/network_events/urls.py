from django.urls import URLPattern, URLResolver

app_name = "network_events"

urlpatterns: list[URLPattern | URLResolver] = []
