namespace OpenGms.Orders.Domain.Eligibility;

/// <summary>One criterion of an eligibility rule and whether the order's clinical information meets it.</summary>
/// <param name="Criterion">The criterion as a clinician reads it.</param>
/// <param name="Met">True when met, false when not met, null when the information needed was not given.</param>
/// <param name="Detail">Why (the value that decided it, or what is missing).</param>
public sealed record CriterionOutcome(string Criterion, bool? Met, string Detail);

/// <summary>The outcome of checking an order against its indication's structured eligibility.</summary>
/// <param name="Indication">The indication code, e.g. R134.</param>
/// <param name="Eligible">True when the rule is satisfied.</param>
/// <param name="Summary">One sentence for the order form.</param>
/// <param name="Criteria">Every criterion with its outcome, in the rule's order.</param>
public sealed record EligibilityResult(string Indication, bool Eligible, string Summary, IReadOnlyList<CriterionOutcome> Criteria)
{
    /// <summary>The criteria that could not be decided for lack of information.</summary>
    public IEnumerable<CriterionOutcome> Missing => Criteria.Where(c => c.Met is null);
}
