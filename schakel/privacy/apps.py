from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "schakel.privacy"
    label = "privacy"
    verbose_name = "Rechtmatigheid en verantwoording"
