"""Name lists of the synthetic population: given names by sex and surnames per naming tradition.

Common names of the larger communities in the Netherlands (Dutch, Turkish, Moroccan, Surinamese,
Antillean, Indonesian/Moluccan, Polish and other Central European, Syrian/Iraqi/Afghan,
Somali/Eritrean and other Western); combined at random they describe nobody. Surnames are written
"prefix|surname" with "_" for a space inside one name. Compound surnames (Hoog+veld, Kara+demir,
Ben+said, Ram+lal) make surnames as varied as in a real population.
"""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

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
Antonius Franciscus Theodorus Adrianus Gijsbertus Lambertus Nicolaas Wilhelmus Petrus Gerardus
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
Catharina Geertruida Petronella Jacoba Adriana Margaretha Aleida Theodora Francisca Antonia
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
    # Which spelling conventions its names are written down in (convergence_variants).
    tradition: str = "dutch"


ORIGINS = (
    Origin(0.64, DUTCH_MALE, DUTCH_FEMALE, DUTCH_SURNAMES, _compound(DUTCH_HEADS, DUTCH_TAILS)),
    Origin(
        0.08,
        TURKISH_MALE,
        TURKISH_FEMALE,
        TURKISH_SURNAMES,
        _compound(TURKISH_HEADS, TURKISH_TAILS),
        "turkish",
    ),
    Origin(
        0.08,
        MOROCCAN_MALE,
        MOROCCAN_FEMALE,
        MOROCCAN_SURNAMES,
        _compound(MOROCCAN_HEADS, MOROCCAN_TAILS),
        "arabic",
    ),
    Origin(
        0.05,
        SURINAMESE_MALE,
        SURINAMESE_FEMALE,
        SURINAMESE_SURNAMES,
        _compound(HINDUSTANI_HEADS, HINDUSTANI_TAILS),
        "surinamese",
    ),
    Origin(0.01, ANTILLEAN_MALE, ANTILLEAN_FEMALE, ANTILLEAN_SURNAMES, tradition="western"),
    Origin(0.02, INDONESIAN_MALE, INDONESIAN_FEMALE, INDONESIAN_SURNAMES, tradition="surinamese"),
    Origin(
        0.04,
        CENTRAL_EUROPEAN_MALE,
        CENTRAL_EUROPEAN_FEMALE,
        CENTRAL_EUROPEAN_SURNAMES,
        tradition="slavic",
    ),
    Origin(0.04, MIDDLE_EAST_MALE, MIDDLE_EAST_FEMALE, MIDDLE_EAST_SURNAMES, tradition="arabic"),
    Origin(
        0.02,
        HORN_OF_AFRICA_MALE,
        HORN_OF_AFRICA_FEMALE,
        HORN_OF_AFRICA_SURNAMES,
        tradition="arabic",
    ),
    Origin(0.02, WESTERN_MALE, WESTERN_FEMALE, WESTERN_SURNAMES, tradition="western"),
)
ORIGIN_CUMULATIVE = list(accumulate(o.weight for o in ORIGINS))
