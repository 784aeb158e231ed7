"""ConsultationMeeting pages of the cases app (joined into namespace ``cases`` by ``cases.urls``).

Only UUIDs in the paths; no person data.
"""

from django.urls import URLPattern, path

from schakel.cases.meetings import confirm_views, item_views, views

urlpatterns: list[URLPattern] = [
    path("casusoverleg/", views.meeting_list, name="meeting_list"),
    path("casusoverleg/nieuw/", views.meeting_create, name="meeting_create"),
    path("casusoverleg/<uuid:pk>/", views.meeting_detail, name="meeting_detail"),
    path(
        "casusoverleg/<uuid:pk>/geheimhouding/",
        views.meeting_acknowledge,
        name="meeting_acknowledge",
    ),
    path("casusoverleg/<uuid:pk>/status/", views.meeting_status, name="meeting_status"),
    path("casusoverleg/<uuid:pk>/annuleren/", confirm_views.meeting_cancel, name="meeting_cancel"),
    path("casusoverleg/<uuid:pk>/agendapunten/", views.item_create, name="item_create"),
    path(
        "casusoverleg/<uuid:pk>/aanwezigheid/",
        views.attendance_record,
        name="attendance_record",
    ),
    path("casusoverleg/punten/<uuid:pk>/", item_views.item_detail, name="item_detail"),
    path(
        "casusoverleg/punten/<uuid:pk>/uitnodigingen/",
        item_views.invitation_create,
        name="invitation_create",
    ),
    path(
        "casusoverleg/punten/<uuid:pk>/besluiten/",
        item_views.item_decision,
        name="item_decision",
    ),
    path(
        "casusoverleg/punten/<uuid:pk>/plan-vaststellen/",
        confirm_views.item_plan_adopt,
        name="item_plan_adopt",
    ),
    path(
        "casusoverleg/punten/<uuid:pk>/verstrekkingen/nieuw/",
        item_views.disclosure_create,
        name="disclosure_create",
    ),
    path(
        "casusoverleg/verstrekkingen/<uuid:pk>/corrigeren/",
        item_views.disclosure_correct,
        name="disclosure_correct",
    ),
]
