"""The error model: how one registration of a person differs from the person as they are.

Each error kind is a function ``(rng, draft) -> draft | None`` (``None`` when it does not apply,
for instance "prefix left out" on a name without one) with a weight: how often it is drawn
relative to the others. Where each kind comes from is written beside it and, with the weights, in
``docs/benchmarks.md``. The model was fixed before the engine was tuned on it.
"""

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from convergence_variants import HEARD_RULES, SPELLING_RULES, other_forms, respell

PREFIX_WORDS = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "op", "in", "'t", "het"})


@dataclass(frozen=True)
class Draft:
    """A registration being varied. ``dob`` None: not known; then perhaps a year or a range."""

    given: tuple[str, ...]
    prefix: str
    surname: str
    dob: date | None
    birth_year: int | None = None
    birth_years: tuple[int, int] | None = None  # an age estimate: born in one of these years
    tradition: str = "dutch"
    bsn: str = ""
    bsn_forced: bool = False  # a BSN error needs the BSN recorded


_KEYBOARD_NEIGHBOURS = {
    "a": "sqzo", "b": "vnp", "c": "xvk", "d": "sfet", "e": "wria", "f": "dgv", "g": "fhk",
    "h": "gjn", "i": "uoey", "j": "hki", "k": "jlc", "l": "kmo", "m": "nk", "n": "bmh",
    "o": "ipue", "p": "olb", "q": "wak", "r": "etd", "s": "adzc", "t": "ryd", "u": "yioe",
    "v": "cbfw", "w": "qev", "x": "zck", "y": "tuij", "z": "xsa",
}  # fmt: skip


def typo(rng: random.Random, word: str) -> str:
    """One letter inserted, deleted, substituted (a keyboard neighbour) or two transposed."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 3:
        return word
    position = rng.choice(letters[1:])  # the first letter is rarely mistyped
    char = word[position]
    lower = char.lower()
    operation = rng.choice(("insert", "delete", "substitute", "transpose"))
    if operation == "delete":
        return word[:position] + word[position + 1 :]
    if operation == "insert":
        return word[:position] + lower + word[position:]
    if operation == "transpose":
        following = position + 1
        if following < len(word) and word[following].isalpha() and word[following] != char:
            return word[:position] + word[following] + char + word[following + 1 :]
        return word[: position - 1] + char + word[position - 1] + word[following:]
    neighbours = _KEYBOARD_NEIGHBOURS.get(lower, "aeiou")
    return word[:position] + rng.choice(neighbours) + word[position + 1 :]


_WRITTEN_OUT = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae"})


def without_diacritics(text: str, rng: random.Random) -> str:
    """Çelik → Celik; sometimes Öztürk → Oeztuerk (written out, as some systems do)."""
    if rng.random() < 0.25 and any(c in "üöäÜÖÄ" for c in text):
        return text.translate(_WRITTEN_OUT)
    text = text.replace("ı", "i").replace("İ", "I").replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


Variation = Callable[[random.Random, Draft], Draft | None]


def _changed(draft: Draft, varied: Draft) -> Draft | None:
    return varied if varied != draft else None


# --- given names --------------------------------------------------------------------------


def typo_given_name(rng: random.Random, d: Draft) -> Draft | None:
    """Keyboard errors (Christen & Pudjijono 2009; the FEBRL and GeCo generators)."""
    if not d.given:
        return None
    given = list(d.given)
    index = rng.randrange(len(given))
    given[index] = typo(rng, given[index])
    return _changed(d, replace(d, given=tuple(given)))


def given_name_form(rng: random.Random, d: Draft) -> Draft | None:
    """A call name, short form, other transliteration or the neighbouring language's form
    (roepnaam Kees for Cornelis on a school's or a neighbour's report; Mo, Yusuf, Piotr)."""
    if not d.given:
        return None
    index = 0 if rng.random() < 0.8 else rng.randrange(len(d.given))
    name = d.given[index]
    forms = other_forms(name)
    rules = SPELLING_RULES.get(d.tradition, [])
    new = rng.choice(forms) if forms else respell(rng, name, rules)
    given = list(d.given)
    given[index] = new
    # A call name usually stands alone: the other given names are not mentioned.
    if forms and rng.random() < 0.6:
        given = [new]
    return _changed(d, replace(d, given=tuple(given)))


def initials(rng: random.Random, d: Draft) -> Draft | None:
    """Initials instead of given names, as police and civil-register extracts write them."""
    if not d.given or all(len(g) == 1 for g in d.given):
        return None
    letters = [g[0].upper() for g in d.given]
    style = rng.random()
    if style < 0.5:
        text = "".join(f"{letter}." for letter in letters)  # M.A.
    elif style < 0.7:
        text = " ".join(f"{letter}." for letter in letters)  # M. A.
    elif style < 0.9:
        text = f"{letters[0]}."  # only the first
    else:
        text = "".join(letters)  # MA
    return replace(d, given=(text,))


def second_given_name_left_out(rng: random.Random, d: Draft) -> Draft | None:
    if len(d.given) < 2:
        return None
    return replace(d, given=(d.given[0], *d.given[2:]))


def given_names_reordered(rng: random.Random, d: Draft) -> Draft | None:
    if len(d.given) < 2:
        return None
    return replace(d, given=(d.given[1], d.given[0], *d.given[2:]))


def given_names_missing(rng: random.Random, d: Draft) -> Draft | None:
    """Only the surname is known ("de zoon van Yılmaz")."""
    return replace(d, given=()) if d.given and d.surname else None


# --- surnames -----------------------------------------------------------------------------


def typo_surname(rng: random.Random, d: Draft) -> Draft | None:
    if not d.surname:
        return None
    parts = d.surname.split("-")
    index = rng.randrange(len(parts))
    words = parts[index].split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = typo(rng, words[longest])
    parts[index] = " ".join(words)
    return _changed(d, replace(d, surname="-".join(parts)))


def surname_spelling(rng: random.Random, d: Draft) -> Draft | None:
    """Another transliteration or spelling convention (Dutch "oe", French "ou", English "sh";
    Turkish letters written out; Polish letters in Dutch spelling): passport, residence permit
    and a partner's own system each write the name their way."""
    if not d.surname:
        return None
    rules = SPELLING_RULES.get(d.tradition, []) + SPELLING_RULES["dutch"][:4]
    return _changed(d, replace(d, surname=respell(rng, d.surname, rules)))


def heard_spelling(rng: random.Random, d: Draft) -> Draft | None:
    """A name written down after hearing it (a phone call to the meldpunt): ei/ij, au/ou, g/ch."""
    if rng.random() < 0.5 and d.surname:
        return _changed(d, replace(d, surname=respell(rng, d.surname, HEARD_RULES)))
    if not d.given:
        return None
    given = list(d.given)
    given[0] = respell(rng, given[0], HEARD_RULES)
    return _changed(d, replace(d, given=tuple(given)))


def diacritics_dropped(rng: random.Random, d: Draft) -> Draft | None:
    text = " ".join(d.given) + d.surname
    if all(ord(c) < 128 for c in text):
        return None
    return replace(
        d,
        given=tuple(without_diacritics(g, rng) for g in d.given),
        surname=without_diacritics(d.surname, rng),
    )


def prefix_left_out(rng: random.Random, d: Draft) -> Draft | None:
    if d.prefix:
        return replace(d, prefix="")
    words = d.surname.split(" ")
    if len(words) > 1 and "-" not in d.surname and words[0].lower() in {"el", "al"}:
        return replace(d, surname=" ".join(words[1:]))  # "El Amrani" → "Amrani"
    return None


def prefix_in_surname_field(rng: random.Random, d: Draft) -> Draft | None:
    """Formatting only ("van Dijk" typed in the surname field)."""
    if not d.prefix:
        return None
    return replace(d, prefix="", surname=f"{d.prefix} {d.surname}")


def prefix_glued(rng: random.Random, d: Draft) -> Draft | None:
    """The prefix written together with the surname ("Vandenberg"), as abroad and in some
    older records."""
    words = d.prefix.split() if d.prefix else []
    surname = d.surname
    if not words:
        first = surname.split(" ")
        if len(first) > 1 and first[0].lower() in {"el", "al"} and "-" not in surname:
            words, surname = [first[0]], " ".join(first[1:])
        else:
            return None
    glued = "".join(words) + surname.replace(" ", "").lower()
    style = rng.random()
    if style < 0.6:
        glued = glued[:1].upper() + glued[1:]
    elif style < 0.8:
        glued = "".join(w.capitalize() for w in words) + surname.replace(" ", "")
    return replace(d, prefix="", surname=glued)


def prefix_in_given_names_field(rng: random.Random, d: Draft) -> Draft | None:
    """The prefix typed after the given names ("Jan van den" / "Berg")."""
    if not d.prefix or not d.given:
        return None
    return replace(d, given=(*d.given, *d.prefix.split()), prefix="")


def prefix_abbreviated(rng: random.Random, d: Draft) -> Draft | None:
    """ "v.d." and "vd" for "van der" / "van den" / "van de", "v." for "van"."""
    short = {"van der": "v.d.", "van den": "v.d.", "van de": "vd", "van": "v."}.get(d.prefix)
    return replace(d, prefix=short) if short else None


def one_part_of_double_surname(rng: random.Random, d: Draft) -> Draft | None:
    if "-" not in d.surname:
        return None
    part = rng.choice(d.surname.split("-"))
    words = part.split(" ")
    prefix_words = [w for w in words[:-1] if w.lower() in PREFIX_WORDS]
    if prefix_words:
        return replace(d, prefix=" ".join(prefix_words), surname=words[-1])
    return replace(d, surname=part)


def fields_swapped(rng: random.Random, d: Draft) -> Draft | None:
    """Given names and surname in each other's field (an unfamiliar naming order)."""
    if not d.given or not d.surname:
        return None
    surname = f"{d.prefix} {d.surname}".strip()
    return replace(d, given=(surname,), prefix="", surname=" ".join(d.given))


def case_and_spacing(rng: random.Random, d: Draft) -> Draft | None:
    """Capitals and spaces as another system writes them (JANSEN, " jan  ")."""
    if rng.random() < 0.6:
        return _changed(d, replace(d, surname=d.surname.upper()))
    return _changed(d, replace(d, given=tuple(g.lower() for g in d.given)))
