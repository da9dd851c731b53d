#!/usr/bin/env python3
"""Simulated reference + single-sample WGS-like VCF for the normalisation benchmark.

The reference has random sequence with homopolymers and short tandem repeats spliced in, so indels placed
inside repeats have somewhere to left-align. Variants: ~84% SNPs, ~14% indels (half inside repeats, written at
the repeat's right end as many callers do), ~2% multiallelic, GATK HaplotypeCaller-style INFO/FORMAT fields.
Deterministic for a given --seed. Writes REF.fa and an uncompressed VCF (the script compresses it).
"""
import argparse
import random

BASES = b"ACGT"


def g(x, digits):
    """A value rounded to `digits` decimals and written as htslib writes floats (%g), so that the output of
    both tools can be compared byte for byte."""
    return f"{round(x, digits):g}"


def make_contig(rng, length):
    seq = bytearray(rng.randbytes(length).translate(bytes(BASES[i % 4] for i in range(256))))
    repeats = []
    pos = 1000
    while pos < length - 1000:
        pos += rng.randint(200, 1200)
        if pos >= length - 1000:
            break
        unit = bytes(rng.choice(BASES) for _ in range(rng.choice((1, 1, 2, 2, 3, 4))))
        copies = rng.randint(4, 15)
        rep = (unit * copies)[: length - pos]
        seq[pos:pos + len(rep)] = rep
        repeats.append((pos, len(unit), len(rep)))
    return seq, repeats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--contigs", type=int, default=2)
    ap.add_argument("--length", type=int, default=100_000_000, help="bases per contig")
    ap.add_argument("--density", type=float, default=1.5, help="variants per kb")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fasta", required=True)
    ap.add_argument("--vcf", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)

    contigs = []
    with open(a.fasta, "wb") as fa:
        for c in range(a.contigs):
            name = f"chr{c + 1}"
            seq, repeats = make_contig(rng, a.length)
            contigs.append((name, seq, repeats))
            fa.write(f">{name}\n".encode())
            for i in range(0, len(seq), 60):
                fa.write(seq[i:i + 60] + b"\n")
    # The .fai, so that neither timed tool pays for indexing the reference.
    with open(a.fasta + ".fai", "w") as fai:
        offset = 0
        for name, seq, _ in contigs:
            offset += len(name) + 2
            fai.write(f"{name}\t{len(seq)}\t{offset}\t60\t61\n")
            offset += len(seq) + (len(seq) + 59) // 60

    with open(a.vcf, "w") as out:
        out.write("##fileformat=VCFv4.2\n")
        out.write('##FILTER=<ID=PASS,Description="All filters passed">\n')
        out.write('##FILTER=<ID=LowQual,Description="Low quality">\n')
        for key, num, typ in [("AC", "A", "Integer"), ("AF", "A", "Float"), ("AN", "1", "Integer"),
                              ("BaseQRankSum", "1", "Float"), ("DP", "1", "Integer"), ("ExcessHet", "1", "Float"),
                              ("FS", "1", "Float"), ("MLEAC", "A", "Integer"), ("MLEAF", "A", "Float"),
                              ("MQ", "1", "Float"), ("MQRankSum", "1", "Float"), ("QD", "1", "Float"),
                              ("ReadPosRankSum", "1", "Float"), ("SOR", "1", "Float")]:
            out.write(f'##INFO=<ID={key},Number={num},Type={typ},Description="{key}">\n')
        out.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
        out.write('##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n')
        out.write('##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">\n')
        out.write('##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">\n')
        out.write('##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred-scaled likelihoods">\n')
        for name, seq, _ in contigs:
            out.write(f"##contig=<ID={name},length={len(seq)}>\n")
        out.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE1\n")

        for name, seq, repeats in contigs:
            n = int(len(seq) / 1000 * a.density)
            rep_iter = iter(repeats)
            positions = sorted(rng.sample(range(100, len(seq) - 100), n))
            rep = next(rep_iter, None)
            last = 0
            for p in positions:
                if p <= last:
                    continue
                while rep is not None and rep[0] + rep[2] < p:
                    rep = next(rep_iter, None)
                r = rng.random()
                ref = chr(seq[p])
                if r < 0.84:
                    alts = [rng.choice([b for b in "ACGT" if b != ref])]
                elif r < 0.98:
                    if rep is not None and rng.random() < 0.5 and rep[0] + rep[2] + 5 < len(seq):
                        # Indel at the right end of a repeat: left-alignment moves it to the start.
                        start, unit, span = rep
                        p = start + span - unit
                        ref = seq[p - 1:p + unit].decode() if rng.random() < 0.5 else chr(seq[p - 1])
                        unit_seq = seq[start:start + unit].decode()
                        p = p - 1
                        alts = [ref[0]] if len(ref) > 1 else [ref + unit_seq]
                        if p <= last:
                            continue
                        rep = next(rep_iter, None)
                    else:
                        k = rng.randint(1, 6)
                        if rng.random() < 0.5:
                            ref = seq[p:p + k + 1].decode()
                            alts = [ref[0]]
                        else:
                            alts = [ref + "".join(rng.choice("ACGT") for _ in range(k))]
                else:
                    others = [b for b in "ACGT" if b != ref]
                    rng.shuffle(others)
                    alts = [others[0], ref + rng.choice("ACGT") * rng.randint(1, 3)]
                last = p + len(ref)
                dp = rng.randint(10, 60)
                qual = f"{g(rng.uniform(30, 3000), 2)}"
                filt = "PASS" if rng.random() < 0.95 else "LowQual"
                if len(alts) == 1:
                    hom = rng.random() < 0.35
                    gt = "1/1" if hom else "0/1"
                    ac = 2 if hom else 1
                    alt_dp = dp if hom else dp // 2
                    ad = f"{dp - alt_dp},{alt_dp}"
                    pl = f"{rng.randint(200, 2000)},{rng.randint(0, 90) if not hom else rng.randint(30, 300)},{0 if hom else rng.randint(200, 2000)}"
                    info = (f"AC={ac};AF={g(ac / 2, 3)};AN=2;BaseQRankSum={g(rng.uniform(-3, 3), 3)};DP={dp};ExcessHet=3.0103;"
                            f"FS={g(rng.uniform(0, 10), 3)};MLEAC={ac};MLEAF={g(ac / 2, 3)};MQ=60;MQRankSum={g(rng.uniform(-2, 2), 3)};"
                            f"QD={g(rng.uniform(2, 35), 2)};ReadPosRankSum={g(rng.uniform(-2, 2), 3)};SOR={g(rng.uniform(0, 3), 3)}")
                    fmt = f"{gt}:{ad}:{dp}:{rng.randint(20, 99)}:{pl}"
                else:
                    a1 = dp // 3
                    info = (f"AC=1,1;AF=0.5,0.5;AN=2;DP={dp};ExcessHet=3.0103;FS=0;MLEAC=1,1;MLEAF=0.5,0.5;"
                            f"MQ=60;QD={g(rng.uniform(2, 35), 2)};SOR={g(rng.uniform(0, 3), 3)}")
                    fmt = f"1/2:{dp - 2 * a1},{a1},{a1}:{dp}:{rng.randint(20, 99)}:900,400,500,410,0,520"
                out.write(f"{name}\t{p + 1}\t.\t{ref}\t{','.join(alts)}\t{qual}\t{filt}\t{info}\tGT:AD:DP:GQ:PL\t{fmt}\n")


if __name__ == "__main__":
    main()
