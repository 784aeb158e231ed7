"""Writes of the online research log: the plan before searching, the outcome afterwards."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.core import validators
from schakel.core.validators import check_length, collect
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.choices import DataCategory, ResearchLegalBasis, ResearchOutcome
from schakel.intake.log_subjects import research_subjects
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.intake.services import AlreadyDecidedError
from schakel.intake.signal_input import AccountInput, validate_accounts


@dataclass(frozen=True)
class ResearchPlan:
    purpose: str
    occasion: str
    legal_basis: str
    public_order_interest: str
    subsidiarity: str
    confirms_no_fictitious_profile: bool
    confirms_no_closed_groups: bool
    confirms_no_systematic_following: bool
    signal: Signal | None = None
    # Who is searched for, when no signal names them (a partial identity).
    person_given_names: str = ""
    person_surname_prefix: str = ""
    person_surname: str = ""
    person_birth_year: int | None = None
    person_platform: str = ""
    person_handle: str = ""


def _person_errors(errors: dict[str, list[str]], plan: ResearchPlan) -> None:
    """The researched person, checked as a registration's partial identity is."""
    for name in ("person_given_names", "person_surname_prefix", "person_surname"):
        value = getattr(plan, name)
        check_length(errors, name, value, validators.NAME_MAX_LENGTH)
        collect(errors, name, validators.validate_name_characters, value)
    year = plan.person_birth_year
    if year is not None and not validators.OLDEST_BIRTH_YEAR <= year <= timezone.localdate().year:
        errors.setdefault("person_birth_year", []).append(
            str(_("Vul een geboortejaar in tussen %(first)s en %(last)s."))
            % {"first": validators.OLDEST_BIRTH_YEAR, "last": timezone.localdate().year}
        )
    account = AccountInput(plan.person_platform, plan.person_handle)
    account_errors: dict[str, list[str]] = {}
    validate_accounts(account_errors, (account,) if (account.platform or account.handle) else ())
    for key, messages in account_errors.items():
        errors.setdefault(f"person_{key.rsplit('.', 1)[-1]}", []).extend(messages)
    if plan.signal is None and not (plan.person_surname.strip() or plan.person_handle.strip()):
        errors.setdefault("person_surname", []).append(
            str(
                _(
                    "Kies het signaal dat de aanleiding is, of noem de persoon (achternaam) of "
                    "het account waarnaar u zoekt."
                )
            )
        )


def online_research_start(*, membership: Membership, plan: ResearchPlan) -> OnlineResearchEntry:
    """Record purpose, occasion, basis, interest, subsidiarity and the three confirmations
    before searching. Nothing is saved unless all of them are there."""
    if not permissions.may_record_online_research(membership):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    for name in ("purpose", "occasion", "public_order_interest", "subsidiarity"):
        value = getattr(plan, name)
        if not value.strip():
            errors.setdefault(name, []).append(str(_("Dit veld is vereist.")))
        check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
        collect(errors, name, validators.validate_no_control_characters, value)
    if plan.legal_basis not in ResearchLegalBasis.values:
        errors.setdefault("legal_basis", []).append(str(_("Kies een grondslag.")))
    for name in (
        "confirms_no_fictitious_profile",
        "confirms_no_closed_groups",
        "confirms_no_systematic_following",
    ):
        if getattr(plan, name) is not True:
            errors.setdefault(name, []).append(str(_("Bevestig dit voordat u zoekt.")))
    if plan.signal is not None and not permissions.directs(membership, plan.signal):
        errors.setdefault("signal", []).append(str(_("Kies een signaal van uw gemeente.")))
    _person_errors(errors, plan)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        entry = OnlineResearchEntry.objects.create(
            municipality=membership.organisation,
            recorded_by=membership.user,
            signal=plan.signal,
            person_given_names=plan.person_given_names.strip(),
            person_surname_prefix=plan.person_surname_prefix.strip(),
            person_surname=plan.person_surname.strip(),
            person_birth_year=str(plan.person_birth_year) if plan.person_birth_year else "",
            person_platform=plan.person_platform.strip(),
            person_handle=plan.person_handle.strip(),
            purpose=plan.purpose.strip(),
            occasion=plan.occasion.strip(),
            legal_basis=plan.legal_basis,
            public_order_interest=plan.public_order_interest.strip(),
            subsidiarity=plan.subsidiarity.strip(),
            confirms_no_fictitious_profile=True,
            confirms_no_closed_groups=True,
            confirms_no_systematic_following=True,
        )
        audit.log_processing(
            activity=IntakeActivity.ONLINE_RESEARCH,
            name="online_research_start",
            by=membership.user,
            subjects=research_subjects(entry),
            attributes={"entry": str(entry.pk), "legal_basis": plan.legal_basis},
        )
    return entry


def online_research_complete(
    *,
    entry: OnlineResearchEntry,
    membership: Membership,
    sources_consulted: str,
    outcome: str,
    outcome_summary: str = "",
    outcome_category: DataCategory = DataCategory.ORDINARY,
) -> OnlineResearchEntry:
    """Afterwards: the sources consulted and the outcome, also when nothing was found."""
    if not permissions.may_complete_online_research(membership, entry):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if not sources_consulted.strip():
        errors.setdefault("sources_consulted", []).append(str(_("Noem de geraadpleegde bronnen.")))
    if outcome not in ResearchOutcome.values:
        errors.setdefault("outcome", []).append(str(_("Kies een uitkomst.")))
    if outcome == ResearchOutcome.FOUND and not outcome_summary.strip():
        errors.setdefault("outcome_summary", []).append(str(_("Beschrijf wat is gevonden.")))
    for name, value in (
        ("sources_consulted", sources_consulted),
        ("outcome_summary", outcome_summary),
    ):
        check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
        collect(errors, name, validators.validate_no_control_characters, value)
    if outcome_category not in DataCategory.values:
        errors.setdefault("outcome_category", []).append(str(_("Kies een categorie.")))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = OnlineResearchEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.is_completed:
            raise AlreadyDecidedError
        locked.sources_consulted = sources_consulted.strip()
        locked.outcome = outcome
        locked.outcome_summary = outcome_summary.strip()
        locked.outcome_category = outcome_category
        locked.completed_at = timezone.now()
        locked.save()
        audit.log_processing(
            activity=IntakeActivity.ONLINE_RESEARCH,
            name="online_research_complete",
            by=membership.user,
            subjects=research_subjects(locked),
            attributes={"entry": str(locked.pk), "outcome": outcome},
        )
    return locked
