"""How one name gets written differently: the generator's own tables, kept apart from the engine.

- ``GIVEN_NAME_FORMS``: groups of forms of one given name. The first is the form a civil register
  would hold; the others are call names (roepnamen: Kees for Cornelis), short forms (Mo),
  spellings in another transliteration (Youssef, Yusuf, Joesoef) and the same name in a
  neighbouring language (Mehmet for Mohamed, Piotr for Pieter). Written for this generator from
  general knowledge of Dutch naming practice, before the engine's own list
  (``schakel/intake/convergence/given_name_variants.txt``) was written; the two differ on purpose,
  and the benchmark reports how many generated variants the engine's list does not know.
- ``SPELLING_RULES``: substitutions by which the same name is transliterated or spelled
  differently per tradition (Dutch "oe" for "u", French "ou", English "sh", Turkish letters
  written out), applied to surnames and to given names without a known other form.
- ``HEARD_RULES``: how a Dutch name is misspelled when it was heard, not read (ei/ij, au/ou,
  g/ch, dt/d/t, c/k, s/z, f/v).
"""

import random
import re


def _groups(text: str) -> list[tuple[str, ...]]:
    """One group a line: forms separated by spaces; "_" stands for a space inside a form."""
    groups = []
    for line in text.strip().splitlines():
        forms = tuple(f.replace("_", " ") for f in line.split())
        if len(forms) > 1:
            groups.append(forms)
    return groups


GIVEN_NAME_FORMS = _groups(
    """
Cornelis Kees Cees Cor Niels Kornelis
Jacobus Sjaak Jaap Koos Jacob Co
Johannes Jan Hans Johan Joop Hannes
Hendrik Henk Rik Hein Henny Hendrikus
Willem Wim Willy Wilhelmus Pim
Pieter Piet Peter Petrus Piotr
Gerrit Gert Gerard Gerardus
Dirk Dick Dik Diederik
Adrianus Arie Aad Adri Adriaan
Antonius Toon Ton Anton Twan Teun Teunis
Franciscus Frans Frank Sjef
Theodorus Theo Dorus Ted
Gijsbertus Gijs Gijsbert Bert
Lambertus Bert Lammert Bertus
Nicolaas Klaas Nico Niek Nikolai
Lucas Luuk Luc Lukas
Matthias Thijs Mathijs Ties Mats Matteo
Laurens Lars Rens Lau
Frederik Freek Frits Fred
Sebastiaan Bas Sebas
Alexander Sander Xander Alex
Maarten Martijn Martin Tijn
Casper Cas Jasper Kasper
Maria Marie Mieke Ria Marijke Maaike Mia
Johanna Anneke Hanneke Joke Jannie Hanna Janneke
Cornelia Corrie Nel Neeltje Corry
Elisabeth Els Liesbeth Lisa Betty Bep Ilse Elise
Wilhelmina Mien Wilma Mina Willemijn
Hendrika Riek Rika Henny
Catharina Toos Tineke Trijntje Katrien Karin
Geertruida Truus Geertje Trudy
Petronella Nel Nelleke Petra
Jacoba Coby Koosje Jacqueline
Adriana Sjaan Jaantje Adrie
Margaretha Grietje Greet Margriet Greta
Charlotte Lotte Lot
Suzanne Sanne Susanne Suus
Josephine Fien Josje
Mohamed Mohammed Muhammad Mohammad Mohamad Muhammed Mehmet Mo Moh Maxamed
Ahmed Ahmad Ahmet Achmed Axmed
Youssef Yusuf Joesoef Yousef Youssouf Yousuf Yussuf
Mustafa Mustapha Mostafa Moustafa
Hassan Hasan Hassaan
Hussein Hüseyin Husein Hossein Hoessein
Ibrahim Brahim Ebrahim Ibrahiem
Ismail İsmail Ismael Esmail Smail
Abdullah Abdellah Abdallah Abdulah
Omar Ömer Umar Oemar
Othman Osman Otman Usman
Süleyman Suleiman Sulayman Slimane
Said Saïd Saeed Sait
Rachid Rashid Reşit Rasheed
Khalid Khaled Halit Chalid
Karim Kerim Kareem
Mahmoud Mahmut Mahmud Machmoed
Younes Yunus Younus Joenoes
Yassine Yasin Yassin
Ilias İlyas Ilyas Elias
Zakaria Zakariya Zekeriya
Ayoub Eyüp Ayub Ajoeb
Driss Idriss Idris
Abdi Abdirahman Abdurrahman Abderrahim
Dawit Dawud Daoud David
Yonas Jonas Younas
Fatima Fatma Fatimah Fadma
Aicha Ayşe Aisha Aïcha Aysha
Khadija Hatice Khadidja Hadija
Meryem Mariam Maryam Meriem Miriam Mirjam
Zeynep Zainab Zineb Zaynab
Emine Amina Aamina
Zehra Zahra Zohra Sahra
Hanane Hanan
Layla Leila Laila Leyla
Nora Noor Nour Nur
Yasmina Yasmin Yasemin Jasmina
Malika Melike
Salma Selma
Hajar Hacer
Radjesh Rajesh Radjes
Sunil Soenil
Dinesh Dinesj
Vikash Vikas
Kishan Kiesjan
Sunita Soenita
Sharmila Sjarmila
Shanti Sjanti
Reshma Resma
Paweł Pawel Paul Pavel
Michał Michal Michael Michiel Mihai
Krzysztof Christoph Kristof
Tomasz Thomas Tom Tomas
Andrzej Andrei Andreas Andries
Jakub Jakob Yakup
Katarzyna Kasia Katharina
Małgorzata Malgorzata Gosia
Aleksandra Alexandra Ola
Agnieszka Agnes
Joanna Asia
Ewa Eva Evi
Monika Monique Monica
Natalia Natalie Natasja
Dimitar Dimitri Dmitri
Olena Elena Helena
Georgi Georg George Joris
Grace Gracia
Sofia Sophie Sofie Zofia Sophia
Chloé Chloe
Léa Lea
Clara Klara Claire
    """
)

# Per tradition: (pattern, replacements); one is drawn at random where the pattern occurs.
SPELLING_RULES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "dutch": [
        ("ij", ("y", "ei")),
        ("ei", ("ij",)),
        ("dt", ("t", "d")),
        ("c", ("k",)),
        ("k", ("c",)),
        ("ph", ("f",)),
        ("th", ("t",)),
        ("sen$", ("son", "zen")),
        ("ae", ("aa",)),
        ("oo", ("o",)),
        ("y", ("ij", "i")),
        ("gh", ("g",)),
    ],
    "arabic": [
        ("ou", ("u", "oe", "o")),
        ("u", ("ou", "oe")),
        ("kh", ("ch", "h", "k")),
        ("ch", ("sh", "sj", "kh")),
        ("q", ("k", "g")),
        ("j", ("dj", "y")),
        ("y", ("i", "j")),
        ("ee", ("i",)),
        ("ie", ("i",)),
        ("aa", ("a",)),
        ("a", ("e",)),
        ("e", ("a",)),
        ("dd", ("d",)),
        ("ss", ("s",)),
        ("^el ", ("el-", "al-", "al ", "el")),
        ("^al ", ("al-", "el ", "el-", "al")),
        ("h$", ("",)),
        ("i$", ("y", "ie")),
    ],
    "turkish": [
        ("ş", ("s", "sch", "sj", "sh")),
        ("ç", ("c", "ch", "tsj")),
        ("ğ", ("g", "")),
        ("ı", ("i", "e")),
        ("ö", ("o", "oe")),
        ("ü", ("u", "ue")),
        ("c", ("dj", "j")),
        ("y", ("j",)),
        ("k", ("c",)),
    ],
    "surinamese": [
        ("oe", ("u",)),
        ("u", ("oe",)),
        ("dj", ("j",)),
        ("j", ("dj", "y")),
        ("tj", ("ch", "c")),
        ("sj", ("sh",)),
        ("sh", ("sj",)),
        ("w", ("v",)),
        ("aa", ("a",)),
    ],
    "slavic": [
        ("sz", ("sj", "sh", "s")),
        ("cz", ("tsj", "ch")),
        ("w", ("v",)),
        ("ł", ("l", "w")),
        ("ski$", ("sky", "skie")),
        ("j", ("y", "i")),
        ("ch", ("h", "kh")),
        ("ś", ("s", "sj")),
        ("ń", ("n",)),
        ("ó", ("o", "u")),
        ("ą", ("a", "on")),
        ("ę", ("e", "en")),
        ("ż", ("z", "zj")),
        ("ć", ("c", "tsj")),
        ("shch", ("sjtsj", "schtsch")),
        ("sh", ("sj", "sch")),
        ("ko$", ("ka",)),
        ("v", ("w",)),
    ],
    "western": [
        ("ph", ("f",)),
        ("c", ("k",)),
        ("é", ("e", "ee")),
        ("è", ("e",)),
        ("ü", ("u", "ue")),
        ("ll", ("l",)),
        ("ss", ("s",)),
        ("y", ("i",)),
    ],
}

HEARD_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("ei", ("ij",)),
    ("ij", ("ei",)),
    ("au", ("ou",)),
    ("ou", ("au",)),
    ("ch", ("g",)),
    ("g", ("ch",)),
    ("dt$", ("t", "d")),
    ("d$", ("t",)),
    ("t$", ("d", "dt")),
    ("c", ("k", "s")),
    ("k", ("c",)),
    ("^s", ("z",)),
    ("^z", ("s",)),
    ("^f", ("v",)),
    ("^v", ("f",)),
    ("y", ("ij", "i")),
    ("ie", ("i",)),
    ("uu", ("u",)),
    ("ee", ("e",)),
]

_FORMS: dict[str, tuple[str, ...]] = {}
for _group in GIVEN_NAME_FORMS:
    for _form in _group:
        _FORMS.setdefault(_form.casefold(), _group)


def other_forms(name: str) -> tuple[str, ...]:
    """The other forms of a given name in the generator's table (empty when it has none)."""
    group = _FORMS.get(name.casefold(), ())
    return tuple(form for form in group if form.casefold() != name.casefold())


def respell(rng: random.Random, name: str, rules: list[tuple[str, tuple[str, ...]]]) -> str:
    """The name with one rule applied at one place where it fits; unchanged when none fits.

    Case is kept as far as it goes: a changed first letter keeps the original's case.
    """
    lower = name.lower()
    fitting = [
        (match, replacements)
        for pattern, replacements in rules
        for match in re.finditer(pattern, lower)
    ]
    if not fitting:
        return name
    match, replacements = rng.choice(fitting)
    replacement = rng.choice(replacements)
    start, end = match.span()
    if start == end:
        return name
    changed = lower[:start] + replacement + lower[end:]
    if not changed.strip():
        return name
    if name[:1].isupper():
        changed = changed[:1].upper() + changed[1:]
    # Words after a space or hyphen keep their capital ("El Amrani" → "Al-Amrani").
    return re.sub(r"([ -])(\w)", lambda m: m.group(1) + m.group(2).upper(), changed)
