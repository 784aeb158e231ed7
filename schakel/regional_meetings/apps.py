from django.apps import AppConfig


class RegionalMeetingsConfig(AppConfig):
    name = "schakel.regional_meetings"
    label = "regional_meetings"
    verbose_name = "Regionaal overleg en werkgroepen"
