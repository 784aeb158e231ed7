"""Routes of the Mijn werk API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.work.api import views

urlpatterns = [path("work-items", views.WorkItemListView.as_view(), name="work-item-list")]
