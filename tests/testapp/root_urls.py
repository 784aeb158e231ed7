"""The project's URLs plus the test app's: the one URL include a new app adds."""

from django.urls import include, path

from config.urls import handler400, handler403, handler404, handler500, urlpatterns

urlpatterns = [path("", include("tests.testapp.urls")), *urlpatterns]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
