"""Network-event pages (namespace ``network_events``). Only UUIDs in the paths."""

from django.urls import path

from schakel.network_events import overview_views, record_views, views

app_name = "network_events"

COLLABORATION = "samenwerkingsverbanden/<uuid:collaboration>/netwerkbijeenkomsten/"
EVENT = "netwerkbijeenkomsten/<uuid:pk>/"

urlpatterns = [
    path(COLLABORATION, views.event_list, name="event_list"),
    path(f"{COLLABORATION}nieuw/", views.event_plan, name="event_plan"),
    path(f"{COLLABORATION}leerpunten/", overview_views.learning_points, name="learning_points"),
    path(
        f"{COLLABORATION}leerpunten.csv",
        overview_views.learning_points_csv,
        name="learning_points_csv",
    ),
    path(EVENT, views.event_detail, name="event_detail"),
    path(f"{EVENT}wijzigen/", views.event_edit, name="event_edit"),
    path(f"{EVENT}verslag/", record_views.event_record, name="event_record"),
    path(f"{EVENT}leerpunt/", record_views.learning_point_add, name="learning_point_add"),
    path(f"{EVENT}vervolgactie/", record_views.follow_up_add, name="follow_up_add"),
    path(f"{EVENT}annuleren/", record_views.event_cancel, name="event_cancel"),
    path(
        "netwerkbijeenkomsten/vervolgacties/<uuid:pk>/afronden/",
        record_views.follow_up_complete,
        name="follow_up_complete",
    ),
]
