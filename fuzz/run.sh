#!/usr/bin/env bash
# Fuzzes every textmend target for SECONDS each (default 60) and exits
# non-zero if any target finds a crash, a timeout or an out-of-memory input.
#
#   bash fuzz/run.sh 60         # every target searches for 60 s
#   bash fuzz/run.sh --ci 20    # as CI runs it: see below
#
# Run from anywhere in a clone: paths are taken relative to the repository
# root. Each target's corpus (fuzz/corpus/<target>, not committed) is seeded
# from fixtures/*/raw.txt; findings land in fuzz/artifacts/<target>/.
#
# With `--ci`, the `idempotent` target does not search: it replays its
# seeds and every input in tests/regressions/ once each, so that a commit
# passes or fails it the same way on every run. Its search keeps finding
# pages of garbled rows that a second repair reads differently (the open
# class in fuzz/open-findings/README.md): a 20-second search that fails
# on one of them tells of its luck, not of the commit. The targets that
# check that a repair never panics and keeps its contract search in CI as
# everywhere else; searching for idempotence runs here, without `--ci`.
set -uo pipefail

ci=false
if [ "${1:-}" = --ci ]; then
  ci=true
  shift
fi
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || exit 2
fi

targets=(repair repair_config decode idempotent explain)
# textmend forbids unsafe code, so no sanitizer (three times the execs/s
# of AddressSanitizer); debug assertions on, to catch arithmetic overflow.
flags=(--sanitizer none --debug-assertions)
cargo +nightly fuzz build "${flags[@]}" || exit 2
mkdir -p fuzz/artifacts

failed=()
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  # Each fixture whole, and in pieces of 8 lines: small inputs run faster.
  seeds="$(mktemp -d)"
  for raw in fixtures/*/raw.txt; do
    [ -f "$raw" ] || continue
    name="$(basename "$(dirname "$raw")")"
    cp "$raw" "$seeds/seed-$name"
    split -l 8 "$raw" "$seeds/seed-$name-part-"
  done
  for seed in "$seeds"/*; do
    [ -f "$seed" ] || continue
    if [ "$target" = repair_config ] || [ "$target" = decode ]; then
      # These targets read their first byte as flags: 0xFF turns every
      # repair on (and forces no encoding).
      { printf '\377'; cat "$seed"; } >"$corpus/$(basename "$seed")"
    else
      cp "$seed" "$corpus/"
    fi
  done
  rm -rf "$seeds"
  log="fuzz/artifacts/$target.log"
  if $ci && [ "$target" = idempotent ]; then
    # Every input once (`-runs=0`): the seeds and the regression inputs.
    replay="$(mktemp -d)"
    cp "$corpus"/seed-* tests/regressions/* "$replay/"
    echo "== fuzz $target: replaying $(ls "$replay" | wc -l) inputs (log: $log)"
    cargo +nightly fuzz run "${flags[@]}" "$target" "$replay" -- \
      -runs=0 -max_len=65536 -timeout=3 -print_final_stats=1 >"$log" 2>&1
    status=$?
    rm -rf "$replay"
  else
    echo "== fuzz $target for ${seconds}s (log: $log)"
    # A linear repair of 64 KiB takes milliseconds even with debug
    # assertions: an input that takes 3 s is a super-linear shape.
    cargo +nightly fuzz run "${flags[@]}" "$target" "$corpus" -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=3 \
      -dict="$root/fuzz/dict.txt" -print_final_stats=1 >"$log" 2>&1
    status=$?
  fi
  grep -E 'panicked at|^thread|ERROR: libFuzzer|SUMMARY|Test unit written|stat::number_of_executed_units|stat::average_exec_per_sec|^Done [0-9]+ runs' "$log"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (see fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no findings"
