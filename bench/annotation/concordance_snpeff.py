#!/usr/bin/env python3
"""Most-severe consequence concordance between `gms annotate` (INFO/CSQ) and snpEff (INFO/ANN).

snpEff's terms are mapped onto VEP's SO names where they differ (intergenic_region -> intergenic_variant,
conservative/disruptive in-frame indels -> inframe_insertion/deletion, 5_prime_UTR_premature_start_codon_gain_variant
-> 5_prime_UTR_variant, initiator_codon_variant -> start_retained_variant); terms without a VEP equivalent
(sequence_feature, intragenic_variant, ...) are ignored. Prints overall and SNV/indel agreement, agreement per term
(by our most severe term) and the most frequent differences with an example each.
Usage: concordance_snpeff.py OURS.vcf[.gz] SNPEFF.vcf[.gz]
"""
import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from so_terms import RANK, open_any, info, most_severe, as_peer_terms  # noqa: E402
from collections import Counter

SNPEFF = {"intergenic_region": "intergenic_variant", "conservative_inframe_insertion": "inframe_insertion",
          "disruptive_inframe_insertion": "inframe_insertion", "conservative_inframe_deletion": "inframe_deletion",
          "disruptive_inframe_deletion": "inframe_deletion", "5_prime_UTR_premature_start_codon_gain_variant": "5_prime_UTR_variant",
          "initiator_codon_variant": "start_retained_variant", "exon_loss_variant": "transcript_ablation",
          "5_prime_UTR_truncation": "5_prime_UTR_variant", "3_prime_UTR_truncation": "3_prime_UTR_variant"}








def read(path, key, field):
    result = {}
    for line in open_any(path):
        if line.startswith("#"):
            continue
        f = line.split("\t")
        v = info(line, key)
        terms = []
        if v:
            for entry in v.split(","):
                parts = entry.split("|")
                if len(parts) > field:
                    terms += [SNPEFF.get(t, t) for t in parts[field].split("&")]
        result[(f[0], f[1], f[3], f[4])] = most_severe(as_peer_terms(terms))
    return result


ours = read(sys.argv[1], "CSQ", 1)
theirs = read(sys.argv[2], "ANN", 1)
total = agree = 0
kind_total, kind_agree, term_total, term_agree, diffs, example = Counter(), Counter(), Counter(), Counter(), Counter(), {}
for key, o in ours.items():
    t = theirs.get(key)
    if o is None or t is None:
        continue
    kind = "snv" if len(key[2]) == 1 and len(key[3]) == 1 else "indel"
    total += 1; kind_total[kind] += 1; term_total[o] += 1
    if o == t:
        agree += 1; kind_agree[kind] += 1; term_agree[o] += 1
    else:
        diffs[(o, t)] += 1
        example.setdefault((o, t), key)
print(f"snpEff: compared {total} variants; most severe agrees for {agree} ({100 * agree / max(1, total):.2f}%)")
for k in ("snv", "indel"):
    print(f"  {k}: {kind_agree[k]}/{kind_total[k]} ({100 * kind_agree[k] / max(1, kind_total[k]):.2f}%)")
print("  per term (ours): agree/total")
for term, n in sorted(term_total.items(), key=lambda x: RANK.get(x[0], 99)):
    print(f"    {term}: {term_agree[term]}/{n} ({100 * term_agree[term] / n:.1f}%)")
print("  most frequent differences (ours -> snpEff), with an example:")
for (o, t), n in diffs.most_common(12):
    print(f"    {n:7d}  {o} -> {t}   e.g. {':'.join(example[(o, t)])}")
