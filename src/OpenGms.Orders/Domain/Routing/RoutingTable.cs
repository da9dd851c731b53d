namespace OpenGms.Orders.Domain.Routing;

/// <summary>A Genomic Laboratory Hub.</summary>
/// <param name="Code">Short stable code, e.g. <c>north-thames</c>.</param>
/// <param name="Name">Its name, e.g. North Thames Genomic Laboratory Hub.</param>
public sealed record Glh(string Code, string Name);

/// <summary>A referring organisation and the GLH whose area it is in.</summary>
/// <param name="OdsCode">ODS code of the organisation (trust), e.g. <c>RP4</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="GlhCode">Its GLH.</param>
public sealed record ReferringOrganisation(string OdsCode, string Name, string GlhCode);

/// <summary>A specialist test (or a whole indication) that only named GLHs perform.</summary>
/// <param name="Code">A test code (R14.1) or an indication code (R14) for all its tests.</param>
/// <param name="Name">What it is, for people.</param>
/// <param name="GlhCodes">The GLHs that perform it, in order of preference.</param>
public sealed record SpecialistTest(string Code, string Name, IReadOnlyList<string> GlhCodes);

/// <summary>Where an order goes and why.</summary>
/// <param name="GlhCode">The GLH, or null when the order cannot be routed.</param>
/// <param name="GlhName">Its name.</param>
/// <param name="ReferringGlhCode">The GLH of the referring organisation, when known.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="ErrorCode">A code when not routed: <c>GLH020</c> unknown organisation, <c>GLH021</c> empty table.</param>
public sealed record RoutingDecision(string? GlhCode, string? GlhName, string? ReferringGlhCode, string Reason, string? ErrorCode)
{
    /// <summary>True when the order has a destination.</summary>
    public bool Routed => GlhCode is not null;
}

/// <summary>
/// The routing table: the seven GLHs, the referring organisations in each GLH's area and the specialist tests that
/// only named GLHs do. An order goes to the GLH of its referring organisation, unless the test is specialist and that
/// GLH does not do it: then it goes to the first named GLH that does.
/// </summary>
public sealed class RoutingTable
{
    private readonly Dictionary<string, Glh> _glhs;
    private readonly Dictionary<string, ReferringOrganisation> _organisations;
    private readonly Dictionary<string, SpecialistTest> _specialist;

    /// <summary>Builds the table; codes are compared without regard to case.</summary>
    public RoutingTable(IEnumerable<Glh> glhs, IEnumerable<ReferringOrganisation> organisations, IEnumerable<SpecialistTest> specialistTests)
    {
        _glhs = glhs.ToDictionary(g => g.Code, StringComparer.OrdinalIgnoreCase);
        _organisations = organisations.ToDictionary(o => o.OdsCode, StringComparer.OrdinalIgnoreCase);
        _specialist = specialistTests.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The GLHs.</summary>
    public IReadOnlyCollection<Glh> Glhs => _glhs.Values;

    /// <summary>The referring organisations.</summary>
    public IReadOnlyCollection<ReferringOrganisation> Organisations => _organisations.Values;

    /// <summary>The specialist tests.</summary>
    public IReadOnlyCollection<SpecialistTest> SpecialistTests => _specialist.Values;

    /// <summary>The GLH with this code, or null.</summary>
    public Glh? FindGlh(string code) => _glhs.GetValueOrDefault(code);

    /// <summary>
    /// The organisation for an ODS code: the code itself, or for a site code (five characters, e.g. <c>RAX01</c>)
    /// the trust it belongs to (its first three characters).
    /// </summary>
    public ReferringOrganisation? FindOrganisation(string odsCode)
    {
        ArgumentNullException.ThrowIfNull(odsCode);
        string code = odsCode.Trim();
        if (_organisations.TryGetValue(code, out ReferringOrganisation? exact))
        {
            return exact;
        }

        return code.Length > 3 && _organisations.TryGetValue(code[..3], out ReferringOrganisation? trust) ? trust : null;
    }

    /// <summary>Decides where an order for <paramref name="testCode"/> from <paramref name="odsCode"/> goes.</summary>
    public RoutingDecision Route(string odsCode, string testCode)
    {
        ArgumentNullException.ThrowIfNull(testCode);
        if (_glhs.Count == 0)
        {
            return new RoutingDecision(null, null, null, "The routing table is empty: import one with `gms glh import`.", "GLH021");
        }

        ReferringOrganisation? organisation = FindOrganisation(odsCode ?? string.Empty);
        if (organisation is null)
        {
            return new RoutingDecision(null, null, null, $"The organisation '{odsCode}' is not in the routing table, so its GLH is unknown.", "GLH020");
        }

        Glh home = _glhs[organisation.GlhCode];
        string indication = testCode.Split('.')[0];
        SpecialistTest? specialist = _specialist.GetValueOrDefault(testCode) ?? _specialist.GetValueOrDefault(indication);
        if (specialist is null)
        {
            return new RoutingDecision(home.Code, home.Name, home.Code,
                $"{organisation.Name} ({organisation.OdsCode}) is in the area of {home.Name}, which performs {testCode}.", null);
        }

        if (specialist.GlhCodes.Contains(home.Code, StringComparer.OrdinalIgnoreCase))
        {
            return new RoutingDecision(home.Code, home.Name, home.Code,
                $"{testCode} is a specialist test ({specialist.Name}); {home.Name}, the GLH of {organisation.Name} ({organisation.OdsCode}), is one of the GLHs that perform it.", null);
        }

        Glh target = _glhs[specialist.GlhCodes[0]];
        return new RoutingDecision(target.Code, target.Name, home.Code,
            $"{testCode} is a specialist test ({specialist.Name}) performed only by {string.Join(" and ", specialist.GlhCodes.Select(c => _glhs[c].Name))}; {home.Name} (the GLH of {organisation.Name}) does not perform it, so it goes to {target.Name}.", null);
    }
}
