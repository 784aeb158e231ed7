from django.urls import include, path

urlpatterns = [
    path("", include("schakel.core.urls")),
    path("", include("schakel.accounts.urls")),
    path("", include("schakel.privacy.logbook.urls")),
    path("", include("schakel.accounts.organisations.urls")),
    path("beheer/", include("schakel.accounts.admin_urls")),
    path("", include("schakel.theming.urls")),
    path("api-tokens/", include("schakel.api.token_urls")),
    path("", include("schakel.intake.urls")),
    path("", include("schakel.weighing.urls")),
    path("", include("schakel.cases.urls")),
    path("", include("schakel.privacy.urls")),
    path("", include("schakel.notifications.urls")),
    path("", include("schakel.search.urls")),
    path("", include("schakel.collaboration.urls")),
    path("", include("schakel.regional_meetings.urls")),
    path("", include("schakel.knowledge.urls")),
    path("", include("schakel.training.urls")),
    path("", include("schakel.network_events.urls")),
    path("", include("schakel.staff_safety.urls")),
    path("api/v1/", include(("schakel.api.urls", "v1"), namespace="v1")),
    path("i18n/", include("django.conf.urls.i18n")),
]

handler400 = "config.error_views.bad_request"
handler403 = "config.error_views.permission_denied"
handler404 = "config.error_views.page_not_found"
handler500 = "config.error_views.server_error"
