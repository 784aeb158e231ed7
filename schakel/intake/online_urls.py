"""URLs of the online research log (included as namespace ``intake:online``)."""

from django.urls import path

from schakel.intake import online_views

app_name = "online"

urlpatterns = [
    path("", online_views.research_list, name="list"),
    path("nieuw/", online_views.research_start, name="start"),
    path("<uuid:pk>/", online_views.research_detail, name="detail"),
    path("<uuid:pk>/afronden/", online_views.research_complete, name="complete"),
]
