#!/usr/bin/env python3
"""Most-severe consequence concordance between `gms annotate` (INFO/CSQ) and `bcftools csq -l` (INFO/BCSQ).

Both are reduced to SO terms ranked in VEP's severity order; variants csq leaves unannotated (intergenic,
up/downstream: csq does not report those) are counted apart. Prints totals, agreement for SNVs and indels,
and the most frequent disagreements with an example each.
Usage: concordance.py OURS.vcf[.gz] CSQ.vcf
"""
import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from so_terms import RANK, open_any, info, most_severe  # noqa: E402
from collections import Counter

CSQ_NAMES = {"5_prime_utr": "5_prime_UTR_variant", "3_prime_utr": "3_prime_UTR_variant",
             "non_coding": "non_coding_transcript_exon_variant", "NMD_transcript": "NMD_transcript_variant"}

# csq terms that already are SO names: appending "_variant" to these would make them unknown to the severity
# order, and the variant would then be ranked by its weaker terms (e.g. splice_region instead of stop_gained).
CSQ_SO_AS_IS = {"stop_gained", "stop_lost", "start_lost", "inframe_insertion", "inframe_deletion",
                "transcript_ablation"}


def csq_term(t):
    if t in CSQ_SO_AS_IS:
        return t
    if t == "inframe_altering":
        return "protein_altering_variant"
    return CSQ_NAMES.get(t, t if t.endswith("_variant") else t + "_variant")




ours, theirs = {}, {}
for line in open_any(sys.argv[1]):
    if line.startswith("#"): continue
    f = line.split("\t")
    v = info(line, "CSQ")
    terms = []
    if v:
        for entry in v.split(","):
            terms += entry.split("|")[1].split("&")
    ours[(f[0], f[1], f[3], f[4])] = most_severe(terms)
for line in open_any(sys.argv[2]):
    if line.startswith("#"): continue
    f = line.split("\t")
    v = info(line, "BCSQ")
    terms = []
    combined = False
    if v:
        for entry in v.split(","):
            if entry.startswith("@"):
                combined = True   # csq reports this allele's effect at another record, joined with it
                continue
            if entry.startswith("*"):
                combined = True   # downstream of a stop that another variant on the haplotype introduced
                continue
            parts = entry.split("|")
            if len(parts) > 6 and "+" in parts[6]:
                combined = True   # a haplotype of several records (e.g. two changes in one codon)
            terms += [csq_term(t) for t in parts[0].split("&")]
    theirs[(f[0], f[1], f[3], f[4])] = "HAPLOTYPE" if combined else most_severe(terms)

total = agree = design = 0
design_kind = Counter()
by_kind = Counter(); agree_kind = Counter(); diffs = Counter(); example = {}; no_csq = 0
haplotype = 0
for key, t in theirs.items():
    if t is None:
        no_csq += 1
        continue
    if t == "HAPLOTYPE":
        haplotype += 1   # csq's haplotype-aware call joins this variant with a neighbour: different by design
        continue
    o = ours.get(key)
    kind = "snv" if len(key[2]) == 1 and len(key[3]) == 1 else "indel"
    total += 1; by_kind[kind] += 1
    if o == t:
        agree += 1; agree_kind[kind] += 1
    elif t == "non_coding_transcript_exon_variant" and o == "intron_variant":
        # By design: csq calls any hit on a non-coding transcript non_coding; VEP (and we) say intron_variant
        # for its introns. Counted as agreement in the design-adjusted figure only.
        design += 1; design_kind[kind] += 1
        diffs[(t, o)] += 1
        example.setdefault((t, o), key)
    else:
        diffs[(t, o)] += 1
        example.setdefault((t, o), key)
print(f"compared {total} variants csq annotates ({no_csq} csq leaves empty: intergenic/up/downstream; "
      f"{haplotype} joined by csq with a neighbouring variant into one haplotype consequence, left out by design)")
print(f"most-severe agreement: {agree}/{total} = {100.0 * agree / max(total, 1):.2f}%")
for k in ("snv", "indel"):
    print(f"  {k}: {agree_kind[k]}/{by_kind[k]} = {100.0 * agree_kind[k] / max(by_kind[k], 1):.2f}%")
print(f"design-adjusted (csq non_coding == our intron_variant on non-coding transcripts): {agree + design}/{total} = {100.0 * (agree + design) / max(total, 1):.2f}%")
for k in ("snv", "indel"):
    print(f"  {k}: {agree_kind[k] + design_kind[k]}/{by_kind[k]} = {100.0 * (agree_kind[k] + design_kind[k]) / max(by_kind[k], 1):.2f}%")
print("top differences (csq -> ours: count, example):")
for (t, o), c in diffs.most_common(12):
    print(f"  {t} -> {o}: {c}  e.g. {':'.join(example[(t, o)])}")
