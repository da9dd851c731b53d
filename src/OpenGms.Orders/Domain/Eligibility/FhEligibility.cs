namespace OpenGms.Orders.Domain.Eligibility;

/// <summary>
/// Structured eligibility for R134 (familial hypercholesterolaemia, small panel), as written for the demo directory:
/// a DLCN score of 6 or more, or a Simon Broome diagnosis of possible or definite FH.
/// </summary>
public static class FhEligibility
{
    /// <summary>The indication this rule belongs to.</summary>
    public const string Indication = "R134";

    /// <summary>The lowest DLCN score that qualifies.</summary>
    public const int MinimumDlcnScore = 6;

    /// <summary>Checks an assessment.</summary>
    public static EligibilityResult Check(FhAssessment assessment)
    {
        DlcnScore dlcn = DutchLipidClinicNetwork.Score(assessment);
        (SimonBroomeDiagnosis broome, IReadOnlyList<CriterionOutcome> broomeCriteria) = SimonBroome.Classify(assessment);
        bool eligible = dlcn.Total >= MinimumDlcnScore || broome != SimonBroomeDiagnosis.NotMet;
        var criteria = new List<CriterionOutcome>
        {
            new($"DLCN score of {MinimumDlcnScore} or more", dlcn.Total >= MinimumDlcnScore, $"score {dlcn.Total} ({dlcn.Category})"),
            new("Simon Broome possible or definite FH", broome != SimonBroomeDiagnosis.NotMet, broome.ToString()),
        };
        criteria.AddRange(dlcn.Items.Select(i => i with { Criterion = "DLCN · " + i.Criterion }));
        criteria.AddRange(broomeCriteria.Select(i => i with { Criterion = "Simon Broome · " + i.Criterion }));
        string summary = eligible
            ? $"Eligible: DLCN {dlcn.Total} ({dlcn.Category}), Simon Broome {broome}."
            : $"Not eligible: DLCN {dlcn.Total} (needs {MinimumDlcnScore}) and Simon Broome not met.";
        return new EligibilityResult(Indication, eligible, summary, criteria);
    }
}
