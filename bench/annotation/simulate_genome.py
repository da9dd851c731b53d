#!/usr/bin/env python3
"""Simulated genome with protein-coding genes, for the whole-genome annotation benchmark (issue 5).

Writes into OUT_DIR:
  genome.fa (+ .fai)  chromosomes 1-22, X, Y, MT at GRCh38 lengths x SCALE: random bases with short tandem repeats
                      (so indels have something to shift along) and the genes below written into the sequence
  genes.gff3          Ensembl-style GFF3 (gene/mRNA/exon/CDS with phase/UTRs; biotype, Ensembl_canonical tag)
  genes.gtf           the same model as GTF 2.2 (gene/transcript/exon/CDS/start_codon/stop_codon/UTR)
  variants.vcf        one sample, ~4.6 M records x SCALE: 85% SNVs, 15% 1-6 bp indels, 5% of them in or next to exons

Genes: about 16,000 x SCALE, on either strand, 1-12 exons, GT...AG introns, 5' UTR, ATG, open reading frame of
non-stop codons, a stop codon, 3' UTR. Deterministic for a given seed.
Usage: simulate_genome.py OUT_DIR [SCALE=1] [SEED=7]
"""
import os, random, sys

GRCH38 = [("1", 248956422), ("2", 242193529), ("3", 198295559), ("4", 190214555), ("5", 181538259),
          ("6", 170805979), ("7", 159345973), ("8", 145138636), ("9", 138394717), ("10", 133797422),
          ("11", 135086622), ("12", 133275309), ("13", 114364328), ("14", 107043718), ("15", 101991189),
          ("16", 90338345), ("17", 83257441), ("18", 80373285), ("19", 58617616), ("20", 64444167),
          ("21", 46709983), ("22", 50818468), ("X", 156040895), ("Y", 57227415), ("MT", 16569)]
STOPS = {"TAA", "TAG", "TGA"}
BASES = b"ACGT"
COMP = bytes.maketrans(b"ACGT", b"TGCA")
TO_BASE = bytes(BASES[i % 4] for i in range(256))

out = sys.argv[1]
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
chroms = [(n, max(200_000, int(l * scale)) if n != "MT" else l) for n, l in GRCH38]
total = sum(l for _, l in chroms)
n_genes = max(50, int(16_000 * scale))
n_variants = max(1000, int(4_600_000 * scale))


def random_bases(n):
    return rng.randbytes(n).translate(TO_BASE)


def codon():
    while True:
        c = "".join(rng.choice("ACGT") for _ in range(3))
        if c not in STOPS:
            return c


def make_gene(idx):
    """One transcript: (mRNA pieces as exon strings, utr5 length, cds length, strand) laid out 5'->3' on its strand."""
    n_exons = min(12, 1 + int(rng.expovariate(1 / 4)))
    utr5 = "".join(rng.choice("ACGT") for _ in range(rng.randint(40, 200)))
    cds = "ATG" + "".join(codon() for _ in range(rng.randint(80, 700))) + rng.choice(sorted(STOPS))
    utr3 = "".join(rng.choice("ACGT") for _ in range(rng.randint(100, 600)))
    mrna = utr5 + cds + utr3
    # Cut points between exons, away from the ends.
    cuts = sorted(rng.sample(range(30, len(mrna) - 30), n_exons - 1)) if n_exons > 1 else []
    exons = [mrna[a:b] for a, b in zip([0] + cuts, cuts + [len(mrna)])]
    introns = []
    for _ in range(n_exons - 1):
        length = rng.randint(150, 4000)
        middle = random_bases(length - 4).decode()
        introns.append("GT" + middle + "AG")
    return exons, introns, len(utr5), len(cds)


gff = open(os.path.join(out, "genes.gff3"), "w")
gtf = open(os.path.join(out, "genes.gtf"), "w")
gff.write("##gff-version 3\n")
fa = open(os.path.join(out, "genome.fa"), "w")
fai = open(os.path.join(out, "genome.fa.fai"), "w")
offset = 0
gene_no = 0
exon_spans = {}   # chrom -> list of (start, end) 1-based exon intervals, for placing variants
seqs_for_variants = {}
for name, length in chroms:
    seq = bytearray(random_bases(length))
    # Short tandem repeats: unit 1-6 bp, 5-25 copies, about one per 2 kb.
    for _ in range(length // 2000):
        unit = random_bases(rng.randint(1, 6))
        rep = unit * rng.randint(5, 25)
        p = rng.randrange(0, length - len(rep))
        seq[p:p + len(rep)] = rep
    genes_here = 0 if name == "MT" else round(n_genes * length / total)
    spans = []
    if genes_here:
        slot = length // genes_here
        for g in range(genes_here):
            exons, introns, u5, cds_len = make_gene(gene_no)
            body = "".join(e + (introns[i] if i < len(introns) else "") for i, e in enumerate(exons))
            if len(body) + 2000 > slot:
                continue
            strand = rng.choice("+-")
            start0 = g * slot + rng.randint(1000, slot - len(body) - 1000)
            placed = body.encode() if strand == "+" else body.encode().translate(COMP)[::-1]
            seq[start0:start0 + len(body)] = placed
            gene_no += 1
            gid, tid = f"ENSGSIM{gene_no:07d}", f"ENSTSIM{gene_no:07d}"
            gname = f"SIM{gene_no}"
            gstart, gend = start0 + 1, start0 + len(body)
            gff.write(f"{name}\tsimulated\tgene\t{gstart}\t{gend}\t.\t{strand}\t.\tID=gene:{gid};Name={gname};biotype=protein_coding;gene_id={gid}\n")
            gff.write(f"{name}\tsimulated\tmRNA\t{gstart}\t{gend}\t.\t{strand}\t.\tID=transcript:{tid};Parent=gene:{gid};Name={gname}-201;biotype=protein_coding;tag=Ensembl_canonical;transcript_id={tid}\n")
            attrs = f'gene_id "{gid}"; transcript_id "{tid}"; gene_name "{gname}"; gene_biotype "protein_coding"; transcript_biotype "protein_coding";'
            gtf.write(f'{name}\tsimulated\tgene\t{gstart}\t{gend}\t.\t{strand}\t.\tgene_id "{gid}"; gene_name "{gname}"; gene_biotype "protein_coding";\n')
            gtf.write(f"{name}\tsimulated\ttranscript\t{gstart}\t{gend}\t.\t{strand}\t.\t{attrs}\n")
            # Exon coordinates in transcript order (5'->3' on the strand), then mapped to the genome.
            pos_t, blocks = 0, []
            for i, e in enumerate(exons):
                blocks.append((pos_t, pos_t + len(e)))
                pos_t += len(e) + (len(introns[i]) if i < len(introns) else 0)
            cds_t0, cds_t1 = u5, u5 + cds_len          # in mRNA coordinates
            mrna_t = 0
            cds_done = 0
            for i, (b0, b1) in enumerate(blocks):
                elen = b1 - b0
                if strand == "+":
                    g0, g1 = start0 + b0 + 1, start0 + b1
                else:
                    g0, g1 = start0 + len(body) - b1 + 1, start0 + len(body) - b0
                spans.append((g0, g1))
                gff.write(f"{name}\tsimulated\texon\t{g0}\t{g1}\t.\t{strand}\t.\tParent=transcript:{tid};Name={tid}.e{i + 1};exon_number={i + 1}\n")
                gtf.write(f'{name}\tsimulated\texon\t{g0}\t{g1}\t.\t{strand}\t.\t{attrs} exon_number "{i + 1}";\n')
                # Parts of this exon (mRNA coords mrna_t .. mrna_t+elen) that are UTR5, CDS, UTR3.
                for kind, a, b in (("five_prime_UTR", mrna_t, min(mrna_t + elen, cds_t0)),
                                   ("CDS", max(mrna_t, cds_t0), min(mrna_t + elen, cds_t1)),
                                   ("three_prime_UTR", max(mrna_t, cds_t1), mrna_t + elen)):
                    if b <= a:
                        continue
                    off_a, off_b = a - mrna_t, b - mrna_t  # offsets within the exon, 5'->3'
                    if strand == "+":
                        p0, p1 = g0 + off_a, g0 + off_b - 1
                    else:
                        p0, p1 = g1 - off_b + 1, g1 - off_a
                    if kind == "CDS":
                        phase = (3 - cds_done % 3) % 3
                        cds_done += b - a
                        gff.write(f"{name}\tsimulated\tCDS\t{p0}\t{p1}\t.\t{strand}\t{phase}\tID=CDS:{tid};Parent=transcript:{tid};protein_id=PSIM{gene_no:07d}\n")
                        gtf.write(f'{name}\tsimulated\tCDS\t{p0}\t{p1}\t.\t{strand}\t{phase}\t{attrs} exon_number "{i + 1}"; protein_id "PSIM{gene_no:07d}";\n')
                    else:
                        gff.write(f"{name}\tsimulated\t{kind}\t{p0}\t{p1}\t.\t{strand}\t.\tParent=transcript:{tid}\n")
                        gtf.write(f"{name}\tsimulated\tUTR\t{p0}\t{p1}\t.\t{strand}\t.\t{attrs}\n")
                mrna_t += elen
    exon_spans[name] = spans
    # FASTA, 60 bases a line, and its .fai.
    header = f">{name}\n"
    fa.write(header)
    offset += len(header)
    fai.write(f"{name}\t{length}\t{offset}\t60\t61\n")
    s = bytes(seq).decode()
    fa.write("\n".join(s[i:i + 60] for i in range(0, length, 60)))
    fa.write("\n")
    offset += length + (length + 59) // 60
    seqs_for_variants[name] = s
fa.close(); fai.close(); gff.close(); gtf.close()

# Variants: 5% in or next to exons (real genomes have ~0.5%; more exercises the coding paths), the rest anywhere.
with open(os.path.join(out, "variants.vcf"), "w") as v:
    v.write("##fileformat=VCFv4.2\n##source=OpenGMS bench/annotation/simulate_genome.py\n")
    for name, length in chroms:
        v.write(f"##contig=<ID={name},length={length}>\n")
    v.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
    v.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE\n")
    for name, length in chroms:
        s = seqs_for_variants[name]
        count = int(n_variants * length / total)
        spans = exon_spans[name]
        positions = set()
        for _ in range(count):
            if spans and rng.random() < 0.05:
                a, b = spans[rng.randrange(len(spans))]
                positions.add(rng.randint(max(2, a - 5), min(length - 10, b + 5)))
            else:
                positions.add(rng.randint(2, length - 10))
        for p in sorted(positions):
            ref = s[p - 1]
            r = rng.random()
            if r < 0.85:
                alt = rng.choice([b for b in "ACGT" if b != ref])
                v.write(f"{name}\t{p}\t.\t{ref}\t{alt}\t50\tPASS\t.\tGT\t{rng.choice(['0/1', '0/1', '1/1'])}\n")
            elif r < 0.93:
                k = rng.randint(1, 6)
                v.write(f"{name}\t{p}\t.\t{s[p - 1:p + k]}\t{ref}\t50\tPASS\t.\tGT\t0/1\n")
            else:
                k = rng.randint(1, 6)
                v.write(f"{name}\t{p}\t.\t{ref}\t{ref + ''.join(rng.choice('ACGT') for _ in range(k))}\t50\tPASS\t.\tGT\t0/1\n")
print(f"{out}: {len(chroms)} sequences, {total:,} bp, {gene_no:,} genes, ~{n_variants:,} variants")
