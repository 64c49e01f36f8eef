#!/usr/bin/env bash
# Regenerates tests/argdown-reference/expected/ from the real Argdown CLI (@argdown/cli 1.7.5).
# Needs Node 20; installs the CLI into node_modules/ (git-ignored) when it is missing.
#   tests/argdown-reference/regenerate.sh
# For every corpus file (corpus/*.argdown) and every reader fixture
# (tests/formats/fixtures/*.argdown) it runs `argdown json FILE --stdout --silent` through
# normalize.js and stores the normalized result as expected/<corpus|fixtures>/NAME.json.
# The C++ test tests/formats/argdown_reader_reference_test.cc reads these files; it needs no Node.
set -euo pipefail
shopt -s nullglob
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if [ ! -x node_modules/.bin/argdown ]; then
  npm ci --no-audit --no-fund >/dev/null  # package.json and package-lock.json pin 1.7.5
fi
version="$(node_modules/.bin/argdown --version)"
[ "$version" = "1.7.5" ] || { echo "regenerate.sh: expected @argdown/cli 1.7.5, found $version" >&2; exit 1; }
for kind in corpus fixtures; do
  if [ "$kind" = corpus ]; then dir="$here/corpus"; else dir="$here/../formats/fixtures"; fi
  mkdir -p "expected/$kind"
  rm -f "expected/$kind"/*.json
  for file in "$dir"/*.argdown; do
    name="$(basename "$file" .argdown)"
    node normalize.js "$file" > "expected/$kind/$name.json"
    echo "$kind/$name: $(head -c 40 "expected/$kind/$name.json" | tr -d '\n ')"
  done
done
