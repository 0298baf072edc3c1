-- A participant's membership starts on the day BPJS registers it (the KPJ's start date), not on the 1st of a month
-- (DOMAIN.md "Contributions"). Until the BPJS exchange exists the enrolment records it: the day of enrolment by default,
-- or the earlier day BPJS registered the participant when an operator records a programme after the fact. A programme
-- funds no month before it: an enrolment's first month is the later of the programme's first month and the month the
-- membership started. Protection answers nothing before the worker's earliest membership start.
alter table programs.enrollment add column membership_start date;

-- Enrolments from before this column: their first funded month is the best record of when they began.
update programs.enrollment set membership_start = month_from where membership_start is null and month_from is not null;

alter table programs.enrollment add constraint enrollment_months_from_membership
    check (membership_start is null or month_from is null or month_from >= date_trunc('month', membership_start)::date);

create index enrollment_worker_start_idx on programs.enrollment (worker_id, membership_start);
