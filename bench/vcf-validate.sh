#!/usr/bin/env bash
# Whole-process benchmark for issue 3: `gms vcf validate` against `bcftools view -Ou -o /dev/null` on the same
# simulated files in the same run (wall, CPU, peak RSS from /usr/bin/time -v). Usage: bench/vcf-validate.sh [SCALE] [DIR]
# SCALE 1 = full size (GRCh38-sized reference, ~4.6 M WGS records, 1,000-sample cohort of a chromosome arm).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-1}"
dir="${2:-/tmp/gms-vcf-bench-$scale}"
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
need=()
command -v bcftools >/dev/null || need+=(bcftools)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

dotnet build "$root/bench/OpenGms.Bench.Simulate" -c Release -nologo -v quiet >/dev/null
"$root/gms" --help >/dev/null   # builds the CLI in Release
if [[ ! -f "$dir/wgs.vcf.gz" ]]; then
  dotnet "$root/artifacts/bin/OpenGms.Bench.Simulate/release/OpenGms.Bench.Simulate.dll" "$dir" --scale "$scale"
fi

measure() { # label, command...
  local label="$1"; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$log")
  printf '%-28s wall %-9s cpu %6.2fs  peak RSS %6d MiB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
  rm -f "$log"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(bcftools --version | head -1); scale $scale"
for f in wgs cohort; do
  ls -la "$dir/$f.vcf.gz" | awk '{printf "%s: %.1f MB\n", $9, $5/1e6}'
  measure "gms vcf validate $f" dotnet "$root/artifacts/bin/OpenGms.Cli/release/OpenGms.Cli.dll" vcf validate "$dir/$f.vcf.gz"
  measure "bcftools view -Ou $f" bcftools view -Ou -o /dev/null "$dir/$f.vcf.gz"
  GMS_BGZF_MANAGED=1 measure "gms validate $f (zlib path)" dotnet "$root/artifacts/bin/OpenGms.Cli/release/OpenGms.Cli.dll" vcf validate "$dir/$f.vcf.gz"
done
