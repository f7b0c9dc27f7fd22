-- The tables of data/atlas.duckdb, as docs/ARCHITECTURE.md describes them.
create table states (
    state_fips varchar primary key, state_abbr varchar not null, state_name varchar not null,
    is_state_or_dc boolean not null
);
create table counties (
    fips varchar primary key, name varchar not null, full_name varchar not null,
    state_fips varchar not null, state_abbr varchar not null, state_name varchar not null,
    cbsa_code varchar, cbsa_title varchar, cbsa_type varchar, central_outlying varchar,
    csa_code varchar, csa_title varchar, rucc_2023 integer, lon double, lat double,
    drawable boolean not null
);
create table source_areas (
    source_id varchar not null, area_fips varchar not null, area_name varchar,
    county_fips varchar, rule varchar not null
);
-- Figures for reporting areas that are not 2023 counties (Connecticut's former counties, former
-- Alaska areas, QCEW's "unknown county" rows), kept so state and national totals stay complete.
create table source_area_values (
    source_id varchar not null, metric_id varchar not null, area_fips varchar not null,
    year integer not null, value double, status varchar not null
);
create table metrics (
    metric_id varchar primary key, label varchar not null, theme varchar not null,
    unit varchar not null, value_format varchar not null, source varchar not null,
    vintage varchar not null, years varchar, default_year integer, definition varchar not null,
    formula varchar, higher_is_better boolean, kind varchar not null, numerator_id varchar,
    denominator_id varchar, multiplier double, diverging_midpoint double, sort_order integer not null
);
-- No primary-key index here (it would double the file); validation checks uniqueness.
create table county_values (
    metric_id varchar not null, fips varchar not null, year integer not null, value double,
    moe double, status varchar not null, note varchar, area_fips varchar not null
);
create table national_values (
    metric_id varchar not null, year integer not null, value double, source_note varchar,
    primary key (metric_id, year)
);
create table cbsas (
    cbsa_code varchar primary key, cbsa_title varchar not null, cbsa_type varchar not null,
    csa_code varchar, csa_title varchar
);
create table metro_groups (
    group_id varchar not null, group_label varchar not null, cbsa_code varchar not null,
    metro_label varchar not null, cbsa_title varchar not null
);
create table institutions (
    unitid integer primary key, name varchar not null, city varchar, state_abbr varchar,
    fips varchar, cbsa_code varchar, lon double, lat double, sector integer, sector_label varchar,
    level integer, level_label varchar, control_label varchar, highest_award_label varchar,
    is_public_two_year boolean not null, is_community_college boolean not null,
    grants_certificates boolean not null,
    is_active boolean not null, url varchar
);
create table techhire_communities (
    community_name varchar not null, state_abbr varchar not null, geography_type varchar not null,
    announcement_wave varchar, fips varchar not null, cbsa_code varchar, match_rule varchar not null
);
create table provenance (
    source_id varchar not null, agency varchar not null, table_name varchar not null,
    vintage varchar not null, file_name varchar not null, sha256 varchar not null,
    rows_read bigint not null, rows_loaded bigint not null, rows_suppressed bigint not null,
    primary key (source_id, file_name)
);
-- Area-level figures from every loader before they are placed on 2023 counties (dropped at the end).
create temp table stage_values (
    source_id varchar not null, metric_id varchar not null, area_fips varchar not null,
    area_name varchar, year integer not null, value double, moe double, status varchar not null,
    note varchar
);
