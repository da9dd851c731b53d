#!/usr/bin/env bash
# Whole-process import timing: `gms directory import` of the v5.1 rare-disease and the 2020/21 cancer workbooks into a
# fresh embedded store (best of N runs, wall clock, process start included), beside the stdlib-python row counter
# (bench/directory-count.py) on the same files as the peer. In-process figures: bench/OpenGms.Directory.Benchmarks.
#   bench/directory-import.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${GMS_SHARED_DATA:-$root/../shared/data}"
runs="${1:-5}"
files=(
  "$shared/directory/rare_disease/Rare-and-inherited-disease-national-genomic-test-directory-version-5.1.xlsx"
  "$shared/directory/cancer/National-Genomic-Test-Directory-Cancer-November-2020-21.xlsx"
)
"$root/gms" --help >/dev/null   # build once, outside the timings
best() { sort -n | head -n 1; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
for f in "${files[@]}"; do
  ours=$(for _ in $(seq "$runs"); do d=$(mktemp -d); ms "$root/gms" --data "$d" directory import "$f"; rm -rf "$d"; done | best)
  migrate=$(for _ in $(seq "$runs"); do d=$(mktemp -d); ms "$root/gms" --data "$d" db migrate; rm -rf "$d"; done | best)
  peer=$(for _ in $(seq "$runs"); do ms python3 "$root/bench/directory-count.py" "$f"; done | best)
  printf '%s\timport %d ms (of which process start + migrate %d ms)\tpython stdlib count %d ms\n' "$(basename "$f")" "$ours" "$migrate" "$peer"
done
