"""Who may set the house style: the platform operator (superuser), for the whole installation."""

from schakel.accounts.models import User


def may_manage_theme(user: User) -> bool:
    return user.is_superuser
