#!/usr/bin/env bash
# Installs what Payung needs from Debian packages when it is missing:
#   postgresql (server programs initdb/pg_ctl for the embedded cluster), and with --browser chromium;
# with --browser (the test run) also the pinned OpenAPI linter in tools/redocly (npm ci, from its package-lock.json).
# Safe to run again: it only installs what is not there.
set -euo pipefail

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; }
have_chromium() { [[ -x /usr/bin/chromium ]]; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The API document tests lint /openapi/v1.json with @redocly/cli (tools/redocly/package-lock.json, Node 20.19+).
install_redocly() {
  $want_browser || return 0
  [[ -d "$root/tools/redocly/node_modules" ]] && return 0
  if ! command -v npm >/dev/null; then
    echo "npm is missing: the API document tests need Node.js 20.19+ and npm for tools/redocly." >&2
    return 0
  fi
  echo "Installing the OpenAPI linter (tools/redocly)"
  npm ci --prefix "$root/tools/redocly" --no-audit --no-fund --loglevel=error >/dev/null
}

packages=()
have_postgres || packages+=(postgresql postgresql-contrib)
$want_browser && ! have_chromium && packages+=(chromium)
# runuser (util-linux) lets root run the cluster as the postgres user.
command -v runuser >/dev/null || packages+=(util-linux)

if ((${#packages[@]} == 0)); then
  install_redocly
  exit 0
fi

echo "Installing Debian packages: ${packages[*]}"
if [[ $(id -u) -eq 0 ]]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null; then
  apt_get=(sudo apt-get)
else
  echo "Missing packages (${packages[*]}) and no root or sudo to install them." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "Installed: ${packages[*]}"
install_redocly
