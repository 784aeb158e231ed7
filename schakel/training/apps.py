from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "schakel.training"
    label = "training"
    verbose_name = "Trainingen"
