from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "schakel.network"
    label = "network"
    verbose_name = "Netwerk"
