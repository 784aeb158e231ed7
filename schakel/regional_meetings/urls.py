from django.urls import URLPattern, URLResolver

app_name = "regional_meetings"

urlpatterns: list[URLPattern | URLResolver] = []
