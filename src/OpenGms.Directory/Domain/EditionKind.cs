namespace OpenGms.Directory.Domain;

/// <summary>The two test directories NHS England publishes.</summary>
public enum EditionKind
{
    /// <summary>The rare and inherited disease directory (R codes).</summary>
    RareAndInherited,

    /// <summary>The cancer directory (M codes).</summary>
    Cancer,
}

/// <summary>Stable text forms of <see cref="EditionKind"/>, as used in keys, JSON and the database.</summary>
public static class EditionKinds
{
    /// <summary>The text form: <c>rare-and-inherited</c> or <c>cancer</c>.</summary>
    public static string ToText(this EditionKind kind) => kind switch
    {
        EditionKind.RareAndInherited => "rare-and-inherited",
        EditionKind.Cancer => "cancer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses <see cref="ToText"/>'s output; null when unknown.</summary>
    public static EditionKind? Parse(string? text) => text switch
    {
        "rare-and-inherited" => EditionKind.RareAndInherited,
        "cancer" => EditionKind.Cancer,
        _ => null,
    };

    /// <summary>The short prefix of edition keys: <c>rd</c> or <c>cancer</c>.</summary>
    public static string KeyPrefix(this EditionKind kind) => kind == EditionKind.Cancer ? "cancer" : "rd";
}
