#!/usr/bin/env bash
# Installs what Payung needs from Debian packages when it is missing:
#   postgresql (server programs initdb/pg_ctl for the embedded cluster), and with --browser chromium.
# Safe to run again: it only installs what is not there.
set -euo pipefail

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; }
have_chromium() { [[ -x /usr/bin/chromium ]]; }

packages=()
have_postgres || packages+=(postgresql postgresql-contrib)
$want_browser && ! have_chromium && packages+=(chromium)
# runuser (util-linux) lets root run the cluster as the postgres user.
command -v runuser >/dev/null || packages+=(util-linux)

if ((${#packages[@]} == 0)); then
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
