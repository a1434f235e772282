#!/usr/bin/env bash
# Sets up a virtual environment with pyspark and the textmend package, builds
# the command, and runs both Spark jobs (pandas UDF and RDD.pipe) on local[1]
# and local[2] over a generated corpus, checking every record against the
# command's output. Needs a Rust toolchain, Python 3.9+ and Java 17.
#
#   bash examples/spark/run.sh            # 100,000 documents
#   DOCS=2000 bash examples/spark/run.sh
#   VENV=/path/to/venv bash examples/spark/run.sh   # reuse an environment
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -n "${VENV:-}" ]; then
  venv=$VENV
else
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  venv=$scratch/venv
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet -r examples/spark/requirements.txt ./python
cargo build --release --quiet
"$venv/bin/python" examples/spark/run.py --docs "${DOCS:-100000}" \
  --masters 'local[1]' 'local[2]' --cli target/release/textmend
