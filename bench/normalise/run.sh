#!/usr/bin/env bash
# Benchmark: `gms vcf normalise -m -any -f` against `bcftools norm -m-any -f -Oz` on the same simulated files,
# in the same run. Records wall time, CPU time (user+sys) and peak RSS of each, and checks that both wrote the
# same records (data lines compared byte for byte).
#
# Usage: bench/normalise/run.sh [WORKDIR] [CONTIGS] [BASES_PER_CONTIG] [VARIANTS_PER_KB]
# Defaults give a scaled-down genome (5 x 100 Mb, ~1.5 variants/kb). A GRCh38-sized run is
# `run.sh DIR 31 100000000 1.5` (about 4.6 M records; needs ~4 GB of disk and a long generation step).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-/tmp/gms-normbench}"
contigs="${2:-5}"
length="${3:-100000000}"
density="${4:-1.5}"
mkdir -p "$work"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2" >&2; apt-get install -y "$2" >/dev/null; }; }
need bcftools bcftools
need bgzip tabix

fa="$work/ref.fa"
vcf="$work/calls.vcf.gz"
if [ ! -s "$vcf" ]; then
  echo "generating $contigs x $length bp reference and calls in $work" >&2
  python3 "$here/generate.py" --contigs "$contigs" --length "$length" --density "$density" --fasta "$fa" --vcf "$work/calls.vcf"
  bgzip -f -@2 "$work/calls.vcf"
fi

(cd "$repo" && ./gms --help >/dev/null)   # build once, outside the timing
gms_dll="$(ls "$repo"/artifacts/bin/OpenGms.Cli/release/OpenGms.Cli.dll)"

measure() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "$name %e %U %S %M" -o "$work/$name.time" "$@" 2>"$work/$name.log" >/dev/null
  read -r _ wall user sys rss < "$work/$name.time"
  echo "$name $wall $(echo "$user + $sys" | bc) $((rss / 1024))"
}

records=$(zcat "$vcf" | grep -vc '^#')
echo "input: $records records, $(du -h "$vcf" | cut -f1) bgzipped; reference $(du -h "$fa" | cut -f1)"
b=$(measure bcftools bcftools norm -m-any -f "$fa" -Oz -o "$work/bcftools.vcf.gz" "$vcf")
g=$(measure gms dotnet "$gms_dll" vcf normalise "$vcf" -m -any -f "$fa" -o "$work/gms.vcf.gz")
echo "tool wall_s cpu_s peak_rss_MiB"
echo "$b"
echo "$g"
read -r _ bw bc bm <<< "$b"
read -r _ gw gc gm <<< "$g"
echo "wall ratio gms/bcftools: $(echo "scale=3; $gw / $bw" | bc)"
if cmp -s <(zcat "$work/bcftools.vcf.gz" | grep -v '^#') <(zcat "$work/gms.vcf.gz" | grep -v '^#'); then
  echo "records: identical ($(zcat "$work/gms.vcf.gz" | grep -vc '^#') written)"
else
  echo "records: DIFFER"; diff <(zcat "$work/bcftools.vcf.gz" | grep -v '^#') <(zcat "$work/gms.vcf.gz" | grep -v '^#') | head -20
  exit 1
fi
