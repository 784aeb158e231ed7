from django.apps import AppConfig


class StaffSafetyConfig(AppConfig):
    name = "schakel.staff_safety"
    label = "staff_safety"
    verbose_name = "Veiligheid van medewerkers"
