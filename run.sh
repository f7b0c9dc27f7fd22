#!/usr/bin/env bash
# Sets up, builds the database from the official source files if it is missing, and starts the dashboard.
# Extra arguments go to `streamlit run` (e.g. --server.port 8600). The app starts through ui.serve,
# which runs `streamlit run app.py` after loading what the first visitor's page needs (warm start).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
.venv/bin/python -m queries build --if-missing
exec .venv/bin/python -m ui.serve "$@"
