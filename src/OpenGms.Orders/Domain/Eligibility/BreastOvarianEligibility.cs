namespace OpenGms.Orders.Domain.Eligibility;

/// <summary>
/// What a clinician records for an inherited breast and ovarian cancer referral (R208). Null means "not recorded".
/// Ages are at diagnosis, in years.
/// </summary>
public sealed record BreastOvarianAssessment
{
    /// <summary>Age at the first breast cancer diagnosis, if the patient has had breast cancer.</summary>
    public int? BreastCancerAge { get; init; }

    /// <summary>Bilateral breast cancer, with the age at the second (later) diagnosis.</summary>
    public int? BilateralBreastCancerAge { get; init; }

    /// <summary>Triple-negative breast cancer, with the age at diagnosis.</summary>
    public int? TripleNegativeBreastCancerAge { get; init; }

    /// <summary>Breast cancer in a male patient.</summary>
    public bool? MaleBreastCancer { get; init; }

    /// <summary>Non-mucinous epithelial ovarian cancer (high grade serous or similar) at any age.</summary>
    public bool? NonMucinousEpithelialOvarianCancer { get; init; }

    /// <summary>Ashkenazi Jewish ancestry together with breast or ovarian cancer.</summary>
    public bool? AshkenaziJewishWithBreastOrOvarianCancer { get; init; }

    /// <summary>The combined Manchester score of the patient and family.</summary>
    public int? ManchesterScore { get; init; }

    /// <summary>The CanRisk (BOADICEA) probability of a BRCA1/BRCA2 pathogenic variant, in percent.</summary>
    public decimal? CanRiskProbabilityPercent { get; init; }
}

/// <summary>
/// Structured eligibility for R208 (inherited breast and ovarian cancer), written for the demo from the summary of
/// the national criteria: a personal (pathology) criterion, or a family-history criterion (Manchester score of 15 or
/// more, or a CanRisk probability of a pathogenic variant of 10% or more). Any one criterion met suffices.
/// It explains each criterion; a criterion whose information was not given is reported as missing, not as unmet.
/// </summary>
public static class BreastOvarianEligibility
{
    /// <summary>The indication this rule belongs to.</summary>
    public const string Indication = "R208";

    /// <summary>The lowest combined Manchester score that qualifies.</summary>
    public const int MinimumManchesterScore = 15;

    /// <summary>The lowest CanRisk probability (percent) that qualifies.</summary>
    public const decimal MinimumCanRiskPercent = 10m;

    /// <summary>Checks an assessment.</summary>
    public static EligibilityResult Check(BreastOvarianAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var criteria = new List<CriterionOutcome>
        {
            Below("Pathology · breast cancer diagnosed under 40", assessment.BreastCancerAge, 40, "breast cancer"),
            Below("Pathology · bilateral breast cancer, both diagnosed under 50", assessment.BilateralBreastCancerAge, 50, "second breast cancer"),
            Below("Pathology · triple-negative breast cancer diagnosed under 60", assessment.TripleNegativeBreastCancerAge, 60, "triple-negative breast cancer"),
            Flag("Pathology · male breast cancer at any age", assessment.MaleBreastCancer),
            Flag("Pathology · non-mucinous epithelial ovarian cancer at any age", assessment.NonMucinousEpithelialOvarianCancer),
            Flag("Pathology · Ashkenazi Jewish ancestry with breast or ovarian cancer", assessment.AshkenaziJewishWithBreastOrOvarianCancer),
            assessment.ManchesterScore is int m
                ? new CriterionOutcome($"Family history · Manchester score of {MinimumManchesterScore} or more", m >= MinimumManchesterScore, $"score {m}")
                : new CriterionOutcome($"Family history · Manchester score of {MinimumManchesterScore} or more", null, "Manchester score not recorded"),
            assessment.CanRiskProbabilityPercent is decimal p
                ? new CriterionOutcome($"Family history · CanRisk probability of a pathogenic variant of {MinimumCanRiskPercent}% or more", p >= MinimumCanRiskPercent, $"{p}%")
                : new CriterionOutcome($"Family history · CanRisk probability of a pathogenic variant of {MinimumCanRiskPercent}% or more", null, "CanRisk probability not recorded"),
        };
        List<CriterionOutcome> met = criteria.Where(c => c.Met == true).ToList();
        int missing = criteria.Count(c => c.Met is null);
        string summary = met.Count > 0
            ? $"Eligible: {string.Join("; ", met.Select(c => c.Criterion))}."
            : missing > 0
                ? $"Not eligible on what is recorded: no criterion met, {missing} not recorded."
                : "Not eligible: no pathology or family-history criterion is met.";
        return new EligibilityResult(Indication, met.Count > 0, summary, criteria);
    }

    private static CriterionOutcome Below(string criterion, int? age, int limit, string what) => age switch
    {
        null => new CriterionOutcome(criterion, null, $"age at {what} not recorded"),
        int a => new CriterionOutcome(criterion, a < limit, $"{what} at {a}"),
    };

    private static CriterionOutcome Flag(string criterion, bool? value) => value switch
    {
        null => new CriterionOutcome(criterion, null, "not recorded"),
        true => new CriterionOutcome(criterion, true, "recorded yes"),
        false => new CriterionOutcome(criterion, false, "recorded no"),
    };
}

/// <summary>The structured answers an order may carry for its indication's eligibility rule.</summary>
public sealed record EligibilityAnswers
{
    /// <summary>For R134.</summary>
    public FhAssessment? Fh { get; init; }

    /// <summary>For R208.</summary>
    public BreastOvarianAssessment? BreastOvarian { get; init; }
}

/// <summary>The structured eligibility rules by indication.</summary>
public static class EligibilityRules
{
    /// <summary>Indications with a structured rule.</summary>
    public static IReadOnlyList<string> Indications { get; } = [FhEligibility.Indication, BreastOvarianEligibility.Indication];

    /// <summary>The check for <paramref name="indicationCode"/>, or null when the indication has no structured rule.</summary>
    public static EligibilityResult? Check(string indicationCode, EligibilityAnswers? answers) => indicationCode switch
    {
        FhEligibility.Indication => FhEligibility.Check(answers?.Fh ?? new FhAssessment()),
        BreastOvarianEligibility.Indication => BreastOvarianEligibility.Check(answers?.BreastOvarian ?? new BreastOvarianAssessment()),
        _ => null,
    };
}
