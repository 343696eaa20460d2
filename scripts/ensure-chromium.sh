#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own here). Installs it when missing.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
echo "Chromium not found at $chromium: installing Debian's chromium package for the browser tests…"
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo=sudo; else
    echo "Not root and no sudo: install it yourself (apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
"$chromium" --version
