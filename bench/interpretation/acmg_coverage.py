#!/usr/bin/env python3
"""Per-criterion view of the auto-acmg expert-panel sets (../shared/data/variants/acmg/auto-acmg) against what
OpenGMS evaluates. For each criterion: how many variants' expected criteria include it, whether OpenGMS evaluates it,
and how many of those variants lie in a gene we hold sequence and a gene model for (the only ones we could run).
Usage: acmg_coverage.py SHARED_DATA
"""
import csv, os, re, sys
from collections import Counter

shared = sys.argv[1]
root = os.path.join(shared, "variants/acmg/auto-acmg")
ours = {  # criterion -> how OpenGMS treats it
    "PVS1": "evaluated (SVI tree: NMD, last exon, exon skipping, start loss; critical regions not known)",
    "PS1": "evaluated with --clinvar (missense, same amino-acid change)", "PM5": "evaluated with --clinvar (missense, same residue)",
    "PS2": "evaluated from a genotyped trio", "PM6": "evaluated from a trio with --parentage-unconfirmed",
    "PM2": "evaluated with a frequency source (supporting)", "BA1": "evaluated with a frequency source", "BS1": "evaluated with a frequency source (1%)",
    "PM4": "evaluated (repeat regions not known)", "PP3": "evaluated with --score-field (REVEL thresholds)", "BP4": "evaluated with --score-field (REVEL thresholds)",
    "PM3": "evaluated from phasing or parental genotypes", "BS2": "evaluated from unaffected relatives", "BP7": "evaluated (no splice predictor)",
    "PP1": "evaluated (2+ affected carriers)", "BS4": "evaluated (affected non-carrier)",
}
expected, genes = Counter(), Counter()
rows = 0
for name, col in (("comparison_criteria_custom.csv", "expected_criteria"), ("bench_results.csv", "Expected Criteria")):
    with open(os.path.join(root, name)) as f:
        for r in csv.DictReader(f):
            v = r.get("variant") or r.get("Variant") or ""
            if not v or v.startswith("#"):
                continue
            rows += 1
            m = re.search(r"\(([A-Z0-9-]+)\)", v) or re.search(r"Gene: ([A-Z0-9-]+)", r.get("comment", "") + r.get("Comment", ""))
            genes[m.group(1) if m else "?"] += 1
            for c in re.split(r"[;,\s]+", r.get(col) or ""):
                c = c.split("_")[0].strip()
                if c:
                    expected[c] += 1
held = {"FGFR2", "FBN1", "CTNS"}
print(f"{rows} variant rows; genes held by the test caches among them: {sum(genes[g] for g in held)}")
print("| criterion | variants expecting it | OpenGMS |")
print("| --- | ---: | --- |")
for c, n in sorted(expected.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"| {c} | {n} | {ours.get(c, 'not evaluated')} |")
