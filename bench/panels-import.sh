#!/usr/bin/env bash
# Whole-process timing of `gms panels import` over every PanelApp JSON file in ../shared/data/panelapp
# (21 files, 440 panels, 546 versions), into a fresh embedded store, then the same import again (nothing changes).
# Also times `gms db migrate` alone, the fixed cost of starting the CLI and migrating every module.
# Usage: bench/panels-import.sh [RUNS]   (default 3). No peer tool imports PanelApp JSON into a store, so none is run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${GMS_SHARED_DATA:-$root/../shared/data}/panelapp"
runs="${1:-3}"
"$root/gms" --help >/dev/null # builds the CLI in Release when needed
cli=(dotnet "$root/artifacts/bin/OpenGms.Cli/release/OpenGms.Cli.dll")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# Wall and CPU (user+sys) seconds: on a shared, loaded machine the CPU figure is the steadier one.
seconds() { /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>&1; awk 'END {printf "%.2f s wall, %.2f s CPU", $1, $2 + $3}' "$work/t"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  rm -rf "$work/m" "$work/d"
  m=$(seconds "${cli[@]}" --data "$work/m" db migrate)
  first=$(seconds "${cli[@]}" --data "$work/d" panels import "$data")
  again=$(seconds "${cli[@]}" --data "$work/d" panels import "$data")
  echo "run $i: migrate only $m; import $first; re-import $again"
done
