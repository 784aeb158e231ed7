"""Known forms of one given name (``given_name_variants.txt``): a folded form → its groups.

A group is named by its first form. Looking up "kees" gives ("cornelis",); "bert" gives the
groups of Albert, Gijsbert, Lambert, Robert and Hubert. The engine encodes only keyed hashes
of the group names (the level "known variant of a given name").
"""

from functools import cache
from pathlib import Path

from schakel.intake.convergence.normalise import fold, letters

VARIANTS_FILE = Path(__file__).with_name("given_name_variants.txt")


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for line in VARIANTS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        forms = [letters(fold(form)) for form in line.split()]
        forms = [f for f in forms if f]
        if len(forms) < 2:
            continue
        group = forms[0]
        for form in forms:
            names = found.setdefault(form, [])
            if group not in names:
                names.append(group)
    return {form: tuple(groups) for form, groups in found.items()}


def variant_groups(token: str) -> tuple[str, ...]:
    """The groups a folded given name belongs to; empty when the list does not know it."""
    return _groups().get(token, ())
