namespace OpenGms.Interpretation.Application.Acmg;

/// <summary>The ACMG/AMP 2015 criteria (Richards et al. 2015); each has a default strength given by its prefix.</summary>
public enum AcmgCriterion
{
    /// <summary>Null variant in a gene where loss of function is a known mechanism.</summary>
    PVS1,

    /// <summary>Same amino-acid change as an established pathogenic variant.</summary>
    PS1,

    /// <summary>De novo, maternity and paternity confirmed.</summary>
    PS2,

    /// <summary>Functional studies show a damaging effect (not evaluated: needs literature).</summary>
    PS3,

    /// <summary>Prevalence in affected individuals much higher than in controls (not evaluated: needs case-control data).</summary>
    PS4,

    /// <summary>Mutational hot spot or critical functional domain (not evaluated: needs domain data).</summary>
    PM1,

    /// <summary>Absent from (or extremely rare in) population databases; supporting strength per ClinGen SVI.</summary>
    PM2,

    /// <summary>Recessive: in trans with a pathogenic variant.</summary>
    PM3,

    /// <summary>Protein length change: in-frame indel in a non-repeat region, or stop loss.</summary>
    PM4,

    /// <summary>Novel missense change at a residue where another pathogenic missense change is known.</summary>
    PM5,

    /// <summary>Assumed de novo, without confirmation of maternity and paternity.</summary>
    PM6,

    /// <summary>Co-segregation with disease in multiple affected family members.</summary>
    PP1,

    /// <summary>Missense in a gene with a low rate of benign missense variation (not evaluated: needs constraint data).</summary>
    PP2,

    /// <summary>Computational evidence supports a deleterious effect.</summary>
    PP3,

    /// <summary>Phenotype highly specific for a disease with a single genetic aetiology (not evaluated automatically).</summary>
    PP4,

    /// <summary>Reputable source reports pathogenic (withdrawn by ClinGen SVI; not used).</summary>
    PP5,

    /// <summary>Allele frequency above 5%: stand-alone benign.</summary>
    BA1,

    /// <summary>Allele frequency greater than expected for the disorder.</summary>
    BS1,

    /// <summary>Observed in a healthy adult, fully penetrant early-onset disorder.</summary>
    BS2,

    /// <summary>Functional studies show no damaging effect (not evaluated).</summary>
    BS3,

    /// <summary>Lack of segregation in affected family members.</summary>
    BS4,

    /// <summary>Missense in a gene where truncating variants cause disease (not evaluated).</summary>
    BP1,

    /// <summary>In trans with a pathogenic variant for a dominant disorder, or in cis with a pathogenic variant.</summary>
    BP2,

    /// <summary>In-frame indel in a repeat region without known function (not evaluated: needs repeat annotation).</summary>
    BP3,

    /// <summary>Computational evidence suggests no impact.</summary>
    BP4,

    /// <summary>Found in a case with an alternate molecular basis (not evaluated).</summary>
    BP5,

    /// <summary>Reputable source reports benign (withdrawn by ClinGen SVI; not used).</summary>
    BP6,

    /// <summary>Synonymous (silent) variant with no predicted splice impact.</summary>
    BP7,
}

/// <summary>Evidence strength. Values are the Tavtigian et al. 2020 points (pathogenic side; benign side counts negative).</summary>
public enum AcmgStrength
{
    /// <summary>Supporting: 1 point.</summary>
    Supporting = 1,

    /// <summary>Moderate: 2 points.</summary>
    Moderate = 2,

    /// <summary>Strong: 4 points.</summary>
    Strong = 4,

    /// <summary>Very strong: 8 points.</summary>
    VeryStrong = 8,

    /// <summary>Stand-alone (BA1 only): benign whatever else is met.</summary>
    StandAlone = 16,
}

/// <summary>The five-tier classification.</summary>
public enum AcmgClass
{
    /// <summary>Benign.</summary>
    Benign,

    /// <summary>Likely benign.</summary>
    LikelyBenign,

    /// <summary>Uncertain significance.</summary>
    UncertainSignificance,

    /// <summary>Likely pathogenic.</summary>
    LikelyPathogenic,

    /// <summary>Pathogenic.</summary>
    Pathogenic,
}

/// <summary>One criterion as evaluated for one variant.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Met">Whether it is met.</param>
/// <param name="Strength">Strength applied when met.</param>
/// <param name="Evidence">Why, for a reader (data used, thresholds).</param>
/// <param name="Overridden">True when a scientist's override set this row.</param>
public sealed record CriterionResult(AcmgCriterion Criterion, bool Met, AcmgStrength Strength, string Evidence, bool Overridden = false)
{
    /// <summary>The criterion's name with a strength suffix when it is not the default (ClinGen style: <c>PM2_Supporting</c>).</summary>
    public string Label => Strength == AcmgRules.DefaultStrength(Criterion) ? Criterion.ToString() : Criterion + "_" + Strength;
}

/// <summary>A scientist's change to one criterion: switch it on or off, or change its strength.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Met">True/false to force it; null keeps the evaluated state.</param>
/// <param name="Strength">A new strength, or null to keep it.</param>
/// <param name="Reason">Why, kept in the evidence text.</param>
public sealed record AcmgOverride(AcmgCriterion Criterion, bool? Met, AcmgStrength? Strength, string? Reason);

/// <summary>The classification of one variant.</summary>
/// <param name="Criteria">Every criterion evaluated (met or not), with evidence.</param>
/// <param name="NotEvaluated">Criteria the available data cannot decide, each with the reason.</param>
/// <param name="Points">Tavtigian 2020 points (pathogenic positive, benign negative).</param>
/// <param name="Class">The class from the points.</param>
public sealed record AcmgResult(IReadOnlyList<CriterionResult> Criteria, IReadOnlyDictionary<AcmgCriterion, string> NotEvaluated, int Points, AcmgClass Class)
{
    /// <summary>The criteria met, as labels (<c>PVS1</c>, <c>PM2_Supporting</c>).</summary>
    public IReadOnlyList<string> MetLabels => Criteria.Where(c => c.Met).Select(c => c.Label).ToList();
}

/// <summary>Strength defaults, the points combination and overrides.</summary>
public static class AcmgRules
{
    /// <summary>The strength a criterion has by its name.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>Its default strength.</returns>
    public static AcmgStrength DefaultStrength(AcmgCriterion criterion)
    {
        string name = criterion.ToString();
        return name switch
        {
            "PVS1" => AcmgStrength.VeryStrong,
            "BA1" => AcmgStrength.StandAlone,
            _ when name.StartsWith("PS", StringComparison.Ordinal) || name.StartsWith("BS", StringComparison.Ordinal) => AcmgStrength.Strong,
            _ when name.StartsWith("PM", StringComparison.Ordinal) => AcmgStrength.Moderate,
            _ => AcmgStrength.Supporting,
        };
    }

    /// <summary>True for the benign criteria (BA, BS, BP).</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>Whether it counts towards benign.</returns>
    public static bool IsBenign(AcmgCriterion criterion) => criterion >= AcmgCriterion.BA1;

    /// <summary>Applies overrides, then combines with the Tavtigian et al. 2020 points scale.</summary>
    /// <param name="criteria">Evaluated criteria.</param>
    /// <param name="notEvaluated">Criteria not evaluated, with reasons.</param>
    /// <param name="overrides">Changes from a scientist (may be empty).</param>
    /// <returns>The result.</returns>
    public static AcmgResult Combine(IReadOnlyList<CriterionResult> criteria, IReadOnlyDictionary<AcmgCriterion, string> notEvaluated, IReadOnlyList<AcmgOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(overrides);
        var rows = new List<CriterionResult>(criteria);
        foreach (AcmgOverride o in overrides)
        {
            int i = rows.FindIndex(r => r.Criterion == o.Criterion);
            CriterionResult current = i >= 0 ? rows[i] : new CriterionResult(o.Criterion, false, DefaultStrength(o.Criterion), "not evaluated automatically");
            var changed = current with
            {
                Met = o.Met ?? (o.Strength is not null || current.Met),
                Strength = o.Strength ?? current.Strength,
                Evidence = current.Evidence + " | override" + (o.Reason is null ? string.Empty : ": " + o.Reason),
                Overridden = true,
            };
            if (i >= 0)
            {
                rows[i] = changed;
            }
            else
            {
                rows.Add(changed);
            }
        }

        rows.Sort((a, b) => a.Criterion.CompareTo(b.Criterion));
        int points = 0;
        bool standAloneBenign = false;
        foreach (CriterionResult r in rows)
        {
            if (!r.Met)
            {
                continue;
            }

            if (r.Strength == AcmgStrength.StandAlone)
            {
                standAloneBenign = true;
                continue;
            }

            points += IsBenign(r.Criterion) ? -(int)r.Strength : (int)r.Strength;
        }

        AcmgClass cls = standAloneBenign ? AcmgClass.Benign : Classify(points);
        return new AcmgResult(rows, notEvaluated ?? new Dictionary<AcmgCriterion, string>(), points, cls);
    }

    /// <summary>Tavtigian 2020 thresholds: P at 10 or more, LP 6 to 9, VUS 0 to 5, LB -1 to -6, B -7 or less.</summary>
    /// <param name="points">The points.</param>
    /// <returns>The class.</returns>
    public static AcmgClass Classify(int points) => points switch
    {
        >= 10 => AcmgClass.Pathogenic,
        >= 6 => AcmgClass.LikelyPathogenic,
        >= 0 => AcmgClass.UncertainSignificance,
        >= -6 => AcmgClass.LikelyBenign,
        _ => AcmgClass.Benign,
    };

    /// <summary>Short name of a class (P, LP, VUS, LB, B).</summary>
    /// <param name="cls">The class.</param>
    /// <returns>The short name.</returns>
    public static string ShortName(AcmgClass cls) => cls switch
    {
        AcmgClass.Pathogenic => "P",
        AcmgClass.LikelyPathogenic => "LP",
        AcmgClass.UncertainSignificance => "VUS",
        AcmgClass.LikelyBenign => "LB",
        _ => "B",
    };

    /// <summary>Parses an override such as <c>PM2:off</c>, <c>PVS1:strong</c>, <c>PP3:on</c>, <c>PS1:moderate</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The override.</param>
    /// <returns>False when not understood.</returns>
    public static bool TryParseOverride(string text, out AcmgOverride value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null!;
        string[] parts = text.Split(':', 2);
        if (parts.Length != 2 || !Enum.TryParse(parts[0].Trim(), ignoreCase: true, out AcmgCriterion criterion) || int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        string state = parts[1].Trim().ToUpperInvariant();
        value = state switch
        {
            "ON" or "MET" => new AcmgOverride(criterion, true, null, null),
            "OFF" or "NOT" => new AcmgOverride(criterion, false, null, null),
            "SUPPORTING" => new AcmgOverride(criterion, true, AcmgStrength.Supporting, null),
            "MODERATE" => new AcmgOverride(criterion, true, AcmgStrength.Moderate, null),
            "STRONG" => new AcmgOverride(criterion, true, AcmgStrength.Strong, null),
            "VERYSTRONG" or "VERY_STRONG" => new AcmgOverride(criterion, true, AcmgStrength.VeryStrong, null),
            _ => null!,
        };
        return value is not null;
    }
}
