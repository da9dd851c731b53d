#!/usr/bin/env bash
# Whole-process benchmark of `gms pgx call` (docs/benchmarks.md, "Pharmacogenomics").
# Needs ../shared/data/pgx (PharmCAT v3.1.1 data); builds the CLI in Release; writes timings to stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pgx="${GMS_SHARED_DATA:-$root/../shared/data}/pgx"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/OpenGms.Cli/OpenGms.Cli.csproj" -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary" >&2
gms=(dotnet "$root/artifacts/bin/OpenGms.Cli/release/OpenGms.Cli.dll" --data "$work/data")
"${gms[@]}" pgx import-definitions "$pgx/pharmcat-v3.1.1" "$pgx/pharmcat-v2.15.2-11-gc8100ec8" "$pgx/pharmcat-v2.12.0-20-g30f8cfb7" >&2

# CPU seconds (user+sys) of one run: less sensitive than wall time to other load on a shared machine.
cpu_of() {
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" > /dev/null
  awk '{printf "%.2f", $1 + $2}' "$work/cpu"
}

# Best of N wall-clock seconds for a command.
best_of() {
  local n=$1; shift
  local best=999999
  for _ in $(seq "$n"); do
    local s e t
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  printf '%.3f' "$best"
}

example="$pgx/pharmcat-v3.1.1/docs/examples/pharmcat.example.vcf"
multi="$pgx/pharmcat-v3.1.1/test-resources/100samples.vcf.bgz"
python3 "$root/bench/pgx/simulate_wgs.py" "$example" "${WGS_RECORDS:-4000000}" "$work/wgs.vcf"
gzip -c "$work/wgs.vcf" > "$work/wgs.vcf.gz"
# BGZF with a tabix index (the engine writes both): the PGx windows are read through the index.
"${gms[@]}" vcf view "$work/wgs.vcf" -o "$work/wgs.bgzf.vcf.gz" >&2
test -f "$work/wgs.bgzf.vcf.gz.tbi"
records=$(grep -vc '^#' "$work/wgs.vcf")

one=$(best_of 5 "${gms[@]}" pgx call --vcf "$example" --json)
hundred=$(best_of 3 "${gms[@]}" pgx call --vcf "$multi" --json)
wgs=$(best_of 3 "${gms[@]}" pgx call --vcf "$work/wgs.vcf" --json)
wgsgz=$(best_of 3 "${gms[@]}" pgx call --vcf "$work/wgs.vcf.gz" --json)
wgsidx=$(best_of 5 "${gms[@]}" pgx call --vcf "$work/wgs.bgzf.vcf.gz" --json)
samples=$("${gms[@]}" pgx call --vcf "$multi" --json | wc -l)
per_sample=$(echo "($hundred - $one) / ($samples - 1)" | bc -l)
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "CPU (user+sys) one sample: $(cpu_of "${gms[@]}" pgx call --vcf "$example" --json) s; 100 samples: $(cpu_of "${gms[@]}" pgx call --vcf "$multi" --json) s; WGS plain: $(cpu_of "${gms[@]}" pgx call --vcf "$work/wgs.vcf" --json) s; WGS indexed: $(cpu_of "${gms[@]}" pgx call --vcf "$work/wgs.bgzf.vcf.gz" --json) s"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "one sample (pharmcat.example.vcf), wall incl. start-up: ${one} s"
echo "100-sample VCF (${samples} samples), wall incl. start-up: ${hundred} s"
printf 'per extra sample: %.4f s  => %.0f samples/s\n' "$per_sample" "$(echo "1 / $per_sample" | bc -l)"
printf 'whole file: %.1f samples/s including start-up\n' "$(echo "$samples / $hundred" | bc -l)"
echo "simulated WGS, ${records} records, plain VCF, not indexed: ${wgs} s"
echo "simulated WGS, ${records} records, gzip VCF, not indexed: ${wgsgz} s"
echo "simulated WGS, ${records} records, BGZF VCF with tabix index: ${wgsidx} s"
