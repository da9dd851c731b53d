using System.Globalization;

namespace OpenGms.Orders.Domain.Eligibility;

/// <summary>
/// What a clinician records for a familial hypercholesterolaemia assessment. Null means "not recorded"; the score
/// then treats the item as absent and says so. Premature means men under 55 and women under 60 (DLCN convention).
/// </summary>
public sealed record FhAssessment
{
    /// <summary>Highest untreated LDL cholesterol, mmol/L.</summary>
    public decimal? LdlCholesterolMmolPerL { get; init; }

    /// <summary>Highest untreated total cholesterol, mmol/L (Simon Broome).</summary>
    public decimal? TotalCholesterolMmolPerL { get; init; }

    /// <summary>The patient's age in years.</summary>
    public int? AgeYears { get; init; }

    /// <summary>Tendon xanthomata in the patient.</summary>
    public bool? TendonXanthomata { get; init; }

    /// <summary>Arcus cornealis before the age of 45.</summary>
    public bool? ArcusCornealisBefore45 { get; init; }

    /// <summary>Premature coronary heart disease in the patient.</summary>
    public bool? PrematureCoronaryDisease { get; init; }

    /// <summary>Premature cerebral or peripheral vascular disease in the patient.</summary>
    public bool? PrematureCerebralOrPeripheralVascularDisease { get; init; }

    /// <summary>A first-degree relative with premature coronary or vascular disease.</summary>
    public bool? FirstDegreeRelativePrematureVascularDisease { get; init; }

    /// <summary>A first-degree adult relative with LDL cholesterol above the 95th percentile.</summary>
    public bool? FirstDegreeRelativeLdlAbove95thCentile { get; init; }

    /// <summary>A first-degree relative with tendon xanthomata and/or arcus cornealis.</summary>
    public bool? FirstDegreeRelativeXanthomataOrArcus { get; init; }

    /// <summary>A child (under 18) in the family with LDL cholesterol above the 95th percentile.</summary>
    public bool? ChildRelativeLdlAbove95thCentile { get; init; }

    /// <summary>Tendon xanthomata in a first- or second-degree relative (Simon Broome).</summary>
    public bool? RelativeTendonXanthomata { get; init; }

    /// <summary>Myocardial infarction below 50 in a second-degree relative or below 60 in a first-degree relative (Simon Broome).</summary>
    public bool? FamilyHistoryEarlyMyocardialInfarction { get; init; }

    /// <summary>Total cholesterol above 7.5 mmol/L in an adult first/second-degree relative, or above 6.7 in a child or sibling under 16 (Simon Broome).</summary>
    public bool? FamilyHistoryRaisedCholesterol { get; init; }

    /// <summary>A known functional variant in LDLR, APOB or PCSK9.</summary>
    public bool? KnownFunctionalVariant { get; init; }
}

/// <summary>The Dutch Lipid Clinic Network category for a total score.</summary>
public enum DlcnCategory
{
    /// <summary>Score below 3.</summary>
    Unlikely,

    /// <summary>Score 3 to 5.</summary>
    Possible,

    /// <summary>Score 6 to 8.</summary>
    Probable,

    /// <summary>Score above 8.</summary>
    Definite,
}

/// <summary>A DLCN score with the points taken from each group.</summary>
/// <param name="Total">The sum of the highest item of each group.</param>
/// <param name="Category">The category of the total.</param>
/// <param name="Items">Each group's contribution, for the explanation.</param>
public sealed record DlcnScore(int Total, DlcnCategory Category, IReadOnlyList<CriterionOutcome> Items);

/// <summary>
/// The Dutch Lipid Clinic Network criteria for familial hypercholesterolaemia: five groups (family history, clinical
/// history, physical examination, LDL cholesterol, DNA analysis); within a group only the highest-scoring item counts.
/// </summary>
public static class DutchLipidClinicNetwork
{
    /// <summary>Scores an assessment.</summary>
    public static DlcnScore Score(FhAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var items = new List<CriterionOutcome>(5);
        int total = 0;

        int family = Max(
            (assessment.FirstDegreeRelativeXanthomataOrArcus, 2, "first-degree relative with tendon xanthomata or arcus cornealis"),
            (assessment.ChildRelativeLdlAbove95thCentile, 2, "child relative with LDL-C above the 95th centile"),
            (assessment.FirstDegreeRelativePrematureVascularDisease, 1, "first-degree relative with premature vascular disease"),
            (assessment.FirstDegreeRelativeLdlAbove95thCentile, 1, "first-degree relative with LDL-C above the 95th centile"),
            out string familyWhy, out bool familyRecorded);
        items.Add(Group("Family history", family, familyWhy, familyRecorded));
        total += family;

        int clinical = Max(
            (assessment.PrematureCoronaryDisease, 2, "premature coronary heart disease"),
            (assessment.PrematureCerebralOrPeripheralVascularDisease, 1, "premature cerebral or peripheral vascular disease"),
            (null, 0, string.Empty),
            (null, 0, string.Empty),
            out string clinicalWhy, out bool clinicalRecorded);
        items.Add(Group("Clinical history", clinical, clinicalWhy, clinicalRecorded));
        total += clinical;

        int exam = Max(
            (assessment.TendonXanthomata, 6, "tendon xanthomata"),
            (assessment.ArcusCornealisBefore45, 4, "arcus cornealis before 45"),
            (null, 0, string.Empty),
            (null, 0, string.Empty),
            out string examWhy, out bool examRecorded);
        items.Add(Group("Physical examination", exam, examWhy, examRecorded));
        total += exam;

        int ldl = LdlPoints(assessment.LdlCholesterolMmolPerL);
        items.Add(assessment.LdlCholesterolMmolPerL is { } value
            ? new CriterionOutcome("LDL cholesterol", ldl > 0, string.Create(CultureInfo.InvariantCulture, $"{value} mmol/L: {ldl} point(s)"))
            : new CriterionOutcome("LDL cholesterol", null, "not recorded"));
        total += ldl;

        int dna = assessment.KnownFunctionalVariant == true ? 8 : 0;
        items.Add(assessment.KnownFunctionalVariant is null
            ? new CriterionOutcome("DNA analysis", null, "not recorded")
            : new CriterionOutcome("DNA analysis", dna > 0, dna > 0 ? "functional variant in LDLR, APOB or PCSK9: 8 points" : "no known variant: 0 points"));
        total += dna;

        return new DlcnScore(total, CategoryOf(total), items);
    }

    /// <summary>The category of a total score: above 8 definite, 6-8 probable, 3-5 possible, below 3 unlikely.</summary>
    public static DlcnCategory CategoryOf(int total) => total switch
    {
        > 8 => DlcnCategory.Definite,
        >= 6 => DlcnCategory.Probable,
        >= 3 => DlcnCategory.Possible,
        _ => DlcnCategory.Unlikely,
    };

    /// <summary>Points for the highest untreated LDL-C (mmol/L): 8.5 or more 8; 6.5-8.4 5; 5.0-6.4 3; 4.0-4.9 1.</summary>
    public static int LdlPoints(decimal? ldl) => ldl switch
    {
        null => 0,
        >= 8.5m => 8,
        >= 6.5m => 5,
        >= 5.0m => 3,
        >= 4.0m => 1,
        _ => 0,
    };

    private static CriterionOutcome Group(string name, int points, string why, bool recorded) =>
        points > 0
            ? new CriterionOutcome(name, true, $"{why}: {points} point(s)")
            : new CriterionOutcome(name, recorded ? false : null, recorded ? "none present: 0 points" : "not recorded");

    private static int Max(
        (bool? Present, int Points, string Why) a, (bool? Present, int Points, string Why) b,
        (bool? Present, int Points, string Why) c, (bool? Present, int Points, string Why) d,
        out string why, out bool recorded)
    {
        int best = 0;
        why = string.Empty;
        recorded = false;
        foreach ((bool? present, int points, string text) in (ReadOnlySpan<(bool?, int, string)>)[a, b, c, d])
        {
            recorded |= present is not null && text.Length > 0;
            if (present == true && points > best)
            {
                best = points;
                why = text;
            }
        }

        return best;
    }
}
