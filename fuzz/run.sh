#!/bin/sh
# Runs the Argdown fuzzer built by fuzz/build.sh on one core (docs/fuzzing.md).
# Usage: fuzz/run.sh [SECONDS] [BUILD_DIR]   (defaults: 1800 seconds, /work/fuzz-build)
# The seed corpus is every .argdown file of the repository plus ../shared/argdown-corpus/ (when
# present); the growing corpus lives in BUILD_DIR/corpus, crashers in BUILD_DIR/artifacts/ and the
# log in BUILD_DIR/fuzz.log. Fork mode with -ignore_crashes keeps fuzzing after a finding, so one
# run collects every crash, leak, timeout and out-of-memory input it meets.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-1800}
out=${2:-${FUZZ_BUILD_DIR:-$here/../fuzz-build}}
out=$(cd "$out" && pwd)
mkdir -p "$out/seeds" "$out/corpus" "$out/artifacts"
cd "$here"
for f in $(find . -name '*.argdown' -not -path './build*' -not -path './fuzz-build*') \
    $(ls "$here"/../shared/argdown-corpus/*.argdown 2>/dev/null || true); do
  cp "$f" "$out/seeds/$(echo "$f" | sed 's#^\./##; s#^/##; s#/#_#g')"
done
cd "$out"
./argdown_fuzzer corpus seeds \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
  -dict="$here/fuzz/argdown.dict" -artifact_prefix="$out/artifacts/" \
  -print_final_stats=1 2>&1 | tee "$out/fuzz.log"
