"""Who may do what, as pure predicates over a user and their active memberships.

The view guards at the bottom turn a failed predicate into a 404: not allowed looks the same as
not found. Scoping (which organisations, users and memberships) lives in the selectors.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User


def holds_role(memberships: Iterable[Membership], role: Role) -> bool:
    return any(m.role == role for m in memberships)


def may_administer(user: User, memberships: Iterable[Membership]) -> bool:
    """The platform operator, or a functional admin of at least one organisation."""
    return user.is_superuser or holds_role(memberships, Role.FUNCTIONAL_ADMIN)


def is_privacy_officer(memberships: Iterable[Membership]) -> bool:
    return holds_role(memberships, Role.PRIVACY_OFFICER)


def may_edit_account(*, actor: User, target: User, member_elsewhere: bool) -> bool:
    """Name, function and the active flag are the person's, in every organisation.

    A functional admin changes them only for accounts that are open in no organisation they
    do not manage, so that the admin of one organisation cannot switch off a colleague of another.
    """
    if actor.is_superuser:
        return True
    return not target.is_superuser and not member_elsewhere


def may_change_active_flag(*, actor: User, target: User) -> bool:
    """Nobody switches off their own account (and so locks themselves out of the admin)."""
    return actor.pk != target.pk


def may_assist_account(*, actor: User, target: User, member_elsewhere: bool) -> bool:
    """Resetting the second factor or lifting a lockout, as for editing the account.

    Both hand the account back to whoever can sign in next, so an admin of one organisation must
    not do it for a person who (also) works for an organisation the admin does not manage.
    """
    return may_edit_account(actor=actor, target=target, member_elsewhere=member_elsewhere)


def _memberships(request: HttpRequest) -> list[Membership]:
    return list(getattr(request, "active_memberships", []))


def _acting_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404
    return user


ViewFunc = Callable[..., HttpResponse]


def _guard(predicate: Callable[[HttpRequest], bool]) -> Callable[[ViewFunc], ViewFunc]:
    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not predicate(request):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def checked_first(check: Callable[[HttpRequest], object]) -> Callable[[ViewFunc], ViewFunc]:
    """Run ``check`` (which raises Http404 for whoever may not come) before anything else —
    also before a step-up prompt, so the prompt never tells an outsider the page exists."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            check(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


admin_required = _guard(lambda r: may_administer(_acting_user(r), _memberships(r)))
superuser_required = _guard(lambda r: _acting_user(r).is_superuser)
privacy_officer_required = _guard(lambda r: is_privacy_officer(_memberships(r)))
