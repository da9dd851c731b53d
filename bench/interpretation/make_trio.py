#!/usr/bin/env python3
"""Turns the simulator's single-sample WGS (OpenGms.Bench.Simulate) into a trio case and a gene model:
1. trio.vcf.gz: the sample becomes the affected proband; father and mother get Mendelian-consistent genotypes
   (a het proband allele comes from one parent, hom-alt from both), with 1 in 5,000 het alleles de novo.
2. trio.ped: father, mother (unaffected), proband (affected).
3. genes.gff3: protein-coding genes at the density of the human genome (~20,000 over 3.1 Gb), 10 exons of
   150 bp each (coding throughout, so every exon keeps the frame), Ensembl-style GFF3.
Usage: make_trio.py SIMDIR SEED
"""
import gzip, random, sys

sim, seed = sys.argv[1], int(sys.argv[2])
rng = random.Random(seed)
contigs = [l.split("\t")[:2] for l in open(f"{sim}/reference.fa.fai")]
genome = sum(int(c[1]) for c in contigs)
genes = 0
with open(f"{sim}/genes.gff3", "w") as g:
    g.write("##gff-version 3\n")
    for name, length in contigs:
        length = int(length)
        n = max(1, round(20000 * length / 3.1e9))
        for i in range(n):
            span = 10 * 150 + 9 * rng.randint(500, 4000)
            start = rng.randint(1000, max(1001, length - span - 1000))
            strand = rng.choice("+-")
            gid, tid = f"G{genes:05d}", f"T{genes:05d}"
            exons, p = [], start
            for e in range(10):
                exons.append((p, p + 149))
                p += 150 + rng.randint(500, 4000)
            end = exons[-1][1]
            g.write(f"{name}\tsim\tgene\t{start}\t{end}\t.\t{strand}\t.\tID=gene:{gid};Name=GENE{genes};biotype=protein_coding\n")
            g.write(f"{name}\tsim\tmRNA\t{start}\t{end}\t.\t{strand}\t.\tID=transcript:{tid};Parent=gene:{gid};Name=GENE{genes}-201;biotype=protein_coding;tag=Ensembl_canonical\n")
            for s, e in exons:
                g.write(f"{name}\tsim\texon\t{s}\t{e}\t.\t{strand}\t.\tParent=transcript:{tid}\n")
                g.write(f"{name}\tsim\tCDS\t{s}\t{e}\t.\t{strand}\t0\tID=CDS:{tid};Parent=transcript:{tid}\n")
            genes += 1

with open(f"{sim}/trio.ped", "w") as p:
    p.write("fam\tFATHER\t0\t0\t1\t1\nfam\tMOTHER\t0\t0\t2\t1\nfam\tPROBAND\tFATHER\tMOTHER\t1\t2\n")

records = denovo = 0
with gzip.open(f"{sim}/wgs.vcf.gz", "rt") as vin, gzip.open(f"{sim}/trio.vcf.gz", "wt", compresslevel=1) as vout:
    for line in vin:
        if line.startswith("##"):
            vout.write(line)
            continue
        f = line.rstrip("\n").split("\t")
        if line.startswith("#"):
            vout.write("\t".join(f[:9] + ["FATHER", "MOTHER", "PROBAND"]) + "\n")
            continue
        sample = f[9]
        colon = sample.find(":")
        gt, rest = (sample, "") if colon < 0 else (sample[:colon], sample[colon:])
        a = gt.replace("|", "/").split("/")
        if len(a) == 2 and a[0] == a[1] and a[0] not in ("0", "."):
            fa, mo = f"0/{a[0]}", f"0/{a[0]}"
        elif len(a) == 2 and a[0] != a[1]:
            alt = a[1] if a[1] != "0" else a[0]
            if rng.random() < 0.0002:
                fa, mo = "0/0", "0/0"
                denovo += 1
            elif rng.random() < 0.5:
                fa, mo = f"0/{alt}", "0/0"
            else:
                fa, mo = "0/0", f"0/{alt}"
        else:
            fa, mo = gt, gt
        vout.write("\t".join(f[:9] + [fa + rest, mo + rest, sample]) + "\n")
        records += 1
print(f"{genes} genes, {records} records, {denovo} de novo, genome {genome} bp")
