#!/usr/bin/env python3
"""Builds benchmark inputs for `gms annotate` vs `bcftools csq` from the shared VEP chr21 data.

1. chr21.fa: GRCh38 chromosome 21 at full length, the real Ensembl contig blocks in place and N elsewhere
   (../shared/data/variants/extra/grch38-chr21 names each block 21:START-END).
2. genes.gff3: the VEP test Ensembl GFF3 restricted to transcripts lying wholly inside the blocks.
3. variants.vcf: N random SNVs and 1-6 bp indels (REF from chr21.fa) inside those transcripts' spans +/- 5 kb,
   sorted, sites-only plus one phased sample (bcftools csq needs a genotype to call anything).
Usage: make_inputs.py SHARED_DATA OUTDIR N SEED
"""
import gzip, os, random, re, sys

shared, out, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
blocks = []
name, seq = None, []
with open(os.path.join(shared, "variants/extra/grch38-chr21/GRCh38_chr21_vep_testdb_regions.fa")) as f:
    for line in f:
        if line.startswith(">"):
            if name: blocks.append((name, "".join(seq)))
            name, seq = line[1:].split()[0], []
        else:
            seq.append(line.strip().upper())
    if name: blocks.append((name, "".join(seq)))
length = 46709983
chrom = bytearray(b"N" * length)
spans = []
for nm, s in blocks:
    m = re.match(r"21:(\d+)-(\d+)", nm)
    a, b = int(m.group(1)), int(m.group(2))
    chrom[a - 1:b] = s.encode()
    spans.append((a, b))
with open(os.path.join(out, "chr21.fa"), "w") as f:
    f.write(">21\n")
    for i in range(0, length, 60):
        f.write(chrom[i:i + 60].decode() + "\n")
with open(os.path.join(out, "chr21.fa.fai"), "w") as f:
    f.write(f"21\t{length}\t4\t60\t61\n")

def inside(a, b):
    return any(a >= s and b <= e for s, e in spans)

# Keep whole transcripts (and their genes) that lie inside a block.
lines = [l for l in gzip.open(os.path.join(shared, "variants/gene-models/ensembl-vep/custom/test.gff.gz"), "rt") if not l.startswith("#")]
keep_tx, keep_gene = set(), set()
for l in lines:
    f = l.rstrip("\n").split("\t")
    if len(f) != 9: continue
    m = re.search(r"ID=(transcript:[^;]+)", f[8])
    if m and "Parent=gene:" in f[8] and inside(int(f[3]), int(f[4])):
        keep_tx.add(m.group(1))
        keep_gene.add(re.search(r"Parent=(gene:[^;]+)", f[8]).group(1))
tx_spans = []
with open(os.path.join(out, "genes.gff3"), "w") as g:
    g.write("##gff-version 3\n")
    for l in lines:
        f = l.rstrip("\n").split("\t")
        if len(f) != 9: continue
        own = re.search(r"ID=([^;]+)", f[8])
        parent = re.search(r"Parent=([^;]+)", f[8])
        is_gene = own is not None and own.group(1) in keep_gene
        is_tx = own is not None and own.group(1) in keep_tx
        is_part = parent is not None and any(p in keep_tx for p in parent.group(1).split(","))
        if is_gene or is_tx or is_part:
            g.write(l)
            if f[2] not in ("exon", "CDS", "five_prime_UTR", "three_prime_UTR", "gene") and re.search(r"ID=transcript:", f[8]):
                tx_spans.append((int(f[3]), int(f[4])))

records = set()
bases = "ACGT"
while len(records) < n:
    a, b = rng.choice(tx_spans)
    pos = rng.randint(max(2, a - 5000), b + 5000)
    if not inside(pos - 1, pos + 8): continue
    ref = chrom[pos - 1:pos].decode()
    kind = rng.random()
    if kind < 0.8:
        alt = rng.choice([x for x in bases if x != ref])
        records.add((pos, ref, alt))
    elif kind < 0.9:
        k = rng.randint(1, 6)
        records.add((pos, chrom[pos - 1:pos + k].decode(), ref))
    else:
        k = rng.randint(1, 6)
        records.add((pos, ref, ref + "".join(rng.choice(bases) for _ in range(k))))
with open(os.path.join(out, "variants.vcf"), "w") as v:
    v.write("##fileformat=VCFv4.2\n##contig=<ID=21,length=46709983>\n")
    v.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
    v.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n")
    for pos, ref, alt in sorted(records):
        if "N" in ref or "N" in alt: continue
        v.write(f"21\t{pos}\t.\t{ref}\t{alt}\t.\t.\t.\tGT\t0|1\n")
print(f"{len(keep_tx)} transcripts, {len(records)} variants")
