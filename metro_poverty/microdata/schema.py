"""The household file's columns: name, kind, unit, allowed range and meaning.

One definition serves the generator (column order), the loader (validation) and the README
(a test fails when a column is not documented there).
"""

from __future__ import annotations

from dataclasses import dataclass

KELURAHAN_PATTERN = r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"
KECAMATAN_PATTERN = r"^\d{2}\.\d{2}\.\d{2}$"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # 'integer', 'number', 'boolean' or 'code'
    unit: str
    description: str
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    required: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("hh_id", "integer", "-", "household identifier, unique in the file", minimum=1),
    Column("kelurahan_code", "code", "Kemendagri code", "kelurahan of residence, e.g. 18.72.01.1001", pattern=KELURAHAN_PATTERN),
    Column("kecamatan_code", "code", "Kemendagri code", "kecamatan of residence, the first 8 characters of kelurahan_code", pattern=KECAMATAN_PATTERN),
    Column("weight", "number", "households", "survey weight: households represented by this record", minimum=0),
    Column("hh_size", "integer", "persons", "household members", minimum=1, maximum=30),
    Column("exp_pc", "number", "Rp/capita/month", "household expenditure per capita per month", minimum=0),
    Column("decile", "integer", "1-10",
           "DTSEN-like welfare decile of the household in the NATIONAL ranking of families (1 = poorest tenth of the nation)", minimum=1, maximum=10),
    Column("max_schooling_years", "integer", "years", "highest completed years of schooling of any member aged 15+", minimum=0, maximum=25),
    Column("n_children_school_age", "integer", "persons", "members aged 7-18", minimum=0, maximum=30),
    Column("n_children_out_of_school", "integer", "persons", "members aged 7-18 not attending school", minimum=0, maximum=30),
    Column("jkn_all_members", "boolean", "-", "every member is enrolled in JKN", ),
    Column("n_children_under2", "integer", "persons", "members aged under 2 years", minimum=0, maximum=10),
    Column("immunisation_complete", "boolean", "-", "every child under 2 has the basic immunisations due for its age (true when there is none)"),
    Column("water_safe", "boolean", "-", "main drinking water source is safe (air minum layak)"),
    Column("sanitation_proper", "boolean", "-", "proper sanitation (sanitasi layak)"),
    Column("electricity", "boolean", "-", "electric lighting, PLN or non-PLN"),
    Column("floor_earth", "boolean", "-", "the floor is earth"),
    Column("wall_unfit", "boolean", "-", "the walls are unfit (e.g. bamboo, wood in poor condition)"),
    Column("roof_unfit", "boolean", "-", "the roof is unfit (e.g. thatch, in poor condition)"),
    Column("floor_area_pc", "number", "m2/person", "floor area of the dwelling per member", minimum=0),
    Column(
        "u_target", "number", "0-1", "uniform draw that decides targeting errors; derived from hh_id when absent",
        minimum=0, maximum=1, required=False,
    ),
)

BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
