"""A person's notification preference: read (the defaults without a row) and save."""

from schakel.accounts.models import User
from schakel.notifications.models import NotificationPreference


def preference_of(user: User) -> NotificationPreference:
    found = NotificationPreference.objects.filter(user=user).first()
    return found or NotificationPreference(user=user)


def preference_save(*, user: User, frequency: str, digest_hour: int) -> NotificationPreference:
    preference = preference_of(user)
    preference.frequency = frequency
    preference.digest_hour = digest_hour
    preference.save()
    return preference
