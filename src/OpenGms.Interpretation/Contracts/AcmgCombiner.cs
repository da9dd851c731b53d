using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Kernel;

namespace OpenGms.Interpretation.Contracts;

/// <summary>One criterion as the analysis JSON reports it.</summary>
/// <param name="Criterion">Its label (<c>PVS1</c>, <c>PM2_Supporting</c>).</param>
/// <param name="Met">Whether it is met.</param>
/// <param name="Strength">Its strength (<c>Supporting</c>, <c>Moderate</c>, <c>Strong</c>, <c>VeryStrong</c>, <c>StandAlone</c>).</param>
public sealed record AcmgCriterionInput(string Criterion, bool Met, string Strength);

/// <summary>A scientist's change to one criterion.</summary>
/// <param name="Criterion">The criterion (<c>PS2</c>; a strength suffix is ignored).</param>
/// <param name="Met">True/false to force it, null to keep the evaluated state.</param>
/// <param name="Strength">A new strength, or null to keep it.</param>
public sealed record AcmgCriterionChange(string Criterion, bool? Met, string? Strength);

/// <summary>One criterion after the changes.</summary>
/// <param name="Criterion">Its label (with a strength suffix when not the default).</param>
/// <param name="Met">Whether it is met.</param>
/// <param name="Strength">Its strength.</param>
/// <param name="Overridden">True when a scientist changed it.</param>
public sealed record AcmgCriterionOutcome(string Criterion, bool Met, string Strength, bool Overridden);

/// <summary>The classification after a scientist's changes.</summary>
/// <param name="Points">Tavtigian 2020 points.</param>
/// <param name="Class">P, LP, VUS, LB or B.</param>
/// <param name="Criteria">Every criterion, in ACMG order.</param>
public sealed record AcmgCombination(int Points, string Class, IReadOnlyList<AcmgCriterionOutcome> Criteria);

/// <summary>
/// Recombines a variant's ACMG/AMP criteria with a scientist's changes, with the same points rules the interpretation
/// pipeline uses (Tavtigian et al. 2020; a met stand-alone benign criterion makes the variant benign).
/// </summary>
public static class AcmgCombiner
{
    /// <summary>
    /// Applies <paramref name="changes"/> to <paramref name="evaluated"/> and classifies. INT060 names an unknown
    /// criterion, INT061 an unknown strength.
    /// </summary>
    public static Result<AcmgCombination> Combine(IReadOnlyList<AcmgCriterionInput> evaluated, IReadOnlyList<AcmgCriterionChange> changes)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        ArgumentNullException.ThrowIfNull(changes);
        var rows = new List<CriterionResult>(evaluated.Count);
        foreach (AcmgCriterionInput input in evaluated)
        {
            if (!TryCriterion(input.Criterion, out AcmgCriterion criterion))
            {
                return Error.BadInput("INT060", $"'{input.Criterion}' is not an ACMG/AMP criterion.");
            }

            if (!TryStrength(input.Strength, out AcmgStrength strength))
            {
                return Error.BadInput("INT061", $"'{input.Strength}' is not a criterion strength (Supporting, Moderate, Strong, VeryStrong, StandAlone).");
            }

            rows.Add(new CriterionResult(criterion, input.Met, strength, string.Empty));
        }

        var overrides = new List<AcmgOverride>(changes.Count);
        foreach (AcmgCriterionChange change in changes)
        {
            if (!TryCriterion(change.Criterion, out AcmgCriterion criterion))
            {
                return Error.BadInput("INT060", $"'{change.Criterion}' is not an ACMG/AMP criterion.");
            }

            AcmgStrength? strength = null;
            if (!string.IsNullOrWhiteSpace(change.Strength))
            {
                if (!TryStrength(change.Strength, out AcmgStrength s))
                {
                    return Error.BadInput("INT061", $"'{change.Strength}' is not a criterion strength (Supporting, Moderate, Strong, VeryStrong, StandAlone).");
                }

                strength = s;
            }

            overrides.Add(new AcmgOverride(criterion, change.Met, strength, null));
        }

        AcmgResult result = AcmgRules.Combine(rows, new Dictionary<AcmgCriterion, string>(), overrides);
        return new AcmgCombination(
            result.Points,
            AcmgRules.ShortName(result.Class),
            result.Criteria.Select(c => new AcmgCriterionOutcome(c.Label, c.Met, c.Strength.ToString(), c.Overridden)).ToList());
    }

    private static bool TryCriterion(string? text, out AcmgCriterion criterion)
    {
        string name = (text ?? string.Empty).Trim();
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0)
        {
            name = name[..underscore];
        }

        return Enum.TryParse(name, ignoreCase: true, out criterion) && Enum.IsDefined(criterion) && !int.TryParse(name, out _);
    }

    private static bool TryStrength(string? text, out AcmgStrength strength) =>
        Enum.TryParse((text ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim(), ignoreCase: true, out strength)
        && Enum.IsDefined(strength) && !int.TryParse(text, out _);
}
