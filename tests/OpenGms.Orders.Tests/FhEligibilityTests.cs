using OpenGms.Orders.Domain.Eligibility;

namespace OpenGms.Orders.Tests;

public sealed class FhEligibilityTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("3.99", 0)]
    [InlineData("4.0", 1)]
    [InlineData("4.9", 1)]
    [InlineData("5.0", 3)]
    [InlineData("6.4", 3)]
    [InlineData("6.5", 5)]
    [InlineData("8.4", 5)]
    [InlineData("8.5", 8)]
    [InlineData("12", 8)]
    public void LdlPoints_follow_dlcn_bands(string? ldl, int points) =>
        Assert.Equal(points, DutchLipidClinicNetwork.LdlPoints(ldl is null ? null : decimal.Parse(ldl, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2, DlcnCategory.Unlikely)]
    [InlineData(3, DlcnCategory.Possible)]
    [InlineData(5, DlcnCategory.Possible)]
    [InlineData(6, DlcnCategory.Probable)]
    [InlineData(8, DlcnCategory.Probable)]
    [InlineData(9, DlcnCategory.Definite)]
    public void CategoryOf_uses_published_cut_offs(int total, DlcnCategory category) =>
        Assert.Equal(category, DutchLipidClinicNetwork.CategoryOf(total));

    [Fact]
    public void Score_takes_only_highest_item_per_group()
    {
        // Family history: 2 (xanthomata in relative) beats 1 (premature disease); exam: 6 (xanthomata) beats 4 (arcus).
        var assessment = new FhAssessment
        {
            FirstDegreeRelativeXanthomataOrArcus = true,
            FirstDegreeRelativePrematureVascularDisease = true,
            TendonXanthomata = true,
            ArcusCornealisBefore45 = true,
            LdlCholesterolMmolPerL = 5.2m,
        };

        DlcnScore score = DutchLipidClinicNetwork.Score(assessment);

        Assert.Equal(2 + 6 + 3, score.Total);
        Assert.Equal(DlcnCategory.Definite, score.Category);
    }

    [Fact]
    public void Check_high_ldl_with_family_history_is_eligible_by_dlcn()
    {
        // LDL 6.6 (5) + first-degree relative with premature CHD (1) = 6: probable, eligible.
        EligibilityResult result = FhEligibility.Check(new FhAssessment { LdlCholesterolMmolPerL = 6.6m, FirstDegreeRelativePrematureVascularDisease = true, AgeYears = 40 });

        Assert.True(result.Eligible);
        Assert.Contains(result.Criteria, c => c.Criterion.StartsWith("DLCN score", StringComparison.Ordinal) && c.Met == true);
    }

    [Fact]
    public void Check_moderate_ldl_alone_is_not_eligible_and_lists_missing_information()
    {
        EligibilityResult result = FhEligibility.Check(new FhAssessment { LdlCholesterolMmolPerL = 5.5m, AgeYears = 50 });

        Assert.False(result.Eligible);
        Assert.Contains(result.Missing, c => c.Criterion == "DLCN · Family history");
        Assert.Contains(result.Missing, c => c.Criterion == "DLCN · Physical examination");
    }

    [Fact]
    public void Simon_broome_possible_with_cholesterol_and_family_history_makes_eligible_despite_low_dlcn()
    {
        // Adult LDL 5.0 (> 4.9) and family history of early MI: Simon Broome possible; DLCN 3 + 1 = 4 only.
        var assessment = new FhAssessment { LdlCholesterolMmolPerL = 5.0m, AgeYears = 35, FamilyHistoryEarlyMyocardialInfarction = true, FirstDegreeRelativePrematureVascularDisease = true };

        (SimonBroomeDiagnosis diagnosis, _) = SimonBroome.Classify(assessment);
        EligibilityResult result = FhEligibility.Check(assessment);

        Assert.Equal(SimonBroomeDiagnosis.Possible, diagnosis);
        Assert.Equal(4, DutchLipidClinicNetwork.Score(assessment).Total);
        Assert.True(result.Eligible);
    }

    [Theory]
    [InlineData(12, "4.1", true)]
    [InlineData(12, "3.9", false)]
    [InlineData(30, "4.1", false)]
    [InlineData(30, "5.0", true)]
    public void Simon_broome_cholesterol_limit_depends_on_age(int age, string ldl, bool met)
    {
        var assessment = new FhAssessment { AgeYears = age, LdlCholesterolMmolPerL = decimal.Parse(ldl, System.Globalization.CultureInfo.InvariantCulture), TendonXanthomata = true };

        (SimonBroomeDiagnosis diagnosis, _) = SimonBroome.Classify(assessment);

        Assert.Equal(met ? SimonBroomeDiagnosis.Definite : SimonBroomeDiagnosis.NotMet, diagnosis);
    }

    [Fact]
    public void Simon_broome_definite_on_known_variant_alone()
    {
        (SimonBroomeDiagnosis diagnosis, _) = SimonBroome.Classify(new FhAssessment { KnownFunctionalVariant = true });

        Assert.Equal(SimonBroomeDiagnosis.Definite, diagnosis);
    }
}
