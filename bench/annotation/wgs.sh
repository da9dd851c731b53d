#!/usr/bin/env bash
# Whole-genome annotation benchmark (issue 5): `gms annotate` against `bcftools csq -p a` and snpEff 5.1 (Debian
# packages) on the same simulated genome, gene model and VCF, in the same run. Prints wall time, CPU time and peak RSS
# per tool (/usr/bin/time), then most-severe-consequence concordance of ours with each (per term, with examples).
# Usage: bench/annotation/wgs.sh [SCALE=1] [WORKDIR=/tmp/gms-annotation-wgs]
#   SCALE 1: GRCh38-sized genome, ~16,000 genes, ~4.6 M variants (simulate_genome.py); 0.1 for a tenth.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scale="${1:-1}"
work="${2:-/tmp/gms-annotation-wgs}"
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
need=()
command -v bcftools >/dev/null || need+=(bcftools)
[[ -f /usr/share/java/snpeff.jar ]] || need+=(snpeff)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p "$work"
cd "$work"
if [[ ! -f variants.vcf || ! -f .scale-$scale ]]; then
  rm -rf ./* .scale-*
  python3 "$here/simulate_genome.py" "$work" "$scale"
  touch ".scale-$scale"
fi
"$repo/gms" --help >/dev/null   # build once, outside the timings

measure() { # label, command... ; prints "label: wall s, cpu s, peak MiB"
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o time.out "$@" >/dev/null 2>run.err || { echo "$label failed:"; tail -5 run.err; return 1; }
  read -r wall user sys rss <time.out
  printf '%-40s %8.2f s wall %8.2f s CPU %8.0f MiB peak\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}

echo "== preparation (not compared)"
rm -rf cache
measure "gms annotation build-cache (GFF3)" "$repo/gms" annotation build-cache --gff3 genes.gff3 --reference genome.fa -o cache --assembly simulated
mkdir -p snpeff/data/sim
ln -sf "$work/genome.fa" snpeff/data/sim/sequences.fa
cp genes.gtf snpeff/data/sim/genes.gtf
{ echo "data.dir = ./data/"; echo "sim.genome : simulated"; grep '^codon\.' /etc/snpeff/snpEff.config; } >snpeff/snpEff.config
(cd snpeff && measure "snpEff build -gtf22" java -Xmx8g -jar /usr/share/java/snpeff.jar build -gtf22 -noLog -noCheckCds -noCheckProtein -c snpEff.config sim)

echo "== annotation, same VCF ($(grep -vc '^#' variants.vcf) records)"
measure "gms annotate" "$repo/gms" annotate --vcf variants.vcf --cache cache -o ours.vcf
measure "bcftools csq -p a" bcftools csq -f genome.fa -g genes.gff3 -p a variants.vcf -Ov -o csq.vcf
# Compressed output (not part of the comparison above): our BGZF writer at level 6 against csq's -Oz, which uses
# htslib's default level (also 6, via libdeflate here); the records must be the same as in the plain file.
measure "gms annotate -o .vcf.gz (BGZF, level 6)" "$repo/gms" annotate --vcf variants.vcf --cache cache -o ours.vcf.gz
measure "bcftools csq -p a -Oz" bcftools csq -f genome.fa -g genes.gff3 -p a variants.vcf -Oz -o csq.vcf.gz
zcat ours.vcf.gz | cmp -s - ours.vcf && echo "ours.vcf.gz: same records as ours.vcf" || echo "ours.vcf.gz DIFFERS from ours.vcf"
(cd snpeff && measure "snpEff ann (5.1)" sh -c "java -Xmx8g -jar /usr/share/java/snpeff.jar ann -noLog -noStats -hgvs -c snpEff.config sim ../variants.vcf > ../snpeff.vcf")

echo "== concordance (most severe consequence per variant)"
python3 "$here/concordance.py" ours.vcf csq.vcf
python3 "$here/concordance_snpeff.py" ours.vcf snpeff.vcf
echo "== our splice terms against VEP's rules (independent re-statement, all records)"
python3 "$here/vep_splice_check.py" genes.gff3 ours.vcf | tail -1
