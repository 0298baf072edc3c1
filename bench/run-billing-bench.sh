#!/usr/bin/env bash
# Billing benchmarks (issue 6), in one throw-away database:
#  1. the billing run: `payung billing run --up-to MONTH` (the BillingRunJob: one set-based statement per group of programmes) for
#     one contribution month of N active enrolments in P programmes, against a bare INSERT … SELECT of the same N
#     bill lines into a bare table, in the same run;
#  2. the protection query: GET /api/v1/workers/{nik}/protection?date= on the running web app (API key) for random
#     NIKs over a ledger of N workers x L months, p50/p95/p99 after a warm-up, with GET /health/live and the bare
#     ledger SQL as references. See bench/README.md.
#
#   bench/run-billing-bench.sh [--workers N] [--programmes P] [--ledger-months L] [--month yyyy-MM]
#                              [--requests R] [--warmup W] [--seed S] [--work DIR] [--port P] [--web-port P]
#                              [--keep-db] [--no-build] [--billing-only]
#
# Without PAYUNG_DB it creates a throw-away embedded cluster in WORK/data (the payung CLI's own initdb path), deleted
# at the end unless --keep-db. With PAYUNG_DB it uses that server: give it an empty, throw-away database.
set -euo pipefail

workers=1000000
programmes=1000
ledger_months=10
month=2026-10
requests=20000
warmup=2000
seed=20260406
work=/tmp/payung-bench-billing
port=5451
web_port=5452
keep_db=false
build=true
protection=true

while (($#)); do
  case "$1" in
    --workers) workers=$2; shift 2 ;;
    --programmes) programmes=$2; shift 2 ;;
    --ledger-months) ledger_months=$2; shift 2 ;;
    --month) month=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --web-port) web_port=$2; shift 2 ;;
    --keep-db) keep_db=true; shift ;;
    --no-build) build=false; shift ;;
    --billing-only) protection=false; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run-billing-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || { echo "run-billing-bench: --month must be yyyy-MM" >&2; exit 2; }
((workers % programmes == 0)) || { echo "run-billing-bench: --workers must be a multiple of --programmes" >&2; exit 2; }
((ledger_months >= 1)) || { echo "run-billing-bench: --ledger-months must be at least 1" >&2; exit 2; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log="$work/logs"
mkdir -p "$log"
# shellcheck source=bench/bench-common.sh
source "$repo/bench/bench-common.sh"
require_tools run-billing-bench

# ---------------------------------------------------------------------------------------------- build
if $build; then
  say "building the payung CLI, the web app and the load tool (Release)"
  for project in src/Payung.Cli src/Payung.Web bench/Payung.Bench.ProtectionLoad; do
    dotnet build "$repo/$project" -c Release --nologo -v quiet >"$log/build-$(basename "$project").log" 2>&1 \
      || { tail -30 "$log/build-$(basename "$project").log" >&2; echo "run-billing-bench: $project does not build" >&2; exit 1; }
  done
fi
payung="$repo/src/Payung.Cli/bin/Release/net10.0/payung"
web_dll="$repo/src/Payung.Web/bin/Release/net10.0/Payung.Web.dll"
load_tool="$repo/bench/Payung.Bench.ProtectionLoad/bin/Release/net10.0/Payung.Bench.ProtectionLoad.dll"
"$payung" billing run --help 2>/dev/null | grep -q 'payung billing run' \
  || { echo "run-billing-bench: 'payung billing run' is not in this build" >&2; exit 1; }

# ------------------------------------------------------------------------------------------- database
web_pid=""
cleanup() {
  if [[ -n $web_pid ]]; then kill "$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; fi
  stop_cluster
}
trap cleanup EXIT
open_database

# ---------------------------------------------------------------------------------------- seed (untimed)
# Everything below is set-based SQL with a fixed seed (setseed before each random statement), into the real tables.
per_programme=$((workers / programmes))
seed_fraction=$(awk -v s="$seed" 'BEGIN { printf "%.6f", (s % 1000000) / 1000000 }')
first_ledger_month=$(date -u -d "$month-01 -$ledger_months month" +%Y-%m-01)
sql_vars=(-v seed="$seed" -v seedf="$seed_fraction" -v workers="$workers" -v programmes="$programmes"
          -v per_programme="$per_programme" -v month="'$month-01'" -v first_month="'$first_ledger_month'")
declare -A seeded # step -> seconds
seed_step() { # name sql-file-or-sql
  local name=$1 t0; t0=$(now)
  psql_q "${sql_vars[@]}" >/dev/null <<<"$2" # stdin, not -c: psql interpolates :variables only in what it reads
  seeded[$name]=$(elapsed "$t0" "$(now)")
  say "  seed $name: ${seeded[$name]} s"
}
say "seeding $programmes programmes x $per_programme workers, billed month $month, ledger $first_ledger_month to the month before (seed $seed)"

# Programmes: regency k of the 514 by code takes programmes k, k + 514, …, so every regency has one or two; each
# programme's workers live in its regency's villages. A funder (the Pemkab/Pemkot) per regency.
seed_step programmes "
  select setseed(:seedf);
  -- Ids like Guid.CreateVersion7 makes them (a millisecond timestamp first), so rows go in roughly in key order.
  create or replace function bench_uuid7(tag text, i bigint) returns uuid language sql immutable as \$\$
    select (lpad(to_hex(1767225600000 + i), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid
      from md5(tag || ':' || i) h \$\$;
  drop table if exists bench_regency, bench_village, bench_programme;
  create unlogged table bench_regency as
    select (row_number() over (order by r.code) - 1)::int as k, r.code, r.name, count(v.code)::int as villages
      from regions.region r join regions.region v on v.level = 'village' and v.code like r.code || '.%'
     where r.level = 'regency' group by r.code, r.name;
  create unlogged table bench_village as
    select left(code, 5) as regency, (row_number() over (partition by left(code, 5) order by code) - 1)::int as k, code
      from regions.region where level = 'village';
  create index on bench_village (regency, k);
  create unlogged table bench_programme as
    select p as k, md5('programme:' || :seed || ':' || p)::uuid as id, md5('funder:' || :seed || ':' || r.code)::uuid as funder_id,
           r.code as regency, r.name as regency_name, r.villages, p / (select count(*) from bench_regency) + 1 as nth
      from generate_series(0, :programmes - 1) p
      join bench_regency r on r.k = p % (select count(*) from bench_regency);
  insert into programs.funder (id, name, kind, region_code, created_at, updated_at)
  select distinct funder_id, 'Pemerintah ' || initcap(regency_name), case when regency_name like 'KOTA %' then 'pemkot' else 'pemkab' end,
         regency, now(), now()
    from bench_programme;
  insert into programs.programme (id, name, funder_id, funding_source, fiscal_year, budget_ceiling, month_from, month_to,
                                  target_participants, status, region_code, created_at, updated_at)
  select id, 'Perlindungan Pekerja Rentan ' || initcap(regency_name) || ' ' || nth, funder_id, 'APBD', extract(year from :month::date),
         :per_programme * 16800::bigint, :month::date, :month::date, :per_programme, 'active', regency, now(), now()
    from bench_programme;"

# Workers: a village of the programme's regency, a birth date 1960-2007, sex, and a NIK that agrees with them (the
# village's district, the birth date with +40 on the day for women, a serial unique per district and date).
seed_step workers "
  select setseed(:seedf);
  insert into registry.worker (id, nik, full_name, birth_date, sex, village_code, occupation_code, phone, dtsen_decile,
                               created_at, updated_at)
  select id,
         district || lpad(nik_day::text, 2, '0') || to_char(birth_date, 'MMYY')
           || lpad(row_number() over (partition by district, nik_day, to_char(birth_date, 'MMYY') order by i)::text, 4, '0'),
         (case sex when 'F' then (array['Siti', 'Sri', 'Dewi', 'Nur', 'Ani', 'Rina', 'Yuliani', 'Wati', 'Fitri', 'Ratna',
                                        'Lestari', 'Putu Ayu', 'Maria', 'Hasanah', 'Rosmawati'])[1 + (rn1 * 15)::int % 15]
                          else (array['Budi', 'Agus', 'Slamet', 'Joko', 'Ahmad', 'Muhammad', 'Rudi', 'Hendra', 'Wayan', 'Made',
                                      'Yohanes', 'Andi', 'Ujang', 'Dedi', 'Sutrisno'])[1 + (rn1 * 15)::int % 15] end)
           || ' ' || (array['Santoso', 'Saputra', 'Hidayat', 'Siregar', 'Nasution', 'Wijaya', 'Lubis', 'Harahap', 'Setiawan',
                            'Rahmawati', 'Pratama', 'Kurniawan', 'Simanjuntak', 'Daeng', 'Manurung', 'Sembiring'])[1 + (rn2 * 16)::int % 16],
         birth_date, sex, village, occupation, '08' || lpad((rn3 * 9999999999)::bigint::text, 10, '0'), 1 + (rn4 * 4)::int, now(), now()
    from (select w.i, bench_uuid7('worker:' || :seed, w.i) as id, v.code as village,
                 replace(left(v.code, 8), '.', '') as district, w.birth_date, w.sex,
                 extract(day from w.birth_date)::int + case w.sex when 'F' then 40 else 0 end as nik_day,
                 (array['petani', 'nelayan', 'buruh_harian_lepas', 'pedagang_kaki_lima', 'ojek_pengemudi', 'tukang',
                        'pekebun', 'peternak', 'pekerja_rumah_tangga', 'marbot', 'guru_ngaji', 'lainnya'])[1 + (w.ro * 12)::int % 12] as occupation,
                 w.rn1, w.rn2, w.rn3, w.rn4
            from (select i, i % :programmes as p, random() as rv, date '1960-01-01' + (random() * 17531)::int as birth_date,
                         case when random() < 0.5 then 'F' else 'M' end as sex, random() as ro,
                         random() as rn1, random() as rn2, random() as rn3, random() as rn4
                    from generate_series(0, :workers - 1) i offset 0) w
            join bench_programme bp on bp.k = w.p
            join bench_village v on v.regency = bp.regency and v.k = least((w.rv * bp.villages)::int, bp.villages - 1)) s
   order by id;"

# Enrolments active for the billed month, and the month each funds (JKK 1% of Rp1,000,000 + JKM Rp6,800, APBD: no discount).
seed_step enrolments "
  insert into programs.enrollment (id, programme_id, worker_id, village_code, regency_code, status, month_from, month_to,
                                   committed_amount, rate_version, created_at)
  select bench_uuid7('enrollment:' || :seed, i), bp.id, w.id, w.village_code,
         w.regency_code, 'active', :month::date, :month::date, 16800, 'JKK@2015-07;JKM@2015-07', now()
    from generate_series(0, :workers - 1) i
    join bench_programme bp on bp.k = i % :programmes
    join registry.worker w on w.id = bench_uuid7('worker:' || :seed, i)
   order by i;
  insert into programs.funded_month (worker_id, month, programme_id, enrollment_id, amount, rate_version, regency_code,
                                     village_code, jkk_amount, jkm_amount)
  select worker_id, month_from, programme_id, id, 16800, rate_version, regency_code, village_code, 10000, 6800 from programs.enrollment;"

# The protection ledger of the L months before the billed one (a run writes no ledger rows: the billed month reads
# from its funded month until money for it arrives): per worker and month 5% self-paid on time, and of the programme
# months 70% paid by the 15th, 8% paid late in the month, 7% paid only the next month (some with a backdate request),
# 10% unpaid.
if ((ledger_months >= 1)); then
  seed_step ledger "
    select setseed(:seedf);
    insert into billing.contribution (worker_id, month, source, programme_id, amount_due, amount_paid, paid_on, backdate_status,
                                      village_code, regency_code, updated_at)
    select worker_id, month, case when r < 0.05 then 'self_paid' else 'programme' end,
           case when r >= 0.05 then programme_id end, 16800,
           case when r < 0.90 then 16800 else 0 end,
           case when r < 0.75 then month + (d * 14)::int
                when r < 0.83 then month + 15 + (d * 12)::int
                when r < 0.90 then (month + interval '1 month')::date + (d * 20)::int end,
           case when r >= 0.83 and r < 0.90 then (array['requested', 'approved', 'refused', null, null])[1 + (d * 5)::int % 5] end,
           village_code, regency_code, now()
      from (select e.worker_id, e.programme_id, e.village_code, e.regency_code, m::date as month, random() as r, random() as d
              from programs.enrollment e
             cross join generate_series(:first_month::date, :month::date - interval '1 month', interval '1 month') m offset 0) s;"
fi
seed_step analyze "vacuum analyze"
psql_q -c "checkpoint"

counts() { psql_q -F' ' -c "select (select count(*) from registry.worker), (select count(*) from programs.enrollment),
  (select count(*) from programs.funded_month), (select count(*) from billing.contribution)"; }
read -r n_workers n_enrolments n_funded n_ledger_before < <(counts)
say "seeded: $n_workers workers, $n_enrolments enrolments, $n_funded funded months, $n_ledger_before ledger rows"

# ----------------------------------------------------------------------------------------- billing run
say "timed: payung billing run --up-to $month ($programmes programmes, $n_funded funded months)"
billing_load=$(loads)
t0=$(now)
/usr/bin/time -v -o "$log/time-billing-run.txt" "$payung" billing run --up-to "$month" >"$log/billing-run.log" 2>&1 \
  || { tail -20 "$log/billing-run.log" >&2; echo "run-billing-bench: payung billing run failed" >&2; exit 1; }
billing_seconds=$(elapsed "$t0" "$(now)")
billing_rss=$(peak_rss_mb "$log/time-billing-run.txt")
job_seconds=$(sed -n 's/.*finished in \([0-9.]*\) s\..*/\1/p' "$log/billing-run.log")
say "  $billing_seconds s (the job itself $job_seconds s), peak RSS $billing_rss MB"
read -r bills lines billed_total ledger_month < <(psql_q -F' ' -c "
  select (select count(*) from billing.bill where month = '$month-01'), (select count(*) from billing.bill_line where month = '$month-01'),
         (select coalesce(sum(total), 0) from billing.bill where month = '$month-01'),
         (select count(*) from billing.contribution where month = '$month-01')")
say "  $bills bills, $lines lines, Rp$billed_total, $ledger_month ledger rows for $month"
# A run writes bills and lines only: the ledger gets a programme month's row when money for it arrives.
[[ $bills == "$programmes" && $lines == "$n_funded" && $ledger_month == 0 && $billed_total == $((n_funded * 16800)) ]] \
  || { echo "run-billing-bench: the billing run did not bill every funded month once" >&2; exit 1; }

# The reference: the same rows — a bill line per funded month of the billed month, the same columns and values
# (a bill id per programme, line numbers, the JKK/JKM split, the village and regency), read from the same contract
# view — written with one INSERT … SELECT into a bare table of billing.bill_line's columns (no keys, indexes,
# checks or triggers). Three runs, emptied in between; the median counts.
psql_q -c "drop table if exists bench_bill_line_ref" -c "create table bench_bill_line_ref (like billing.bill_line)"
reference_sql="insert into bench_bill_line_ref (bill_id, line_no, worker_id, enrollment_id, month, kind, jkk_amount, jkm_amount,
    jht_amount, amount, rate_version, village_code, regency_code, reason)
  select md5(b.programme_id::text || b.month)::uuid, row_number() over (), b.worker_id, b.enrollment_id, b.month, 'charge',
         b.jkk_amount, b.jkm_amount, b.jht_amount, b.amount, b.rate_version, b.village_code, b.regency_code, null
    from programs.billable_month b where b.month = '$month-01'"
reference_runs=()
reference_load=$(loads)
for run in 1 2 3; do
  psql_q -c "truncate bench_bill_line_ref" -c "checkpoint"
  say "reference: INSERT … SELECT of the $n_funded bill lines into a bare table (run $run of 3)"
  t0=$(now)
  psql_q -c "$reference_sql" >/dev/null
  reference_runs+=("$(elapsed "$t0" "$(now)")")
  say "  ${reference_runs[-1]} s"
done
[[ $(psql_q -c "select count(*) from bench_bill_line_ref") == "$n_funded" ]] || { echo "run-billing-bench: the reference wrote the wrong rows" >&2; exit 1; }
reference_seconds=$(printf '%s\n' "${reference_runs[@]}" | sort -n | sed -n 2p)
ratio=$(awk -v a="$billing_seconds" -v b="$reference_seconds" 'BEGIN { printf "%.2f", a / b }')
job_ratio=$(awk -v a="$job_seconds" -v b="$reference_seconds" 'BEGIN { printf "%.2f", a / b }')
say "billing ratio: $ratio (the CLI process) / $job_ratio (the job alone); goal <= 3.0"
psql_q -c "drop table bench_bill_line_ref"

# The floor, for orientation (not in the ratio): the same lines with one INSERT … SELECT into a table shaped like
# billing.bill_line (its primary key and checks; the bill reference, checked once per statement there, is left out),
# no diff against earlier bills, no bills, no audit: what writing the bill lines alone costs in this schema.
psql_q -c "drop table if exists bench_bill_line_floor" \
  -c "create table bench_bill_line_floor (like billing.bill_line including all)" -c "checkpoint"
say "floor: INSERT … SELECT of the $n_funded bill lines into a table like billing.bill_line"
floor_load=$(loads)
t0=$(now)
psql_q -c "insert into bench_bill_line_floor (bill_id, line_no, worker_id, enrollment_id, month, kind, jkk_amount, jkm_amount,
    jht_amount, amount, rate_version, village_code, regency_code, reason)
  select bl.id, row_number() over (partition by b.programme_id), b.worker_id, b.enrollment_id, b.month, 'charge',
         b.jkk_amount, b.jkm_amount, b.jht_amount, b.amount, b.rate_version, b.village_code, b.regency_code, null
    from programs.billable_month b join billing.bill bl on bl.programme_id = b.programme_id and bl.month = b.month
   where b.month = '$month-01'" >/dev/null
floor_seconds=$(elapsed "$t0" "$(now)")
say "  $floor_seconds s"
psql_q -c "drop table bench_bill_line_floor"

# ------------------------------------------------------------------------------------- protection query
if $protection; then
  psql_q -c "vacuum analyze billing.contribution" -c "vacuum analyze billing.bill_line" -c "checkpoint"
  read -r ledger_rows ledger_self_paid ledger_paid ledger_unpaid < <(psql_q -F' ' -c "
    select count(*), count(*) filter (where source = 'self_paid'), count(*) filter (where paid_on is not null),
           count(*) filter (where amount_paid = 0) from billing.contribution")
  # A national administrator's API key, as POST /api/v1/api-keys would store it (only the secret's SHA-256 is kept).
  key_prefix=$(openssl rand -hex 4)
  key_secret=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')
  key_hash=$(printf %s "$key_secret" | sha256sum | cut -d' ' -f1 | tr a-f A-F)
  psql_q -c "insert into access.app_user (id, username, display_name, role, password_hash, is_active, created_at, updated_at)
               values ('00000000-0000-7000-8000-00000000be6c', 'bench.admin', 'Bench', 'national_admin', 'no-sign-in', true, now(), now())
               on conflict do nothing" \
         -c "insert into access.api_key (id, name, prefix, secret_hash, role, created_by, created_at)
               values (gen_random_uuid(), 'bench protection', '$key_prefix', '$key_hash', 'national_admin',
                       '00000000-0000-7000-8000-00000000be6c', now())"
  export PAYUNG_BENCH_API_KEY="pyg_${key_prefix}_${key_secret}"
  # Random workers and random days of the ledger's months, fixed by the seed.
  queries="$work/protection-queries.txt"
  psql_q -c "select setseed($seed_fraction)" \
         -c "\\copy (select nik || ';' || to_char(date '$first_ledger_month' + (random() * ((date '$month-01' + interval '1 month')::date - date '$first_ledger_month' - 1))::int, 'YYYY-MM-DD') from (select nik from registry.worker order by random() limit $((requests + warmup))) w) to '$queries'" >/dev/null

  say "starting the web app on 127.0.0.1:$web_port (jobs and the billing scheduler off)"
  # From the project folder, as `dotnet run` (make run) starts it: that is the content root with appsettings.json (its
  # log levels) and wwwroot. Elsewhere every request would be logged at Information.
  (cd "$repo/src/Payung.Web" && PAYUNG_PORT=$web_port PAYUNG_JOBS_ENABLED=false PAYUNG_BILLING_INTERVAL_MINUTES=0 \
    PAYUNG_SKIP_REGION_LOAD=true ASPNETCORE_ENVIRONMENT=Production exec dotnet "$web_dll") >"$log/web.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$web_port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$web_pid" 2>/dev/null || { tail -30 "$log/web.log" >&2; echo "run-billing-bench: the web app stopped" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$web_port/health/ready" >/dev/null || { echo "run-billing-bench: the web app is not ready" >&2; exit 1; }

  say "timed: $requests protection requests after $warmup warm-up, one at a time"
  protection_load=$(loads)
  dotnet "$load_tool" --url "http://127.0.0.1:$web_port" --queries "$queries" --requests "$requests" --warmup "$warmup" \
    --out "$log/protection.json" >"$log/protection.log" 2>&1 \
    || { tail -20 "$log/protection.log" >&2; echo "run-billing-bench: the protection load failed" >&2; exit 1; }
  protection_load_after=$(loads)
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""
  pstat() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d[sys.argv[2]][sys.argv[3]])' "$log/protection.json" "$@"; }
  p50=$(pstat protection P50) p95=$(pstat protection P95) p99=$(pstat protection P99)
  say "  protection p50 $p50 ms, p95 $p95 ms, p99 $p99 ms (goal p99 <= 5 ms)"
  states=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(", ".join(f"{k} {v}" for k, v in d["states"].items()))' "$log/protection.json")
fi

# ------------------------------------------------------------------------------------------- results
results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "### $(date -u +%Y-%m-%d) — \`bench/run-billing-bench.sh --workers $workers --programmes $programmes --ledger-months $ledger_months --month $month\`"
  echo
  describe_machine
  echo "- Seeded (untimed, set-based SQL, seed $seed): $n_workers workers, $programmes programmes in $(psql_q -c "select count(distinct regency) from bench_programme") regencies," \
       "$n_enrolments active enrolments, $n_funded funded months of $month, $n_ledger_before ledger rows of $first_ledger_month to the month before" \
       "(seconds: $(for k in programmes workers enrolments ledger analyze; do [[ -n ${seeded[$k]:-} ]] && printf '%s %s, ' "$k" "${seeded[$k]}"; done | sed 's/, $//'))"
  echo
  echo "| step | seconds | load averages before (1, 5, 15 min) |"
  echo "|---|---:|---|"
  echo "| **\`payung billing run --up-to $month\`**: $bills bills, $lines lines, $ledger_month ledger rows (CLI process, peak RSS $billing_rss MB) | **$billing_seconds** | $billing_load |"
  echo "| the billing run job alone (from the job's started and finished times) | $job_seconds | |"
  echo "| reference: INSERT … SELECT of the $n_funded lines into a bare table, median of 3 (${reference_runs[*]}) | **$reference_seconds** | $reference_load |"
  echo "| floor: the same lines with one INSERT … SELECT into a table like billing.bill_line (primary key, checks) | $floor_seconds | $floor_load |"
  echo
  echo "**Billing ratio: $ratio** (the CLI process ÷ the reference; goal ≤ 3.0); the job alone $job_ratio."
  if $protection; then
    echo
    echo "Protection query over $ledger_rows ledger rows ($ledger_self_paid self-paid, $ledger_paid paid, $ledger_unpaid unpaid):" \
         "$requests requests after $warmup warm-up, one at a time over one kept-alive connection, national admin API key;" \
         "load averages before $protection_load, after $protection_load_after."
    echo
    echo "| measured | n | mean ms | p50 ms | p95 ms | p99 ms | max ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for k in protection authenticated404 healthLive sqlLedger; do
      python3 - "$log/protection.json" "$k" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))[sys.argv[2]]
label = {"protection": "**GET /api/v1/workers/{nik}/protection?date=**", "healthLive": "reference: GET /health/live (no key)",
         "authenticated404": "reference: GET /api/v1/billing/runs/{unknown id} with the key (authentication, scope, one query; 404)",
         "sqlLedger": "reference: the worker and its ledger in one SQL query (Npgsql, no HTTP)"}[sys.argv[2]]
if d: print(f"| {label} | {d['Count']} | {d['Mean']} | {d['P50']} | {d['P95']} | {d['P99']} | {d['Max']} |")
PY
    done
    echo
    echo "Answers: $states. **p99 $p99 ms** (goal ≤ 5 ms)."
  fi
} >"$results"
cat "$results"
say "results written to $results"
