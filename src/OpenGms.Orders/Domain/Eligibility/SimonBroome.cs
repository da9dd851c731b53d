namespace OpenGms.Orders.Domain.Eligibility;

/// <summary>The Simon Broome diagnosis (NICE CG71).</summary>
public enum SimonBroomeDiagnosis
{
    /// <summary>Neither definite nor possible.</summary>
    NotMet,

    /// <summary>Cholesterol criterion plus a family history of early myocardial infarction or of raised cholesterol.</summary>
    Possible,

    /// <summary>Cholesterol criterion plus tendon xanthomata in the patient or a relative, or a functional LDLR/APOB/PCSK9 variant.</summary>
    Definite,
}

/// <summary>
/// Simon Broome criteria. Cholesterol criterion: adults, total cholesterol above 7.5 or LDL-C above 4.9 mmol/L;
/// under 16, total above 6.7 or LDL-C above 4.0 mmol/L.
/// </summary>
public static class SimonBroome
{
    /// <summary>Classifies an assessment, explaining each criterion.</summary>
    public static (SimonBroomeDiagnosis Diagnosis, IReadOnlyList<CriterionOutcome> Criteria) Classify(FhAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var criteria = new List<CriterionOutcome>(4);
        bool child = assessment.AgeYears is < 16;
        decimal totalLimit = child ? 6.7m : 7.5m;
        decimal ldlLimit = child ? 4.0m : 4.9m;
        bool? cholesterol = assessment.TotalCholesterolMmolPerL is null && assessment.LdlCholesterolMmolPerL is null
            ? null
            : assessment.TotalCholesterolMmolPerL > totalLimit || assessment.LdlCholesterolMmolPerL > ldlLimit;
        criteria.Add(new CriterionOutcome(
            $"Total cholesterol above {totalLimit} or LDL-C above {ldlLimit} mmol/L ({(child ? "under 16" : "adult")})",
            cholesterol,
            cholesterol is null ? "no cholesterol recorded" : $"total {Show(assessment.TotalCholesterolMmolPerL)}, LDL-C {Show(assessment.LdlCholesterolMmolPerL)}"));

        bool? xanthomata = AnyTrue(assessment.TendonXanthomata, assessment.RelativeTendonXanthomata);
        criteria.Add(new CriterionOutcome("Tendon xanthomata in the patient or a first/second-degree relative", xanthomata, Describe(xanthomata)));
        bool? dna = assessment.KnownFunctionalVariant;
        criteria.Add(new CriterionOutcome("Functional variant in LDLR, APOB or PCSK9", dna, Describe(dna)));
        bool? family = AnyTrue(assessment.FamilyHistoryEarlyMyocardialInfarction, assessment.FamilyHistoryRaisedCholesterol);
        criteria.Add(new CriterionOutcome("Family history of early myocardial infarction or of raised cholesterol", family, Describe(family)));

        SimonBroomeDiagnosis diagnosis =
            dna == true || (cholesterol == true && xanthomata == true) ? SimonBroomeDiagnosis.Definite
            : cholesterol == true && family == true ? SimonBroomeDiagnosis.Possible
            : SimonBroomeDiagnosis.NotMet;
        return (diagnosis, criteria);
    }

    private static bool? AnyTrue(bool? a, bool? b) => a == true || b == true ? true : a is null && b is null ? null : false;

    private static string Describe(bool? value) => value switch
    {
        true => "present",
        false => "absent",
        null => "not recorded",
    };

    private static string Show(decimal? value) =>
        value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) + " mmol/L" : "not recorded";
}
