#!/bin/sh
# The same as tools/compare_outputs.py (see its --help).
exec python3 "$(dirname "$0")/compare_outputs.py" "$@"
