#!/usr/bin/env bash
# Interpretation benchmark: a simulated trio WGS from VCF to ranked report (`gms analyse`), next to the
# annotation step alone (`gms annotate` on the same VCF and cache). Wall time and peak RSS from /usr/bin/time -v.
# Inputs: OpenGms.Bench.Simulate (reference + single-sample WGS at --scale) turned into a trio with a simulated
# gene model by make_trio.py. HPO scoring uses the full HPO release in ../shared/data when present.
# Usage: bench/interpretation/run.sh [SCALE=1] [WORKDIR=/tmp/gms-interpretation-bench]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scale="${1:-1}"
work="${2:-/tmp/gms-interpretation-bench}"
shared="${GMS_SHARED_DATA:-$repo/../shared/data}"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
rm -rf "$work"; mkdir -p "$work"
dotnet run -c Release --project "$repo/bench/OpenGms.Bench.Simulate" -- "$work" --scale "$scale" --samples 2 >/dev/null
python3 "$here/make_trio.py" "$work" 7
cd "$work"
"$repo/gms" --help >/dev/null   # build once, outside the timings
t() { /usr/bin/time -v "$@" 2> time.txt >/dev/null || { cat time.txt; exit 1; }; awk -F': ' '/Elapsed \(wall/ {w=$2} /Maximum resident/ {m=$2} END {printf "%s wall, %d MB peak RSS\n", w, m/1024}' time.txt; }
echo -n "build-cache: "; t "$repo/gms" annotation build-cache --gff3 genes.gff3 --reference reference.fa -o cache --assembly GRCh38
hpo=(); [ -d "$shared/variants/hpo/full/hpo-2026-02-16" ] && hpo=(--hpo-data "$shared/variants/hpo/full/hpo-2026-02-16" --hpo HP:0001250,HP:0001263,HP:0000252)
echo -n "annotate (all records, VCF out): "; t "$repo/gms" annotate --vcf trio.vcf.gz --cache cache -o annotated.vcf
echo -n "analyse (default filters): "; t "$repo/gms" analyse --vcf trio.vcf.gz --ped trio.ped --cache cache "${hpo[@]}" -o result.json --html report.html
echo -n "analyse (no quality filter: every proband allele annotated): "; t "$repo/gms" analyse --vcf trio.vcf.gz --ped trio.ped --cache cache "${hpo[@]}" --all-filters --min-gq 0 --min-dp 0 -o result-all.json
echo -n "analyse without HPO: "; t "$repo/gms" analyse --vcf trio.vcf.gz --ped trio.ped --cache cache --all-filters --min-gq 0 --min-dp 0 -o result-nohpo.json
python3 - <<'PY'
import json
r = json.load(open("result-all.json"))
for f in r["filters"]: print(f'  {f["step"]:<22} {f["in"]:>10,} -> {f["out"]:>10,}')
print("  candidates:", r["candidateCount"], "top:", [(c["gene"], c["variant"], c.get("tier"), c["inheritance"]) for c in r["candidates"][:3]])
PY
