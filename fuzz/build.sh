#!/bin/sh
# Builds the libFuzzer target fuzz/argdown_fuzzer (issue 7) with clang, outside CMake, so the
# normal build and CI are unaffected. Usage: fuzz/build.sh [BUILD_DIR]   (default /work/fuzz-build
# if it exists, else ./fuzz-build). Needs clang++ (Debian clang-14) and libclang-rt-14-dev.
# CXX, FUZZ_FLAGS and JOBS may be overridden from the environment.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-${FUZZ_BUILD_DIR:-$here/../fuzz-build}}
mkdir -p "$out/obj"
rm -f "$out/failed"
out=$(cd "$out" && pwd)
CXX=${CXX:-clang++}
FUZZ_FLAGS=${FUZZ_FLAGS:--fsanitize=fuzzer,address,undefined}
JOBS=${JOBS:-1}
flags="-std=c++20 $FUZZ_FLAGS -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1 -I$here"

# Every source of graph/ and formats/: the reader, the checks and the writers need them all.
# Objects are compiled with -fsanitize=fuzzer-no-link so that only the target links libFuzzer's main.
obj_flags=$(echo "$flags" | sed 's/-fsanitize=fuzzer,/-fsanitize=fuzzer-no-link,/')
objs=""
compile() {
  src=$1
  obj="$out/obj/$(echo "$src" | tr / _).o"
  objs="$objs $obj"
  if [ ! -f "$obj" ] || [ "$here/$src" -nt "$obj" ] || [ -n "$(find "$here/graph" "$here/formats" \
      -name '*.h' -newer "$obj" | head -1)" ]; then
    echo "CXX $src"
    ( $CXX $obj_flags -c "$here/$src" -o "$obj.tmp" && mv "$obj.tmp" "$obj" ) || touch "$out/failed" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait; running=0; fi
  fi
}
running=0
cd "$here"
for src in graph/*.cc formats/*.cc; do compile "$src"; done
wait
if [ -f "$out/failed" ]; then rm -f "$out/failed"; echo "build failed" >&2; exit 1; fi
echo "LINK $out/argdown_fuzzer"
$CXX $flags fuzz/argdown_fuzzer.cc $objs -o "$out/argdown_fuzzer"
