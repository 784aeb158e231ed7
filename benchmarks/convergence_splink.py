"""The same deduplication job with splink (DuckDB backend), for comparison.

splink gets the plain identities (it cannot work on keyed Bloom filters), standardised the way
the engine folds them (lower case, no diacritics, prefix apart, given names in alphabetical
order so that swapped names agree), and the same blocking as the engine: date of birth with day
and month unordered; a given-name code with a surname code (the engine's phonetic codes); BSN.
The model is the usual unsupervised Fellegi-Sunter set-up: the prior from deterministic rules,
u by random sampling, m by expectation maximisation blocked on the date of birth and then on
the names (as in splink's tutorials); then the pairs at a match probability of at least 0.5 and
0.9 (fixed in advance, not tuned on the truth).
"""

import logging
import time
from typing import Any

import duckdb
import pyarrow as pa
import splink
import splink.comparison_library as cl
from convergence_people import Record, quality
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from schakel.intake.convergence.normalise import given_name_tokens, phonetic, split_surname

THRESHOLDS = (0.5, 0.9)


def standardised(records: list[Record]) -> pa.Table:
    """One row per record: the columns splink compares and blocks on."""
    columns: dict[str, list[Any]] = {
        name: []
        for name in (
            "unique_id",
            "given_names",
            "surname",
            "prefix",
            "dob",
            "dob_unordered",
            "name_codes",
            "sex",
            "bsn",
        )
    }
    for index, record in enumerate(records):
        given = given_name_tokens(record.given_names)
        prefix, parts = split_surname(record.surname_prefix, record.surname)
        dob = record.date_of_birth
        low, high = sorted((dob.day, dob.month))
        codes = sorted(
            {f"{phonetic(g)}|{phonetic(p)}" for g in given for p in parts if phonetic(g)}
        )
        columns["unique_id"].append(index)
        columns["given_names"].append(" ".join(sorted(given)) or None)
        columns["surname"].append(" ".join(parts) or None)
        columns["prefix"].append(prefix or None)
        columns["dob"].append(dob.isoformat())
        columns["dob_unordered"].append(f"{dob.year}-{low:02d}-{high:02d}")
        columns["name_codes"].append(codes)
        columns["sex"].append(record.sex or None)
        columns["bsn"].append(record.bsn or None)
    return pa.table(columns)


def run(records: list[Record], planted: set[tuple[int, int]], seed: int) -> dict[str, Any]:
    table = standardised(records)
    started = time.perf_counter()
    db_api = DuckDBAPI()
    frame = db_api.register(table, dataset_display_name="signals")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            cl.NameComparison("given_names"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.ExactMatch("bsn"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("dob_unordered"),
            block_on("name_codes", arrays_to_explode=["name_codes"]),
            block_on("bsn"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )
    linker = Linker(frame, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_names", "surname", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=seed % 2**31)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("dob"), record_sample_proportion=1.0
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_names", "surname"), record_sample_proportion=1.0
    )
    trained = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=min(THRESHOLDS))
    found_rows = (
        predictions.as_duckdbpyrelation()
        .select("unique_id_l, unique_id_r, match_probability")
        .fetchall()
    )
    done = time.perf_counter()
    rows = []
    for threshold in THRESHOLDS:
        found = {
            (min(a, b), max(a, b)) for a, b, probability in found_rows if probability >= threshold
        }
        rows.append({"threshold": threshold, **quality(found, planted)})
    return {
        "records": len(records),
        "version": splink.__version__,
        "duckdb": duckdb.__version__,
        "seconds": done - started,
        "training_s": trained - started,
        "predict_s": done - trained,
        "thresholds": rows,
    }
