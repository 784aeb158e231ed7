"""Name folding for matching: the same person written differently must fold to the same text.

Handles diacritics (Çelik → celik, Ünal → unal), surname prefixes typed in the surname field
("van 't Hof" → prefix "van 't", core "hof"), hyphenated double names ("Çelik-de Vries" → parts
"celik" and "vries"), and a coarse Dutch phonetic code used only for blocking.
"""

import itertools
import re
import unicodedata

# Lower-case Dutch (and common foreign) surname prefixes, as single tokens.
PREFIX_TOKENS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "t", "ten", "ter", "te", "op", "in", "aan",
        "uit", "bij", "onder", "over", "voor", "d'", "da", "das", "del", "della", "di", "do",
        "dos", "du", "el", "al", "la", "le", "les", "l'", "von", "zu", "vom", "vd", "v/d",
    }
)  # fmt: skip

_SPECIAL = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NOT_NAME = re.compile(r"[^a-z' -]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, no diacritics, only letters, apostrophes, hyphens and single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL)
    text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = _NOT_NAME.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" -")


def _letters(token: str) -> str:
    return token.replace("'", "").replace("-", "")


def given_name_tokens(given_names: str) -> list[str]:
    """Each given name on its own ("Jan-Willem Pieter" → jan, willem, pieter), in order."""
    tokens = fold(given_names).replace("-", " ").split()
    return [t for t in (_letters(t) for t in tokens) if t]


def split_surname(prefix: str, surname: str) -> tuple[str, list[str]]:
    """The folded prefix and the surname's core parts, prefixes stripped from every part.

    A prefix typed in the surname field counts as the prefix when the prefix field is empty.
    A part that is only a prefix word (the surname "De") is kept as the core.
    """
    found_prefix: list[str] = []
    parts: list[str] = []
    for raw_part in fold(surname).split("-"):
        tokens = raw_part.split()
        while len(tokens) > 1 and tokens[0] in PREFIX_TOKENS:
            found_prefix.append(tokens.pop(0))
        core = _letters("".join(tokens))
        if core:
            parts.append(core)
    folded_prefix = " ".join(fold(prefix).split())
    if not folded_prefix and found_prefix and not parts[1:]:
        # Only a leading prefix of a single surname moves to the prefix ("van Dijk").
        folded_prefix = " ".join(found_prefix)
    return folded_prefix, parts


_PHONETIC_RULES = (
    ("sch", "s"),
    ("ch", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dt", "t"),
    ("ck", "k"),
    ("ij", "y"),
    ("ei", "y"),
    ("ou", "au"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("v", "f"),
    ("w", "f"),
    ("j", "y"),
    ("d", "t"),
    ("b", "p"),
)
_VOWELS = frozenset("aeiouy")


def phonetic(token: str) -> str:
    """A coarse sound code: first letter kept, sound-alike consonants merged, vowels dropped.

    Only for blocking (which signals are compared at all), never for the score itself.
    """
    text = _letters(token)
    if not text:
        return ""
    for old, new in _PHONETIC_RULES:
        text = text.replace(old, new)
    skeleton = [text[0]]
    for previous, char in itertools.pairwise(text):
        if char in _VOWELS or char == "h" or char == previous:
            continue
        skeleton.append(char)
    return "".join(skeleton)[:6]
