from django.urls import path, re_path

from schakel.theming import views

app_name = "theming"

urlpatterns = [
    path("beheer/huisstijl/", views.themes, name="themes"),
    path("beheer/huisstijl/standaard/", views.theme_reset, name="reset"),
    path("beheer/huisstijl/<uuid:pk>/", views.theme_detail, name="theme"),
    path("beheer/huisstijl/<uuid:pk>/activeren/", views.theme_activate, name="activate"),
    re_path(r"^huisstijl/(?P<digest>[0-9a-f]{64})\.css$", views.stylesheet, name="stylesheet"),
]
