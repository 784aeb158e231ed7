"""Routes under /api/v1/ (namespace ``v1``). Each app's endpoints are included here."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from schakel.api import views
from schakel.api.problems import api_not_found

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    path("me/", views.MeView.as_view(), name="me"),
    path("partners/", views.PartnerListView.as_view(), name="partner-list"),
    path("partners/<uuid:id>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path("", include("schakel.intake.api.urls")),
    path("", include("schakel.weighing.api.urls")),
    path("", include("schakel.cases.api.urls")),
    path("", include("schakel.privacy.api.urls")),
    path("", include("schakel.privacy.logbook.api.urls")),
    # Last: any other path under /api/v1/ is a problem+json 404, not the HTML page.
    re_path(r"^", api_not_found),
]
