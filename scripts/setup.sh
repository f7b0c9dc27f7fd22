#!/usr/bin/env bash
# Creates .venv and installs the project with its dev tools; re-runs pip only when pyproject.toml changes.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's Chromium for the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.setup-stamp"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  echo "$want" > "$stamp"
fi
# The geo-only build of plotly.js (pinned, digest-checked); without it the full bundle is served.
.venv/bin/python -m geo.plotly_js

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  # Playwright cannot download its own browser here; Debian's chromium is the one we drive.
  SUDO=""
  [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
fi
