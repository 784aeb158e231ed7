"""Finding signals by a typed name without decrypting any: the keyed blocking keys that
convergence stores for every signal with person data (``BlockingKey``) are computed for the
typed name and looked up, as a new registration's are.

A surname alone finds the signals whose surname sounds the same (the broad "surname" keys of its
sound codes, not of its first three letters); a given name with it finds those with that given
name, a known variant of it, or either of their first two given names, and the same surname
(the selective "names" keys). Nothing typed is stored; the keys are keyed hashes.
"""

from schakel.intake.convergence.encoding import Identity, parse, surname_sounds
from schakel.intake.convergence.keyed import keyed_int, sub_key
from schakel.intake.convergence.normalise import letters, skeleton
from schakel.intake.convergence.variants import variant_groups

# Fewer letters than this in the surname find too many people to be a search for one person.
MIN_SURNAME_LETTERS = 3


def surname_letters(surname: str) -> int:
    """How many letters the typed surname has, as convergence folds it."""
    return len(parse(Identity(surname=surname)).surname.unglued)


def name_keys(*, given_names: str, surname: str) -> set[int]:
    """The blocking keys a signal about someone of this name carries; empty for a surname of
    fewer than ``MIN_SURNAME_LETTERS`` letters."""
    parsed = parse(Identity(given_names=given_names, surname=surname))
    given, name = parsed.given, parsed.surname
    if len(name.unglued) < MIN_SURNAME_LETTERS:
        return set()
    k = sub_key("blocking")
    if not given.names:
        codes = [*surname_sounds(name), skeleton(name.core)]
        return {keyed_int(k, "surname", code) for code in dict.fromkeys(c for c in codes if c)}
    firsts = list(given.names[:2]) + [g for n in given.names[:1] for g in variant_groups(n)]
    glued = letters(name.prefix).replace(" ", "") + name.core
    return {
        keyed_int(k, "names", first, form)
        for first in dict.fromkeys(firsts)
        for form in {name.unglued, glued}
    }
