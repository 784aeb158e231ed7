"""The keyed, error-tolerant encoding of a (partial) identity; pure functions, no database.

``encode`` turns what a registration says of a person — any of given names or initials,
surname, a date of birth or only a year or an estimated range, sex, BSN, online accounts — into
one ``layout.FEATURES`` record of keyed hashes and keyed Bloom filters, and a set of keyed
blocking keys (which stored encodings a new one is compared with at all). Nothing here returns
or stores a plain name, date of birth, BSN or handle.
"""

from dataclasses import dataclass, field
from datetime import date

from schakel.intake.convergence import layout
from schakel.intake.convergence.accounts import normalise_account
from schakel.intake.convergence.keyed import bloom_words, h32, keyed_int, sub_key, year_words
from schakel.intake.convergence.normalise import (
    GivenNames,
    Surname,
    exact_form,
    fold,
    letters,
    parse_given_names,
    parse_surname,
    skeleton,
)
from schakel.intake.convergence.variants import variant_groups


@dataclass(frozen=True)
class Identity:
    """The identifying part of a registration (plain, in memory only). Everything may be
    missing; ``birth_years`` is an estimated range of birth years (first, last)."""

    given_names: str = ""
    surname_prefix: str = ""
    surname: str = ""
    date_of_birth: date | None = None
    sex: str = ""
    bsn: str = ""
    birth_year: int | None = None
    birth_years: tuple[int, int] | None = None
    accounts: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class Encoding:
    """One ``layout.FEATURES`` record and its blocking keys. ``keys`` are compared with every
    stored encoding's keys. ``broad_keys`` (large blocks) map to whether this registration
    seeks with the key: two registrations sharing a broad key are compared only when one of
    them seeks with it — one that lacks what the selective keys are made of."""

    features: bytes
    keys: frozenset[int]
    broad_keys: dict[int, bool] = field(default_factory=dict)

    @property
    def blocking_keys(self) -> frozenset[int]:
        return self.keys | frozenset(self.broad_keys)


@dataclass(frozen=True)
class Parsed:
    """An identity folded and split, in memory only."""

    given: GivenNames
    surname: Surname
    years: range
    bsn: str
    accounts: tuple[tuple[str, str], ...]


def normalise_bsn(bsn: str) -> str:
    digits = "".join(c for c in bsn if c.isdigit())
    return digits.zfill(9)[-9:] if digits else ""


def possible_years(identity: Identity) -> range:
    if identity.date_of_birth is not None:
        return range(identity.date_of_birth.year, identity.date_of_birth.year + 1)
    if identity.birth_year is not None:
        return range(identity.birth_year, identity.birth_year + 1)
    if identity.birth_years is not None:
        first, last = sorted(identity.birth_years)
        return range(first, last + 1)
    return range(0)


def parse(identity: Identity) -> Parsed:
    given, trailing_prefix = parse_given_names(identity.given_names)
    surname = parse_surname(identity.surname_prefix, identity.surname, extra_prefix=trailing_prefix)
    found = (normalise_account(p, h) for p, h in identity.accounts)
    accounts = tuple(dict.fromkeys((p, h) for p, h in found if h))
    return Parsed(given, surname, possible_years(identity), normalise_bsn(identity.bsn), accounts)


def _slots(values: list[int], size: int) -> list[int]:
    unique = list(dict.fromkeys(v for v in values if v))[:size]
    return unique + [0] * (size - len(unique))


def given_sounds(given: GivenNames) -> list[str]:
    sounds = [skeleton(n) for n in given.names[: layout.NAME_SLOTS]]
    sounds += [skeleton(g) for n in given.names[:2] for g in variant_groups(n)]
    return list(dict.fromkeys(s for s in sounds if s))


def surname_sounds(surname: Surname) -> list[str]:
    sounds = [skeleton(p) for p in surname.parts[:2]] + [skeleton(surname.unglued)]
    return list(dict.fromkeys(s for s in sounds if s))


def _given(record: layout.Features, identity: Identity, given: GivenNames) -> None:
    if not given.known:
        return
    k, name, sound = sub_key("given"), sub_key("name"), sub_key("sound")
    record["g_flags"] = layout.KNOWN | (layout.ONLY_INITIALS if given.only_initials else 0)
    record["g_exact"] = h32(k, exact_form(identity.given_names))
    record["g_initials"] = h32(k, "initials", given.initials)
    record["g_initial"] = h32(k, "initial", given.initials[:1])
    if not given.names:
        return
    record["g_count"] = min(len(given.names), 255)
    record["g_folded"] = h32(k, " ".join(given.names))
    record["g_sorted"] = h32(k, " ".join(sorted(given.names)))
    record["g_names"] = _slots([h32(name, n) for n in given.names], layout.NAME_SLOTS)
    groups = [h32(k, "group", g) for n in given.names[:3] for g in variant_groups(n)]
    record["g_groups"] = _slots(groups, layout.GROUP_SLOTS)
    sounds = [h32(sound, skeleton(n)) for n in given.names]
    record["g_sounds"] = _slots(sounds, layout.NAME_SLOTS)
    record["g_bloom"] = bloom_words(sub_key("bloom:given"), given.names)


def _surname(record: layout.Features, identity: Identity, surname: Surname) -> None:
    if not surname.known:
        return
    k, name, sound = sub_key("surname"), sub_key("name"), sub_key("sound")
    typed = f"{identity.surname_prefix} {identity.surname}"
    record["s_count"] = min(len(surname.parts), 255)
    record["s_exact"] = h32(k, exact_form(typed))
    record["s_core"] = h32(k, surname.core)
    record["s_unglued"] = h32(k, "unglued", surname.unglued)
    record["s_parts"] = _slots([h32(name, p) for p in surname.parts], layout.NAME_SLOTS)
    sounds = [h32(sound, s) for s in surname_sounds(surname)]
    record["s_sounds"] = _slots(sounds, layout.NAME_SLOTS)
    record["s_bloom"] = bloom_words(sub_key("bloom:surname"), [surname.core])


def _birth(record: layout.Features, identity: Identity, years: range) -> None:
    if not years:
        return
    record["d_years"] = year_words(years)
    record["d_near"] = year_words(near(years))
    dob = identity.date_of_birth
    if dob is None:
        single = identity.birth_year is not None or len(years) == 1
        record["d_kind"] = layout.BIRTH_YEAR if single else layout.BIRTH_RANGE
        return
    k = sub_key("date")
    digits = f"{dob.year:04d}{dob.month:02d}{dob.day:02d}"
    low, high = sorted((dob.day, dob.month))
    record["d_kind"] = layout.BIRTH_DATE
    record["d_full"] = h32(k, digits)
    record["d_unordered"] = h32(k, "unordered", f"{dob.year:04d}{low:02d}{high:02d}")
    record["d_monthday"] = h32(k, "monthday", digits[4:])
    record["d_masked"] = [
        h32(k, "masked", digits[:i] + "_" + digits[i + 1 :]) for i in range(layout.DATE_DIGITS)
    ]
    record["d_swapped"] = [
        h32(k, "swapped", str(i), digits[:i] + "".join(sorted(digits[i : i + 2])) + digits[i + 2 :])
        for i in layout.DATE_SWAPS
    ]


def _others(record: layout.Features, identity: Identity, parsed: Parsed) -> None:
    sex = fold(identity.sex)
    if sex:
        record["sex"] = h32(sub_key("sex"), sex)
    if parsed.bsn:
        k = sub_key("bsn")
        record["bsn"] = h32(k, parsed.bsn)
        record["bsn_masked"] = [
            h32(k, "masked", parsed.bsn[:i] + "_" + parsed.bsn[i + 1 :])
            for i in range(layout.BSN_DIGITS)
        ]
    if parsed.accounts:
        k = sub_key("account")
        handles = [h32(k, p, h) for p, h in parsed.accounts]
        platforms = [h32(k, "platform", p) for p, _h in parsed.accounts]
        record["a_handles"] = _slots(handles, layout.ACCOUNT_SLOTS)
        record["a_platforms"] = _slots(platforms, layout.ACCOUNT_SLOTS)


def near(years: range) -> range:
    return range(years.start - 1, years.stop + 1)


def _initial(token: str) -> str:
    """The first sound of a name (c/k/q alike, any vowel alike)."""
    return skeleton(token)[:1]


def _codes(parsed: Parsed) -> tuple[list[str], list[str], str, str]:
    """Surname codes (the sound of the whole, its first three letters), given-name codes (the
    first name, its known variants), and the first sound of each."""
    surname, given = parsed.surname, parsed.given
    surname_codes = [*surname_sounds(surname), skeleton(surname.core)] if surname.known else []
    if len(surname.unglued) >= 4:
        surname_codes.append(surname.unglued[:3])
    firsts = list(given.names[:2]) + [g for n in given.names[:1] for g in variant_groups(n)]
    given_initial = _initial(given.names[0] if given.names else given.initials[:1])
    surname_initial = _initial(surname.unglued) if surname.known else ""
    return (
        list(dict.fromkeys(c for c in surname_codes if c)),
        list(dict.fromkeys(firsts)),
        given_initial,
        surname_initial,
    )


def blocking_keys(identity: Identity, parsed: Parsed) -> tuple[set[int], dict[int, bool]]:
    """Which stored encodings a registration is compared with. Each error a registration can
    carry leaves one selective key intact: the date of birth with a first letter (a name
    misspelled or changed), a name with the birth day and month (the year mistyped), a surname
    with the year and given initial (the day or month mistyped), a given name with the year
    and surname initial (a surname misspelled), a given name or its variant with the surname,
    also with the prefix glued on (the date mistyped twice), a given name with the surname in
    either field, also by their sounds (fields swapped). Broad keys find what lacks those
    parts: a given-name sound or initial with a surname sound for registrations without a
    birth year, a surname sound with the year for those without full given names, and the
    surname sound alone for those with neither."""
    k = sub_key("blocking")
    keys: set[int] = set()
    surnames, firsts, given_initial, surname_initial = _codes(parsed)
    given, surname = parsed.given, parsed.surname
    if parsed.bsn:
        keys.add(keyed_int(k, "bsn", parsed.bsn))
    for platform, handle in parsed.accounts:
        keys.add(keyed_int(k, "account", platform, handle))
    dob = identity.date_of_birth
    if dob is not None:
        low, high = sorted((dob.day, dob.month))
        day = f"{dob.year}-{low}-{high}"
        for letter in {given_initial, surname_initial} - {""}:
            keys.add(keyed_int(k, "date-letter", day, letter))
        for code in surnames + firsts[:2]:
            keys.add(keyed_int(k, "name-monthday", code, f"{dob.month}-{dob.day}"))
    # A year alone, or a range, may be a year off: it seeks the years beside it too.
    years = parsed.years if dob is not None or not parsed.years else near(parsed.years)
    for year in map(str, years):
        for code in surnames:
            keys.add(keyed_int(k, "surname-year-initial", code, year, given_initial))
        for first in firsts:
            keys.add(keyed_int(k, "given-year-initial", first, year, surname_initial))
    if given.names and surname.known:
        # A prefix typed apart or glued on ("de Boer", "Deboer") meets on the glued form.
        glued = letters(surname.prefix).replace(" ", "") + surname.core
        for first in firsts:
            for form in {surname.unglued, glued}:
                keys.add(keyed_int(k, "names", first, form))
        # Given names and surname in each other's field meet on these, also misspelled.
        last = surname.parts[0] if surname.parts else surname.core
        for name in given.names[:2]:
            keys.add(keyed_int(k, "name-pair", *sorted((name, last))))
            keys.add(keyed_int(k, "name-pair-sound", *sorted((skeleton(name), skeleton(last)))))
    broad: dict[int, bool] = {}
    undated = not parsed.years
    for sound in given_sounds(given):
        for code in surnames:
            broad[keyed_int(k, "name-sounds", *sorted((sound, code)))] = undated
    if given_initial:
        for code in surnames:
            broad[keyed_int(k, "initial-surname", given_initial, code)] = undated
    # Without full given names, the surname with the year; without the year too, alone.
    for year in map(str, parsed.years):
        for code in surnames:
            broad[keyed_int(k, "surname-year", code, year)] = not given.names
    for code in surnames:
        broad[keyed_int(k, "surname", code)] = not given.names and undated
    return keys, {key: seeks for key, seeks in broad.items() if key not in keys}


def encode_parsed(identity: Identity, parsed: Parsed) -> Encoding:
    record = layout.empty()
    _given(record, identity, parsed.given)
    _surname(record, identity, parsed.surname)
    _birth(record, identity, parsed.years)
    _others(record, identity, parsed)
    keys, broad = blocking_keys(identity, parsed)
    return Encoding(record.tobytes(), frozenset(keys), broad)


def encode(identity: Identity) -> Encoding:
    return encode_parsed(identity, parse(identity))
