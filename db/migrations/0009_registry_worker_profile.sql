-- What other modules may read of a worker (their contract with the registry, ARCHITECTURE: "code never
-- queries another module's tables"): the facts eligibility and enrolment need, with the occupation's
-- sector resolved. Set-based SQL in Programs joins this view instead of registry.worker.
create view registry.worker_profile as
select w.id, w.full_name, w.birth_date, w.sex, w.village_code, w.district_code, w.regency_code, w.province_code,
       w.occupation_code, o.sector as occupation_sector, w.dtsen_decile, w.status, w.death_date, w.merged_into,
       w.created_at
  from registry.worker w
  join registry.occupation o on o.code = w.occupation_code;
