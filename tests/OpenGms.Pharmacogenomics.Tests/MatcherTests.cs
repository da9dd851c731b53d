using OpenGms.Pharmacogenomics.Application.Matching;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Tests;

/// <summary>
/// The matcher on a two-position gene shaped like TPMT *3A/*3B/*3C (*3A carries both variants). The expected calls
/// follow PharmCAT's documented behaviour for TPMT (NamedAlleleMatcherTpmtTest: a double heterozygote unphased is
/// *1/*3A or *3B/*3C, best score first).
/// </summary>
public sealed class MatcherTests
{
    private static readonly GeneDefinition s_gene = new(
        "TPMTLIKE", // not "TPMT": TPMT reads undocumented alleles as reference

        "chr6",
        "test",
        [
            new VariantLocus("chr6", 100, "rsA", "T", ["C"]),
            new VariantLocus("chr6", 200, "rsB", "C", ["T"]),
            new VariantLocus("chr6", 300, "rsC", "G", ["A"]),
        ],
        [
            new NamedAllele("*1", null, ["T", "C", "G"], IsReference: true),
            new NamedAllele("*3A", null, ["C", "T", null], IsReference: false),
            new NamedAllele("*3B", null, [null, "T", null], IsReference: false),
            new NamedAllele("*3C", null, ["C", null, null], IsReference: false),
            new NamedAllele("*9", null, [null, null, "A"], IsReference: false),
        ]);

    private static SampleGenotypes Sample(params (int Position, string? A1, string? A2, bool Phased, string? Ps)[] calls)
    {
        var sample = new SampleGenotypes("S1");
        foreach ((int position, string? a1, string? a2, bool phased, string? ps) in calls)
        {
            sample.Set("chr6", position, new SampleAllele(a1, a2, phased, ps));
        }

        return sample;
    }

    [Fact]
    public void Call_unphased_double_heterozygote_lists_all_pairs_best_score_first()
    {
        SampleGenotypes sample = Sample((100, "T", "C", false, null), (200, "C", "T", false, null), (300, "G", "G", false, null));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, new MatcherOptions(TopCandidateOnly: false));

        Assert.Equal(["*1/*3A", "*3B/*3C"], call.Names);
    }

    [Fact]
    public void Call_top_candidate_only_keeps_the_best_score()
    {
        SampleGenotypes sample = Sample((100, "T", "C", false, null), (200, "C", "T", false, null), (300, "G", "G", false, null));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, MatcherOptions.Default);

        Assert.Equal(["*1/*3A"], call.Names);
    }

    [Fact]
    public void Call_phased_in_trans_gives_only_the_trans_pair()
    {
        SampleGenotypes sample = Sample((100, "T", "C", true, null), (200, "T", "C", true, null), (300, "G", "G", true, null));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, new MatcherOptions(TopCandidateOnly: false));

        Assert.Equal(["*3B/*3C"], call.Names);
    }

    [Fact]
    public void Call_different_phase_sets_do_not_fix_the_strands_between_them()
    {
        SampleGenotypes sample = Sample((100, "T", "C", true, "1"), (200, "T", "C", true, "2"), (300, "G", "G", true, null));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, new MatcherOptions(TopCandidateOnly: false));

        Assert.Equal(["*1/*3A", "*3B/*3C"], call.Names);
    }

    [Fact]
    public void Call_missing_position_is_reported_and_never_assumed_reference()
    {
        SampleGenotypes sample = Sample((100, "T", "T", false, null), (200, "C", "C", false, null));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, new MatcherOptions(TopCandidateOnly: false));

        Assert.Equal(["chr6:300"], call.MissingPositions);

        // *9 is defined only at the missing position, so it cannot be told from *1 and is dropped.
        Assert.Equal(["*1/*1"], call.Names);
    }

    [Fact]
    public void Call_allele_no_definition_uses_makes_the_gene_not_called()
    {
        SampleGenotypes sample = Sample((100, "T", "G", false, null), (200, "C", "C", false, null), (300, "G", "G", false, null));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, MatcherOptions.Default);

        Assert.False(call.Called);
        Assert.Empty(call.Names);
    }

    [Fact]
    public void Call_no_data_at_any_position_is_not_called_with_every_position_missing()
    {
        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, Sample(), MatcherOptions.Default);

        Assert.False(call.Called);
        Assert.Equal(3, call.MissingPositions.Count);
    }

    [Fact]
    public void Call_haploid_genotypes_give_a_single_haplotype()
    {
        var sample = new SampleGenotypes("S1");
        sample.Set("chr6", 100, new SampleAllele("C", null, false, null, IsHaploid: true));
        sample.Set("chr6", 200, new SampleAllele("T", null, false, null, IsHaploid: true));
        sample.Set("chr6", 300, new SampleAllele("G", null, false, null, IsHaploid: true));

        GeneCall call = NamedAlleleMatcher.Call(s_gene, null, sample, MatcherOptions.Default);

        Assert.Equal(["*3A"], call.Names);
    }

    [Fact]
    public void Call_lowest_function_gene_treats_unknown_allele_as_reference()
    {
        var dpyd = new GeneDefinition(
            "DPYD",
            "chr1",
            "test",
            [new VariantLocus("chr1", 10, null, "C", ["T"]), new VariantLocus("chr1", 20, null, "A", ["C"])],
            [
                new NamedAllele("Reference", null, ["C", "A"], IsReference: true),
                new NamedAllele("c.1905+1G>A (*2A)", null, ["T", null], IsReference: false),
                new NamedAllele("c.1679T>G (*13)", null, [null, "C"], IsReference: false),
            ]);
        var sample = new SampleGenotypes("S1");
        sample.Set("chr1", 10, new SampleAllele("C", "G", false, null));
        sample.Set("chr1", 20, new SampleAllele("A", "C", false, null));

        GeneCall call = NamedAlleleMatcher.Call(dpyd, null, sample, MatcherOptions.Default);

        Assert.Equal(["Reference/c.1679T>G (*13)"], call.Names);
    }

    [Fact]
    public void Call_lowest_function_gene_unphased_lists_the_haplotypes_found()
    {
        var dpyd = new GeneDefinition(
            "DPYD",
            "chr1",
            "test",
            [new VariantLocus("chr1", 10, null, "C", ["T"]), new VariantLocus("chr1", 20, null, "A", ["C"]), new VariantLocus("chr1", 30, null, "G", ["A"])],
            [
                new NamedAllele("Reference", null, ["C", "A", "G"], IsReference: true),
                new NamedAllele("c.1905+1G>A (*2A)", null, ["T", null, null], IsReference: false),
                new NamedAllele("c.1679T>G (*13)", null, [null, "C", null], IsReference: false),
                new NamedAllele("c.85T>C (*9A)", null, [null, null, "A"], IsReference: false),
            ]);
        var sample = new SampleGenotypes("S1");
        sample.Set("chr1", 10, new SampleAllele("C", "T", false, null));
        sample.Set("chr1", 20, new SampleAllele("A", "C", false, null));
        sample.Set("chr1", 30, new SampleAllele("A", "A", false, null));

        GeneCall call = NamedAlleleMatcher.Call(dpyd, null, sample, MatcherOptions.Default);

        Assert.Equal(CallShape.HaplotypeList, call.Shape);
        Assert.Equal(["c.85T>C (*9A) (homozygous)", "c.1679T>G (*13)", "c.1905+1G>A (*2A)"], call.Names);
    }
}
