-- Every derived measure, defined once, on source reporting areas (stage_values) before they are
-- placed on 2023 counties. A derived value is suppressed if any input is suppressed, and not
-- available if any input is missing. No parameters.

-- Sums of two parts. coverage_id: QCEW lists a row only where the industry has an establishment,
-- so where the area has a QCEW row at all (industry 10), a part with no row is a true zero, unlike a
-- suppressed one. NULL coverage_id: both parts must be reported.
create or replace temp table sum_rules as
select * from (values
    ('bea_tech_jobs', 'information_jobs', 'professional_technical_jobs', null::varchar, null::varchar, null::varchar),
    ('tech_jobs', 'information_jobs_qcew', 'computer_systems_jobs', 'private_establishments', 'information (51)', 'computer systems design (5415)'),
    ('tech_wages', 'information_wages_qcew', 'computer_systems_wages', 'private_establishments', 'information (51)', 'computer systems design (5415)'),
    ('tech_establishments', 'information_establishments', 'computer_systems_establishments', 'private_establishments', 'information (51)', 'computer systems design (5415)')
) as t(metric_id, a_id, b_id, coverage_id, a_label, b_label);

create or replace temp table sum_inputs as
select
    r.metric_id, r.a_label, r.b_label, k.area_fips, k.area_name, k.year,
    a.value as av, a.status as ast, a.note as anote,
    b.value as bv, b.status as bst, b.note as bnote,
    a.status = 'ok' or (a.status is null and r.coverage_id is not null) as a_ok,
    b.status = 'ok' or (b.status is null and r.coverage_id is not null) as b_ok
from sum_rules r
join stage_values k on k.metric_id = coalesce(r.coverage_id, r.a_id)
left join stage_values a on a.metric_id = r.a_id and a.area_fips = k.area_fips and a.year = k.year
left join stage_values b on b.metric_id = r.b_id and b.area_fips = k.area_fips and b.year = k.year;

insert into stage_values
select
    'derived', metric_id, area_fips, area_name, year,
    case when a_ok and b_ok then coalesce(av, 0) + coalesce(bv, 0) end,
    null,
    case
        when a_ok and b_ok then 'ok'
        when ast = 'suppressed' or bst = 'suppressed' then 'suppressed'
        else 'not_available'
    end,
    case
        when ast = 'suppressed' or bst = 'suppressed'
            then 'Suppressed because a part is not disclosed: '
                || regexp_replace(
                    coalesce(case when ast = 'suppressed' then anote else bnote end, ''),
                    '^(Suppressed because (a part|an input) is not disclosed: )+', ''
                )
        when a_ok and b_ok and (ast is null or bst is null)
            then 'QCEW lists no establishment in '
                || case
                    when ast is null and bst is null then a_label || ' or ' || b_label || ' here, so both parts count 0'
                    when ast is null then a_label || ' here, so that part counts 0'
                    else b_label || ' here, so that part counts 0'
                end
        when not (a_ok and b_ok) then coalesce(anote, bnote, 'A part of this sum is not available')
    end
from sum_inputs;

-- Job growth and jobs added, 2010 to 2022 (stored as 2022).
insert into stage_values
select
    'derived', m.metric_id, e.area_fips, e.area_name, 2022,
    case when s.status = 'ok' and e.status = 'ok' and s.value > 0 then
        case m.metric_id
            when 'job_growth_2010_2022' then e.value / s.value - 1
            when 'jobs_added_2010_2022' then e.value - s.value
            else s.value
        end
    end,
    null,
    case
        when s.status = 'ok' and e.status = 'ok' and s.value > 0 then 'ok'
        when s.status = 'suppressed' or e.status = 'suppressed' then 'suppressed'
        else 'not_available'
    end,
    case when not (s.status = 'ok' and e.status = 'ok')
        then coalesce(s.note, e.note, 'Total jobs are not reported for both 2010 and 2022') end
from stage_values e
join stage_values s on s.area_fips = e.area_fips and s.metric_id = 'total_jobs' and s.year = 2010
cross join (values ('job_growth_2010_2022'), ('jobs_added_2010_2022'), ('total_jobs_2010')) as m(metric_id)
where e.metric_id = 'total_jobs' and e.year = 2022;

-- Ratios. num_year / den_year pin an input to one year (NULL = the same year as the other);
-- proportion = true uses the Census proportion formula for the MOE, otherwise the ratio formula.
create or replace temp table ratio_rules as
select * from (values
    (1, 'some_college_share', 'some_college_no_degree', 'adults_25_plus', null, null, 1.0, true),
    (1, 'poverty_rate', 'below_poverty', 'poverty_universe', null, null, 1.0, true),
    (1, 'acs_unemployment_rate', 'acs_unemployed', 'acs_labor_force', null, null, 1.0, true),
    (1, 'institutions_per_100k_adults', 'institutions', 'adults_25_plus', 2024, 2024, 100000.0, false),
    (1, 'tech_share', 'tech_jobs', 'private_jobs', null, null, 1.0, false),
    (1, 'tech_avg_pay', 'tech_wages', 'tech_jobs', null, null, 1.0, false),
    (1, 'some_college_per_tech_job', 'some_college_no_degree', 'tech_jobs', 2024, 2023, 1.0, false),
    (2, 'tech_pay_ratio', 'tech_avg_pay', 'private_avg_pay', null, null, 1.0, false)
) as t(step, metric_id, num_id, den_id, num_year, den_year, multiplier, proportion);

-- One step's ratios from what stage_values holds when it is called, so step 2 sees step 1.
create or replace temp macro ratio_step(which) as table
with ratio_inputs as (
    select
        r.metric_id, r.multiplier, r.proportion,
        n.area_fips, n.area_name, n.year,
        n.value as nv, n.moe as nm, n.status as ns, n.note as nnote,
        d.value as dv, d.moe as dm, d.status as ds, d.note as dnote
    from ratio_rules r
    join stage_values n on n.metric_id = r.num_id and (r.num_year is null or n.year = r.num_year)
    left join stage_values d on d.metric_id = r.den_id and d.area_fips = n.area_fips
        and (case when r.den_year is null then d.year = n.year else d.year = r.den_year end)
    where r.step = which
)
select
    'derived', metric_id, area_fips, area_name, year,
    case when ns = 'ok' and ds = 'ok' and dv > 0 then nv / dv * multiplier end,
    case when ns = 'ok' and ds = 'ok' and dv > 0 and nm is not null then
        multiplier / dv * sqrt(case
            when proportion and nm ^ 2 - (nv / dv) ^ 2 * coalesce(dm, 0) ^ 2 >= 0
                then nm ^ 2 - (nv / dv) ^ 2 * coalesce(dm, 0) ^ 2
            else nm ^ 2 + (nv / dv) ^ 2 * coalesce(dm, 0) ^ 2
        end)
    end,
    case
        when ns = 'ok' and ds = 'ok' and dv > 0 then 'ok'
        when ns = 'suppressed' or ds = 'suppressed' then 'suppressed'
        else 'not_available'
    end,
    case
        when ns = 'suppressed' or ds = 'suppressed'
            -- The agency's own reason, once: an input derived from others already says why.
            then 'Suppressed because an input is not disclosed: '
                || regexp_replace(
                    coalesce(case when ns = 'suppressed' then nnote else dnote end, ''),
                    '^(Suppressed because (a part|an input) is not disclosed: )+', ''
                )
        when ns = 'ok' and ds = 'ok' and dv = 0 then 'Not defined: the denominator is zero'
        when not (ns = 'ok' and ds = 'ok') then coalesce(nnote, dnote, 'An input is not available here')
    end
from ratio_inputs;

insert into stage_values select * from ratio_step(1);

-- Step 2 uses step-1 results (tech_avg_pay).
insert into stage_values select * from ratio_step(2);

-- National figures for the derived measures, from the agencies' own national rows.
insert into national_values
select 'bea_tech_jobs', a.year, a.value + b.value, 'BEA CAEMP25N, United States lines 900 + 1200'
from national_values a
join national_values b on b.year = a.year and b.metric_id = 'professional_technical_jobs'
where a.metric_id = 'information_jobs';

insert into national_values
select r.metric_id, a.year, a.value + b.value, 'BLS QCEW, US000 private, 51 + 5415'
from sum_rules r
join national_values a on a.metric_id = r.a_id
join national_values b on b.metric_id = r.b_id and b.year = a.year
where r.metric_id <> 'bea_tech_jobs';

insert into national_values
select 'tech_share', t.year, t.value / p.value, 'BLS QCEW, US000 private, (51 + 5415) / 10'
from national_values t
join national_values p on p.year = t.year and p.metric_id = 'private_jobs'
where t.metric_id = 'tech_jobs';

insert into national_values
select 'tech_avg_pay', w.year, w.value / t.value, 'BLS QCEW, US000 private, wages / jobs in 51 + 5415'
from national_values w
join national_values t on t.year = w.year and t.metric_id = 'tech_jobs'
where w.metric_id = 'tech_wages';

-- Location quotient: the area's tech share over the national tech share of the same year.
insert into stage_values
select
    'derived', 'tech_lq', s.area_fips, s.area_name, s.year,
    case when s.status = 'ok' then s.value / n.value end,
    null, s.status,
    case when s.status <> 'ok' then s.note end
from stage_values s
join national_values n on n.metric_id = 'tech_share' and n.year = s.year
where s.metric_id = 'tech_share';
