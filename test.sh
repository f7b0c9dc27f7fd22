#!/usr/bin/env bash
# Sets up (including Debian's Chromium for the browser tests) and runs every test.
# Extra arguments go to pytest, e.g. `bash test.sh -m "not browser"` for the fast tests alone.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --browser
exec .venv/bin/python -m pytest "$@"
