#!/usr/bin/env python3
"""Builds a GRCh37 annotation-cache input for the Pfeiffer exome from ../shared/data/variants/extra:
FGFR2 (Exomiser hg19 knownGene row -> GTF; exons from the mRNA, introns N) and the FBN1 and CTNS RefSeq GFF3s,
plus one FASTA with chromosomes 10, 15 and 17 written as N with the real region bases in place (so VCF positions
need no shifting; contig lengths are short, hence --ignore-contig-lengths).
Usage: pfeiffer_inputs.py SHARED_DATA OUTDIR   (then: gms annotation build-cache --gff3 OUTDIR/genes.gff3 ...)
The GTF is converted to GFF3 lines so one gene-model file holds all three genes.
"""
import gzip, os, sys

shared, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
extra = os.path.join(shared, "variants/extra")

def fasta(path):
    seq = []
    with open(path) as f:
        for line in f:
            if not line.startswith(">"):
                seq.append(line.strip().upper())
    return "".join(seq)

with open(os.path.join(out, "genes.gff3"), "w") as g:
    g.write("##gff-version 3\n")
    row = next(l.split("\t") for l in open(os.path.join(extra, "grch37-fgfr2-exomiser/knownGene_hg19_exomiser_test.txt")) if l.startswith("uc021pzz.1\t"))
    strand, cds_s, cds_e = row[2], int(row[5]) + 1, int(row[6])
    starts = [int(x) + 1 for x in row[8].rstrip(",").split(",")]
    ends = [int(x) for x in row[9].rstrip(",").split(",")]
    g.write(f"10\tknownGene\tgene\t{starts[0]}\t{ends[-1]}\t.\t{strand}\t.\tID=gene:FGFR2;Name=FGFR2;gene_id=FGFR2;biotype=protein_coding\n")
    g.write(f"10\tknownGene\tmRNA\t{starts[0]}\t{ends[-1]}\t.\t{strand}\t.\tID=transcript:uc021pzz.1;Parent=gene:FGFR2;Name=uc021pzz.1;transcript_id=uc021pzz.1;biotype=protein_coding;tag=Ensembl_canonical\n")
    for s, e in zip(starts, ends):
        g.write(f"10\tknownGene\texon\t{s}\t{e}\t.\t{strand}\t.\tParent=transcript:uc021pzz.1\n")
        lo, hi = max(s, cds_s), min(e, cds_e)
        if lo <= hi:
            g.write(f"10\tknownGene\tCDS\t{lo}\t{hi}\t.\t{strand}\t0\tParent=transcript:uc021pzz.1\n")
    for region, seqid in (("grch37-fbn1", "15"), ("grch37-ctns", "17")):
        for line in open(os.path.join(extra, region, "orig.gff3")):
            if line.startswith("#") or "\t" not in line:
                continue
            g.write(seqid + line[line.index("\t"):])

blocks = [("10", 123237844, fasta(os.path.join(extra, "grch37-fgfr2-exomiser/FGFR2_hg19_chr10_123237844-123357972.exons_only.DERIVED.fa")), 123400000),
          ("15", 48500000, fasta(os.path.join(extra, "grch37-fbn1/ref.fa")), 49000100),
          ("17", 3500000, fasta(os.path.join(extra, "grch37-ctns/ref.fa")), 3600100)]
with gzip.open(os.path.join(out, "regions.fa.gz"), "wt", compresslevel=1) as f:
    for name, start, seq, length in blocks:
        chrom = bytearray(b"N" * length)
        chrom[start - 1:start - 1 + len(seq)] = seq.encode()
        f.write(f">{name}\n")
        for i in range(0, length, 60):
            f.write(chrom[i:i + 60].decode() + "\n")
print(f"wrote {out}/genes.gff3 and {out}/regions.fa.gz")
