"""Messages used by Django or libraries that their own catalogues do not translate to Dutch.

Listing them here puts them into Schakel's catalogue (`makemessages` finds them).
"""

from django.utils.translation import gettext_noop

EXTRA_MESSAGES = (
    # Django 6.1's empty choice in select boxes.
    gettext_noop("- Select an option -"),
)
