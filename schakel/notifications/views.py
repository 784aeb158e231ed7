"""A person's own notification preferences: how often mail comes, and at what hour the digest.

There is no id in the address: a signed-in person sees and changes only their own preference.
The page shows no person data (the person's own e-mail address is staff data), so it writes no
processing-log record.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from schakel.accounts.models import User
from schakel.notifications.forms import PreferenceForm
from schakel.notifications.preferences import preference_of, preference_save


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the MFA middleware admits only signed-in users here
    return user


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    preference = preference_of(user)
    initial = {"frequency": preference.frequency, "digest_hour": preference.digest_hour}
    form = PreferenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        preference_save(user=user, **form.cleaned_data)
        messages.success(request, _("Uw voorkeur voor e-mail is opgeslagen."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form, "email": user.email})
