from django.urls import URLPattern, URLResolver

app_name = "collaboration"

urlpatterns: list[URLPattern | URLResolver] = []
