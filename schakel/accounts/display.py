"""How a staff member appears to anyone outside their own organisation (employee safety).

Everything that leaves the platform or reaches another organisation — documents, exports,
notifications, access reports, other partners' screens — shows staff as
"function – organisation (generic mailbox)", never by name.
"""

from schakel.accounts.models import User
from schakel.network.models import Organisation


def staff_display(user: User, organisation: Organisation) -> str:
    function = user.function_title.strip() or "Medewerker"
    return f"{function} – {organisation.name} ({organisation.mailbox})"
