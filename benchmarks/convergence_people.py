"""Synthetic, fictional identities for the convergence benchmark, with planted duplicates.

Every person is a random combination of common given names and surnames from name lists of the
larger communities in the Netherlands (Dutch, Turkish, Moroccan, Surinamese, Antillean,
Indonesian/Moluccan, Polish and other Central European, Syrian/Iraqi/Afghan, Somali/Eritrean
and other); a random date of birth; a BSN-shaped number for some, drawn from
990000000-999999999 and deliberately failing the eleven test (so it is nobody's BSN). None of
this describes a real person and no number is looked up anywhere.

A *person* is what the generator knows to be one human being; a *record* is how one
organisation registered that person. Most persons have one record; some have two to four
(the planted duplicates), and every record may carry variations of the kind that occur when
different people type the same identity: a typo (a letter inserted, deleted, substituted or two
letters transposed), given names in another order or the second one left out, the surname
prefix ("van", "de", "van der", "el") left out, day and month transposed, diacritics dropped or
written out (Çelik/Celik, Öztürk/Oeztuerk), one part of a double surname only. Everything is
drawn from ``random.Random`` seeded explicitly, so a run is reproducible.
"""

import random
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import accumulate, combinations
from typing import Any

# --- name lists (given names by sex; surnames as "prefix|surname", "_" for a space) -------


def _names(text: str) -> list[str]:
    """Whitespace-separated names; "_" stands for a space inside one name."""
    return [entry.replace("_", " ") for entry in text.split()]


DUTCH_MALE = _names(
    """
Jan Pieter Kees Henk Willem Johannes Cornelis Hendrik Gerrit Dirk Jacobus Daan Sem Lucas Levi
Finn Milan Bram Luuk Thijs Jesse Ruben Thomas Tim Lars Stijn Niels Bas Sander Jeroen Mark Martijn
Dennis Rick Kevin Mike Joris Wouter Rutger Maarten Bart Koen Jasper Joost Arjen Erik Frank Hans
Peter Paul Rob Ronald Marco Edwin Michel Patrick Vincent Wessel Hugo Julian Max Noah Sven Gijs
Teun Jens Tijn Siem Mees Floris Olivier Job Ties Stan Guus Pim Tom Rens Jelle Jorrit Sjoerd Hidde
Wietse Tjeerd Marnix Diederik Reinier Laurens Gijsbert Hein Frits Arie Teunis Evert Adriaan Aart
Klaas Douwe Sietse Bauke Freek Roel Twan Luc Dion Quinten Mats Cas Boaz Niek Vince Tobias Benjamin
    """
)
DUTCH_FEMALE = _names(
    """
Anna Maria Johanna Cornelia Elisabeth Wilhelmina Hendrika Emma Julia Sophie Tess Zoë Sara Lotte
Eva Lisa Anne Fleur Isa Noa Mila Saar Evi Lieke Roos Femke Sanne Ilse Iris Marieke Esther Linda
Petra Monique Karin Ingrid Wendy Kim Nicole Judith Mirjam Annemarie Anouk Manon Marloes Floor
Maaike Renske Eline Merel Lynn Yara Nina Fenna Sofie Liv Nora Olivia Jasmijn Hanna Lara Elin Vera
Lieve Amber Britt Demi Romy Kirsten Charlotte Suzanne Inge Jolien Lonneke Nienke Janneke Hester
Geertje Trijntje Aaltje Grietje Jannie Willemijn Marjolein Annelies Lidewij Mathilde Frederique
Rosalie Isabel Josephine Elise Puck Guusje Jet Hannah Norah Fien Loïs Maud Annabel Daphne Carlijn
    """
)
DUTCH_SURNAMES = _names(
    """
de|Jong de|Vries van_den|Berg van|Dijk |Bakker |Janssen |Visser |Smit |Meijer de|Boer |Mulder
de|Groot |Bos |Vos |Peters |Hendriks van|Leeuwen |Dekker |Brouwer de|Wit |Dijkstra |Smits
de|Graaf van_der|Meer van_der|Linden |Kok |Jacobs de|Haan |Vermeulen van_den|Heuvel van_der|Veen
van_den|Broek de|Bruijn de|Bruin van_der|Heijden |Schouten van|Beek |Willems van|Vliet
van_de|Ven |Hoekstra |Maas |Verhoeven |Koster van|Dam van_der|Wal |Prins |Blom |Huisman
|Peeters de|Jonge |Kuipers van|Veen |Post |Kuiper |Veenstra |Kramer van_den|Brink |Scholten
van|Wijk |Postma |Martens |Vink de|Ruiter |Timmermans |Groen |Gerritsen |Jonker van|Loon
|Boersma van_der|Velden |Willemsen |Hermans |Evers van|Rijn |Koning |Bosman |Wolters |Sanders
|Hoogeveen |Molenaar |Verbeek |Veldhuis van_den|Bosch |Lammers |Kroon |Zwart |Kramer |Franken
van|Houten |Hoogendoorn |Verschoor ten|Have ter|Horst op_de|Beek in_'t|Veld van_'t|Hof
van|Gils van|Oosten van|Ommen van_der|Zande |Wiersma |Kloosterman |Nijland |Bouwman |Pronk
|Steenbergen |Landman |Vonk |Akkerman |Hofstede |Rietveld |Zijlstra |Haverkamp |Oosterhuis
|Buitenhuis |Eijkelenboom |Kwakkel |Zuiderduin |Spijkerman |Terpstra |Wijnands |Hulshof
    """
)

TURKISH_MALE = _names(
    """
Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil
Süleyman Abdullah Mahmut Recep Emre Burak Serkan Volkan Cem Can Kerem Efe Eren Berat Emir Furkan
Kaan Barış Deniz Tolga Onur Ufuk Yiğit Arda Enes Oğuz
    """
)
TURKISH_FEMALE = _names(
    """
Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Özlem Esra Büşra
Yasemin Derya Gül Ebru Sibel Hülya Aylin Selin Dilek Tuba Nur Sena Zeliha Gamze Aslı Ecem Buse
Cansu İrem Melike Kübra Songül Nurten Gülsüm Tülay
    """
)
TURKISH_SURNAMES = _names(
    """
|Yılmaz |Kaya |Demir |Şahin |Çelik |Yıldız |Yıldırım |Öztürk |Aydın |Özdemir |Arslan |Doğan
|Kılıç |Aslan |Çetin |Kara |Koç |Kurt |Özkan |Şimşek |Ünal |Polat |Korkmaz |Erdoğan |Güneş
|Bulut |Aksoy |Keskin |Tekin |Taş |Aktaş |Güler |Işık |Uçar |Gündoğdu |Çakır |Acar |Bozkurt
|Avcı |Turan |Erdem |Kaplan |Sarı |Yavuz |Tunç |Altun |Karaca |Ateş |Köse |Duman
    """
)

MOROCCAN_MALE = _names(
    """
Mohamed Mohammed Ahmed Abdelkader Mustapha Said Youssef Hassan Rachid Abdellah Driss Omar Karim
Bilal Hamza Ayoub Ilias Zakaria Soufiane Anouar Nordin Mourad Khalid Jamal Samir Nabil Redouan
Ismail Adam Amine Yassine Othman Younes Mehdi Marouane Abderrahim Aziz Brahim Tarik Hicham
    """
)
MOROCCAN_FEMALE = _names(
    """
Fatima Khadija Aicha Malika Naima Rachida Samira Nadia Latifa Hafida Soumia Loubna Imane
Salma Nora Sara Yasmina Hajar Meryem Ikram Houda Siham Zineb Ilham Hanane Asmae Layla Dounia
Chaimae Oumaima Rania Safae Soukaina Kaoutar Nisrine Wafae Btissam Zahra Hind Amal
    """
)
MOROCCAN_SURNAMES = _names(
    """
|El_Amrani |El_Idrissi |Bouzid |Benali |El_Ouahabi |Ait_Ouali |Boukhari |El_Khattabi |Azzouzi
|Belhaj |Bakkali |Tahiri |El_Haddouchi |Ouali |Amezian |Bouchtaoui |Chaoui |El_Hamdaoui
|Abdellaoui |El_Fassi |Mansouri |Zaoui |Lamrani |Bennani |Cherkaoui |El_Yousfi |Achahbar
|Boujdaini |El_Allouchi |Hamdi |Karroumi |Messaoudi |Ouarrak |Rifi |Slimani |Talbi |Ziani
|El_Bouazzaoui |Aarab |Boutaleb |Kaddouri |Laaroussi |Moussaoui |Nouri |Saadi |Zerouali
    """
)

SURINAMESE_MALE = _names(
    """
Radjesh Sanjay Ravi Anil Sunil Rakesh Dinesh Vikash Kishan Ashwin Rishi Shiva Kiran Navin Romano
Clyde Errol Glenn Marvin Roy Ricardo Gerson Romeo Dwight Orlando Sherwin Humphrey Winston
Giovanni Jurgen Mitchell Quincy Raoul Virgil Stanley Jerrel Dwayne Jairzinho Elton Ryan
    """
)
SURINAMESE_FEMALE = _names(
    """
Sunita Anita Sharmila Reshma Priya Kavita Shanti Radha Nisha Sangita Asha Indra Devika Shirley
Gracia Ingrid Jennifer Marisca Naomi Rosita Sharon Wendela Esmeralda Gwendolyn Priscilla Tamara
Chantal Jessica Shanice Kimberley Ruth Romana Xiomara Jacqueline Carmen Angela Sabrina Mireille
    """
)
SURINAMESE_SURNAMES = _names(
    """
|Ramdin |Sewnarain |Mahabier |Jagernath |Kartosen |Pinas |Lie_A_Fo |Soekhai |Ramsaran
|Bhagwandin |Sitaldin |Ramcharan |Jhinkoe |Baldewsingh |Kalloe |Mangroe |Ramlal |Soerjoesing
|Autar |Bisoendial |Chotkan |Debidin |Gangaram |Hanoeman |Jadnanansing |Lachmon |Mohan
|Oemrawsingh |Panday |Rambaran |Sardjoe |Tjon_A_Joe |Ameerali |Fränkel |Kross |Doelwijt
|Wijngaarde |Sabajo |Amatsaleh |Vreden |Biswamitre |Karijo |Wongsodikromo |Soeperman
    """
)

ANTILLEAN_MALE = _names("Jurensley Gregory Ruthmilo Churandy Shurandy Jeandro Giovanni Randal")
ANTILLEAN_FEMALE = _names("Shurleska Jeanette Roselyn Sulaika Xiomara Yanaika Jeanine Natasja")
ANTILLEAN_SURNAMES = _names(
    """
|Martina |Maduro |Rosaria |Francisca |Isenia |Koeiman |Girigorie |Mercera |Cijntje |Sulvaran
|Wawoe |Statia |Juliana |Richardson |Clementina |Leito
    """
)

INDONESIAN_MALE = _names("Johan Frans Dani Agus Budi Joop Hendro Ronny Benny Eddy Ferry Rudy")
INDONESIAN_FEMALE = _names("Dewi Sri Wati Maya Lies Yvonne Tineke Ineke Indah Ratna")
INDONESIAN_SURNAMES = _names(
    """
|Soplanit |Latuhihin |Pattiasina |Tahapary |Manuhutu |Sahertian |Wattimena |Tuhumury |Leatemia
|Sapulette |Nanlohy |Pelupessy |Sopacua |Matulessy |Hehanussa |Kastanya
    """
)

CENTRAL_EUROPEAN_MALE = _names(
    """
Piotr Krzysztof Tomasz Paweł Marcin Michał Łukasz Kamil Mateusz Jakub Andrzej Marek Mariusz
Dariusz Grzegorz Bogdan Ionuț Andrei Mihai Bogdan Georgi Dimitar Vasile Nikolai
    """
)
CENTRAL_EUROPEAN_FEMALE = _names(
    """
Anna Katarzyna Agnieszka Magdalena Joanna Małgorzata Monika Karolina Aleksandra Natalia Ewa
Dorota Ioana Elena Andreea Mihaela Maria Desislava Svetlana Olena
    """
)
CENTRAL_EUROPEAN_SURNAMES = _names(
    """
|Nowak |Kowalski |Wiśniewski |Wójcik |Kowalczyk |Kamiński |Lewandowski |Zieliński |Szymański
|Woźniak |Dąbrowski |Kozłowski |Jankowski |Mazur |Kwiatkowski |Krawczyk |Popescu |Ionescu
|Dumitru |Stoica |Georgiev |Dimitrov |Petrov |Kovalenko |Shevchenko
    """
)

MIDDLE_EAST_MALE = _names(
    """
Ahmad Mohammad Mahmoud Khaled Omar Ali Hussein Abdulrahman Yousef Ibrahim Mustafa Hamid Karim
Bashar Firas Rami Tarek Walid Zaid Samer Ahmadullah Farid Nasir Rahim Jawad Sohrab
    """
)
MIDDLE_EAST_FEMALE = _names(
    """
Fatima Aisha Mariam Noor Rana Lina Huda Reem Dalia Hiba Rasha Yasmin Zainab Shirin Farida
Laila Parisa Nadia Sahar Mahsa
    """
)
MIDDLE_EAST_SURNAMES = _names(
    """
|Al_Hassan |Haddad |Khalil |Ibrahim |Mansour |Nasser |Othman |Saleh |Suleiman |Youssef
|Al_Khatib |Hamdan |Darwish |Qasim |Rahimi |Ahmadi |Hosseini |Karimi |Sultani |Noori
|Al_Jabouri |Mohammadi |Hashimi |Faizi |Jafari
    """
)

HORN_OF_AFRICA_MALE = _names(
    "Abdi Mohamed Ahmed Yonas Dawit Tesfay Mehari Abdirahman Mahad Bereket"
)
HORN_OF_AFRICA_FEMALE = _names("Amina Hodan Sahra Ifrah Filmon Ruta Helen Senait Luwam Nasra")
HORN_OF_AFRICA_SURNAMES = _names(
    """
|Abdi |Ali |Hassan |Warsame |Farah |Jama |Osman |Tesfamariam |Gebremedhin |Haile |Kidane
|Tekle |Ghebreyesus |Mohamud |Egal
    """
)

WESTERN_MALE = _names("Lucas Jonas Felix Leon Matteo Luca Mathis Hugo Louis Oscar Liam James")
WESTERN_FEMALE = _names("Emma Lena Mia Chloé Léa Giulia Sofia Clara Amélie Ines Lucía Grace")
WESTERN_SURNAMES = _names(
    """
|Müller |Schmidt |Schneider |Fischer |Weber |Dubois |Lefèvre |Martin |Rossi |Russo |García
|Fernández |Rodríguez |Silva |Santos |Smith |Murphy |O'Brien |Jensen |Nielsen |Van_Damme
|Peeters |Janssens |Claes |Maes
    """
)


# Compound surnames: fictional but plausible combinations of common parts, so that surnames are
# as varied as in a real population (Dutch: Hoog+veld, Turkish: Kara+demir, Moroccan: Ben+said,
# Hindustani Surinamese: Ram+lal). Persons use one of these as often as ``COMPOUND_SHARE``.
DUTCH_HEADS = _names(
    """
Hoog Laag Groen Zand Molen Brug Kerk Dijk Berg Bos Wester Ooster Noord Zuid Klein Groot Nieuw
Oud Vlier Linde Eike Beuk Wil Riet Veen Klei Steen Bloem Rozen Appel Hage Hooi Koren Tarwe
Weide Akker Heide Duin Meer Beek Water Vis Valk Haan Vos Wolf Ram Kamp Hof Holt Brink Haver
Vlas Lin Bie Hout Mos Hei Gras Ter Kooi Schaap Zwaan Merel Spijker Hamer Ketel Pot Kruis
"""
)
DUTCH_TAILS = _names(
    """
veld man huis kamp berg stra ink ing ma sma dijk hof horst beek meer broek zand land hout water
mans sen ers de enga inga stee werf brink kate hoek laar mate loo lo voort wijk burg rade
"""
)
TURKISH_HEADS = _names(
    "Ak Kara Öz Demir Kaya Taş Yıldız Er Ay Gül Şen Çelik Uç Al Bay Koç Kurt Tur Gök"
)
TURKISH_TAILS = _names("kan türk demir taş kaya soy oğlu er can dağ han el gün ay men ses yol su")
MOROCCAN_HEADS = _names("El_ Ben Bou Ait_ Ou Al_")
MOROCCAN_TAILS = _names(
    """
amrani idrissi hamdi said ali aziz khatib hassani karimi mansouri ouali yousfi tahiri
bakkali haddou jilali kaddour mimoun moussa rahmouni zaidi fassi hadj chaoui rifi
"""
)
HINDUSTANI_HEADS = _names("Ram Soe Bhag Sew Jag Gan Kis Ma Chot Lach Deb Bis Har Ja")
HINDUSTANI_TAILS = _names("din lal charan sewak narain khai wandin singh persad kisoen dhan dat")
COMPOUND_SHARE = 0.6


def _compound(heads: Sequence[str], tails: Sequence[str]) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        head, tail = rng.choice(heads), rng.choice(tails)
        if head.endswith(" "):  # "El " + "amrani" → "El Amrani"
            return "|" + head + tail.capitalize()
        return "|" + head + tail

    return make


@dataclass(frozen=True)
class Origin:
    """A naming tradition: given names by sex, surnames, and the share of persons using it."""

    weight: float
    male: Sequence[str]
    female: Sequence[str]
    surnames: Sequence[str]
    compound: Callable[[random.Random], str] | None = None


ORIGINS = (
    Origin(0.64, DUTCH_MALE, DUTCH_FEMALE, DUTCH_SURNAMES, _compound(DUTCH_HEADS, DUTCH_TAILS)),
    Origin(
        0.08,
        TURKISH_MALE,
        TURKISH_FEMALE,
        TURKISH_SURNAMES,
        _compound(TURKISH_HEADS, TURKISH_TAILS),
    ),
    Origin(
        0.08,
        MOROCCAN_MALE,
        MOROCCAN_FEMALE,
        MOROCCAN_SURNAMES,
        _compound(MOROCCAN_HEADS, MOROCCAN_TAILS),
    ),
    Origin(
        0.05,
        SURINAMESE_MALE,
        SURINAMESE_FEMALE,
        SURINAMESE_SURNAMES,
        _compound(HINDUSTANI_HEADS, HINDUSTANI_TAILS),
    ),
    Origin(0.01, ANTILLEAN_MALE, ANTILLEAN_FEMALE, ANTILLEAN_SURNAMES),
    Origin(0.02, INDONESIAN_MALE, INDONESIAN_FEMALE, INDONESIAN_SURNAMES),
    Origin(0.04, CENTRAL_EUROPEAN_MALE, CENTRAL_EUROPEAN_FEMALE, CENTRAL_EUROPEAN_SURNAMES),
    Origin(0.04, MIDDLE_EAST_MALE, MIDDLE_EAST_FEMALE, MIDDLE_EAST_SURNAMES),
    Origin(0.02, HORN_OF_AFRICA_MALE, HORN_OF_AFRICA_FEMALE, HORN_OF_AFRICA_SURNAMES),
    Origin(0.02, WESTERN_MALE, WESTERN_FEMALE, WESTERN_SURNAMES),
)
ORIGIN_CUMULATIVE = list(accumulate(o.weight for o in ORIGINS))

# How many records a person has: most one, some two to four (the planted duplicates).
CLUSTER_SIZES = (1, 2, 3, 4)
CLUSTER_WEIGHTS = (0.80, 0.14, 0.045, 0.015)
# How many variations one record carries compared with the person as they are.
VARIATION_COUNTS = (0, 1, 2, 3)
VARIATION_COUNT_WEIGHTS = (0.40, 0.40, 0.15, 0.05)
# How many given names a person has.
GIVEN_NAME_COUNTS = (1, 2, 3)
GIVEN_NAME_COUNT_WEIGHTS = (0.45, 0.40, 0.15)
DOUBLE_SURNAME_SHARE = 0.04
BSN_SHARE = 0.35  # persons with a BSN
BSN_RECORDED_SHARE = 0.5  # of their records, the share registered by an organisation with BSN
SEX_RECORDED_SHARE = 0.6
FIRST_BIRTH_YEAR = 1950
LAST_BIRTH_YEAR = 2013


@dataclass(frozen=True)
class Person:
    """One fictional human being, as they would write their own identity."""

    given_names: tuple[str, ...]
    surname_prefix: str
    surname: str
    date_of_birth: date
    sex: str  # "male" / "female"
    bsn: str  # "" when none


@dataclass(frozen=True)
class Record:
    """One registration of a person: the fields as typed, and which variations were applied."""

    person: int
    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date
    sex: str
    bsn: str
    variations: tuple[str, ...]


def _zipf_weights(count: int, exponent: float = 1.0, offset: float = 8.0) -> list[float]:
    """Common names first: the i-th name of a list has weight 1 / (i + offset) ** exponent.

    With the offset the most common name of a list of 100 is about 7 times as frequent as the
    median one, far less concentrated than a pure Zipf law; compound surnames (below) widen the
    surnames further."""
    return list(accumulate(1 / (i + offset) ** exponent for i in range(count)))


_CUMULATIVE: dict[int, list[float]] = {}


def _pick(rng: random.Random, names: Sequence[str]) -> str:
    cumulative = _CUMULATIVE.get(id(names))
    if cumulative is None:
        cumulative = _CUMULATIVE[id(names)] = _zipf_weights(len(names))
    return rng.choices(names, cum_weights=cumulative)[0]


def _birth_date(rng: random.Random) -> date:
    """Years weighted towards the young (signals concern mostly people under 40)."""
    span = LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1
    year = LAST_BIRTH_YEAR - min(int(rng.expovariate(1 / 14)), span - 1)
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def bsn_from_prefix(prefix: int) -> str:
    """A 9-digit number starting with the 8 digits of ``prefix`` that deliberately FAILS the
    eleven test, so that it can never be anyone's BSN. The engine only compares BSNs for
    equality, so for matching such numbers behave exactly like valid ones."""
    digits = f"{prefix:08d}"
    total = sum((9 - i) * int(d) for i, d in enumerate(digits))
    last = 0 if total % 11 != 0 else 1
    return f"{digits}{last}"


class BsnSource:
    """Distinct synthetic BSN-shaped numbers from 990000000-999999999, none passing the
    eleven test."""

    def __init__(self, rng: random.Random) -> None:
        self._prefixes = iter(rng.sample(range(99_000_000, 100_000_000), 1_000_000))

    def next(self) -> str:
        for prefix in self._prefixes:
            return bsn_from_prefix(prefix)
        raise RuntimeError("out of synthetic BSNs")


def make_person(rng: random.Random, bsns: BsnSource) -> Person:
    origin = ORIGINS[_bisect(ORIGIN_CUMULATIVE, rng.random() * ORIGIN_CUMULATIVE[-1])]
    sex = rng.choice(("male", "female"))
    pool = origin.male if sex == "male" else origin.female
    count = rng.choices(GIVEN_NAME_COUNTS, GIVEN_NAME_COUNT_WEIGHTS)[0]
    given: list[str] = []
    while len(given) < count:
        name = _pick(rng, pool)
        if name not in given:
            given.append(name)
    prefix, surname = _surname(rng, origin)
    if rng.random() < DOUBLE_SURNAME_SHARE:
        # A double name: two surnames joined by a hyphen ("Çelik-de Vries"); the prefix of the
        # first moves into the surname, as the BRP writes it.
        other_origin = ORIGINS[_bisect(ORIGIN_CUMULATIVE, rng.random() * ORIGIN_CUMULATIVE[-1])]
        second_prefix, second = _surname(rng, other_origin)
        if second != surname:
            first = f"{prefix} {surname}".strip()
            surname = f"{first}-{second_prefix + ' ' if second_prefix else ''}{second}"
            prefix = ""
    bsn = bsns.next() if rng.random() < BSN_SHARE else ""
    return Person(tuple(given), prefix, surname, _birth_date(rng), sex, bsn)


def _surname(rng: random.Random, origin: Origin) -> tuple[str, str]:
    if origin.compound is not None and rng.random() < COMPOUND_SHARE:
        entry = origin.compound(rng)
    else:
        entry = _pick(rng, origin.surnames)
    prefix, surname = entry.split("|")
    return prefix, surname


def _bisect(cumulative: Sequence[float], value: float) -> int:
    low, high = 0, len(cumulative) - 1
    while low < high:
        middle = (low + high) // 2
        if cumulative[middle] < value:
            low = middle + 1
        else:
            high = middle
    return low


# --- variations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A record being varied (given names as a list of names)."""

    given: tuple[str, ...]
    prefix: str
    surname: str
    dob: date


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


def _has_diacritics(text: str) -> bool:
    return any(ord(c) > 127 for c in text)


def _with_typo_in_surname(rng: random.Random, draft: Draft) -> Draft | None:
    parts = draft.surname.split("-")
    index = rng.randrange(len(parts))
    words = parts[index].split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = typo(rng, words[longest])
    parts[index] = " ".join(words)
    surname = "-".join(parts)
    return replace(draft, surname=surname) if surname != draft.surname else None


def _with_typo_in_given_name(rng: random.Random, draft: Draft) -> Draft | None:
    given = list(draft.given)
    index = rng.randrange(len(given))
    given[index] = typo(rng, given[index])
    return replace(draft, given=tuple(given)) if given != list(draft.given) else None


def _with_given_names_swapped(rng: random.Random, draft: Draft) -> Draft | None:
    if len(draft.given) < 2:
        return None
    return replace(draft, given=(draft.given[1], draft.given[0], *draft.given[2:]))


def _with_second_given_name_left_out(rng: random.Random, draft: Draft) -> Draft | None:
    if len(draft.given) < 2:
        return None
    return replace(draft, given=(draft.given[0], *draft.given[2:]))


def _with_prefix_left_out(rng: random.Random, draft: Draft) -> Draft | None:
    if draft.prefix:
        return replace(draft, prefix="")
    words = draft.surname.split(" ")
    if len(words) > 1 and "-" not in draft.surname and words[0].lower() in {"el", "al"}:
        return replace(draft, surname=" ".join(words[1:]))  # "El Amrani" → "Amrani"
    return None


def _with_day_and_month_transposed(rng: random.Random, draft: Draft) -> Draft | None:
    dob = draft.dob
    if dob.day > 12 or dob.day == dob.month:
        return None
    return replace(draft, dob=date(dob.year, dob.day, dob.month))


def _without_diacritics(rng: random.Random, draft: Draft) -> Draft | None:
    text = " ".join(draft.given) + draft.surname
    if not _has_diacritics(text):
        return None
    return replace(
        draft,
        given=tuple(without_diacritics(g, rng) for g in draft.given),
        surname=without_diacritics(draft.surname, rng),
    )


def _one_part_of_double_surname(rng: random.Random, draft: Draft) -> Draft | None:
    if "-" not in draft.surname:
        return None
    part = rng.choice(draft.surname.split("-"))
    words = part.split(" ")
    prefix_words = [w for w in words[:-1] if w.lower() in {"van", "de", "der", "den", "ter"}]
    if prefix_words:
        return replace(draft, prefix=" ".join(prefix_words), surname=words[-1])
    return replace(draft, surname=part)


def _prefix_typed_in_surname(rng: random.Random, draft: Draft) -> Draft | None:
    """Not a difference at all to the engine ("van Dijk" in the surname field): formatting."""
    if not draft.prefix:
        return None
    return replace(draft, prefix="", surname=f"{draft.prefix} {draft.surname}")


VARIATIONS = {
    "typo_surname": (_with_typo_in_surname, 3.0),
    "typo_given_name": (_with_typo_in_given_name, 3.0),
    "given_names_swapped": (_with_given_names_swapped, 1.0),
    "second_given_name_left_out": (_with_second_given_name_left_out, 2.0),
    "prefix_left_out": (_with_prefix_left_out, 2.0),
    "day_month_transposed": (_with_day_and_month_transposed, 1.5),
    "diacritics_dropped": (_without_diacritics, 2.0),
    "one_part_of_double_surname": (_one_part_of_double_surname, 2.0),
    "prefix_in_surname_field": (_prefix_typed_in_surname, 1.0),
}
_VARIATION_NAMES = tuple(VARIATIONS)
_VARIATION_WEIGHTS = tuple(weight for _function, weight in VARIATIONS.values())


def make_record(rng: random.Random, person_index: int, person: Person) -> Record:
    """One registration of the person, with 0-3 variations (each applied at most once)."""
    draft = Draft(person.given_names, person.surname_prefix, person.surname, person.date_of_birth)
    wanted = rng.choices(VARIATION_COUNTS, VARIATION_COUNT_WEIGHTS)[0]
    applied: list[str] = []
    attempts = 0
    while len(applied) < wanted and attempts < 12:
        attempts += 1
        name = rng.choices(_VARIATION_NAMES, _VARIATION_WEIGHTS)[0]
        if name in applied:
            continue
        varied = VARIATIONS[name][0](rng, draft)
        if varied is not None:
            draft = varied
            applied.append(name)
    has_bsn = bool(person.bsn) and rng.random() < BSN_RECORDED_SHARE
    has_sex = rng.random() < SEX_RECORDED_SHARE
    return Record(
        person=person_index,
        given_names=" ".join(draft.given),
        surname_prefix=draft.prefix,
        surname=draft.surname,
        date_of_birth=draft.dob,
        sex=person.sex if has_sex else "",
        bsn=person.bsn if has_bsn else "",
        variations=tuple(applied),
    )


# --- a population -----------------------------------------------------------------------


@dataclass
class Population:
    """Persons and the order of their records: ``record_person[i]`` is the person of record i.

    Records are laid out in segments (the first ``first_segment`` records, then the rest);
    every person's records lie within one segment, so the first segment is a complete data set
    of its own (the side-by-side job with splink). Within a segment the order is random.
    """

    persons: list[Person]
    record_person: list[int]

    def records_per_person(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for record, person in enumerate(self.record_person):
            found.setdefault(person, []).append(record)
        return found


def make_population(seed: int, records: int, first_segment: int) -> Population:
    rng = random.Random(f"schakel-convergence-population:{seed}")
    bsns = BsnSource(rng)
    persons: list[Person] = []
    layout: list[int] = []
    for size in (min(first_segment, records), records - min(first_segment, records)):
        segment: list[int] = []
        while len(segment) < size:
            index = len(persons)
            persons.append(make_person(rng, bsns))
            cluster = rng.choices(CLUSTER_SIZES, CLUSTER_WEIGHTS)[0]
            segment.extend([index] * min(cluster, size - len(segment)))
        rng.shuffle(segment)
        layout.extend(segment)
    return Population(persons, layout)


def records_for(
    seed: int, start: int, population_slice: Sequence[tuple[int, Person]]
) -> list[Record]:
    """The records ``start, start + 1, …``: the same ones whichever process makes them."""
    rng = random.Random(f"schakel-convergence-records:{seed}:{start}")
    return [make_record(rng, index, person) for index, person in population_slice]


CHUNK = 20_000  # records per unit of generation (and of insertion)
VARIATION_BITS = {name: 1 << i for i, name in enumerate(VARIATIONS)}


def chunks(population: Population, end: int) -> Iterator[tuple[int, list[tuple[int, Person]]]]:
    """(start, [(person index, person), …]) per CHUNK records: the unit ``records_for`` uses."""
    for start in range(0, end, CHUNK):
        people = population.record_person[start : min(start + CHUNK, end)]
        yield start, [(p, population.persons[p]) for p in people]


def planted_pairs(record_person: Sequence[int], end: int) -> set[tuple[int, int]]:
    """Pairs of record numbers (smaller first) below ``end`` that belong to one person."""
    by_person: dict[int, list[int]] = {}
    for record, person in enumerate(record_person[:end]):
        by_person.setdefault(person, []).append(record)
    return {pair for records in by_person.values() for pair in combinations(records, 2)}


def quality(found: set[tuple[int, int]], planted: set[tuple[int, int]]) -> dict[str, Any]:
    """Pairwise recall and precision: a found pair is true when both records are one person."""
    true_positives = len(found & planted)
    return {
        "true_pairs": len(planted),
        "found_pairs": len(found),
        "false_positives": len(found) - true_positives,
        "recall": true_positives / len(planted) if planted else None,
        "precision": true_positives / len(found) if found else None,
    }
