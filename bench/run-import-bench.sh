#!/usr/bin/env bash
# Worker-import benchmark (issue 4): `payung import workers` of a CSV of new workers with ~3% bad rows into a
# registry already holding as many workers, end to end, against `psql \copy` of the same file into a bare
# table with a unique NIK index, in the same run and cluster; plus an xlsx import. See bench/README.md.
#
#   bench/run-import-bench.sh [--rows N] [--existing-rows N] [--xlsx-rows N] [--seed S]
#                             [--work DIR] [--port P] [--keep-db] [--reference-only] [--no-build] [--no-floor]
#
# Without PAYUNG_DB it creates a throw-away embedded cluster in WORK/data (the payung CLI's own initdb
# path), deleted at the end unless --keep-db. With PAYUNG_DB it uses that server: give it an empty,
# throw-away database, since it registers 2 x N workers there and creates the bench_ref tables.
# Generated files are kept in WORK/files and reused by later runs with the same sizes and seed.
set -euo pipefail

rows=1000000
existing_rows=""
xlsx_rows=""
seed=20260404
work=/tmp/payung-bench
port=5450
keep_db=false
reference_only=false
build=true
floor=true

while (($#)); do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --existing-rows) existing_rows=$2; shift 2 ;;
    --xlsx-rows) xlsx_rows=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --keep-db) keep_db=true; shift ;;
    --reference-only) reference_only=true; shift ;;
    --no-build) build=false; shift ;;
    --no-floor) floor=false; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run-import-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
existing_rows=${existing_rows:-$rows}
xlsx_rows=${xlsx_rows:-$((rows / 10))}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
files="$work/files"
log="$work/logs"
mkdir -p "$files" "$log"
# shellcheck source=bench/bench-common.sh
source "$repo/bench/bench-common.sh"
require_tools run-import-bench

# ---------------------------------------------------------------------------------------------- build
if $build; then
  say "building the payung CLI and the generator (Release)"
  dotnet build "$repo/src/Payung.Cli" -c Release --nologo -v quiet >"$log/build-cli.log" 2>&1 \
    || { tail -30 "$log/build-cli.log" >&2; echo "run-import-bench: the CLI does not build" >&2; exit 1; }
  dotnet build "$repo/bench/Payung.Bench.WorkerGenerator" -c Release --nologo -v quiet >"$log/build-generator.log" 2>&1 \
    || { tail -30 "$log/build-generator.log" >&2; exit 1; }
fi
payung="$repo/src/Payung.Cli/bin/Release/net10.0/payung"
generator=(dotnet "$repo/bench/Payung.Bench.WorkerGenerator/bin/Release/net10.0/Payung.Bench.WorkerGenerator.dll")

import_available=true
# Help of an unknown command falls back to the root help with exit 0, so look for the command's own usage line.
if ! "$payung" import workers --help 2>/dev/null | grep -q 'payung import workers'; then
  import_available=false
  say "'payung import workers' is not in this build: only the generator and the \\copy reference are measured"
fi
$reference_only && import_available=false

# ------------------------------------------------------------------------------------------- database
trap stop_cluster EXIT
open_database

# --------------------------------------------------------------------------------------------- files
declare -A generated # file name -> "seconds s, peak RSS MB" of its generation in this run
generate() { # name rows seed bad-fraction format [extra args...]
  local name=$1 out="$files/$1" n=$2 s=$3 bad=$4 format=$5; shift 5
  if [[ -s "$out.summary.json" && -s "$out" ]]; then
    say "reusing $out"
    generated[$name]="reused from an earlier run"
    return
  fi
  say "generating $out ($n rows, seed $s, bad fraction $bad)"
  local t0 t1; t0=$(now)
  /usr/bin/time -v -o "$log/time-generate-$name.txt" \
    "${generator[@]}" --rows "$n" --seed "$s" --bad-fraction "$bad" --format "$format" --out "$out" "$@" --regions "$repo/data/regions" \
    >"$log/generate-$name.log"
  t1=$(now)
  generated[$name]="$(elapsed "$t0" "$t1") s, peak RSS $(peak_rss_mb "$log/time-generate-$name.txt") MB"
  say "  $(head -1 "$log/generate-$name.log") — ${generated[$name]}"
}
# File names carry the sizes, the seed and a hash of the generator's source, so a changed generator never
# reuses files made by an older one.
gen=$(cat "$repo"/bench/Payung.Bench.WorkerGenerator/*.cs "$repo"/bench/Payung.Bench.WorkerGenerator/*.csproj | sha1sum | cut -c1-8)
existing_csv="existing-${existing_rows}-s${seed}-g$gen.csv"
new_csv="new-${rows}-s$((seed + 1))-after-${existing_rows}-g$gen.csv"
new_ref="${new_csv%.csv}.reference.csv"
new_xlsx="new-${xlsx_rows}-s$((seed + 2))-after-${existing_rows}-${rows}-g$gen.xlsx"
generate "$existing_csv" "$existing_rows" "$seed" 0 csv
generate "$new_csv" "$rows" $((seed + 1)) 0.03 csv \
  --exclude-niks-from "$files/$existing_csv" --reference-out "$files/$new_ref"
generate "$new_xlsx" "$xlsx_rows" $((seed + 2)) 0.03 xlsx \
  --exclude-niks-from "$files/$existing_csv" --exclude-niks-from "$files/$new_csv"
json() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
new_good=$(json "$files/$new_csv.summary.json" goodRows)
new_bad=$(json "$files/$new_csv.summary.json" badRows)
ref_rows=$(json "$files/$new_csv.summary.json" referenceRows)
xlsx_good=$(json "$files/$new_xlsx.summary.json" goodRows)

workers() { psql_q -c "select count(*) from registry.worker"; }

# Runs one import under /usr/bin/time -v; sets import_seconds, import_rss_mb, import_added.
timed_import() { # label file [extra args...]
  local label=$1 file=$2; shift 2
  local before; before=$(workers)
  psql_q -c "checkpoint"
  say "importing $(basename "$file") ($label)"
  local t0 t1 status=0 load_before; load_before=$(load)
  t0=$(now)
  # Each output line gets the time it appeared: the CLI names its stages (reading, validating, finishing).
  /usr/bin/time -v -o "$log/time-$label.txt" "$payung" import workers "$file" "$@" 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$log/import-$label.log" \
    || status=$?
  t1=$(now)
  if ((status != 0)); then
    tail -20 "$log/import-$label.log" >&2
    echo "run-import-bench: payung import workers exited with $status ($label)" >&2
    exit 1
  fi
  import_seconds=$(elapsed "$t0" "$t1")
  import_load=$load_before
  import_rss_mb=$(peak_rss_mb "$log/time-$label.txt")
  import_added=$(($(workers) - before))
  # Seconds from the start to the first stage line, between stage lines, and from the last one to the exit.
  import_stages=$(awk -v t0="$t0" -v t1="$t1" '
    / Membaca berkas/ { r = $1 } / Memeriksa dan menyimpan/ { v = $1 } / Menyelesaikan/ { f = $1 }
    END { if (r && v && f) printf "start %.1f s, read and stage %.1f s, validate and merge %.1f s, finish and exit %.1f s",
                                  r - t0, v - r, f - v, t1 - f }' "$log/import-$label.log")
  say "  $import_seconds s, peak RSS $import_rss_mb MB, $import_added workers added${import_stages:+ ($import_stages)}"
}

# After a timed import (untimed): the job's verdicts, and whether every row the generator spoilt was
# rejected — a benchmark of an import that lets bad rows through would time the wrong thing.
verdicts() { # label file
  local label=$1 file=$2 job
  job=$(psql_q -c "select job_id from registry.worker_import order by created_at desc limit 1")
  jobs[$label]=$job
  local counts; counts=$(psql_q -F' ' -c "select string_agg(verdict || ' ' || n, ', ' order by verdict) from
    (select verdict, count(*) n from registry.worker_import_row where job_id = '$job' group by verdict) v")
  # Row numbers: the import counts the header as row 1 when its largest row_no is the data rows + 1.
  local offset; offset=$(psql_q -c "select case when max(row_no) = $(json "$file.summary.json" rows) + 1 then 1 else 0 end
    from registry.worker_import_row where job_id = '$job'")
  local slipped; slipped=$(psql_q -F' ' \
    -c "create temp table bad (row_no integer, kind text, detail text)" \
    -c "\\copy bad from '$file.bad.csv' with (format csv, header true, delimiter ';')" \
    -c "select coalesce(string_agg(kind || ' ' || n || ' (' || verdicts || ')', '; '), 'none') from (
          select b.kind, count(*) n, string_agg(distinct coalesce(r.verdict, 'no verdict'), '/') verdicts
            from bad b left join registry.worker_import_row r on r.job_id = '$job' and r.row_no = b.row_no + $offset
           where r.verdict is distinct from 'rejected' group by b.kind) s")
  echo "$label: verdicts $counts; spoilt rows not rejected: $slipped" >>"$log/verdicts.txt"
  say "  verdicts: $counts; spoilt rows not rejected: $slipped"
}
: >"$log/verdicts.txt"
declare -A jobs # label -> import job id

# -------------------------------------------------------------------------------------- setup (untimed)
ref_columns="nik text, kk text, full_name text, birth_place text, birth_date text, sex text, village_code text,
  address text, rt text, rw text, phone text, occupation_code text, monthly_income text, dtsen_decile text,
  status text, death_date text"
copy_into() { # table file
  psql_q -c "\\copy $1 from '$2' with (format csv, header true, delimiter ';')"
}
psql_q -c "drop table if exists bench_ref, bench_ref_empty" \
       -c "create table bench_ref ($ref_columns)" -c "create unique index bench_ref_nik_key on bench_ref (nik)" \
       -c "create table bench_ref_empty ($ref_columns)" -c "create unique index bench_ref_empty_nik_key on bench_ref_empty (nik)"
say "setup: \\copy of the $existing_rows existing workers into bench_ref"
copy_into bench_ref "$files/$existing_csv"
setup_seconds=""
if $import_available; then
  say "setup: importing the $existing_rows existing workers (not part of the comparison)"
  timed_import setup "$files/$existing_csv"
  setup_seconds=$import_seconds setup_rss=$import_rss_mb setup_added=$import_added setup_load=$import_load setup_stages=$import_stages
  verdicts setup "$files/$existing_csv"
fi
psql_q -c "vacuum analyze bench_ref" -c "vacuum analyze bench_ref_empty"
$import_available && psql_q -c "vacuum analyze registry.worker"

# ------------------------------------------------------------------------------------------ measured
if $import_available; then
  timed_import csv "$files/$new_csv"
  csv_seconds=$import_seconds csv_rss=$import_rss_mb csv_added=$import_added csv_load=$import_load csv_stages=$import_stages
  verdicts csv "$files/$new_csv"
fi

# The reference: psql's \copy of the same rows into a bare all-text table whose only index is the unique
# NIK index, into the table already holding the existing workers and into an empty one. The reference file
# leaves out the rows whose NIK text repeats an earlier row's (in-file duplicates, Excel floats rounding to
# the same text): with them \copy stops at the first unique violation and loads nothing.
reference() { # table
  psql_q -c "checkpoint"
  local t0 t1; t0=$(now)
  copy_into "$1" "$files/$new_ref"
  t1=$(now)
  elapsed "$t0" "$t1"
}
say "reference: \\copy of $ref_rows rows into bench_ref ($existing_rows rows already there)"
ref_full_load=$(load)
ref_full_seconds=$(reference bench_ref)
say "  $ref_full_seconds s"
# Into the empty table three times (emptied in between), the median counts: the reference is short, so one
# slow run would flatter the ratio.
ref_empty_runs=()
ref_empty_load=$(load)
for run in 1 2 3; do
  psql_q -c "truncate bench_ref_empty"
  say "reference: \\copy of $ref_rows rows into the empty bench_ref_empty (run $run of 3)"
  ref_empty_runs+=("$(reference bench_ref_empty)")
  say "  ${ref_empty_runs[-1]} s"
  ref_loaded=$(psql_q -c "select count(*) from bench_ref_empty")
  [[ $ref_loaded == "$ref_rows" ]] || { echo "run-import-bench: \\copy loaded $ref_loaded rows, expected $ref_rows" >&2; exit 1; }
done
ref_empty_seconds=$(printf '%s\n' "${ref_empty_runs[@]}" | sort -n | sed -n 2p)

if $import_available; then
  timed_import xlsx "$files/$new_xlsx"
  xlsx_seconds=$import_seconds xlsx_rss=$import_rss_mb xlsx_added=$import_added xlsx_load=$import_load xlsx_stages=$import_stages
  verdicts xlsx "$files/$new_xlsx"
fi

# The schema's own cost, for orientation (not part of the ratio): the rows the CSV import created, copied
# with one INSERT … SELECT into bench_worker, a table like registry.worker (same columns, generated columns,
# checks, indexes and foreign keys) already holding the set-up import's workers. No parsing, no validation:
# what writing these rows costs at all. If this alone is near 2x the \copy reference, the goal needs
# a cheaper schema, not a faster import.
if $import_available && $floor; then
  worker_columns="id, nik, kk, full_name, birth_place, birth_date, sex, village_code, address, rt, rw, phone, occupation_code,
    monthly_income, dtsen_decile, status, death_date, nik_warnings, merged_into, created_at, updated_at"
  say "floor: preparing bench_worker with the set-up import's workers"
  psql_q -c "drop table if exists bench_worker, bench_floor_rows" \
    -c "create table bench_worker (like registry.worker including all)" \
    -c "alter table bench_worker add foreign key (village_code) references regions.region (code),
          add foreign key (occupation_code) references registry.occupation (code),
          add foreign key (merged_into) references bench_worker (id)" \
    -c "insert into bench_worker ($worker_columns) select $worker_columns from registry.worker
          where id in (select worker_id from registry.worker_import_row where job_id = '${jobs[setup]}')" \
    -c "create unlogged table bench_floor_rows as select $worker_columns from registry.worker
          where id in (select worker_id from registry.worker_import_row where job_id = '${jobs[csv]}' and verdict = 'created')" \
    -c "vacuum analyze bench_worker" -c "vacuum analyze bench_floor_rows" -c "checkpoint"
  floor_rows=$(psql_q -c "select count(*) from bench_floor_rows")
  say "floor: INSERT … SELECT of $floor_rows rows into bench_worker"
  floor_load=$(load)
  t0=$(now)
  psql_q -c "insert into bench_worker ($worker_columns) select $worker_columns from bench_floor_rows"
  floor_seconds=$(elapsed "$t0" "$(now)")
  say "  $floor_seconds s"
  psql_q -c "drop table bench_worker, bench_floor_rows"
fi

# ------------------------------------------------------------------------------------------- results
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
reference_seconds=$(awk -v a="$ref_full_seconds" -v b="$ref_empty_seconds" 'BEGIN { print (a < b ? a : b) }')
results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "### $(date -u +%Y-%m-%d) — \`bench/run-import-bench.sh --rows $rows\`"
  echo
  describe_machine
  echo "- Files: $rows-row CSV ($((new_bad)) bad rows, $new_good good; $(du -m "$files/$new_csv" | cut -f1) MB), \\copy reference $ref_rows rows;" \
       "$xlsx_rows-row xlsx ($xlsx_good good; $(du -m "$files/$new_xlsx" | cut -f1) MB); registry and bench_ref held $existing_rows workers before"
  echo
  echo "| step | seconds | peak RSS of the app | rows added | load before |"
  echo "|---|---:|---:|---:|---:|"
  if $import_available; then
    echo "| setup: import of $existing_rows existing workers (untimed for the ratio) | $setup_seconds | $setup_rss MB | $setup_added | $setup_load |"
    echo "| **\`payung import workers\` $rows-row CSV** | **$csv_seconds** | **$csv_rss MB** | $csv_added | $csv_load |"
  else
    echo "| \`payung import workers\` $rows-row CSV | not measured: the command is not in this build | | | |"
  fi
  echo "| \`psql \\copy\` into bench_ref ($existing_rows rows before) | $ref_full_seconds | | $ref_rows | $ref_full_load |"
  echo "| \`psql \\copy\` into empty bench_ref_empty, median of 3 (${ref_empty_runs[*]}) | $ref_empty_seconds | | $ref_rows | $ref_empty_load |"
  if $import_available; then
    echo "| \`payung import workers\` $xlsx_rows-row xlsx | $xlsx_seconds | $xlsx_rss MB | $xlsx_added | $xlsx_load |"
  fi
  if [[ -n ${floor_seconds:-} ]]; then
    echo "| floor: INSERT … SELECT of the created rows into a table like registry.worker ($existing_rows rows before) | $floor_seconds | | $floor_rows | $floor_load |"
  fi
  echo "| generating the existing-workers CSV | ${generated[$existing_csv]} | | | |"
  echo "| generating the $rows-row CSV and its \\copy reference | ${generated[$new_csv]} | | | |"
  echo "| generating the $xlsx_rows-row xlsx | ${generated[$new_xlsx]} | | | |"
  echo
  if $import_available; then
    echo "Where the import's time goes (from the CLI's stage lines): setup — ${setup_stages:-n/a}; CSV — ${csv_stages:-n/a};" \
         "xlsx — ${xlsx_stages:-n/a}."
    echo
    echo "Verdicts (good rows in the files: CSV $new_good, xlsx $xlsx_good):"
    echo
    sed 's/^/- /' "$log/verdicts.txt"
    echo
    echo "**Ratio** (CSV import ÷ the faster \\copy, $reference_seconds s): **$(ratio_of "$csv_seconds" "$reference_seconds")** (goal ≤ 2.0);" \
         "against the pre-filled table $(ratio_of "$csv_seconds" "$ref_full_seconds"). Peak RSS $csv_rss MB (goal < 500 MB)."
    if [[ -n ${floor_seconds:-} ]]; then
      echo
      echo "The floor (writing the created rows into the registry's table shape, nothing else) is" \
           "$(ratio_of "$floor_seconds" "$reference_seconds") × the \\copy reference."
    fi
  else
    echo "**Ratio**: not measured (no import command)."
  fi
} >"$results"
cat "$results"
say "results written to $results"
