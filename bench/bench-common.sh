# Shared by the bench/run-*-bench.sh scripts (sourced, not run): logging and timing helpers, the tools they need,
# and the database — a throw-away embedded cluster made by the payung CLI, or the server PAYUNG_DB names.
# Expects: $work, $log, $port, $keep_db and $payung (the built CLI) set by the script.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; } # 1-minute load average: on a 2-core machine, anything above ~1 before a step means company
loads() { cut -d' ' -f1-3 /proc/loadavg; } # 1-, 5- and 15-minute load averages, as uptime prints them
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
peak_rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; } # of a /usr/bin/time -v report

# /usr/bin/time -v reports the peak resident set size of the process it runs.
require_tools() { # script-name
  if [[ ! -x /usr/bin/time ]]; then
    say "installing Debian package 'time' for /usr/bin/time -v"
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq time >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null; fi
  fi
  command -v psql >/dev/null || { echo "$1: psql is missing (apt-get install postgresql-client)" >&2; exit 1; }
}

started_cluster=false
pg_data=""
pg_bin=""
run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_cluster() {
  if $started_cluster; then
    run_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w >/dev/null 2>&1 || true
    if ! $keep_db; then rm -rf "$work/data"; fi
    started_cluster=false
  fi
}

# With PAYUNG_DB: that server (libpq variables set from it for psql), migrated and with the regions loaded. Without:
# the CLI creates a throw-away embedded cluster in $work/data on $port (initdb as the postgres user when root,
# migrations, regions) and stops it again; the harness then keeps it running itself, so no timed command pays a
# cluster start or a shutdown checkpoint, and every command uses it through PAYUNG_DB. The caller's EXIT trap
# must call stop_cluster.
open_database() {
  if [[ -n "${PAYUNG_DB:-}" ]]; then
    say "using PAYUNG_DB"
    # Npgsql keywords to libpq environment variables (Host, Port, Username/User ID, Password, Database).
    while IFS='=' read -r key value; do
      case "${key,,}" in
        host|server) export PGHOST=$value ;;
        port) export PGPORT=$value ;;
        username|user\ id|userid|user) export PGUSER=$value ;;
        password) export PGPASSWORD=$value ;;
        database) export PGDATABASE=$value ;;
      esac
    done < <(tr ';' '\n' <<<"$PAYUNG_DB" | sed 's/^ *//; s/ *= */=/')
    "$payung" regions load >"$log/regions-load.log" 2>&1 || { cat "$log/regions-load.log" >&2; exit 1; }
  else
    say "creating a throw-away embedded cluster in $work/data on port $port"
    rm -rf "$work/data"
    PAYUNG_DATA_DIR="$work/data" PAYUNG_PG_PORT=$port "$payung" regions load >"$log/regions-load.log" 2>&1 \
      || { cat "$log/regions-load.log" >&2; exit 1; }
    pg_data="$work/data/pg"
    # The same server programs the CLI picked (see PostgresTools): PAYUNG_PG_BIN, else the newest Debian one.
    pg_bin=${PAYUNG_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
    [[ -x "$pg_bin/pg_ctl" ]] || pg_bin=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    run_pg "$pg_bin/pg_ctl" start -D "$pg_data" -w -t 60 -l "$pg_data/server.log" -o "-p $port" >/dev/null
    started_cluster=true
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=payung PGDATABASE=payung
    PGPASSWORD=$(tr -d '\n' <"$work/data/pg.password")
    export PGPASSWORD
    export PAYUNG_DB="Host=127.0.0.1;Port=$port;Username=payung;Password=$PGPASSWORD;Database=payung"
  fi
}

psql_q() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# One line each for the results: the machine, the server and its settings, the .NET runtime and the commit.
describe_machine() {
  local cpu mem
  cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
  mem=$(free -g | awk '/^Mem:/ { print $2 }')
  echo "- Machine: $cpu, $(nproc) cores, ${mem} GiB RAM, $(uname -sr)$(lscpu | sed -n 's/^Hypervisor vendor: */, virtual machine on /p' | head -1)"
  echo "- PostgreSQL $(psql_q -c "show server_version") ($([[ $started_cluster == true ]] && echo "embedded cluster made by the CLI" || echo "PAYUNG_DB server");" \
       "$(psql_q -c "select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings
          where name in ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'wal_level', 'maintenance_work_mem', 'work_mem')"))"
  echo "- .NET runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }'), SDK $(dotnet --version);" \
       "commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src db 2>/dev/null || echo ' with uncommitted changes in src/ or db/')"
}
