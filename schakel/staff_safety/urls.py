from django.urls import URLPattern, URLResolver

app_name = "staff_safety"

urlpatterns: list[URLPattern | URLResolver] = []
