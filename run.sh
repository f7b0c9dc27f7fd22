#!/usr/bin/env bash
# Sets up, builds the database from the official source files if it is missing, and starts the dashboard.
# Extra arguments go to `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
.venv/bin/python -m queries build --if-missing
exec .venv/bin/streamlit run app.py "$@"
