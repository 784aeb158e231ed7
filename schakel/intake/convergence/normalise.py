"""Name folding for matching: the same person written differently must fold to the same text.

Pure functions on plain text, in memory only (the encodings keep nothing of it but keyed hashes
and keyed Bloom filters). Handles diacritics (Çelik → celik), surname prefixes typed in the
surname field, glued to it ("Vandenberg") or after the given names ("Jan van"), hyphenated and
double names, initials ("M.A.", "M. A.", "MA"), and a coarse sound skeleton that survives
transliteration (Youssef/Yusuf/Joesoef, Sjevtsjenko/Shevchenko). Names in another script
(Arabic, Cyrillic, Greek) keep their letters: they compare with names in that script, not
with a Latin transliteration (docs/convergence.md).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Lower-case Dutch (and common foreign) surname prefixes, as single tokens; "v" and "d" from
# abbreviations such as "v.d." and "v."
PREFIX_TOKENS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "t", "ten", "ter", "te", "op", "in", "aan",
        "uit", "bij", "onder", "over", "voor", "d'", "da", "das", "del", "della", "di", "do",
        "dos", "du", "el", "al", "la", "le", "les", "l'", "von", "zu", "vom", "vd", "v/d", "v",
        "d",
    }
)  # fmt: skip
# Prefixes written together with the surname, longest first ("vandenberg" → "berg"). Not
# "de", "ter" and the like: too many surnames begin with them (Dekker, Terpstra).
GLUED_PREFIXES = ("vanden", "vander", "vande", "vant", "van", "el", "al", "ال")

_SPECIAL = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"\s+")
_VOWELS = frozenset("aeiouy")

# Names repeat: the pure steps remember the latest ones (a million registrations at once).
_REMEMBERED = 1 << 16


@lru_cache(maxsize=_REMEMBERED)
def fold(text: str) -> str:
    """Lower case, no diacritics (nor Arabic vowel marks), only letters of any script,
    apostrophes, hyphens and single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL)
    text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    text = "".join(c if c.isalpha() or c in "' -" else " " for c in kept)
    return _SPACES.sub(" ", text).strip(" -")


def exact_form(text: str) -> str:
    """The text as typed, up to case, Unicode form and spacing (the "exact" level)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def letters(token: str) -> str:
    return token.replace("'", "").replace("-", "")


# --- given names ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GivenNames:
    """Folded given names: full names in order, and the initials of every name given."""

    names: tuple[str, ...]
    initials: str

    @property
    def only_initials(self) -> bool:
        return not self.names and bool(self.initials)

    @property
    def known(self) -> bool:
        return bool(self.names or self.initials)


def _is_initials(raw: str) -> bool:
    """ "M.", "M.A.", "M", or two or three capitals without a vowel ("JP") or just two ("MA")."""
    plain = raw.replace(".", "")
    if not plain.isalpha():
        return False
    if "." in raw or len(plain) == 1:
        return all(len(piece) <= 1 for piece in raw.split("."))
    return plain.isupper() and (len(plain) == 2 or not (set(plain.lower()) & _VOWELS))


def parse_given_names(text: str) -> tuple[GivenNames, str]:
    """The given names, and a prefix typed after them ("Jan van" → prefix "van")."""
    raw_tokens = unicodedata.normalize("NFKC", text).replace("-", " ").split()
    names: list[str] = []
    initials: list[str] = []
    for raw in raw_tokens:
        if _is_initials(raw):
            initials.extend(fold(c) for c in raw if c.isalpha())
            continue
        for token in fold(raw).split():
            token = letters(token)
            if token:
                names.append(token)
                initials.append(token[0])
    trailing: list[str] = []
    while len(names) > 1 and names[-1] in PREFIX_TOKENS:
        trailing.insert(0, names.pop())
        initials.pop()
    return GivenNames(tuple(names), "".join(i for i in initials if i)), " ".join(trailing)


def given_name_tokens(given_names: str) -> list[str]:
    """Each full given name on its own, folded, in order (initials left out)."""
    return list(parse_given_names(given_names)[0].names)


# --- surnames -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Surname:
    """A folded surname: prefix apart, its parts (double names, a partner's name), the parts
    joined (``core``), and the whole with a glued prefix taken off (``unglued``)."""

    prefix: str
    parts: tuple[str, ...]
    core: str
    unglued: str

    @property
    def known(self) -> bool:
        return bool(self.core)


def _unglue(text: str) -> str:
    for prefix in GLUED_PREFIXES:
        if text.startswith(prefix) and len(text) - len(prefix) >= 3:
            return text[len(prefix) :]
    return text


def parse_surname(prefix: str, surname: str, *, extra_prefix: str = "") -> Surname:
    """Prefix and parts. A prefix typed in the surname field counts as the prefix when the
    prefix field is empty; "Al-Amrani" is "al" + "amrani"; a part that is only a prefix word
    (the surname "De") is kept."""
    hyphen_parts = [p.split() for p in fold(surname).split("-")]
    # "al-amrani", "el-haddouchi": a lone prefix word before the hyphen belongs to what follows.
    merged: list[list[str]] = []
    for tokens in hyphen_parts:
        if merged and len(merged[-1]) == 1 and merged[-1][0] in PREFIX_TOKENS and tokens:
            merged[-1] = merged[-1] + tokens
        elif tokens:
            merged.append(tokens)
    found_prefix: list[str] = []
    parts: list[str] = []
    pieces: list[str] = []
    for index, tokens in enumerate(merged):
        leading: list[str] = []
        while len(tokens) > 1 and tokens[0] in PREFIX_TOKENS:
            leading.append(tokens.pop(0))
        if index == 0:
            found_prefix = leading
        words = [letters(t) for t in tokens if t not in PREFIX_TOKENS or len(tokens) == 1]
        words = [w for w in words if w]
        pieces.extend(words)
        long_words = [w for w in words if len(w) >= 3]
        if len(long_words) > 1:
            parts.extend(long_words)
        elif words:
            parts.append("".join(words))
    folded_prefix = " ".join(fold(prefix).split()) or " ".join(fold(extra_prefix).split())
    if not folded_prefix and found_prefix and len(merged) == 1:
        folded_prefix = " ".join(found_prefix)
    core = "".join(pieces)
    # With the prefix apart, the core is already unglued; without, a glued one comes off.
    unglued = core if folded_prefix else _unglue(core)
    return Surname(folded_prefix, tuple(dict.fromkeys(parts)), core, unglued)


def split_surname(prefix: str, surname: str) -> tuple[str, list[str]]:
    """The folded prefix and the surname's core parts (kept for callers that count parts)."""
    parsed = parse_surname(prefix, surname)
    return parsed.prefix, list(parsed.parts)


# --- sound skeleton ------------------------------------------------------------------------

_SKELETON_RULES = (
    ("tsch", "s"), ("tsj", "s"), ("sch", "s"), ("sh", "s"), ("sj", "s"), ("ch", "k"),
    ("kh", "k"), ("gh", "k"), ("dj", "j"), ("tj", "j"), ("ph", "f"), ("th", "t"), ("dt", "t"),
    ("ck", "k"), ("ij", "i"), ("ei", "i"), ("oe", "u"), ("ou", "u"), ("ue", "u"), ("c", "k"),
    ("q", "k"), ("g", "k"), ("x", "ks"), ("z", "s"), ("v", "f"), ("w", "f"), ("d", "t"),
    ("b", "p"), ("y", "i"), ("j", "i"),
)  # fmt: skip


@lru_cache(maxsize=_REMEMBERED)
def skeleton(token: str) -> str:
    """A coarse sound code: the first sound kept, sound-alike consonants merged, vowels, "h"
    and doubled letters dropped. Survives most transliterations and many typos; for blocking
    and the "sounds alike" level, with keyed hashes of it only."""
    text = letters(token)
    if not text:
        return ""
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    # A leading vowel is any vowel (Ilias/Elias, Omar/Umar, Youssef/Yusuf after j, y → i).
    kept = ["a" if text[0] in _VOWELS else text[0]]
    for char in text[1:]:
        if char in _VOWELS or char in "hij" or char == kept[-1]:
            continue
        kept.append(char)
    return "".join(kept)


def phonetic(token: str) -> str:
    """The sound skeleton, at most six letters (blocking keys)."""
    return skeleton(token)[:6]
