#!/usr/bin/env python3
"""Most-severe consequence concordance between `gms annotate` (INFO/CSQ) and `bcftools csq -l` (INFO/BCSQ).

Both are reduced to SO terms ranked in VEP's severity order; variants csq leaves unannotated (intergenic,
up/downstream: csq does not report those) are counted apart. Prints totals, agreement for SNVs and indels,
and the most frequent disagreements with an example each.
Usage: concordance.py OURS.vcf[.gz] CSQ.vcf [--dump DIFF.vcf] [--subset]
  --dump DIFF.vcf  also write the records that differ (header and all, as in OURS) so they can be re-annotated
                   in a second instead of re-running the whole genome;
  --subset         compare only the records present in OURS (e.g. `gms annotate` run on a DIFF.vcf).
"""
import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from so_terms import RANK, open_any, info, most_severe, as_peer_terms  # noqa: E402
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




args = sys.argv[1:]
dump = args[args.index("--dump") + 1] if "--dump" in args else None
subset = "--subset" in args
ours, theirs, lines, header = {}, {}, {}, []
for line in open_any(args[0]):
    if line.startswith("#"):
        if not line.startswith("##INFO=<ID=CSQ,"):
            header.append(line)
        continue
    f = line.split("\t")
    if dump:   # the input record again: our CSQ taken out of INFO
        kept = [kv for kv in f[7].split(";") if not kv.startswith("CSQ=")]
        f[7] = ";".join(kept) or "."
        lines[(f[0], f[1], f[3], f[4])] = "\t".join(f)
    v = info(line, "CSQ")
    terms = []
    if v:
        for entry in v.split(","):
            terms += entry.split("|")[1].split("&")
    ours[(f[0], f[1], f[3], f[4])] = most_severe(as_peer_terms(terms))
CODING = {"missense_variant", "synonymous_variant", "stop_gained", "frameshift_variant", "inframe_insertion",
          "inframe_deletion", "stop_lost", "start_lost", "coding_sequence_variant", "stop_retained_variant",
          "start_retained_variant", "protein_altering_variant"}
folded_keys = set()
previous = None   # (chrom, pos, ref length) of the last csq record that is an indel with a coding consequence
for line in open_any(args[1]):
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
    snv = len(f[3]) == 1 and len(f[4]) == 1
    if (snv and not combined and previous and previous[0] == f[0] and int(f[1]) <= previous[1] + previous[2] + 2
            and terms and not CODING.intersection(terms)):
        # csq folded this SNV's protein change into the indel just before it (same codon or within the frameshift),
        # without marking the join (`@`/`+`): its own record keeps only the non-coding terms. VEP, and we, annotate
        # each record alone.
        folded_keys.add((f[0], f[1], f[3], f[4]))
    if not snv and CODING.intersection(terms):
        previous = (f[0], int(f[1]), len(f[3]))
    elif previous and previous[0] == f[0] and int(f[1]) > previous[1] + previous[2] + 2:
        previous = None
    theirs[(f[0], f[1], f[3], f[4])] = "HAPLOTYPE" if combined else most_severe(terms)

total = agree = design = 0
design_kind = Counter()
by_kind = Counter(); agree_kind = Counter(); diffs = Counter(); example = {}; no_csq = 0
haplotype = folded = 0
differing = []
for key, t in theirs.items():
    if t is None:
        no_csq += 1
        continue
    if t == "HAPLOTYPE":
        haplotype += 1   # csq's haplotype-aware call joins this variant with a neighbour: different by design
        continue
    if subset and key not in ours:
        continue
    o = ours.get(key)
    kind = "snv" if len(key[2]) == 1 and len(key[3]) == 1 else "indel"
    total += 1; by_kind[kind] += 1
    if o == t:
        agree += 1; agree_kind[kind] += 1
    elif key in folded_keys:
        # By design: csq put this SNV's protein change into the joint call of the indel just before it.
        folded += 1; design += 1; design_kind[kind] += 1
        diffs[(t, o)] += 1
        example.setdefault((t, o), key)
    elif t == "non_coding_transcript_exon_variant" and o == "intron_variant":
        # By design: csq calls any hit on a non-coding transcript non_coding; VEP (and we) say intron_variant
        # for its introns. Counted as agreement in the design-adjusted figure only.
        design += 1; design_kind[kind] += 1
        diffs[(t, o)] += 1
        example.setdefault((t, o), key)
    else:
        diffs[(t, o)] += 1
        example.setdefault((t, o), key)
        differing.append(key)
print(f"compared {total} variants csq annotates ({no_csq} csq leaves empty: intergenic/up/downstream; "
      f"{haplotype} joined by csq with a neighbouring variant into one haplotype consequence, left out by design)")
print(f"most-severe agreement: {agree}/{total} = {100.0 * agree / max(total, 1):.2f}%")
for k in ("snv", "indel"):
    print(f"  {k}: {agree_kind[k]}/{by_kind[k]} = {100.0 * agree_kind[k] / max(by_kind[k], 1):.2f}%")
print(f"design-adjusted (csq non_coding == our intron_variant on non-coding transcripts; {folded} SNVs whose protein "
      f"change csq folded, unmarked, into the coding indel just before them): {agree + design}/{total} = {100.0 * (agree + design) / max(total, 1):.2f}%")
for k in ("snv", "indel"):
    print(f"  {k}: {agree_kind[k] + design_kind[k]}/{by_kind[k]} = {100.0 * (agree_kind[k] + design_kind[k]) / max(by_kind[k], 1):.2f}%")
print("top differences (csq -> ours: count, example):")
for (t, o), c in diffs.most_common(20):
    print(f"  {t} -> {o}: {c}  e.g. {':'.join(example[(t, o)])}")
if dump:
    with open(dump, "w") as out:
        out.writelines(header)
        out.writelines(lines[k] for k in differing if k in lines)
