#!/usr/bin/env bash
# Annotation benchmark: `gms annotate` vs `bcftools csq -l` on the same files, same run.
# Inputs are built from ../shared/data (VEP GRCh38 chr21 Ensembl GFF3 + real chr21 sequence blocks; random SNVs and
# 1-6 bp indels over the transcripts): see make_inputs.py. Prints wall time and peak RSS for both, then the
# most-severe-consequence concordance (concordance.py).
# Usage: bench/annotation/run.sh [VARIANTS=200000] [WORKDIR=/tmp/gms-annotation-bench]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
n="${1:-200000}"
work="${2:-/tmp/gms-annotation-bench}"
shared="${GMS_SHARED_DATA:-$repo/../shared/data}"
command -v bcftools >/dev/null || apt-get install -y bcftools >/dev/null
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
rm -rf "$work"
python3 "$here/make_inputs.py" "$shared" "$work" "$n" 1
cd "$work"
"$repo/gms" --help >/dev/null   # build once, outside the timings
/usr/bin/time -f "gms build-cache: %e s wall, %M KB peak RSS" "$repo/gms" annotation build-cache --gff3 genes.gff3 --reference chr21.fa -o cache --assembly GRCh38
for run in 1 2; do
  /usr/bin/time -f "gms annotate (run $run): %e s wall, %M KB peak RSS" "$repo/gms" annotate --vcf variants.vcf --cache cache -o ours.vcf.gz
  /usr/bin/time -f "gms annotate, uncompressed output (run $run): %e s wall, %M KB peak RSS" "$repo/gms" annotate --vcf variants.vcf --cache cache -o ours.vcf
  /usr/bin/time -o csq.time -f "bcftools csq -l (run $run): %e s wall, %M KB peak RSS" bcftools csq -f chr21.fa -g genes.gff3 -p a -l variants.vcf -Oz -o csq.vcf.gz 2>/dev/null
  cat csq.time
done
python3 "$here/concordance.py" ours.vcf.gz csq.vcf.gz
