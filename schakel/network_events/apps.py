from django.apps import AppConfig


class NetworkEventsConfig(AppConfig):
    name = "schakel.network_events"
    label = "network_events"
    verbose_name = "Netwerkbijeenkomsten"
