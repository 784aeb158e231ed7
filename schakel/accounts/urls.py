from django.urls import path

from schakel.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("mfa/controle/", views.mfa_verify, name="mfa_verify"),
    path("mfa/instellen/", views.mfa_setup, name="mfa_setup"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("herbevestigen/", views.step_up, name="step_up"),
    path("rol-wisselen/", views.switch_membership, name="switch_membership"),
]
