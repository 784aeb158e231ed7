from django.urls import include, path

from schakel.intake import identity_views, suggestion_views, views

app_name = "intake"

urlpatterns = [
    path("signalen/", views.signal_list, name="signal_list"),
    path("signalen/nieuw/", views.signal_create, name="signal_create"),
    path("signalen/<uuid:pk>/", views.signal_detail, name="signal_detail"),
    path("signalen/<uuid:pk>/status/", views.signal_status, name="signal_status"),
    path("meldpunt/", views.inbox, name="inbox"),
    path(
        "meldpunt/matches/<uuid:pk>/", suggestion_views.suggestion_detail, name="suggestion_detail"
    ),
    path(
        "meldpunt/matches/<uuid:pk>/besluit/",
        suggestion_views.suggestion_decide,
        name="suggestion_decide",
    ),
    path(
        "meldpunt/betrokkenen/<uuid:pk>/hoofdidentiteit/",
        identity_views.main_identity,
        name="main_identity",
    ),
    path("privacy/signalen/", views.privacy_signals, name="privacy_signals"),
    path("beheer/fenomenen/", views.phenomena, name="phenomena"),
    path("beheer/fenomenen/nieuw/", views.phenomenon_edit, name="phenomenon_create"),
    path("beheer/fenomenen/<uuid:pk>/wijzigen/", views.phenomenon_edit, name="phenomenon_update"),
    path("online-onderzoek/", include(("schakel.intake.online_urls", "online"))),
]
