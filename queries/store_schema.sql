-- The store's tables and views. No parameters. Run once on a new, empty store file.

create table regions (
    region_code varchar primary key,  -- Kemendagri code, the canonical key
    bps_code varchar,
    name varchar not null,
    level varchar not null,            -- country | province | city | kecamatan | kelurahan
    parent_code varchar,
    area_km2_official double,
    area_note varchar,
    postal_code varchar,
    sort_order integer
);

create table region_aliases (
    alias varchar not null,
    level varchar not null,
    region_code varchar not null,
    kind varchar not null,
    note varchar
);

create table indicators (
    code varchar primary key,
    dimension varchar not null,
    name_id varchar not null, name_en varchar not null,
    short_id varchar not null, short_en varchar not null,
    concept_id varchar not null, concept_en varchar not null,
    definition_id varchar not null, definition_en varchar not null,
    formula_id varchar not null, formula_en varchar not null,
    unit_id varchar not null, unit_en varchar not null,
    decimals integer not null,
    polarity varchar not null,         -- higher_worse | higher_better | neutral
    producer varchar not null,
    source varchar not null,           -- the source as the catalogue names it (Indonesian); targets are set for it
    source_en varchar not null,
    frequency_id varchar not null, frequency_en varchar not null,
    lowest_level varchar not null,     -- the lowest level at which the concept is officially published
    measure_kind varchar not null,     -- survey_estimate | admin_record | register_count
    aggregation varchar not null,      -- ratio | sum | none
    -- Satu Data metadata (Peraturan BPS 4/2020) beyond the fields above
    classification_id varchar not null, classification_en varchar not null,
    measure_id varchar not null, measure_en varchar not null,
    disaggregation_id varchar not null, disaggregation_en varchar not null,
    interpretation_id varchar not null, interpretation_en varchar not null,
    -- where values below lowest_level come from (an OPD's records of the same concept); empty: none may exist
    sub_level_source_id varchar, sub_level_source_en varchar,
    min_value double, max_value double,
    related varchar,
    position integer not null default 0  -- the order of data/reference/indicators.csv, used in pickers
);

-- A target belongs to one indicator, one region, and the concept and source it was set for: the RPJMN
-- stunting target is a survey prevalence (SSGI/SKI) and never applies to e-PPGBM weighing records.
create table targets (
    indicator varchar not null,
    region_code varchar not null,      -- whose target it is (a national target set for Indonesia: 00)
    value double not null,
    year integer,
    document varchar not null,         -- the plan or commitment that sets it
    set_for_source varchar not null,   -- the indicator source the target is measured on (indicators.source)
    set_for_kind varchar not null,     -- the measure kind it is measured on (indicators.measure_kind)
    note_id varchar, note_en varchar
);

create table indicator_pairs (
    indicator_a varchar not null,
    indicator_b varchar not null,
    note_id varchar not null,          -- what tells the two apart, for the FGD
    note_en varchar not null
);

create table reconciliation_tolerances (
    indicator varchar primary key,
    tolerance double not null,         -- in the indicator's unit: two sources further apart are flagged
    note varchar
);

-- A source is the document a figure was actually read from: its title, who published it, its URL or the
-- table/page within it. `citation` says how we know the figures in it: primary (the producer's own
-- publication or page), secondary (news, an aggregator or a statement relaying them), none (data made up
-- to demonstrate the app). `producer` is whose figures it gives: an official value needs its producer.
create table sources (
    source_id varchar primary key,
    title varchar not null,
    publisher varchar not null,
    url varchar,
    locator varchar,
    published_date varchar,
    kind varchar not null,             -- published | derived | submitted (an OPD's file, handed in on Unggah Data) | illustrative
    citation varchar not null,         -- primary | secondary | none
    producer varchar,
    note varchar
);

create table observations (
    indicator_code varchar not null,
    region_code varchar not null,
    period integer not null,
    series varchar not null,           -- a method break starts a new series; lines never cross it
    value double not null,
    numerator double,
    denominator double,
    source_id varchar not null,
    status varchar not null,           -- official | provisional | illustrative | simulated
    quality_flag varchar,              -- derived | unverified | conflict | aggregated
    note varchar,
    origin_file varchar,
    origin_line integer,
    batch_id varchar,                  -- the intake batch that gave this row (see `batches`); null for seed data
    origin_batches varchar,            -- a kecamatan or city sum of kelurahan from several batches: their ids, comma-separated
    citation varchar,                  -- how this figure is known, where it differs from its source's citation:
                                       -- quoted (a named official of the producer quoted in the document)
    decimals integer                   -- the precision the figure has, where less than the catalogue's (derived figures)
);

create table boundaries (
    region_code varchar not null,
    level varchar not null,
    geometry_json varchar not null,    -- GeoJSON geometry, exterior rings clockwise (Vega-Lite)
    label_lon double,
    label_lat double,
    kind varchar not null              -- boundary | schematic
);

create table build_info (
    key varchar primary key,
    value varchar
);

create table build_problems (
    severity varchar, code varchar, file varchar, sheet varchar, row_number integer,
    column_name varchar, value varchar, message_id varchar, message_en varchar
);

-- Every file an OPD loaded through the intake (metro_poverty.intake), active or rolled back: who loaded
-- which figures, when, and who rolled them back. Observations of active batches carry the batch_id.
create table batches (
    batch_id varchar primary key,      -- sorts by load time
    file_name varchar not null,        -- as uploaded: data to show as text, never a path
    sha256 varchar not null,
    uploader varchar not null,
    opd varchar,                       -- the catalogue producer of the batch's indicators
    loaded_at varchar not null,        -- ISO 8601, UTC
    status varchar not null,           -- active | rolled_back
    rolled_back_by varchar,
    rolled_back_at varchar,
    source_id varchar,
    data_status varchar,               -- official | provisional | illustrative
    indicators varchar,                -- comma-separated indicator codes
    periods varchar,                   -- comma-separated years
    n_rows integer,
    n_observations integer,
    n_warnings_accepted integer
);

-- Who a value is from: a file handed in on Unggah Data (the sources opd_upload*) is published by no one, so
-- the OPD that handed it in (the batch's `opd`) is named, and marked when the officer said it is example data.
create macro source_publisher(source_id, kind, publisher, opd) as
    case when source_id like 'opd_upload%' and opd is not null
         then opd || case when kind = 'illustrative' then ' (data ilustrasi)' else '' end
         else publisher end;

-- Where a value was read: the source's address, and for a loaded batch's value the file that was read, the
-- day it was loaded (in Metro, WIB) and the batch; for a sum of kelurahan from several batches
-- (`origin_batches`), every file it adds up, not only the newest.
create macro batch_file(file_name, loaded_at, batch_id) as
    '«' || file_name || '», ' || strftime(replace(left(loaded_at, 19), 'T', ' ')::timestamp + interval 7 hour, '%Y-%m-%d')
    || ', batch ' || batch_id;

create macro batch_files(origin_batches) as (
    select string_agg(batch_file(p.file_name, p.loaded_at, p.batch_id), '; ' order by p.batch_id)
    from batches as p
    where origin_batches is not null and list_contains(string_split(origin_batches, ','), p.batch_id));

create macro source_reference(url, locator, file_name, loaded_at, batch_id, origin_batches) as
    nullif(concat_ws('; ', coalesce(url, locator), coalesce(batch_files(origin_batches), batch_file(file_name, loaded_at, batch_id))), '');

-- The figures an OPD has loaded real (not illustrative) values of: their made-up values are no longer shown.
create view loaded_real as
select distinct indicator_code, region_code, period, series, true as has_real
from observations
where batch_id is not null and status <> 'illustrative';

-- One value per indicator, region, period and series: official before provisional, the producer's own
-- publication or file before a quote of it and a quote before a relay, and a figure flagged as conflicting
-- only when nothing else exists. Illustrative values (and their kecamatan and city sums) are kept apart from published ones,
-- so a made-up figure never fills a published gap; once an OPD loads real values of a figure, that
-- figure's made-up value is no longer shown.
-- Within one source, the newest loaded batch wins over older batches and over the seed data (batch ids
-- sort by load time; seed rows have none): an OPD's corrected figure replaces its earlier one.
-- The others stay in `observations` for the reconciliation view and the history of changes.
create view observation_best as
with cited as (
    select o.* exclude (citation), coalesce(o.citation, s.citation) as citation
    from observations as o
    join sources as s using (source_id)
),
ranked as (
    select
        c.*,
        row_number() over (
            partition by indicator_code, region_code, period, series, status = 'illustrative'
            order by
                case when quality_flag = 'conflict' then 1 else 0 end,
                case status when 'official' then 1 when 'provisional' then 2 else 3 end,
                case citation when 'primary' then 1 when 'quoted' then 2 when 'secondary' then 3 when 'compiled' then 4 else 5 end,
                source_id,
                batch_id desc nulls last
        ) as preference
    from cited as c
)
select r.* exclude (preference)
from ranked as r
left join loaded_real as l using (indicator_code, region_code, period, series)
where r.preference = 1 and not (r.status = 'illustrative' and coalesce(l.has_real, false));

create view observation_labeled as
with joined as (
    select
        b.*,
        r.name as region_name,
        r.level as region_level,
        r.parent_code,
        i.dimension,
        i.measure_kind,
        s.title as source_title,
        source_publisher(s.source_id, s.kind, s.publisher, l.opd) as source_publisher,
        source_reference(s.url, s.locator, l.file_name, l.loaded_at, l.batch_id, b.origin_batches) as source_reference,
        s.url as source_url,
        s.locator as source_locator,
        s.kind as source_kind,
        s.producer as source_producer
    from observation_best as b
    join regions as r using (region_code)
    join indicators as i on i.code = b.indicator_code
    join sources as s using (source_id)
    left join batches as l using (batch_id)
)
select * from joined;
