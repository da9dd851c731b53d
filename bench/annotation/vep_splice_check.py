#!/usr/bin/env python3
"""Independent check of our splice terms against Ensembl VEP's rules, per record and transcript.

VEP's rules, from its documentation and VariationEffect/_intron_effects (re-stated here, not copied): the VCF anchor
base is dropped when REF and ALT share their first base; a variant covers [start, end] with end = start - 1 for an
insertion (between end and start); per intron [is, ie] (introns of 12 bp or less are skipped as frameshift introns):
  donor/acceptor = overlap with the intron's first two bases [is, is+1] or last two [ie-1, ie] (which is which
  follows the strand); splice_region = overlap with [is-3, is-1], [is+2, is+7], [ie-7, ie-2] or [ie+1, ie+3], or an
  insertion with start == is, end == ie, start == is+2 or end == ie-2; VEP 105's finer terms by plain overlap, on the
  strand's donor side: splice_donor_5th_base = intron base 5, splice_donor_region = intron bases 3-6 (not with the
  5th base), and on the acceptor side splice_polypyrimidine_tract = intron bases 3-17 before the exon; donor/acceptor
  exclude all of these, and the 5th base and donor region exclude splice_region. Consequences use the allele where the
  VCF puts it (no 3' shift: VEP's default).
Prints every record/transcript where our CSQ's splice terms differ from these rules, and a total.
Usage: vep_splice_check.py GENES.gff3 OURS.vcf
"""
import sys
import os
from collections import defaultdict
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from so_terms import open_any, info  # noqa: E402

SPLICE = ("splice_donor_variant", "splice_acceptor_variant", "splice_region_variant", "splice_donor_5th_base_variant",
          "splice_donor_region_variant", "splice_polypyrimidine_tract_variant")


def overlap(a, b, c, d):
    return b >= c and a <= d


def vep_terms(start, end, insertion, exons, strand):
    donor = acceptor = region = fifth = donor_region = tract = False
    exons = sorted(exons)
    for (_, e1), (s2, _) in zip(exons, exons[1:]):
        i_s, i_e = e1 + 1, s2 - 1
        if i_e < i_s or i_e - i_s <= 12:
            continue
        first = overlap(start, end, i_s, i_s + 1)
        last = overlap(start, end, i_e - 1, i_e)
        if first:
            donor, acceptor = (True, acceptor) if strand == "+" else (donor, True)
        if last:
            donor, acceptor = (donor, True) if strand == "+" else (True, acceptor)
        if (overlap(start, end, i_s + 2, i_s + 7) or overlap(start, end, i_e - 7, i_e - 2)
                or overlap(start, end, i_s - 3, i_s - 1) or overlap(start, end, i_e + 1, i_e + 3)
                or (insertion and (start == i_s or end == i_e or start == i_s + 2 or end == i_e - 2))):
            region = True
        # Intron bases counted from the donor end (5' on the strand) and from the acceptor end.
        if strand == "+":
            def from_donor(a, b): return (i_s + a - 1, i_s + b - 1)
            def from_acceptor(a, b): return (i_e - b + 1, i_e - a + 1)
        else:
            def from_donor(a, b): return (i_e - b + 1, i_e - a + 1)
            def from_acceptor(a, b): return (i_s + a - 1, i_s + b - 1)
        if overlap(start, end, *from_donor(5, 5)):
            fifth = True
        elif overlap(start, end, *from_donor(3, 6)):
            donor_region = True
        if overlap(start, end, *from_acceptor(3, 17)):
            tract = True
    terms = set()
    if donor:
        terms.add("splice_donor_variant")
    if acceptor:
        terms.add("splice_acceptor_variant")
    if not (donor or acceptor):
        if fifth:
            terms.add("splice_donor_5th_base_variant")
        elif donor_region:
            terms.add("splice_donor_region_variant")
        if region and not (fifth or donor_region):
            terms.add("splice_region_variant")
        if tract:
            terms.add("splice_polypyrimidine_tract_variant")
    return terms


exons, strands = defaultdict(list), {}
for line in open_any(sys.argv[1]):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    if len(f) < 9 or f[2] != "exon":
        continue
    parent = next((kv[len("Parent="):] for kv in f[8].split(";") if kv.startswith("Parent=")), "")
    tid = parent.split(":", 1)[-1]
    exons[tid].append((int(f[3]), int(f[4])))
    strands[tid] = f[6]

checked = differ = 0
for line in open_any(sys.argv[2]):
    if line.startswith("#"):
        continue
    f = line.split("\t")
    ref, alt, pos = f[3].upper(), f[4].upper(), int(f[1])
    if ref and alt and ref[0] == alt[0]:
        ref, alt, pos = ref[1:], alt[1:], pos + 1
    insertion = len(ref) == 0
    start, end = pos, pos + len(ref) - 1
    v = info(line, "CSQ") or ""
    for entry in v.split(","):
        p = entry.split("|")
        if len(p) < 5 or p[4] not in exons:
            continue
        ours = {t for t in p[1].split("&") if t in SPLICE}
        expected = vep_terms(start, end, insertion, exons[p[4]], strands[p[4]])
        checked += 1
        if ours != expected:
            differ += 1
            print(f"{f[0]}:{f[1]} {f[3]}>{f[4]} {p[4]}: ours {sorted(ours)} VEP rules {sorted(expected)}")
print(f"{checked} record/transcript pairs checked, {differ} differ from VEP's splice rules")
