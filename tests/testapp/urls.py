"""The test app's URLs, included once beside the project's (the test settings' URL conf)."""

from django.urls import path

from tests.testapp import views

app_name = "testapp"

urlpatterns = [path("proefnotities/", views.notes, name="notes")]
