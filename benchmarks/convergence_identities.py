"""A synthetic record as the engine's identity (the fields a registration would hold)."""

from convergence_people import Record

from schakel.intake.convergence.encoding import Identity


def identity(record: Record) -> Identity:
    accounts = ((record.online_platform, record.online_handle),) if record.online_handle else ()
    return Identity(
        given_names=record.given_names,
        surname_prefix=record.surname_prefix,
        surname=record.surname,
        date_of_birth=record.date_of_birth,
        sex=record.sex,
        bsn=record.bsn,
        birth_year=record.birth_year,
        birth_years=record.birth_years,
        accounts=accounts,
    )
