"""The privacy app's pages, in the ``privacy`` namespace: each part has its own routes module.

Route names carry their part's prefix (``desk_``, ``basis_``, ``request_``, ``retention_``).
"""

from django.urls import include, path

app_name = "privacy"

urlpatterns = [
    path("", include("schakel.privacy.desk.urls")),
    path("", include("schakel.privacy.requests.urls")),
    path("", include("schakel.privacy.retention.urls")),
]
