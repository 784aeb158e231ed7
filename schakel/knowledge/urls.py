from django.urls import path

from schakel.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("kennisbank/", views.item_list, name="item_list"),
    path("kennisbank/nieuw/", views.item_create, name="item_create"),
    path("kennisbank/<uuid:pk>/", views.item_detail, name="item_detail"),
    path("kennisbank/<uuid:pk>/nieuwe-versie/", views.item_edit, name="item_edit"),
    path(
        "kennisbank/<uuid:pk>/versies/<uuid:version>/",
        views.version_detail,
        name="version_detail",
    ),
    path(
        "kennisbank/<uuid:pk>/versies/<uuid:version>/bijlage/",
        views.attachment_download,
        name="attachment_download",
    ),
]
