#!/usr/bin/env python3
"""Writes a simulated single-sample WGS VCF: RECORDS synthetic SNVs spread over chr1-22 and chrX, with the PGx
records of a PharmCAT example VCF spiked in at their own positions. Usage: simulate_wgs.py PGX_VCF RECORDS OUT."""
import random
import sys

pgx_vcf, records, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
chroms = [f"chr{i}" for i in range(1, 23)] + ["chrX"]
spiked = {}
for line in open(pgx_vcf):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    spiked.setdefault(f[0], []).append((int(f[1]), "\t".join(f[:9] + [f[9]])))
rng = random.Random(42)
per_chrom = records // len(chroms)
with open(out, "w") as w:
    w.write("##fileformat=VCFv4.2\n##source=OpenGMS bench/pgx/simulate_wgs.py\n")
    for c in chroms:
        w.write(f"##contig=<ID={c}>\n")
    w.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
    w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSIM1\n")
    for c in chroms:
        rows = [(p, f"{c}\t{p}\t.\t{rng.choice('ACGT')}\t{rng.choice('ACGT')}\t50\tPASS\t.\tGT\t{rng.choice(['0/1', '1/1', '0/1'])}")
                for p in sorted(rng.sample(range(10_000, 150_000_000), per_chrom))]
        rows += spiked.get(c, [])
        rows.sort(key=lambda r: r[0])
        for _, text in rows:
            w.write(text + "\n")
