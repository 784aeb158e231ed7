from django.urls import path

from schakel.regional_meetings import attachment_views, group_views, meeting_views, views

app_name = "regional_meetings"

COLLABORATION = "samenwerkingsverbanden/<uuid:collaboration>/"

urlpatterns = [
    path("overleg/", views.index, name="index"),
    path(f"{COLLABORATION}overleg/", views.overview, name="overview"),
    path(f"{COLLABORATION}overleg/reeks-plannen/", views.series_create, name="series_create"),
    path(f"{COLLABORATION}overleg/eenmalig/", views.meeting_create, name="meeting_create"),
    path(f"{COLLABORATION}werkgroepen/nieuw/", group_views.group_create, name="group_create"),
    path("overlegreeksen/<uuid:pk>/", views.series_detail, name="series_detail"),
    path("overlegreeksen/<uuid:pk>/wijzigen/", views.series_edit, name="series_edit"),
    path("overlegreeksen/<uuid:pk>/agenda.ics", views.series_ics, name="series_ics"),
    path("overleggen/<uuid:pk>/", meeting_views.meeting_detail, name="meeting_detail"),
    path("overleggen/<uuid:pk>/agenda.ics", views.meeting_ics, name="meeting_ics"),
    path("overleggen/<uuid:pk>/verplaatsen/", meeting_views.meeting_move, name="meeting_move"),
    path("overleggen/<uuid:pk>/annuleren/", meeting_views.meeting_cancel, name="meeting_cancel"),
    path(
        "overleggen/<uuid:pk>/agendapunten/nieuw/",
        meeting_views.agenda_item_create,
        name="agenda_item_create",
    ),
    path("overleggen/<uuid:pk>/notulen/", meeting_views.minutes_edit, name="minutes_edit"),
    path(
        "overleggen/<uuid:pk>/besluiten/nieuw/",
        meeting_views.decision_create,
        name="decision_create",
    ),
    path(
        "overleggen/<uuid:pk>/actiepunten/nieuw/",
        meeting_views.action_create,
        name="action_create",
    ),
    path(
        "overleggen/<uuid:pk>/bijlagen/nieuw/",
        attachment_views.attachment_upload,
        name="attachment_upload",
    ),
    path("actiepunten/<uuid:pk>/status/", meeting_views.action_status, name="action_status"),
    path(
        "overlegbijlagen/<uuid:pk>/",
        attachment_views.attachment_download,
        name="attachment_download",
    ),
    path(
        "overlegbijlagen/<uuid:pk>/verwijderen/",
        attachment_views.attachment_delete,
        name="attachment_delete",
    ),
    path("werkgroepen/<uuid:pk>/", group_views.group_detail, name="group_detail"),
    path("werkgroepen/<uuid:pk>/wijzigen/", group_views.group_edit, name="group_edit"),
]
