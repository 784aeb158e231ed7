"""A suggestion's explanation in words a person can follow: per part of the identity, how the
two registrations compare and whether that points to one person or to two."""

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PART_LABELS: dict[str, Promise] = {
    "given_names": _("Voornamen"),
    "surname": _("Achternaam"),
    "date_of_birth": _("Geboren"),
    "sex": _("Geslacht"),
    "bsn": _("BSN"),
    "account": _("Online account"),
}
LEVELS: dict[str, dict[str, Promise]] = {
    "given_names": {
        "exact": _("Gelijk"),
        "folded": _("Gelijk, op hoofdletters of accenten na"),
        "reordered": _("Dezelfde voornamen, andere volgorde"),
        "contained": _("De ene reeks voornamen staat in de andere"),
        "shares_name": _("Eén voornaam gelijk"),
        "variant": _("Bekende variant (roepnaam, andere spelling)"),
        "close": _("Lijkt sterk (tikfout)"),
        "sounds_alike": _("Klinkt gelijk"),
        "similar": _("Lijkt enigszins"),
        "initials": _("Voorletters kloppen"),
        "first_initial": _("Eerste voorletter klopt"),
        "other_field": _("Staat bij de ander als achternaam"),
    },
    "surname": {
        "exact": _("Gelijk"),
        "folded": _("Gelijk, op tussenvoegsel, hoofdletters of accenten na"),
        "shares_part": _("Eén deel gelijk (dubbele naam, naam van de partner)"),
        "close": _("Lijkt sterk (tikfout)"),
        "sounds_alike": _("Klinkt gelijk (andere spelling)"),
        "similar": _("Lijkt enigszins"),
        "other_field": _("Staat bij de ander als voornaam"),
    },
    "date_of_birth": {
        "exact": _("Gelijk"),
        "day_month_swapped": _("Dag en maand verwisseld"),
        "one_digit": _("Eén cijfer verschilt"),
        "digits_transposed": _("Twee cijfers omgewisseld"),
        "year_off_by_one": _("Dag en maand gelijk, het jaar scheelt één"),
        "year": _("Het jaar klopt (bij één van beide is alleen het jaar bekend)"),
        "in_range": _("Valt binnen de geschatte leeftijd"),
        "near_year": _("Het jaar scheelt één met het opgegeven jaar of de schatting"),
        "same_year": _("Zelfde jaar, andere dag"),
    },
    "sex": {"equal": _("Gelijk")},
    "bsn": {"equal": _("Gelijk"), "one_digit": _("Eén cijfer verschilt")},
    "account": {"equal": _("Hetzelfde account"), "different": _("Ander account, zelfde platform")},
}
COMMON: dict[str, Promise] = {"missing": _("Niet bij beide bekend"), "different": _("Verschilt")}


def weight_meaning(weight: float, level: str) -> str:
    if level == "missing":
        return str(_("Telt niet mee"))
    if weight >= 4:
        return str(_("Wijst sterk op dezelfde persoon"))
    if weight >= 1:
        return str(_("Wijst op dezelfde persoon"))
    if weight > -1:
        return str(_("Zegt weinig"))
    if weight > -4:
        return str(_("Wijst op verschillende personen"))
    return str(_("Wijst sterk op verschillende personen"))


@dataclass(frozen=True)
class PartRow:
    label: str
    verdict: str
    meaning: str
    weight: float


def explanation_rows(explanation: dict[str, Any]) -> list[PartRow]:
    """The engine's explanation in words (suggestions made before the current engine have
    verdicts instead of levels; they read the same way)."""
    rows = []
    for part in explanation.get("parts", []):
        name = str(part.get("part", ""))
        level = str(part.get("level", part.get("verdict", "")))
        weight = float(part.get("weight", 0.0))
        label = LEVELS.get(name, {}).get(level) or COMMON.get(level) or level
        rows.append(
            PartRow(
                label=str(PART_LABELS.get(name, name)),
                verdict=str(label),
                meaning=weight_meaning(weight, level) if "weight" in part else "",
                weight=round(weight, 1),
            )
        )
    return rows
