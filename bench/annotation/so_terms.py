#!/usr/bin/env python3
"""What the concordance scripts share: VEP's severity order of SO consequence terms and VCF helpers."""
import gzip

ORDER = """transcript_ablation splice_acceptor_variant splice_donor_variant stop_gained frameshift_variant stop_lost
start_lost transcript_amplification feature_elongation feature_truncation inframe_insertion inframe_deletion
missense_variant protein_altering_variant splice_donor_5th_base_variant splice_region_variant splice_donor_region_variant
splice_polypyrimidine_tract_variant
incomplete_terminal_codon_variant start_retained_variant stop_retained_variant synonymous_variant coding_sequence_variant
5_prime_UTR_variant 3_prime_UTR_variant non_coding_transcript_exon_variant intron_variant NMD_transcript_variant
non_coding_transcript_variant upstream_gene_variant downstream_gene_variant intergenic_variant""".split()
RANK = {t: i for i, t in enumerate(ORDER)}

# VEP 105 gave parts of the splice region finer names; bcftools csq and snpEff 5.1 have splice_region only, and no
# polypyrimidine tract (beyond the splice region those bases are intron to them). Our terms are read this way when
# compared with them.
FINER_SPLICE = {"splice_donor_5th_base_variant": "splice_region_variant",
                "splice_donor_region_variant": "splice_region_variant",
                "splice_polypyrimidine_tract_variant": "intron_variant"}


def as_peer_terms(terms):
    return [FINER_SPLICE.get(t, t) for t in terms]


def open_any(p):
    return gzip.open(p, "rt") if p.endswith(".gz") else open(p)


def info(line, key):
    for kv in line.split("\t")[7].split(";"):
        if kv.startswith(key + "="):
            return kv[len(key) + 1:]
    return None


def most_severe(terms):
    terms = [t for t in terms if t in RANK]
    return min(terms, key=RANK.get) if terms else None
